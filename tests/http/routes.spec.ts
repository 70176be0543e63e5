/**
 * Agent Guard's routes are registered only when a request may need them (a request serving
 * another plugin's route does not build them), yet they are always there when asked for: in
 * the REST index, directly, and through an internal call made while serving another route.
 */
import { test, expect } from '../support/fixtures';

test.describe( 'routes', () => {
	test( 'the REST index lists the namespace and its routes', async ( {
		admin,
	} ) => {
		const index = await ( await admin.get( 'wp-json/' ) ).json();
		expect( index.namespaces ).toContain( 'agent-guard/v1' );
		expect( Object.keys( index.routes ) ).toContain(
			'/agent-guard/v1/agents'
		);
	} );

	test( 'an internal call made while serving another namespace reaches them', async ( {
		admin,
	} ) => {
		const answer = await admin.get(
			'wp-json/agent-guard-test/v1/internal?route=/agent-guard/v1/halt'
		);
		expect( answer.status(), await answer.text() ).toBe( 200 );
		const body = await answer.json();
		expect( body.status ).toBe( 200 );
		expect( typeof body.data.halted ).toBe( 'boolean' );
	} );

	test( 'a person’s WooCommerce request is served as before', async ( {
		admin,
	} ) => {
		const products = await admin.get( 'wp-json/wc/v3/products?per_page=2' );
		expect( products.status() ).toBe( 200 );
		expect( ( await products.json() ).length ).toBe( 2 );
	} );
} );

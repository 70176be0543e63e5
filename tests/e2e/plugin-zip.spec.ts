/**
 * The release zip on a stock WordPress: a fresh site without Agent Guard, the zip uploaded
 * through wp-admin's own upload screen, activated, and the plugin working — its menu, its
 * Overview, its tables and its REST API. `npm test` builds agent-guard.zip in the `build`
 * suite before this one; alone, run `npm run build && npm run plugin-zip` first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { logIn } from '../support/fixtures';

const ROOT = path.resolve( __dirname, '../..' );
const ZIP = path.join( ROOT, 'agent-guard.zip' );

interface FreshSite {
	url: string;
	wpDir: string;
	admin: { user: string; password: string };
	stop: () => Promise< void >;
}

let fresh: FreshSite;

test.describe.configure( { mode: 'serial', timeout: 180_000 } );

test.beforeAll( async () => {
	expect(
		fs.existsSync( ZIP ),
		'agent-guard.zip is missing: run `npm run build && npm run plugin-zip` first'
	).toBe( true );
	const { createSite, serveSite } = await import(
		path.join( ROOT, 'bin/lib/site.mjs' )
	);
	// Stock WordPress with WooCommerce: no Agent Guard, no test mode, no test helpers.
	const site = await createSite( {
		name: 'pw-zip',
		agentGuard: false,
		testMode: false,
	} );
	const server = await serveSite( site );
	fresh = {
		url: site.url,
		wpDir: site.wpDir,
		admin: site.admin,
		stop: () => server.stop(),
	};
} );

test.afterAll( async () => {
	await fresh?.stop();
} );

test( 'the zip installs and activates through wp-admin’s upload screen', async ( {
	page,
} ) => {
	const installed = path.join(
		fresh.wpDir,
		'wp-content/plugins/agent-guard'
	);
	expect( fs.existsSync( installed ) ).toBe( false );

	await test.step( 'log in to the fresh site', async () => {
		await logIn(
			page,
			fresh.admin.user,
			fresh.admin.password,
			`${ fresh.url }/wp-login.php`
		);
		await expect( page.locator( '#wpadminbar' ) ).toBeVisible();
		// Not installed yet: no menu.
		await expect(
			page
				.locator( '#adminmenu' )
				.getByRole( 'link', { name: 'Agent Guard' } )
		).toHaveCount( 0 );
	} );

	await test.step( 'upload the zip and install it', async () => {
		await page.goto(
			`${ fresh.url }/wp-admin/plugin-install.php?tab=upload`
		);
		// The upload tab shows the form at once.
		await expect( page.locator( '#pluginzip' ) ).toBeVisible();
		await page.setInputFiles( '#pluginzip', ZIP );
		await page.getByRole( 'button', { name: 'Install Now' } ).click();
		await expect( page.locator( '#wpbody-content' ) ).toContainText(
			'Plugin installed successfully.',
			{ timeout: 60_000 }
		);
	} );

	await test.step( 'activate it', async () => {
		await page.getByRole( 'link', { name: 'Activate Plugin' } ).click();
		// WooCommerce may add notices of its own: look for WordPress's.
		await expect(
			page.locator( '#wpbody-content' ).getByText( 'Plugin activated.' )
		).toBeVisible();
		await expect(
			page.locator( 'tr[data-plugin="agent-guard/agent-guard.php"]' )
		).toHaveClass( /active/ );
	} );

	await test.step( 'only the plugin was shipped', async () => {
		expect(
			fs.existsSync( path.join( installed, 'agent-guard.php' ) )
		).toBe( true );
		expect(
			fs.existsSync( path.join( installed, 'build/index.js' ) )
		).toBe( true );
		for ( const absent of [
			'tests',
			'src',
			'bin',
			'node_modules',
			'package.json',
			'composer.json',
			'.ci',
		] ) {
			expect(
				fs.existsSync( path.join( installed, absent ) ),
				`${ absent } must not be in the zip`
			).toBe( false );
		}
	} );

	await test.step( 'its screens and its REST API work', async () => {
		await page
			.locator( '#adminmenu' )
			.getByRole( 'link', { name: 'Agent Guard' } )
			.first()
			.click();
		await expect(
			page.getByRole( 'heading', { level: 1, name: 'Overview' } )
		).toBeVisible();
		await expect( page.locator( '#wpadminbar' ) ).toContainText(
			'Halt agents'
		);
		// Through WordPress's own api-fetch (cookie + nonce), as the admin app calls it.
		const agents = await page.evaluate( async () => {
			const wp = (
				window as unknown as {
					wp: {
						apiFetch: ( options: {
							path: string;
							parse: boolean;
						} ) => Promise< Response >;
					};
				}
			 ).wp;
			const response = await wp.apiFetch( {
				path: '/agent-guard/v1/agents',
				parse: false,
			} );
			return { status: response.status, body: await response.json() };
		} );
		expect( agents.status ).toBe( 200 );
		expect( agents.body ).toEqual( [] );
	} );
} );

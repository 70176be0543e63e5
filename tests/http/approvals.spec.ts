/**
 * The approval queue from the agent's side and under concurrency: queue → approve → executed
 * exactly once, conflicts, and fifty simultaneous approvals of one item.
 */
import { test, expect, createAgent } from '../support/fixtures';
import { raw, jsonHeaders, bearer } from '../support/http';
import type { APIRequestContext } from '@playwright/test';

async function product(
	admin: APIRequestContext,
	price = '100.00'
): Promise< number > {
	const response = await admin.post( 'wp-json/wc/v3/products', {
		data: {
			name: `Queue product ${ Date.now() }-${ Math.random() }`,
			regular_price: price,
		},
	} );
	expect( response.status(), await response.text() ).toBe( 201 );
	return ( await response.json() ).id;
}

async function effects(
	admin: APIRequestContext,
	id: number
): Promise< number > {
	return (
		await (
			await admin.get(
				`wp-json/agent-guard-test/v1/effects?target=product:${ id }`
			)
		).json()
	).n;
}

test.describe( 'approvals over HTTP', () => {
	test( 'queue → approve → executed, and the agent polls it', async ( {
		site,
		admin,
	} ) => {
		const agent = await createAgent( admin, {
			template: 'pricing',
			mode: 'active',
		} );
		const id = await product( admin );
		const queued = await raw(
			`${ site.url }/wp-json/wc/v3/products/${ id }`,
			{
				method: 'PUT',
				headers: jsonHeaders( agent.token, {
					'X-Agent-Rationale': 'Market moved',
				} ),
				body: JSON.stringify( { regular_price: '125.00' } ),
			}
		);
		expect( queued.status ).toBe( 202 );
		const approvalId = queued.json.data.approval_id;
		const poll = await raw( queued.json.data.status_url, {
			headers: bearer( agent.token ),
		} );
		expect( poll.json.state ).toBe( 'pending' );

		const item = await (
			await admin.get(
				`wp-json/agent-guard/v1/approvals/${ approvalId }`
			)
		).json();
		const decided = await admin.post(
			`wp-json/agent-guard/v1/approvals/${ approvalId }/approve`,
			{ data: { version: item.version } }
		);
		expect( decided.status(), await decided.text() ).toBe( 200 );
		expect( ( await decided.json() ).state ).toBe( 'executed' );
		const after = await raw( queued.json.data.status_url, {
			headers: bearer( agent.token ),
		} );
		expect( after.json.state ).toBe( 'executed' );
		expect( after.json.result_status ).toBe( 200 );
		expect(
			(
				await (
					await admin.get( `wp-json/wc/v3/products/${ id }` )
				).json()
			).regular_price
		).toBe( '125.00' );
	} );

	test( 'a target changed since it was queued becomes a conflict, nothing written', async ( {
		site,
		admin,
	} ) => {
		const agent = await createAgent( admin, {
			template: 'pricing',
			mode: 'active',
		} );
		const id = await product( admin );
		const queued = await raw(
			`${ site.url }/wp-json/wc/v3/products/${ id }`,
			{
				method: 'PUT',
				headers: jsonHeaders( agent.token ),
				body: JSON.stringify( { regular_price: '125.00' } ),
			}
		);
		await admin.put( `wp-json/wc/v3/products/${ id }`, {
			data: { regular_price: '140.00' },
		} );
		const item = await (
			await admin.get(
				`wp-json/agent-guard/v1/approvals/${ queued.json.data.approval_id }`
			)
		).json();
		const decided = await (
			await admin.post(
				`wp-json/agent-guard/v1/approvals/${ item.id }/approve`,
				{ data: { version: item.version } }
			)
		).json();
		expect( decided.state ).toBe( 'conflict' );
		expect(
			(
				await (
					await admin.get( `wp-json/wc/v3/products/${ id }` )
				).json()
			).regular_price
		).toBe( '140.00' );
	} );

	test( 'fifty simultaneous approvals of one item: one transition, one write', async ( {
		site,
		admin,
	} ) => {
		const agent = await createAgent( admin, {
			template: 'pricing',
			mode: 'active',
		} );
		const id = await product( admin );
		const queued = await raw(
			`${ site.url }/wp-json/wc/v3/products/${ id }`,
			{
				method: 'PUT',
				headers: jsonHeaders( agent.token ),
				body: JSON.stringify( { regular_price: '130.00' } ),
			}
		);
		const approvalId = queued.json.data.approval_id;
		const item = await (
			await admin.get(
				`wp-json/agent-guard/v1/approvals/${ approvalId }`
			)
		).json();
		const before = await effects( admin, id );
		const auth =
			'Basic ' +
			Buffer.from(
				`${ site.admin.user }:${ site.install.app_password }`
			).toString( 'base64' );
		const responses = await Promise.all(
			Array.from( { length: 50 }, () =>
				raw(
					`${ site.url }/wp-json/agent-guard/v1/approvals/${ approvalId }/approve`,
					{
						method: 'POST',
						headers: {
							Authorization: auth,
							'Content-Type': 'application/json',
						},
						body: JSON.stringify( { version: item.version } ),
					}
				)
			)
		);
		const won = responses.filter( ( r ) => r.status === 200 );
		expect( won.length ).toBe( 1 );
		for ( const response of responses ) {
			expect( [ 200, 409 ] ).toContain( response.status );
		}
		const final = await (
			await admin.get(
				`wp-json/agent-guard/v1/approvals/${ approvalId }`
			)
		).json();
		expect( final.state, JSON.stringify( final.result ) ).toBe(
			'executed'
		);
		expect( await effects( admin, id ) ).toBe( before + 1 );
		const events = await (
			await admin.get(
				`wp-json/agent-guard/v1/audit?approval_id=${ approvalId }&event_type=approval_approved`
			)
		).json();
		expect( events.length ).toBe( 1 );
	} );
} );

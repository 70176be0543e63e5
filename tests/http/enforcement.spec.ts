/**
 * The decision pipeline from the agent's side of the wire: what WordPress dispatches is what
 * the guard judges, whatever the URL, method override, content type or body shape.
 */
import {
	test,
	expect,
	createActiveAgent,
	type CreatedAgent,
} from '../support/fixtures';
import { raw, bearer, getAs, jsonHeaders, sendJson } from '../support/http';
import {
	createProduct,
	productUrl,
	readProduct,
	updateProductAs,
} from '../support/store';
import type { APIRequestContext } from '@playwright/test';

/**
 * A product with managed stock (10 in stock), regular price 100.00 unless the fields say otherwise.
 *
 * @param admin  The administrator's REST client.
 * @param fields Product fields over the defaults.
 */
function product( admin: APIRequestContext, fields = {} ) {
	return createProduct( admin, {
		manage_stock: true,
		stock_quantity: 10,
		...fields,
	} );
}

/**
 * The product's regular price as stored now.
 *
 * @param admin The administrator's REST client.
 * @param id    Product id.
 */
async function storedPrice(
	admin: APIRequestContext,
	id: number
): Promise< string > {
	return ( await readProduct( admin, id ) ).regular_price;
}

test.describe( 'enforcement over HTTP', () => {
	let pricing: CreatedAgent;

	test.beforeAll( async ( { admin } ) => {
		pricing = await createActiveAgent( admin, 'pricing' );
	} );

	test( 'a method override is judged as the method WordPress dispatches', async ( {
		site,
		admin,
	} ) => {
		const item = await product( admin );
		const viaQuery = await getAs(
			productUrl( site, item.id, '_method=DELETE&force=true' ),
			pricing.token
		);
		expect( viaQuery.status ).toBe( 403 );
		expect( viaQuery.json.data.rule ).toBe(
			'actions.deny.products:delete'
		);
		const viaHeader = await raw( productUrl( site, item.id ), {
			method: 'POST',
			headers: bearer( pricing.token, {
				'X-HTTP-Method-Override': 'DELETE',
			} ),
		} );
		expect( viaHeader.status ).toBe( 403 );
		expect( ( await readProduct( admin, item.id ) ).status ).toBe(
			'publish'
		);
	} );

	test( 'route aliases reach the same decision', async ( {
		site,
		admin,
	} ) => {
		const item = await product( admin );
		const urls = [
			`${ site.url }/?rest_route=/wc/v3/products/${ item.id }`,
			`${ site.url }/wp-json/WC/V3/products/${ item.id }`,
			`${ site.url }/index.php/wp-json/wc/v3/products/${ item.id }`,
		];
		for ( const url of urls ) {
			const response = await sendJson( url, pricing.token, {
				name: 'alias',
			} );
			expect( [ 403, 404 ], url ).toContain( response.status );
			if ( response.status === 403 ) {
				expect( response.json.data.rule ).toBe(
					'actions.fields.products:update'
				);
			}
		}
		expect( ( await readProduct( admin, item.id ) ).name ).not.toBe(
			'alias'
		);
	} );

	test( 'a query parameter that fills what the body left out is judged like the handler reads it', async ( {
		site,
		admin,
	} ) => {
		const item = await product( admin );
		const response = await sendJson(
			productUrl( site, item.id, 'regular_price=0.01' ),
			pricing.token,
			{}
		);
		expect( response.status ).toBe( 202 );
		expect( response.json.code ).toBe( 'agent_guard_pending_approval' );
		expect( await storedPrice( admin, item.id ) ).toBe( '100.00' );
	} );

	test( 'duplicate JSON keys are judged on the value PHP keeps (the last)', async ( {
		site,
		admin,
	} ) => {
		const item = await product( admin );
		// The body is written by hand: JSON.stringify cannot repeat a key.
		const response = await raw( productUrl( site, item.id ), {
			method: 'PUT',
			headers: jsonHeaders( pricing.token ),
			body: '{"regular_price":"101.00","regular_price":"0.01"}',
		} );
		expect( response.status ).toBe( 202 );
		expect( await storedPrice( admin, item.id ) ).toBe( '100.00' );
	} );

	test( 'an agent write with a body that is neither JSON nor a form is refused', async ( {
		site,
		admin,
	} ) => {
		const item = await product( admin );
		const response = await raw( productUrl( site, item.id ), {
			method: 'PUT',
			headers: bearer( pricing.token, {
				'Content-Type': 'text/plain',
			} ),
			body: '{"regular_price":"0.01"}',
		} );
		expect( response.status ).toBe( 415 );
		expect( response.json.code ).toBe(
			'agent_guard_unsupported_media_type'
		);
	} );

	test( 'batch/v1 sub-requests are each decided on their own', async ( {
		site,
		admin,
	} ) => {
		const item = await product( admin );
		const response = await sendJson(
			`${ site.url }/wp-json/batch/v1`,
			pricing.token,
			{
				requests: [
					{
						method: 'PUT',
						path: `/wc/v3/products/${ item.id }`,
						body: { regular_price: '0.01' },
					},
					{
						method: 'POST',
						path: '/agent-guard/v1/check',
						body: { method: 'GET', route: '/wc/v3/orders' },
					},
				],
			},
			{ method: 'POST' }
		);
		expect( response.status ).toBe( 207 );
		// WooCommerce routes do not opt in to batch/v1: WordPress refuses them before any handler runs.
		expect( response.json.responses[ 0 ].body.code ).toBe(
			'rest_batch_not_allowed'
		);
		expect( await storedPrice( admin, item.id ) ).toBe( '100.00' );
	} );

	test( 'a products/batch is decided whole: one item outside the policy refuses all of it', async ( {
		site,
		admin,
	} ) => {
		const a = await product( admin, { regular_price: '10.00' } );
		const b = await product( admin, { regular_price: '20.00' } );
		const items = Array.from( { length: 20 }, ( _, i ) => ( {
			id: i % 2 ? a.id : b.id,
			regular_price: i % 2 ? '10.10' : '20.20',
		} ) );
		items[ 13 ] = { id: a.id, regular_price: '0.01' };
		const response = await sendJson(
			`${ site.url }/wp-json/wc/v3/products/batch`,
			pricing.token,
			{ update: items },
			{ method: 'POST' }
		);
		expect( response.status ).toBe( 202 );
		expect(
			response.json.data.reasons.map( ( r: { item: string } ) => r.item )
		).toContain( 'update[13]' );
		expect( await storedPrice( admin, a.id ) ).toBe( '10.00' );
		expect( await storedPrice( admin, b.id ) ).toBe( '20.00' );
	} );

	test( 'over the per-minute limit: 429 with Retry-After', async ( {
		site,
		admin,
	} ) => {
		const agent = await createActiveAgent( admin, 'pricing' );
		const item = await product( admin );
		const statuses: number[] = [];
		let retryAfter: string | null = null;
		for ( let i = 0; i < 7; i++ ) {
			const response = await updateProductAs(
				site,
				agent.token,
				item.id,
				{
					regular_price: `100.0${ i }`,
				}
			);
			statuses.push( response.status );
			if ( response.status === 429 ) {
				retryAfter = response.headers.get( 'retry-after' );
				expect( response.json.data.rule ).toBe(
					'limits.writes_per_minute'
				);
			}
		}
		// Five writes a minute by default; a minute boundary may split the run.
		expect(
			statuses.filter( ( s ) => s === 200 ).length
		).toBeGreaterThanOrEqual( 5 );
		if ( statuses.includes( 429 ) ) {
			expect( Number( retryAfter ) ).toBeGreaterThanOrEqual( 1 );
		}
	} );

	test( 'twenty concurrent requests with one Idempotency-Key have one effect', async ( {
		site,
		admin,
	} ) => {
		const agent = await createActiveAgent( admin, 'pricing' );
		const item = await product( admin );
		const key = `concurrent-${ Date.now() }`;
		const responses = await Promise.all(
			Array.from( { length: 20 }, () =>
				updateProductAs(
					site,
					agent.token,
					item.id,
					{ regular_price: '101.00' },
					{ 'Idempotency-Key': key }
				)
			)
		);
		const executed = responses.filter(
			( r ) =>
				r.status === 200 && ! r.headers.get( 'idempotent-replayed' )
		);
		expect( executed.length ).toBe( 1 );
		for ( const response of responses ) {
			expect( [ 200, 409 ] ).toContain( response.status );
		}
		const events = await (
			await admin.get(
				`wp-json/agent-guard/v1/audit?agent_id=${ agent.id }&decision=allow&per_page=100`
			)
		).json();
		expect(
			events.filter(
				( e: { action: string } ) => e.action === 'products:update'
			).length
		).toBe( 1 );
	} );

	test( 'the dry-run check answers the decision and executes nothing', async ( {
		site,
		admin,
	} ) => {
		const item = await product( admin );
		const response = await sendJson(
			`${ site.url }/wp-json/agent-guard/v1/check`,
			pricing.token,
			{
				method: 'PUT',
				route: `/wc/v3/products/${ item.id }`,
				body: { regular_price: '150.00' },
			},
			{ method: 'POST' }
		);
		expect( response.status ).toBe( 200 );
		expect( response.json ).toMatchObject( {
			decision: 'queue',
			status: 202,
			rule: 'approvals.price.max_change_percent_24h',
			executed: false,
		} );
		expect( await storedPrice( admin, item.id ) ).toBe( '100.00' );
	} );
} );

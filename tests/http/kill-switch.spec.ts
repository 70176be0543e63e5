/**
 * The kill switch under load: no write is decided after the halt commits, requests sent after
 * the halt returned are all refused, and a halted agent's neighbour is unaffected.
 */
import { test, expect, createActiveAgent } from '../support/fixtures';
import { raw, getAs } from '../support/http';
import {
	createProduct,
	haltAgent,
	productSaves,
	readAuditEvent,
	resumeAgent,
	updateProductAs,
} from '../support/store';
// Product updates with no envelope, approval or breaker in the way and limits far above the
// load (bin/bench.mjs measures with the same policy).
import permissiveWrites from '../support/policies/permissive-writes.json';

test.describe( 'kill switch under load', () => {
	test.afterEach( async ( { admin } ) => {
		await admin.post( 'wp-json/agent-guard/v1/halt', {
			data: { halted: false },
		} );
	} );

	test( '200 concurrent agent writes: nothing is decided after the halt commits', async ( {
		site,
		admin,
	} ) => {
		test.setTimeout( 120_000 );
		const agent = await createActiveAgent( admin, 'read_only', {
			policy: permissiveWrites,
		} );
		const products: number[] = [];
		for ( let i = 0; i < 20; i++ ) {
			const created = await createProduct( admin, {
				name: `Load ${ i } ${ Date.now() }`,
				regular_price: '50.00',
			} );
			products.push( created.id );
		}
		const results: {
			status: number;
			sentAt: number;
			event: string | null;
		}[] = [];
		let haltReturnedAt = Number.POSITIVE_INFINITY;
		let haltEpoch = 0;
		let sent = 0;
		const send = async () => {
			const n = sent++;
			const sentAt = Date.now();
			const response = await updateProductAs(
				site,
				agent.token,
				products[ n % products.length ] as number,
				{ regular_price: `${ 100 + n }.00` }
			);
			results.push( {
				status: response.status,
				sentAt,
				event: response.headers.get( 'x-agent-guard-event' ),
			} );
			if ( n === 80 ) {
				const halt = await admin.post( 'wp-json/agent-guard/v1/halt', {
					data: { halted: true, reason: 'load test' },
				} );
				haltEpoch = ( await halt.json() ).epoch;
				haltReturnedAt = Date.now();
			}
		};
		const workers = Array.from( { length: 25 }, async () => {
			while ( sent < 200 ) {
				await send();
			}
		} );
		await Promise.all( workers );
		expect( results.length ).toBe( 200 );
		expect( haltEpoch ).toBeGreaterThan( 0 );

		const after = results.filter( ( r ) => r.sentAt > haltReturnedAt );
		expect( after.length ).toBeGreaterThan( 50 );
		for ( const r of after ) {
			expect( r.status, 'a request sent after the halt returned' ).toBe(
				503
			);
		}
		const allowed = results.filter( ( r ) => r.status === 200 );
		expect( allowed.length ).toBeGreaterThan( 0 );
		for ( const r of results ) {
			expect( [ 200, 503 ] ).toContain( r.status );
		}
		// Every executed write was decided under the epoch before the halt.
		for ( const r of allowed ) {
			const event = await readAuditEvent( admin, r.event );
			expect( event.details.epoch ).toBeLessThan( haltEpoch );
		}
		// Ground truth: the store saw exactly as many product saves as 200 answers.
		let saves = 0;
		for ( const id of products ) {
			saves += await productSaves( admin, id );
		}
		expect( saves ).toBe( allowed.length );
	} );

	test( "halting one agent leaves its neighbour's requests alone", async ( {
		site,
		admin,
	} ) => {
		const a = await createActiveAgent( admin );
		const b = await createActiveAgent( admin );
		await haltAgent( admin, a.id, 'neighbour test' );
		try {
			const statuses = await Promise.all(
				Array.from( { length: 20 }, ( _, i ) =>
					getAs(
						`${ site.url }/wp-json/wc/v3/products?per_page=1`,
						i % 2 ? a.token : b.token
					)
				)
			);
			statuses.forEach( ( response, i ) =>
				expect( response.status ).toBe( i % 2 ? 503 : 200 )
			);
		} finally {
			await resumeAgent( admin, a.id );
		}
	} );

	test( 'the admin-post kill switch refuses a request without its nonce', async ( {
		site,
	} ) => {
		const response = await raw( `${ site.url }/wp-admin/admin-post.php`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: 'action=agent_guard_halt&reason=csrf',
		} );
		expect( response.status ).not.toBe( 302 );
		expect( [ 200, 400, 403 ] ).toContain( response.status );
	} );
} );

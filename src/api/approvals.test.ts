/**
 * The approval fetchers against answers recorded from a real site (src/test-utils/
 * fixtures/approvals*.json: pending, executed, failed, conflict, rejected, expired items of
 * every exposure kind) and against broken ones.
 */

/**
 * External dependencies
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';

/**
 * Internal dependencies
 */
import {
	approveApproval,
	decideApprovals,
	fetchApproval,
	fetchApprovals,
	isStaleDecision,
	refusedField,
	rejectApproval,
} from './approvals';
import { ApiError, INVALID_RESPONSE } from './errors';
import { makeApproval } from '../test-utils/approval-factories';
import { mockedApiFetch, serveRoutes } from '../test-utils/api-fetch-mock';
import { reply, wpError } from '../test-utils/fake-api-fetch';
import recordedApprovals from '../test-utils/fixtures/approvals.json';
import recordedBulk from '../test-utils/fixtures/approvals-bulk.json';

jest.mock( '@wordpress/api-fetch' );

beforeEach( () => {
	mockedApiFetch.mockReset();
} );

describe( 'fetchApprovals', () => {
	it( 'parses GET approvals as the site sent it, with X-WP-Total', async () => {
		serveRoutes( {
			'GET /agent-guard/v1/approvals': () =>
				reply( recordedApprovals, { total: 40 } ),
		} );

		const page = await fetchApprovals( { state: 'all', per_page: 100 } );

		expect( page.total ).toBe( 40 );
		expect( page.items.map( ( a ) => a.state ) ).toEqual(
			recordedApprovals.map( ( a ) => a.state )
		);
		expect( new Set( page.items.map( ( a ) => a.exposure.kind ) ) ).toEqual(
			new Set( [ 'price', 'refund', 'coupon', 'batch', 'stock' ] )
		);
		expect( mockedApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( {
				path: '/agent-guard/v1/approvals?state=all&per_page=100',
				parse: false,
			} )
		);
	} );

	it( 'turns an empty result PHP sent as [] into {}', async () => {
		serveRoutes( {
			'GET /agent-guard/v1/approvals': () =>
				reply(
					[
						{
							...makeApproval(),
							result: [],
							metadata: [],
							exposure: [],
						},
					],
					{ total: 1 }
				),
		} );

		const page = await fetchApprovals();

		expect( page.items[ 0 ] ).toMatchObject( {
			result: {},
			metadata: {},
			exposure: {},
		} );
	} );

	it( 'sends the filters the screen set, leaving out the empty ones', async () => {
		serveRoutes( {
			'GET /agent-guard/v1/approvals': () => reply( [], { total: 0 } ),
		} );

		await fetchApprovals( {
			state: 'decided',
			agent_id: 4,
			action: 'orders:refund',
			order: 'exposure',
			page: 2,
			per_page: 20,
		} );

		expect( mockedApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( {
				path: '/agent-guard/v1/approvals?state=decided&agent_id=4&action=orders%3Arefund&order=exposure&page=2&per_page=20',
			} )
		);
	} );

	it( 'refuses an item in a state the queue does not have, naming it', async () => {
		serveRoutes( {
			'GET /agent-guard/v1/approvals': () =>
				reply(
					[ makeApproval(), makeApproval( { id: 13 } ) ].map(
						( a, i ) => ( i === 1 ? { ...a, state: 'maybe' } : a )
					),
					{ total: 2 }
				),
		} );

		await expect( fetchApprovals() ).rejects.toMatchObject( {
			code: INVALID_RESPONSE,
			path: '1.state',
		} );
	} );

	it( 'refuses an item with a field the contract does not know', async () => {
		serveRoutes( {
			'GET /agent-guard/v1/approvals/12': () =>
				reply( { ...makeApproval(), secret_field: 1 } ),
		} );

		const error = await fetchApproval( 12 ).catch( ( e: unknown ) => e );

		expect( error ).toBeInstanceOf( ApiError );
		expect( error ).toMatchObject( { code: INVALID_RESPONSE } );
	} );
} );

describe( 'approveApproval', () => {
	it( 'posts the version, the comment and the lowered value, and returns the item', async () => {
		const executed = makeApproval( {
			state: 'executed',
			version: 4,
			result_status: 200,
		} );
		serveRoutes( {
			'POST /agent-guard/v1/approvals/12/approve': () =>
				reply( executed ),
		} );

		const item = await approveApproval( 12, {
			version: 1,
			comment: 'Half of it',
			edit: { regular_price: '13.20' },
		} );

		expect( item.state ).toBe( 'executed' );
		expect( mockedApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( {
				method: 'POST',
				path: '/agent-guard/v1/approvals/12/approve',
				data: {
					version: 1,
					comment: 'Half of it',
					edit: { regular_price: '13.20' },
				},
			} )
		);
	} );

	it( 'rejects with the server’s refusal: code, status and field', async () => {
		serveRoutes( {
			'POST /agent-guard/v1/approvals/12/approve': () =>
				wpError(
					400,
					'agent_guard_invalid',
					'The edited regular_price must lie between the current value and the proposed one: a smaller change, not a different one.',
					'edit.regular_price'
				),
		} );

		const error = await approveApproval( 12, {
			version: 1,
			edit: { regular_price: '20.00' },
		} ).catch( ( e: unknown ) => e );

		expect( refusedField( error ) ).toBe( 'edit.regular_price' );
		expect( isStaleDecision( error ) ).toBe( false );
	} );

	it( 'recognises a stale version as a reason to reload', async () => {
		serveRoutes( {
			'POST /agent-guard/v1/approvals/12/approve': () =>
				wpError(
					409,
					'agent_guard_version_conflict',
					'This request changed since you loaded it (version 1, now 2); reload it and decide again.'
				),
		} );

		const error = await approveApproval( 12, { version: 1 } ).catch(
			( e: unknown ) => e
		);

		expect( isStaleDecision( error ) ).toBe( true );
		expect( refusedField( error ) ).toBeNull();
	} );
} );

describe( 'rejectApproval', () => {
	it( 'posts the version and the comment', async () => {
		serveRoutes( {
			'POST /agent-guard/v1/approvals/12/reject': () =>
				reply( makeApproval( { state: 'rejected', version: 2 } ) ),
		} );

		const item = await rejectApproval( 12, {
			version: 1,
			comment: 'Too steep before the sale',
		} );

		expect( item.state ).toBe( 'rejected' );
		expect( mockedApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( {
				data: { version: 1, comment: 'Too steep before the sale' },
			} )
		);
	} );
} );

describe( 'decideApprovals', () => {
	it( 'parses the per-item report as the site sent it', async () => {
		serveRoutes( {
			'POST /agent-guard/v1/approvals/bulk': () => reply( recordedBulk ),
		} );

		const result = await decideApprovals( {
			decision: 'approve',
			items: [
				{ id: 1, version: 1 },
				{ id: 8, version: 2 },
				{ id: 6, version: 9 },
			],
		} );

		expect( result.results.map( ( r ) => r.ok ) ).toEqual( [
			true,
			false,
			false,
		] );
		expect( result.results[ 2 ]?.code ).toBe(
			'agent_guard_version_conflict'
		);
	} );

	it( 'refuses a report without its results list', async () => {
		serveRoutes( {
			'POST /agent-guard/v1/approvals/bulk': () =>
				reply( { decided: 3 } ),
		} );

		await expect(
			decideApprovals( {
				decision: 'reject',
				items: [ { id: 1, version: 1 } ],
				comment: 'No',
			} )
		).rejects.toMatchObject( { code: INVALID_RESPONSE } );
	} );
} );

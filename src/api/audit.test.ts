/**
 * The audit fetchers against answers recorded from a real site (src/test-utils/fixtures)
 * and broken ones; keyset pages that never rely on counts; the export address.
 */

/**
 * External dependencies
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';

/**
 * WordPress dependencies
 */
import type { APIFetchOptions } from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import {
	auditExportUrl,
	currentRestNonce,
	fetchAuditEvent,
	fetchAuditPage,
	restUrlFor,
	verifyAuditLog,
} from './audit';
import { ApiError, INVALID_RESPONSE } from './errors';
import { makeAuditEvent } from '../test-utils/factories';
import { mockedApiFetch, serveRoutes } from '../test-utils/api-fetch-mock';
import { fakeApiFetch, reply, wpError } from '../test-utils/fake-api-fetch';
import recordedEvents from '../test-utils/fixtures/audit-events.json';
import recordedOutline from '../test-utils/fixtures/audit-events-outline.json';
import recordedIntact from '../test-utils/fixtures/audit-verify.json';
import recordedBroken from '../test-utils/fixtures/audit-verify-broken.json';

jest.mock( '@wordpress/api-fetch' );

beforeEach( () => {
	mockedApiFetch.mockReset();
} );

function queryOf( options: APIFetchOptions ): URLSearchParams {
	return new URLSearchParams(
		( options.path ?? '' ).split( '?' )[ 1 ] ?? ''
	);
}

describe( 'fetchAuditPage', () => {
	it( 'parses a recorded page and asks for one event more than it shows', async () => {
		const calls: URLSearchParams[] = [];
		serveRoutes( {
			'GET /agent-guard/v1/audit': ( options ) => {
				calls.push( queryOf( options ) );
				return reply( recordedEvents.slice( 0, 6 ), { total: 24 } );
			},
		} );

		const page = await fetchAuditPage( { agent_id: 2 }, undefined, 5 );

		expect( calls[ 0 ]?.get( 'per_page' ) ).toBe( '6' );
		expect( calls[ 0 ]?.get( 'agent_id' ) ).toBe( '2' );
		expect( calls[ 0 ]?.has( 'before_id' ) ).toBe( false );
		expect( page.items.map( ( e ) => e.id ) ).toEqual( [
			24, 23, 22, 21, 20,
		] );
		expect( page.nextBeforeId ).toBe( 20 );
	} );

	it( 'says the oldest event is reached when fewer come back, whatever X-WP-Total says', async () => {
		serveRoutes( {
			'GET /agent-guard/v1/audit': () =>
				reply( recordedEvents.slice( 20 ), { total: 999 } ),
		} );

		const page = await fetchAuditPage( {}, 5, 5 );

		expect( page.items.map( ( e ) => e.id ) ).toEqual( [ 4, 3, 2, 1 ] );
		expect( page.nextBeforeId ).toBeNull();
		expect( mockedApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( {
				path: '/agent-guard/v1/audit?before_id=5&per_page=6&count=0',
			} )
		);
	} );

	it( 'parses the outline people without agent_guard_audit get', async () => {
		serveRoutes( {
			'GET /agent-guard/v1/audit': () => reply( recordedOutline ),
		} );

		const page = await fetchAuditPage( {}, undefined, 50 );

		expect( page.items.length ).toBe( recordedOutline.length );
		expect(
			page.items.every( ( e ) => e.before === null && e.after === null )
		).toBe( true );
		expect( page.items.map( ( e ) => e.details ) ).toContainEqual( {} );
	} );

	it( 'refuses an event without its incident id', async () => {
		const { incident_id: _dropped, ...old } = makeAuditEvent();
		serveRoutes( {
			'GET /agent-guard/v1/audit': () => reply( [ old ] ),
		} );

		const failure = fetchAuditPage( {}, undefined, 50 );

		await expect( failure ).rejects.toBeInstanceOf( ApiError );
		await expect( failure ).rejects.toMatchObject( {
			code: INVALID_RESPONSE,
		} );
	} );
} );

describe( 'fetchAuditEvent', () => {
	it( 'reads one event by id', async () => {
		serveRoutes( {
			'GET /agent-guard/v1/audit/23': () =>
				reply( recordedEvents.find( ( e ) => e.id === 23 ) ),
		} );

		const event = await fetchAuditEvent( 23 );

		expect( event.event_type ).toBe( 'breaker_tripped' );
		expect( event.incident_id ).toBe( 1 );
	} );

	it( 'passes a refusal on as an ApiError', async () => {
		serveRoutes( {
			'GET /agent-guard/v1/audit/23': () =>
				wpError( 403, 'agent_guard_forbidden', 'Sorry.' ),
		} );

		await expect( fetchAuditEvent( 23 ) ).rejects.toMatchObject( {
			code: 'agent_guard_forbidden',
			status: 403,
		} );
	} );
} );

describe( 'verifyAuditLog', () => {
	it( 'parses an intact chain and a broken one as the site answered', async () => {
		mockedApiFetch
			.mockImplementationOnce(
				fakeApiFetch( {
					'GET /agent-guard/v1/audit/verify': () =>
						reply( recordedIntact ),
				} )
			)
			.mockImplementationOnce(
				fakeApiFetch( {
					'GET /agent-guard/v1/audit/verify': () =>
						reply( recordedBroken ),
				} )
			);

		await expect( verifyAuditLog() ).resolves.toEqual( {
			ok: true,
			checked: 24,
			first_broken: null,
		} );
		await expect( verifyAuditLog() ).resolves.toEqual( {
			ok: false,
			checked: 0,
			first_broken: {
				id: 13,
				reason: 'row 13 was changed after it was written',
			},
		} );
	} );

	it( 'refuses an answer that is not a verification', async () => {
		serveRoutes( {
			'GET /agent-guard/v1/audit/verify': () =>
				reply( { ok: 'yes', checked: 3 } ),
		} );

		await expect( verifyAuditLog() ).rejects.toMatchObject( {
			code: INVALID_RESPONSE,
		} );
	} );
} );

describe( 'export address', () => {
	it( 'puts the filters and the nonce on the REST route', () => {
		const url = new URL(
			auditExportUrl( {
				restUrl: 'http://store.test/wp-json/',
				nonce: 'n0nce',
				format: 'csv',
				selection: {
					agent_id: 4,
					action: 'products:update',
					from: '2026-11-21T06:00:00Z',
					decision: undefined,
				},
			} )
		);

		expect( url.origin + url.pathname ).toBe(
			'http://store.test/wp-json/agent-guard/v1/audit/export'
		);
		expect( Object.fromEntries( url.searchParams ) ).toEqual( {
			format: 'csv',
			agent_id: '4',
			action: 'products:update',
			from: '2026-11-21T06:00:00Z',
			_wpnonce: 'n0nce',
		} );
	} );

	it( 'joins a plain-permalink REST root the way apiFetch does', () => {
		expect(
			restUrlFor(
				'http://store.test/?rest_route=/',
				'/agent-guard/v1/audit/export?format=jsonl'
			)
		).toBe(
			'http://store.test/?rest_route=/agent-guard/v1/audit/export&format=jsonl'
		);
	} );

	it( 'reads the nonce apiFetch (a function) sends, and none when the page has none', () => {
		expect(
			currentRestNonce( { nonceMiddleware: { nonce: 'abc123' } } )
		).toBe( 'abc123' );
		// As WordPress sets it up: a function whose nonce middleware is a function too.
		const fetcher = Object.assign( () => undefined, {
			nonceMiddleware: Object.assign( () => undefined, {
				nonce: 'fn-nonce',
			} ),
		} );
		expect( currentRestNonce( fetcher ) ).toBe( 'fn-nonce' );
		expect( currentRestNonce( {} ) ).toBeNull();
		expect( currentRestNonce( undefined ) ).toBeNull();
		expect(
			currentRestNonce( { nonceMiddleware: { nonce: '' } } )
		).toBeNull();
	} );
} );

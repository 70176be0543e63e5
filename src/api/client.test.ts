/**
 * External dependencies
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { z } from 'zod';

/**
 * Internal dependencies
 */
import { apiPath, getCollection, getJson, parse, sendJson } from './client';
import { ApiError, INVALID_RESPONSE } from './errors';
import { auditEventSchema } from '../schemas';
import { makeAuditEvent } from '../test-utils/factories';
import { mockedApiFetch, serveRoutes } from '../test-utils/api-fetch-mock';
import { reply, responseLike, wpError } from '../test-utils/fake-api-fetch';

jest.mock( '@wordpress/api-fetch' );

async function caught( promise: Promise< unknown > ): Promise< ApiError > {
	try {
		await promise;
	} catch ( error ) {
		if ( error instanceof ApiError ) {
			return error;
		}
		throw error;
	}
	throw new Error( 'Expected the promise to reject.' );
}

describe( 'apiPath', () => {
	it( 'builds a namespaced path and leaves out empty arguments', () => {
		expect(
			apiPath( 'audit', {
				event_type: 'agent_request',
				per_page: 20,
				agent_id: undefined,
				decision: '',
			} )
		).toBe( '/agent-guard/v1/audit?event_type=agent_request&per_page=20' );
	} );

	it( 'adds no query string when there are no arguments (the preloaded agents path)', () => {
		expect( apiPath( 'agents', {} ) ).toBe( '/agent-guard/v1/agents' );
	} );
} );

describe( 'parse', () => {
	it( 'returns the parsed data, with PHP’s [] for an empty object repaired', () => {
		const event = { ...makeAuditEvent(), metadata: [], details: [] };

		expect( parse( auditEventSchema, event ) ).toEqual( {
			...event,
			metadata: {},
			details: {},
		} );
	} );

	it( 'throws an ApiError naming the first wrong field', () => {
		const error = ( () => {
			try {
				parse( z.array( auditEventSchema ), [
					{ ...makeAuditEvent(), status: '200' },
				] );
			} catch ( thrown ) {
				return thrown;
			}
			return null;
		} )();

		expect( error ).toBeInstanceOf( ApiError );
		expect( error ).toMatchObject( {
			code: INVALID_RESPONSE,
			path: '0.status',
			status: null,
		} );
	} );

	it( 'refuses a field the contract does not have (strict schemas)', () => {
		expect( () =>
			parse( auditEventSchema, { ...makeAuditEvent(), extra: 1 } )
		).toThrow( ApiError );
	} );
} );

describe( 'getCollection', () => {
	beforeEach( () => {
		mockedApiFetch.mockReset();
	} );

	it( 'asks apiFetch for the raw response and reads X-WP-Total and X-WP-TotalPages', async () => {
		serveRoutes( {
			'GET /agent-guard/v1/audit': () => ( {
				...reply( [ makeAuditEvent() ] ),
				headers: { 'X-WP-Total': '41', 'X-WP-TotalPages': '3' },
			} ),
		} );

		const page = await getCollection(
			auditEventSchema,
			'/agent-guard/v1/audit?per_page=20'
		);

		expect( mockedApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( {
				path: '/agent-guard/v1/audit?per_page=20',
				parse: false,
			} )
		);
		expect( page.items ).toHaveLength( 1 );
		expect( page.items[ 0 ]?.route ).toBe( '/wc/v3/products' );
		expect( page.total ).toBe( 41 );
		expect( page.totalPages ).toBe( 3 );
	} );

	it( 'falls back to the item count when the total header is missing', async () => {
		serveRoutes( {
			'GET /agent-guard/v1/audit': () =>
				reply( [ makeAuditEvent(), makeAuditEvent( { id: 102 } ) ] ),
		} );

		const page = await getCollection(
			auditEventSchema,
			'/agent-guard/v1/audit'
		);

		expect( page.total ).toBe( 2 );
		expect( page.totalPages ).toBe( 1 );
	} );

	it( 'rejects an item that does not match the schema', async () => {
		serveRoutes( {
			'GET /agent-guard/v1/audit': () =>
				reply( [ { ...makeAuditEvent(), hash: undefined } ], {
					total: 1,
				} ),
		} );

		const error = await caught(
			getCollection( auditEventSchema, '/agent-guard/v1/audit' )
		);

		expect( error.code ).toBe( INVALID_RESPONSE );
		expect( error.path ).toBe( '0.hash' );
	} );

	it( 'turns a WordPress REST error response into an ApiError with code, message, status and path', async () => {
		serveRoutes( {
			'GET /agent-guard/v1/audit': () =>
				wpError(
					400,
					'rest_invalid_param',
					'Invalid parameter(s): per_page',
					'per_page'
				),
		} );

		const error = await caught(
			getCollection(
				auditEventSchema,
				'/agent-guard/v1/audit?per_page=500'
			)
		);

		expect( error ).toMatchObject( {
			code: 'rest_invalid_param',
			message: 'Invalid parameter(s): per_page',
			status: 400,
			path: 'per_page',
		} );
		expect( error.isClientError ).toBe( true );
	} );

	it( 'keeps the HTTP status when the error body is not JSON', async () => {
		mockedApiFetch.mockRejectedValue( {
			...responseLike( reply( null, { status: 502 } ) ),
			json: async () => {
				throw new SyntaxError( 'Unexpected token <' );
			},
		} );

		const error = await caught(
			getCollection( auditEventSchema, '/agent-guard/v1/audit' )
		);

		expect( error.status ).toBe( 502 );
		expect( error.code ).toBe( 'unknown_error' );
	} );
} );

describe( 'getJson and sendJson', () => {
	beforeEach( () => {
		mockedApiFetch.mockReset();
	} );

	it( 'passes the parsed WordPress error through as an ApiError (parse: true)', async () => {
		serveRoutes( {
			'POST /agent-guard/v1/agents': () =>
				wpError(
					403,
					'agent_guard_forbidden',
					'Sorry, you are not allowed to do that.'
				),
		} );

		const error = await caught(
			sendJson( 'POST', '/agent-guard/v1/agents', { name: 'x' } )
		);

		expect( error ).toMatchObject( {
			code: 'agent_guard_forbidden',
			status: 403,
			path: null,
		} );
		expect( mockedApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( { method: 'POST', data: { name: 'x' } } )
		);
	} );

	it( 'reports a lost connection (apiFetch’s fetch_error) as an ApiError without status', async () => {
		mockedApiFetch.mockRejectedValue( {
			code: 'fetch_error',
			message: 'You are probably offline.',
		} );

		const error = await caught( getJson( '/agent-guard/v1/templates' ) );

		expect( error ).toMatchObject( {
			code: 'fetch_error',
			message: 'You are probably offline.',
			status: null,
		} );
	} );
} );

describe( 'server messages', () => {
	beforeEach( () => {
		mockedApiFetch.mockReset();
	} );

	it( 'reduces the HTML of WordPress’s critical-error answer to its words', async () => {
		mockedApiFetch.mockRejectedValue( {
			code: 'internal_server_error',
			message:
				'<p>There has been a critical error on this website.</p><p><a href="https://wordpress.org/documentation/article/faq-troubleshooting/">Learn more about troubleshooting WordPress.</a></p><img src=x onerror="window.hacked=1">',
			data: { status: 500 },
		} );

		const error = await caught( getJson( '/agent-guard/v1/agents' ) );

		expect( error.message ).toBe(
			'There has been a critical error on this website. Learn more about troubleshooting WordPress.'
		);
		expect( error.status ).toBe( 500 );
		expect( Reflect.get( window, 'hacked' ) ).toBeUndefined();
	} );

	it( 'leaves a message with a “less than” sign alone', async () => {
		mockedApiFetch.mockRejectedValue( {
			code: 'agent_guard_denied',
			message: 'Price change 12 % is not < 5 %.',
			data: { status: 403 },
		} );

		const error = await caught( getJson( '/agent-guard/v1/agents' ) );

		expect( error.message ).toBe( 'Price change 12 % is not < 5 %.' );
	} );
} );

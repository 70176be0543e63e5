/**
 * The resource fetchers against answers recorded from a real site (WordPress 6.5 +
 * WooCommerce 9.4.3, src/test-utils/fixtures) and against broken ones.
 */

/**
 * External dependencies
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';

/**
 * Internal dependencies
 */
import { createAgent, fetchAgents, fetchTemplates } from './agents';
import { AGENT_REQUEST, fetchAuditEvents } from './audit';
import { ApiError, INVALID_RESPONSE } from './errors';
import { issueToken } from './tokens';
import { makeAgent, makeIssuedToken, makeToken } from '../test-utils/factories';
import { mockedApiFetch, serveRoutes } from '../test-utils/api-fetch-mock';
import { reply } from '../test-utils/fake-api-fetch';
import recordedAgents from '../test-utils/fixtures/agents.json';
import recordedRequests from '../test-utils/fixtures/agent-requests.json';
import recordedTemplates from '../test-utils/fixtures/templates.json';

jest.mock( '@wordpress/api-fetch' );

beforeEach( () => {
	mockedApiFetch.mockReset();
} );

describe( 'recorded answers', () => {
	it( 'parses GET agents as the site sent it', async () => {
		serveRoutes( {
			'GET /agent-guard/v1/agents': () =>
				reply( recordedAgents, { total: recordedAgents.length } ),
		} );

		const page = await fetchAgents();

		expect( page.items.map( ( a ) => a.name ) ).toEqual(
			recordedAgents.map( ( a ) => a.name )
		);
		expect( mockedApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( { path: '/agent-guard/v1/agents' } )
		);
	} );

	it( 'parses GET audit (agent requests), including an event whose metadata PHP sent as []', async () => {
		serveRoutes( {
			'GET /agent-guard/v1/audit': () =>
				reply( recordedRequests, {
					total: recordedRequests.length,
				} ),
		} );

		const page = await fetchAuditEvents( {
			event_type: AGENT_REQUEST,
			per_page: 20,
		} );

		expect( page.items ).toHaveLength( recordedRequests.length );
		expect(
			page.items.every( ( e ) => e.event_type === AGENT_REQUEST )
		).toBe( true );
		expect( page.items.map( ( e ) => e.metadata ) ).toContainEqual( {} );
		expect( mockedApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( {
				path: '/agent-guard/v1/audit?event_type=agent_request&per_page=20',
			} )
		);
	} );

	it( 'parses GET templates with their full policies', async () => {
		serveRoutes( {
			'GET /agent-guard/v1/templates': () => reply( recordedTemplates ),
		} );

		const templates = await fetchTemplates();

		expect( templates.map( ( t ) => t.name ) ).toEqual( [
			'pricing',
			'inventory',
			'support',
			'marketing',
			'read_only',
		] );
		expect( templates[ 0 ]?.policy.actions.constraints ).toEqual( {} );
	} );
} );

describe( 'createAgent', () => {
	it( 'posts the form and returns the parsed agent', async () => {
		const created = makeAgent( { id: 9, name: 'Stock keeper' } );
		serveRoutes( {
			'POST /agent-guard/v1/agents': () =>
				reply( created, { status: 201 } ),
		} );

		const agent = await createAgent( {
			name: 'Stock keeper',
			template: 'inventory',
		} );

		expect( agent ).toEqual( created );
		expect( mockedApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( {
				method: 'POST',
				path: '/agent-guard/v1/agents',
				data: { name: 'Stock keeper', template: 'inventory' },
			} )
		);
	} );

	it( 'refuses an answer that is not an agent', async () => {
		serveRoutes( {
			'POST /agent-guard/v1/agents': () =>
				reply( { ...makeAgent(), mode: 'reckless' }, { status: 201 } ),
		} );

		await expect( createAgent( { name: 'x' } ) ).rejects.toMatchObject( {
			code: INVALID_RESPONSE,
			path: 'mode',
		} );
	} );
} );

describe( 'issueToken', () => {
	it( 'returns the token with its one-time secret', async () => {
		const issued = makeIssuedToken();
		serveRoutes( {
			'POST /agent-guard/v1/agents/7/tokens': () =>
				reply( issued, { status: 201 } ),
		} );

		const token = await issueToken( 7, { label: 'ci' } );

		expect( token.secret ).toBe( issued.secret );
	} );

	it( 'treats an issued token without a secret as a broken answer', async () => {
		serveRoutes( {
			'POST /agent-guard/v1/agents/7/tokens': () =>
				reply( makeToken(), { status: 201 } ),
		} );

		const error = await issueToken( 7, {} ).catch( ( e: unknown ) => e );

		expect( error ).toBeInstanceOf( ApiError );
		expect( error ).toMatchObject( {
			code: INVALID_RESPONSE,
			path: 'secret',
		} );
	} );
} );

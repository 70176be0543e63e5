/**
 * The Agents screen's mutation hooks with a fresh no-retry QueryClient and a fake
 * apiFetch: what they invalidate on success, and not on failure.
 */

/**
 * External dependencies
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { act, renderHook, waitFor } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { AGENTS_KEY, OVERVIEW_KEY } from '../../../api/query-keys';
import { agentQuery } from '../data/query-options';
import { useCreateAgent } from '../data/use-agent-mutations';
import { useIssueToken, useRevokeToken } from '../data/use-token-mutations';
import {
	makeAgent,
	makeIssuedToken,
	makeToken,
} from '../../../test-utils/factories';
import {
	mockedApiFetch,
	serveRoutes,
} from '../../../test-utils/api-fetch-mock';
import { reply, wpError } from '../../../test-utils/fake-api-fetch';
import { createHookHarness } from '../../../test-utils/render';

jest.mock( '@wordpress/api-fetch' );

beforeEach( () => {
	mockedApiFetch.mockReset();
} );

describe( 'useCreateAgent', () => {
	it( 'caches the new agent and invalidates the agents and overview queries', async () => {
		const created = makeAgent( { id: 9 } );
		serveRoutes( {
			'POST /agent-guard/v1/agents': () =>
				reply( created, { status: 201 } ),
		} );
		const { queryClient, invalidate, wrapper } = createHookHarness();
		const { result } = renderHook( () => useCreateAgent(), { wrapper } );

		act( () =>
			result.current.mutate( { name: 'Repricer', template: 'pricing' } )
		);
		await waitFor( () => expect( result.current.isSuccess ).toBe( true ) );

		expect( queryClient.getQueryData( agentQuery( 9 ).queryKey ) ).toEqual(
			created
		);
		expect( invalidate ).toHaveBeenCalledWith( { queryKey: AGENTS_KEY } );
		expect( invalidate ).toHaveBeenCalledWith( { queryKey: OVERVIEW_KEY } );
	} );

	it( 'leaves the error for the form and invalidates nothing when refused', async () => {
		serveRoutes( {
			'POST /agent-guard/v1/agents': () =>
				wpError(
					400,
					'rest_invalid_param',
					'Invalid parameter(s): name',
					'name'
				),
		} );
		const { invalidate, wrapper } = createHookHarness();
		const { result } = renderHook( () => useCreateAgent(), { wrapper } );

		act( () => result.current.mutate( { name: '' } ) );
		await waitFor( () => expect( result.current.isError ).toBe( true ) );

		expect( result.current.error?.message ).toBe(
			'Invalid parameter(s): name'
		);
		expect( invalidate ).not.toHaveBeenCalled();
	} );
} );

describe( 'useIssueToken', () => {
	it( 'returns the secret, invalidates the agent queries, and keeps no copy after unmount', async () => {
		const issued = makeIssuedToken();
		serveRoutes( {
			'POST /agent-guard/v1/agents/7/tokens': () =>
				reply( issued, { status: 201 } ),
		} );
		const { queryClient, invalidate, wrapper } = createHookHarness();
		const { result, unmount } = renderHook( () => useIssueToken( 7 ), {
			wrapper,
		} );

		act( () => result.current.mutate( { label: 'ci' } ) );
		await waitFor( () => expect( result.current.isSuccess ).toBe( true ) );

		expect( result.current.data?.secret ).toBe( issued.secret );
		expect( invalidate ).toHaveBeenCalledWith( { queryKey: AGENTS_KEY } );
		expect(
			JSON.stringify(
				queryClient
					.getQueryCache()
					.getAll()
					.map( ( q ) => q.state.data )
			)
		).not.toContain( issued.secret );

		unmount();
		await waitFor( () =>
			expect( queryClient.getMutationCache().getAll() ).toHaveLength( 0 )
		);
	} );

	it( 'invalidates nothing when the token is refused', async () => {
		serveRoutes( {
			'POST /agent-guard/v1/agents/7/tokens': () =>
				wpError(
					409,
					'agent_guard_agent_archived',
					'This agent is archived; it cannot get new tokens.'
				),
		} );
		const { invalidate, wrapper } = createHookHarness();
		const { result } = renderHook( () => useIssueToken( 7 ), { wrapper } );

		act( () => result.current.mutate( {} ) );
		await waitFor( () => expect( result.current.isError ).toBe( true ) );

		expect( invalidate ).not.toHaveBeenCalled();
	} );
} );

describe( 'useRevokeToken', () => {
	it( 'sends DELETE for the token and invalidates the agent queries', async () => {
		serveRoutes( {
			'DELETE /agent-guard/v1/agents/7/tokens/3': () =>
				reply(
					makeToken( {
						status: 'revoked',
						revoked_at: '2026-11-21T07:00:00Z',
					} )
				),
		} );
		const { invalidate, wrapper } = createHookHarness();
		const { result } = renderHook( () => useRevokeToken( 7 ), { wrapper } );

		act( () => result.current.mutate( 3 ) );
		await waitFor( () => expect( result.current.isSuccess ).toBe( true ) );

		expect( result.current.data?.status ).toBe( 'revoked' );
		expect( invalidate ).toHaveBeenCalledWith( { queryKey: AGENTS_KEY } );
	} );
} );

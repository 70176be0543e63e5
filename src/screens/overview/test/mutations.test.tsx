/**
 * The Overview's mutation hooks with a fresh no-retry QueryClient and a fake apiFetch:
 * what they send, what they put in the cache, what they invalidate — and nothing on
 * failure.
 */

/**
 * External dependencies
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { act, renderHook, waitFor } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { AGENTS_KEY, CANARY_KEY, OVERVIEW_KEY } from '../../../api/query-keys';
import { metricsQuery } from '../data/query-options';
import { useSetAgentHalt, useSetGlobalHalt } from '../data/use-halt-mutations';
import { useCloseIncident } from '../data/use-incident-mutations';
import {
	mockedApiFetch,
	serveRoutes,
} from '../../../test-utils/api-fetch-mock';
import { reply, wpError } from '../../../test-utils/fake-api-fetch';
import {
	makeAgentControl,
	makeHaltedState,
	makeIncident,
	makeMetrics,
} from '../../../test-utils/ops-factories';
import { createHookHarness } from '../../../test-utils/render';

jest.mock( '@wordpress/api-fetch' );

function setup() {
	const harness = createHookHarness();
	harness.queryClient.setQueryData( metricsQuery().queryKey, makeMetrics() );
	return harness;
}

function expectControlInvalidation(
	invalidate: ReturnType< typeof setup >[ 'invalidate' ]
) {
	expect( invalidate ).toHaveBeenCalledWith( { queryKey: OVERVIEW_KEY } );
	expect( invalidate ).toHaveBeenCalledWith( { queryKey: AGENTS_KEY } );
	expect( invalidate ).toHaveBeenCalledWith( { queryKey: CANARY_KEY } );
}

beforeEach( () => {
	mockedApiFetch.mockReset();
} );

describe( 'useSetGlobalHalt', () => {
	it( 'puts the new halt state in the cached metrics and invalidates the control queries', async () => {
		const halted = makeHaltedState();
		serveRoutes( {
			'POST /agent-guard/v1/halt': () => reply( halted ),
		} );
		const { queryClient, invalidate, wrapper } = setup();
		const { result } = renderHook( () => useSetGlobalHalt(), { wrapper } );

		act( () =>
			result.current.mutate( { halted: true, reason: halted.reason } )
		);
		await waitFor( () => expect( result.current.isSuccess ).toBe( true ) );

		expect(
			queryClient.getQueryData( metricsQuery().queryKey )?.halt
		).toEqual( halted );
		expect( mockedApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( {
				method: 'POST',
				data: { halted: true, reason: 'Supplier feed is broken' },
			} )
		);
		expectControlInvalidation( invalidate );
	} );

	it( 'leaves the cache alone and invalidates nothing when refused', async () => {
		serveRoutes( {
			'POST /agent-guard/v1/halt': () =>
				wpError(
					403,
					'agent_guard_forbidden',
					'Sorry, you are not allowed to do that.'
				),
		} );
		const { queryClient, invalidate, wrapper } = setup();
		const { result } = renderHook( () => useSetGlobalHalt(), { wrapper } );

		act( () => result.current.mutate( { halted: true } ) );
		await waitFor( () => expect( result.current.isError ).toBe( true ) );

		expect( result.current.error?.message ).toBe(
			'Sorry, you are not allowed to do that.'
		);
		expect(
			queryClient.getQueryData( metricsQuery().queryKey )?.halt.halted
		).toBe( false );
		expect( invalidate ).not.toHaveBeenCalled();
	} );
} );

describe( 'useSetAgentHalt', () => {
	it( 'posts to the agent, replaces its row in the cached metrics and invalidates', async () => {
		const resumed = makeAgentControl( { id: 7, halted: false } );
		serveRoutes( {
			'POST /agent-guard/v1/agents/7/halt': () => reply( resumed ),
		} );
		const { queryClient, invalidate, wrapper } = setup();
		queryClient.setQueryData(
			metricsQuery().queryKey,
			makeMetrics( {
				agents: [
					makeAgentControl( {
						id: 7,
						halted: true,
						halt_reason: 'Breaker',
					} ),
					makeAgentControl( { id: 8, name: 'Other' } ),
				],
			} )
		);
		const { result } = renderHook( () => useSetAgentHalt(), { wrapper } );

		act( () => result.current.mutate( { agentId: 7, halted: false } ) );
		await waitFor( () => expect( result.current.isSuccess ).toBe( true ) );

		expect( mockedApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( {
				path: '/agent-guard/v1/agents/7/halt',
				data: { halted: false },
			} )
		);
		expect(
			queryClient
				.getQueryData( metricsQuery().queryKey )
				?.agents.map( ( agent ) => [ agent.id, agent.halted ] )
		).toEqual( [
			[ 7, false ],
			[ 8, false ],
		] );
		expectControlInvalidation( invalidate );
	} );
} );

describe( 'useCloseIncident', () => {
	it( 'sends the note and invalidates the control queries', async () => {
		serveRoutes( {
			'POST /agent-guard/v1/incidents/3/close': () =>
				reply(
					makeIncident( {
						state: 'closed',
						close_note: 'Fixed.',
						agent_name: undefined,
						closed_by_name: undefined,
					} )
				),
		} );
		const { invalidate, wrapper } = setup();
		const { result } = renderHook( () => useCloseIncident(), { wrapper } );

		act( () => result.current.mutate( { id: 3, note: 'Fixed.' } ) );
		await waitFor( () => expect( result.current.isSuccess ).toBe( true ) );

		expect( mockedApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( { data: { note: 'Fixed.' } } )
		);
		expectControlInvalidation( invalidate );
	} );

	it( 'keeps the server’s refusal for the dialog and invalidates nothing', async () => {
		serveRoutes( {
			'POST /agent-guard/v1/incidents/3/close': () =>
				wpError(
					409,
					'agent_guard_incident_closed',
					'This incident is already closed or does not exist.'
				),
		} );
		const { invalidate, wrapper } = setup();
		const { result } = renderHook( () => useCloseIncident(), { wrapper } );

		act( () => result.current.mutate( { id: 3, note: 'Fixed.' } ) );
		await waitFor( () => expect( result.current.isError ).toBe( true ) );

		expect( result.current.error ).toMatchObject( {
			code: 'agent_guard_incident_closed',
			status: 409,
		} );
		expect( invalidate ).not.toHaveBeenCalled();
	} );
} );

/**
 * The Canary screen's mutation hooks with a fresh no-retry QueryClient and a fake
 * apiFetch.
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
import {
	useKillSwitchTest,
	useMoveCanaryDial,
} from '../data/use-canary-mutations';
import { makeAgent } from '../../../test-utils/factories';
import {
	mockedApiFetch,
	serveRoutes,
} from '../../../test-utils/api-fetch-mock';
import { reply, wpError } from '../../../test-utils/fake-api-fetch';
import { makeKillSwitchTest } from '../../../test-utils/ops-factories';
import { createHookHarness } from '../../../test-utils/render';

jest.mock( '@wordpress/api-fetch' );

beforeEach( () => {
	mockedApiFetch.mockReset();
} );

describe( 'useMoveCanaryDial', () => {
	it( 'posts the percentage and invalidates the canary, overview and agents queries', async () => {
		serveRoutes( {
			'POST /agent-guard/v1/agents/7/canary': () =>
				reply( makeAgent( { mode: 'canary', canary_percent: 20 } ) ),
		} );
		const { invalidate, wrapper } = createHookHarness();
		const { result } = renderHook( () => useMoveCanaryDial( 7 ), {
			wrapper,
		} );

		act( () => result.current.mutate( 20 ) );
		await waitFor( () => expect( result.current.isSuccess ).toBe( true ) );

		expect( mockedApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( { data: { percent: 20 } } )
		);
		expect( invalidate ).toHaveBeenCalledWith( { queryKey: CANARY_KEY } );
		expect( invalidate ).toHaveBeenCalledWith( { queryKey: OVERVIEW_KEY } );
		expect( invalidate ).toHaveBeenCalledWith( { queryKey: AGENTS_KEY } );
	} );

	it( 'keeps the refusal for the dialog and invalidates nothing', async () => {
		serveRoutes( {
			'POST /agent-guard/v1/agents/7/canary': () =>
				wpError(
					400,
					'agent_guard_invalid',
					'The canary percentage is a number from 0 to 100 with at most two decimals.',
					'canary.percent'
				),
		} );
		const { invalidate, wrapper } = createHookHarness();
		const { result } = renderHook( () => useMoveCanaryDial( 7 ), {
			wrapper,
		} );

		act( () => result.current.mutate( 20.123 ) );
		await waitFor( () => expect( result.current.isError ).toBe( true ) );

		expect( result.current.error ).toMatchObject( {
			code: 'agent_guard_invalid',
			path: 'canary.percent',
		} );
		expect( invalidate ).not.toHaveBeenCalled();
	} );
} );

describe( 'useKillSwitchTest', () => {
	it( 'returns the measurement and invalidates the agents queries (the checklist reads it)', async () => {
		serveRoutes( {
			'POST /agent-guard/v1/agents/7/kill-switch-test': () =>
				reply( makeKillSwitchTest( { ms: 4.2 } ) ),
		} );
		const { invalidate, wrapper } = createHookHarness();
		const { result } = renderHook( () => useKillSwitchTest( 7 ), {
			wrapper,
		} );

		act( () => result.current.mutate() );
		await waitFor( () => expect( result.current.isSuccess ).toBe( true ) );

		expect( result.current.data?.ms ).toBe( 4.2 );
		expect( invalidate ).toHaveBeenCalledWith( { queryKey: AGENTS_KEY } );
	} );
} );

/**
 * The registry's mutation hooks with a fresh no-retry QueryClient and a fake apiFetch:
 * what each caches and invalidates on success, and leaves alone on failure.
 */

/**
 * External dependencies
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { act, renderHook, waitFor } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { openChecklistItems } from '../../../api/agents';
import { parse } from '../../../api/client';
import { AGENTS_KEY, OVERVIEW_KEY } from '../../../api/query-keys';
import { policyRecordSchema } from '../../../schemas';
import { makeAgent, makeIssuedToken } from '../../../test-utils/factories';
import {
	mockedApiFetch,
	serveRoutes,
} from '../../../test-utils/api-fetch-mock';
import { reply, wpError } from '../../../test-utils/fake-api-fetch';
import recordedModeRefusal from '../../../test-utils/fixtures/mode-checklist-open.json';
import recordedPolicy from '../../../test-utils/fixtures/policy.json';
import recordedPreview from '../../../test-utils/fixtures/policy-import-preview.json';
import recordedSettings from '../../../test-utils/fixtures/settings.json';
import { createHookHarness } from '../../../test-utils/render';
import { agentQuery, policyQuery, settingsQuery } from '../data/query-options';
import {
	useArchiveAgent,
	useChangeMode,
	useTestKillSwitch,
	useUpdateAgent,
} from '../data/use-agent-mutations';
import { useUpdateSettings } from '../data/use-credential-mutations';
import { useImportPolicy, useSavePolicy } from '../data/use-policy-mutations';
import { useRotateToken } from '../data/use-token-mutations';

jest.mock( '@wordpress/api-fetch' );

beforeEach( () => {
	mockedApiFetch.mockReset();
} );

describe( 'useChangeMode', () => {
	it( 'caches the moved agent and invalidates the agents and overview queries', async () => {
		const moved = makeAgent( { mode: 'active' } );
		serveRoutes( {
			'POST /agent-guard/v1/agents/7/mode': () => reply( moved ),
		} );
		const { queryClient, invalidate, wrapper } = createHookHarness();
		const { result } = renderHook( () => useChangeMode( 7 ), { wrapper } );

		act( () =>
			result.current.mutate( {
				mode: 'active',
				override_reason: 'Owner signed off on the launch.',
			} )
		);
		await waitFor( () => expect( result.current.isSuccess ).toBe( true ) );

		expect( queryClient.getQueryData( agentQuery( 7 ).queryKey ) ).toEqual(
			moved
		);
		expect( invalidate ).toHaveBeenCalledWith( { queryKey: AGENTS_KEY } );
		expect( invalidate ).toHaveBeenCalledWith( { queryKey: OVERVIEW_KEY } );
	} );

	it( 'leaves the checklist refusal, with its open items, for the dialog', async () => {
		serveRoutes( {
			'POST /agent-guard/v1/agents/7/mode': () => ( {
				status: 409,
				body: recordedModeRefusal,
				headers: {},
			} ),
		} );
		const { invalidate, wrapper } = createHookHarness();
		const { result } = renderHook( () => useChangeMode( 7 ), { wrapper } );

		act( () => result.current.mutate( { mode: 'active' } ) );
		await waitFor( () => expect( result.current.isError ).toBe( true ) );

		expect( openChecklistItems( result.current.error ) ).toEqual( [
			'integrations_listed',
			'kill_switch_tested',
			'rollback_defined',
			'alerts_set',
		] );
		expect( invalidate ).not.toHaveBeenCalled();
	} );
} );

describe( 'agent changes', () => {
	it( 'edits and archives, each caching the answer', async () => {
		serveRoutes( {
			'POST /agent-guard/v1/agents/7': () =>
				reply( makeAgent( { name: 'Repricer', version: 2 } ) ),
			'DELETE /agent-guard/v1/agents/7': () =>
				reply( makeAgent( { status: 'archived', mode: 'paused' } ) ),
		} );
		const { queryClient, wrapper } = createHookHarness();
		const { result } = renderHook(
			() => ( {
				update: useUpdateAgent( 7 ),
				archive: useArchiveAgent( 7 ),
			} ),
			{ wrapper }
		);
		const cached = () =>
			queryClient.getQueryData( agentQuery( 7 ).queryKey );

		await act( () =>
			result.current.update.mutateAsync( {
				name: 'Repricer',
				version: 1,
			} )
		);
		expect( cached() ).toMatchObject( { name: 'Repricer' } );
		await act( () => result.current.archive.mutateAsync() );
		expect( cached() ).toMatchObject( { status: 'archived' } );
	} );

	it( 'leaves a stale edit refused and the cache as it was', async () => {
		serveRoutes( {
			'POST /agent-guard/v1/agents/7': () =>
				wpError(
					409,
					'agent_guard_version_conflict',
					'The agent was changed by someone else since it was loaded; reload and try again.'
				),
		} );
		const { queryClient, invalidate, wrapper } = createHookHarness();
		queryClient.setQueryData( agentQuery( 7 ).queryKey, makeAgent() );
		const { result } = renderHook( () => useUpdateAgent( 7 ), { wrapper } );

		act( () => result.current.mutate( { name: 'X', version: 1 } ) );
		await waitFor( () => expect( result.current.isError ).toBe( true ) );

		expect(
			queryClient.getQueryData( agentQuery( 7 ).queryKey )
		).toMatchObject( { name: 'Nightly repricer' } );
		expect( invalidate ).not.toHaveBeenCalled();
	} );

	it( 'tests the kill switch and refreshes the checklist', async () => {
		serveRoutes( {
			'POST /agent-guard/v1/agents/7/kill-switch-test': () =>
				reply( {
					ms: 3.3,
					refused: true,
					tested_at: '2026-11-21T07:21:21Z',
				} ),
		} );
		const { invalidate, wrapper } = createHookHarness();
		const { result } = renderHook( () => useTestKillSwitch( 7 ), {
			wrapper,
		} );

		act( () => result.current.mutate() );

		await waitFor( () =>
			expect( result.current.data?.refused ).toBe( true )
		);
		expect( invalidate ).toHaveBeenCalledWith( { queryKey: AGENTS_KEY } );
	} );
} );

describe( 'useSavePolicy', () => {
	it( 'puts the saved version in the cache at once', async () => {
		const saved = { ...recordedPolicy, version: 2 };
		serveRoutes( {
			'PUT /agent-guard/v1/agents/2/policy': () => reply( saved ),
		} );
		const { queryClient, invalidate, wrapper } = createHookHarness();
		const { result } = renderHook( () => useSavePolicy( 2 ), { wrapper } );
		const { policy } = parse( policyRecordSchema, recordedPolicy );

		await act( () =>
			result.current.mutateAsync( { policy, expected_version: 1 } )
		);

		expect(
			queryClient.getQueryData( policyQuery( 2 ).queryKey )
		).toMatchObject( { version: 2 } );
		expect( invalidate ).toHaveBeenCalledWith( { queryKey: AGENTS_KEY } );
	} );
} );

describe( 'useImportPolicy', () => {
	it( 'changes nothing for a preview, and refreshes after an applied import', async () => {
		serveRoutes( {
			'POST /agent-guard/v1/agents/2/policy/import': ( options ) => {
				const { apply } = options.data as { apply: boolean };
				return reply(
					apply
						? { ...recordedPreview, applied: true, version: 3 }
						: recordedPreview
				);
			},
		} );
		const { invalidate, wrapper } = createHookHarness();
		const { result } = renderHook( () => useImportPolicy( 2 ), {
			wrapper,
		} );

		await act( () =>
			result.current.mutateAsync( { document: {}, apply: false } )
		);
		expect( invalidate ).not.toHaveBeenCalled();

		await act( () =>
			result.current.mutateAsync( { document: {}, apply: true } )
		);
		expect( invalidate ).toHaveBeenCalledWith( { queryKey: AGENTS_KEY } );
	} );
} );

describe( 'useRotateToken', () => {
	it( 'returns the successor’s secret and keeps it out of every cache once unmounted', async () => {
		const successor = makeIssuedToken( { id: 4 } );
		serveRoutes( {
			'POST /agent-guard/v1/agents/7/tokens/3/rotate': () =>
				reply( successor, { status: 201 } ),
		} );
		const { queryClient, wrapper } = createHookHarness();
		const { result, unmount } = renderHook( () => useRotateToken( 7 ), {
			wrapper,
		} );

		act( () =>
			result.current.mutate( { tokenId: 3, graceSeconds: 3600 } )
		);
		await waitFor( () => expect( result.current.isSuccess ).toBe( true ) );
		expect( result.current.data?.secret ).toBe( successor.secret );

		unmount();
		await waitFor( () =>
			expect( queryClient.getMutationCache().getAll() ).toHaveLength( 0 )
		);
		expect(
			JSON.stringify(
				queryClient
					.getQueryCache()
					.getAll()
					.map( ( q ) => q.state.data )
			)
		).not.toContain( successor.secret );
	} );
} );

describe( 'useUpdateSettings', () => {
	it( 'caches the settings the server answered', async () => {
		serveRoutes( {
			'POST /agent-guard/v1/settings': () =>
				reply( {
					...recordedSettings,
					refuse_unregistered_key_writes: true,
				} ),
		} );
		const { queryClient, wrapper } = createHookHarness();
		const { result } = renderHook( () => useUpdateSettings(), { wrapper } );

		await act( () =>
			result.current.mutateAsync( {
				refuse_unregistered_key_writes: true,
			} )
		);

		expect(
			queryClient.getQueryData( settingsQuery().queryKey )
		).toMatchObject( { refuse_unregistered_key_writes: true } );
	} );
} );

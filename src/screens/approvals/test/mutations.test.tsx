/**
 * The Approvals screen's mutation hooks with a fresh no-retry QueryClient and a fake
 * apiFetch: what they invalidate when a decision is taken, when the item changed meanwhile
 * (409), and when the server refuses a field.
 */

/**
 * External dependencies
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { act, renderHook, waitFor } from '@testing-library/react';

/**
 * Internal dependencies
 */
import {
	APPROVALS_KEY,
	AUDIT_KEY,
	OVERVIEW_KEY,
} from '../../../api/query-keys';
import { approvalQuery } from '../data/query-options';
import {
	useApproveApproval,
	useBulkDecision,
	useRejectApproval,
} from '../data/use-approval-mutations';
import { makeApproval } from '../../../test-utils/approval-factories';
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

describe( 'useApproveApproval', () => {
	it( 'caches the decided item and invalidates the queue, the Overview and the audit log', async () => {
		const executed = makeApproval( {
			state: 'executed',
			version: 4,
			result_status: 200,
		} );
		serveRoutes( {
			'POST /agent-guard/v1/approvals/12/approve': () =>
				reply( executed ),
		} );
		const { queryClient, invalidate, wrapper } = createHookHarness();
		const { result } = renderHook( () => useApproveApproval(), {
			wrapper,
		} );

		act( () =>
			result.current.mutate( { id: 12, version: 1, comment: 'Fine' } )
		);
		await waitFor( () => expect( result.current.isSuccess ).toBe( true ) );

		expect(
			queryClient.getQueryData( approvalQuery( 12 ).queryKey )
		).toEqual( executed );
		expect( invalidate ).toHaveBeenCalledWith( {
			queryKey: APPROVALS_KEY,
		} );
		expect( invalidate ).toHaveBeenCalledWith( { queryKey: OVERVIEW_KEY } );
		expect( invalidate ).toHaveBeenCalledWith( { queryKey: AUDIT_KEY } );
	} );

	it( 'reloads the queue when the item changed since it was loaded (409)', async () => {
		serveRoutes( {
			'POST /agent-guard/v1/approvals/12/approve': () =>
				wpError(
					409,
					'agent_guard_version_conflict',
					'This request changed since you loaded it (version 1, now 2); reload it and decide again.'
				),
		} );
		const { invalidate, wrapper } = createHookHarness();
		const { result } = renderHook( () => useApproveApproval(), {
			wrapper,
		} );

		act( () => result.current.mutate( { id: 12, version: 1 } ) );
		await waitFor( () => expect( result.current.isError ).toBe( true ) );

		expect( result.current.error?.message ).toMatch( /reload it/ );
		expect( invalidate ).toHaveBeenCalledWith( {
			queryKey: APPROVALS_KEY,
		} );
	} );

	it( 'leaves a refused edit for the dialog and invalidates nothing', async () => {
		serveRoutes( {
			'POST /agent-guard/v1/approvals/12/approve': () =>
				wpError(
					400,
					'agent_guard_invalid',
					'The edited regular_price must lie between the current value and the proposed one: a smaller change, not a different one.',
					'edit.regular_price'
				),
		} );
		const { invalidate, wrapper } = createHookHarness();
		const { result } = renderHook( () => useApproveApproval(), {
			wrapper,
		} );

		act( () =>
			result.current.mutate( {
				id: 12,
				version: 1,
				edit: { regular_price: '30.00' },
			} )
		);
		await waitFor( () => expect( result.current.isError ).toBe( true ) );

		expect( invalidate ).not.toHaveBeenCalled();
	} );
} );

describe( 'useRejectApproval', () => {
	it( 'sends the comment and invalidates the queue', async () => {
		serveRoutes( {
			'POST /agent-guard/v1/approvals/12/reject': () =>
				reply( makeApproval( { state: 'rejected', version: 2 } ) ),
		} );
		const { invalidate, wrapper } = createHookHarness();
		const { result } = renderHook( () => useRejectApproval(), {
			wrapper,
		} );

		act( () =>
			result.current.mutate( {
				id: 12,
				version: 1,
				comment: 'Too steep',
			} )
		);
		await waitFor( () => expect( result.current.isSuccess ).toBe( true ) );

		expect( mockedApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( {
				data: { version: 1, comment: 'Too steep' },
			} )
		);
		expect( invalidate ).toHaveBeenCalledWith( {
			queryKey: APPROVALS_KEY,
		} );
	} );

	it( 'does not reload for a missing comment (400 at the field)', async () => {
		serveRoutes( {
			'POST /agent-guard/v1/approvals/12/reject': () =>
				wpError(
					400,
					'agent_guard_comment_required',
					'Say why you reject this request; the agent and the audit log get your comment.',
					'comment'
				),
		} );
		const { invalidate, wrapper } = createHookHarness();
		const { result } = renderHook( () => useRejectApproval(), {
			wrapper,
		} );

		act( () =>
			result.current.mutate( { id: 12, version: 1, comment: ' ' } )
		);
		await waitFor( () => expect( result.current.isError ).toBe( true ) );

		expect( invalidate ).not.toHaveBeenCalled();
	} );
} );

describe( 'useBulkDecision', () => {
	it( 'returns the per-item report and invalidates the queue', async () => {
		serveRoutes( {
			'POST /agent-guard/v1/approvals/bulk': () =>
				reply( {
					results: [
						{ id: 12, ok: true, state: 'executed' },
						{
							id: 13,
							ok: false,
							code: 'agent_guard_approval_decided',
							message:
								'This request was already decided (rejected); nothing was changed.',
							status: 409,
						},
					],
				} ),
		} );
		const { invalidate, wrapper } = createHookHarness();
		const { result } = renderHook( () => useBulkDecision(), { wrapper } );

		act( () =>
			result.current.mutate( {
				decision: 'approve',
				items: [
					{ id: 12, version: 1 },
					{ id: 13, version: 1 },
				],
				comment: '',
			} )
		);
		await waitFor( () => expect( result.current.isSuccess ).toBe( true ) );

		expect( result.current.data?.results ).toHaveLength( 2 );
		expect( invalidate ).toHaveBeenCalledWith( {
			queryKey: APPROVALS_KEY,
		} );
		expect( invalidate ).toHaveBeenCalledWith( { queryKey: OVERVIEW_KEY } );
	} );
} );

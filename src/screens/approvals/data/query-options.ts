/**
 * The Approvals screen's queries, all under APPROVALS_KEY so one invalidation refreshes
 * them. Lists and items that can still change refresh every few seconds while the tab is
 * visible (react-query pauses refetchInterval in a hidden tab).
 */

/**
 * External dependencies
 */
import { queryOptions } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import { fetchAgents } from '../../../api/agents';
import {
	fetchApproval,
	fetchApprovals,
	type ApprovalFilters,
} from '../../../api/approvals';
import type { Collection } from '../../../api/client';
import { APPROVALS_KEY } from '../../../api/query-keys';
import { LIVE_REFRESH_MS } from '../../../app/query-client';
import { isOpenApprovalState } from '../../../components/approval-labels';
import type { Approval } from '../../../schemas';

export { APPROVALS_KEY };

/** How many items one page of the queue shows. */
export const APPROVALS_PER_PAGE = 20;

/**
 * Whether a list should keep refreshing: while it shows items that can still change,
 * and always when it lists pending items (new ones arrive).
 *
 * @param filters The list's filters.
 * @param data    What it shows now.
 */
export function listIsLive(
	filters: ApprovalFilters,
	data: Collection< Approval > | undefined
): boolean {
	const state = filters.state ?? 'pending';
	if ( state === 'pending' || state === 'all' ) {
		return true;
	}
	return ( data?.items ?? [] ).some( ( item ) =>
		isOpenApprovalState( item.state )
	);
}

export const approvalsListQuery = ( filters: ApprovalFilters ) =>
	queryOptions( {
		queryKey: [ ...APPROVALS_KEY, 'list', filters ] as const,
		queryFn: ( { signal } ) => fetchApprovals( filters, signal ),
		refetchInterval: ( query ) =>
			listIsLive( filters, query.state.data ) ? LIVE_REFRESH_MS : false,
		refetchIntervalInBackground: false,
	} );

export const approvalQuery = ( id: number ) =>
	queryOptions( {
		queryKey: [ ...APPROVALS_KEY, 'detail', id ] as const,
		queryFn: ( { signal } ) => fetchApproval( id, signal ),
		refetchInterval: ( query ) =>
			query.state.data && isOpenApprovalState( query.state.data.state )
				? LIVE_REFRESH_MS
				: false,
		refetchIntervalInBackground: false,
	} );

/** The agents, for the agent filter (archived ones too: their items stay in the history). */
export const approvalAgentsQuery = () =>
	queryOptions( {
		queryKey: [ ...APPROVALS_KEY, 'agents' ] as const,
		queryFn: ( { signal } ) => fetchAgents( { status: 'all' }, signal ),
		staleTime: 60_000,
	} );

/**
 * The Audit screen's queries, all under AUDIT_KEY (the Approvals and Overview mutations
 * invalidate it). The log is read newest first in keyset pages ("Load older" asks for
 * the events before the last id shown), never by offset and never counted, so it stays
 * fast over millions of rows.
 */

/**
 * External dependencies
 */
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import { fetchAgents } from '../../../api/agents';
import { fetchApproval } from '../../../api/approvals';
import {
	fetchAuditEvent,
	fetchAuditPage,
	verifyAuditLog,
	type AuditSelection,
} from '../../../api/audit';
import { fetchIncident } from '../../../api/incidents';
import { AUDIT_KEY } from '../../../api/query-keys';

export { AUDIT_KEY };

/** Events per page of the table. */
export const AUDIT_PAGE_SIZE = 50;

/**
 * The table's pages.
 *
 * @param selection The filters.
 */
export const auditEventsQuery = ( selection: AuditSelection ) =>
	infiniteQueryOptions( {
		queryKey: [ ...AUDIT_KEY, 'events', selection ] as const,
		queryFn: ( { pageParam, signal } ) =>
			fetchAuditPage( selection, pageParam, AUDIT_PAGE_SIZE, signal ),
		initialPageParam: undefined as number | undefined,
		getNextPageParam: ( lastPage ) => lastPage.nextBeforeId ?? undefined,
		// The log only grows; what is on screen stays true. Refreshing reads every page
		// loaded so far again, so it happens when asked (and on focus after a while).
		staleTime: 30_000,
	} );

/**
 * One event, for one opened by link that the table does not show.
 *
 * @param id The event id.
 */
export const auditEventQuery = ( id: number ) =>
	queryOptions( {
		queryKey: [ ...AUDIT_KEY, 'event', id ] as const,
		queryFn: ( { signal } ) => fetchAuditEvent( id, signal ),
		staleTime: Infinity,
	} );

/**
 * Verification of the whole chain: run when the reader asks (enabled: false, then
 * refetch()), never on focus or on a timer: it reads every row.
 */
export const auditVerifyQuery = () =>
	queryOptions( {
		queryKey: [ ...AUDIT_KEY, 'verify' ] as const,
		queryFn: ( { signal } ) => verifyAuditLog( signal ),
		enabled: false,
		retry: false,
		staleTime: Infinity,
	} );

/** The agents, for the agent filter (archived ones too: their events stay in the log). */
export const auditAgentsQuery = () =>
	queryOptions( {
		queryKey: [ ...AUDIT_KEY, 'agents' ] as const,
		queryFn: ( { signal } ) => fetchAgents( { status: 'all' }, signal ),
		staleTime: 60_000,
	} );

/**
 * The incident an event opened or closed.
 *
 * @param id The incident id.
 */
export const auditIncidentQuery = ( id: number ) =>
	queryOptions( {
		queryKey: [ ...AUDIT_KEY, 'incident', id ] as const,
		queryFn: ( { signal } ) => fetchIncident( id, signal ),
		staleTime: 30_000,
	} );

/**
 * The approval an event belongs to, for who signed it.
 *
 * @param id The approval request id.
 */
export const auditApprovalQuery = ( id: number ) =>
	queryOptions( {
		queryKey: [ ...AUDIT_KEY, 'approval', id ] as const,
		queryFn: ( { signal } ) => fetchApproval( id, signal ),
		staleTime: 30_000,
	} );

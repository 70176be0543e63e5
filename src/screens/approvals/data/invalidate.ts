/**
 * External dependencies
 */
import type { QueryClient } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import {
	APPROVALS_KEY,
	AUDIT_KEY,
	OVERVIEW_KEY,
} from '../../../api/query-keys';

/**
 * After a decision (or a refusal that says the queue changed): the queue, the Overview
 * (its pending count and activity) and the audit log (every decision is an event).
 *
 * @param queryClient The query client.
 */
export async function invalidateApprovalQueries(
	queryClient: QueryClient
): Promise< void > {
	await Promise.all( [
		queryClient.invalidateQueries( { queryKey: APPROVALS_KEY } ),
		queryClient.invalidateQueries( { queryKey: OVERVIEW_KEY } ),
		queryClient.invalidateQueries( { queryKey: AUDIT_KEY } ),
	] );
}

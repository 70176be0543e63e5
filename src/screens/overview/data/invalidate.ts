/**
 * External dependencies
 */
import type { QueryClient } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import { AGENTS_KEY, CANARY_KEY, OVERVIEW_KEY } from '../../../api/query-keys';

/**
 * After the kill switch moved or an incident was closed: the Overview, and the screens
 * that show whether an agent is halted (Agents, Canary).
 *
 * @param queryClient The query client.
 */
export async function invalidateControlQueries(
	queryClient: QueryClient
): Promise< void > {
	await Promise.all( [
		queryClient.invalidateQueries( { queryKey: OVERVIEW_KEY } ),
		queryClient.invalidateQueries( { queryKey: AGENTS_KEY } ),
		queryClient.invalidateQueries( { queryKey: CANARY_KEY } ),
	] );
}

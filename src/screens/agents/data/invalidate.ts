/**
 * External dependencies
 */
import type { QueryClient } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import { AGENTS_KEY, OVERVIEW_KEY } from '../../../api/query-keys';

/**
 * After any change to an agent or its tokens: this screen's queries and the Overview's
 * agent list.
 *
 * @param queryClient The query client.
 */
export async function invalidateAgentQueries(
	queryClient: QueryClient
): Promise< void > {
	await Promise.all( [
		queryClient.invalidateQueries( { queryKey: AGENTS_KEY } ),
		queryClient.invalidateQueries( { queryKey: OVERVIEW_KEY } ),
	] );
}

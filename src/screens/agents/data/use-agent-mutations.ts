/**
 * External dependencies
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import { createAgent, type NewAgent } from '../../../api/agents';
import type { Agent } from '../../../schemas';
import { invalidateAgentQueries } from './invalidate';
import { agentQuery } from './query-options';

/**
 * Registers an agent. On success the new agent is cached for its detail view and the
 * agent queries are invalidated. Errors are left for the form to show.
 */
export function useCreateAgent() {
	const queryClient = useQueryClient();
	return useMutation< Agent, Error, NewAgent >( {
		mutationFn: createAgent,
		onSuccess: async ( agent ) => {
			queryClient.setQueryData( agentQuery( agent.id ).queryKey, agent );
			await invalidateAgentQueries( queryClient );
		},
	} );
}

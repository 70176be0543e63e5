/**
 * External dependencies
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import { moveCanaryDial } from '../../../api/canary';
import { testKillSwitch, type KillSwitchTest } from '../../../api/halt';
import { AGENTS_KEY, CANARY_KEY, OVERVIEW_KEY } from '../../../api/query-keys';
import type { Agent } from '../../../schemas';

/**
 * Moves an agent's canary dial. Its figures, the Overview's canary stages and the Agents
 * screen (policy version, canary share) are invalidated.
 *
 * @param agentId The agent.
 */
export function useMoveCanaryDial( agentId: number ) {
	const queryClient = useQueryClient();
	return useMutation< Agent, Error, number >( {
		mutationFn: ( percent ) => moveCanaryDial( agentId, percent ),
		onSuccess: async () => {
			await Promise.all( [
				queryClient.invalidateQueries( { queryKey: CANARY_KEY } ),
				queryClient.invalidateQueries( { queryKey: OVERVIEW_KEY } ),
				queryClient.invalidateQueries( { queryKey: AGENTS_KEY } ),
			] );
		},
	} );
}

/**
 * Tests an agent's kill switch. The measurement stays in the mutation (shown once); the
 * Agents screen is invalidated because the pre-launch checklist reads the result.
 *
 * @param agentId The agent.
 */
export function useKillSwitchTest( agentId: number ) {
	const queryClient = useQueryClient();
	return useMutation< KillSwitchTest, Error, void >( {
		mutationFn: () => testKillSwitch( agentId ),
		onSuccess: async () => {
			await queryClient.invalidateQueries( { queryKey: AGENTS_KEY } );
		},
	} );
}

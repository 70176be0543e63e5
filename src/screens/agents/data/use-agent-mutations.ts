/**
 * External dependencies
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import {
	archiveAgent,
	changeMode,
	createAgent,
	updateAgent,
	type AgentChanges,
	type ModeChange,
	type NewAgent,
} from '../../../api/agents';
import { testKillSwitch, type KillSwitchTest } from '../../../api/halt';
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

/**
 * A change to one agent that answers the agent: the answer replaces the cached agent at
 * once, then everything the change may affect is refetched.
 *
 * @param agentId    The agent.
 * @param mutationFn The request.
 */
function useAgentChange< Input >(
	agentId: number,
	mutationFn: ( input: Input ) => Promise< Agent >
) {
	const queryClient = useQueryClient();
	return useMutation< Agent, Error, Input >( {
		mutationFn,
		onSuccess: async ( agent ) => {
			queryClient.setQueryData( agentQuery( agentId ).queryKey, agent );
			await invalidateAgentQueries( queryClient );
		},
	} );
}

/**
 * Edits the registry fields (name, purpose, owner, risk, notes). A stale `version`
 * answers 409 agent_guard_version_conflict.
 *
 * @param agentId The agent.
 */
export function useUpdateAgent( agentId: number ) {
	return useAgentChange< AgentChanges >( agentId, ( changes ) =>
		updateAgent( agentId, changes )
	);
}

/**
 * Moves the agent to another mode. Leaving observe mode with open checklist items answers
 * 409 agent_guard_checklist_open (see openChecklistItems()) unless an administrator sends
 * a reason.
 *
 * @param agentId The agent.
 */
export function useChangeMode( agentId: number ) {
	return useAgentChange< ModeChange >( agentId, ( change ) =>
		changeMode( agentId, change )
	);
}

/**
 * Halts the agent, checks its next request is refused, and resumes it; a passed test
 * ticks the checklist's "Kill switch tested" for 30 days.
 *
 * @param agentId The agent.
 */
export function useTestKillSwitch( agentId: number ) {
	const queryClient = useQueryClient();
	return useMutation< KillSwitchTest, Error, void >( {
		mutationFn: () => testKillSwitch( agentId ),
		onSuccess: () => invalidateAgentQueries( queryClient ),
	} );
}

/**
 * Archives the agent: its tokens are revoked; its history stays.
 *
 * @param agentId The agent.
 */
export function useArchiveAgent( agentId: number ) {
	return useAgentChange< void >( agentId, () => archiveAgent( agentId ) );
}

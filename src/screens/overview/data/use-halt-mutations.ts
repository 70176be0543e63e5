/**
 * External dependencies
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import {
	setAgentHalt,
	setGlobalHalt,
	type AgentControl,
	type HaltChange,
	type HaltState,
} from '../../../api/halt';
import type { Metrics } from '../../../api/metrics';
import { invalidateControlQueries } from './invalidate';
import { metricsQuery } from './query-options';

/**
 * Halts or resumes every agent. The answer goes into the cached metrics at once (the
 * banner changes without waiting for a refetch), then the control queries are invalidated.
 */
export function useSetGlobalHalt() {
	const queryClient = useQueryClient();
	return useMutation< HaltState, Error, HaltChange >( {
		mutationFn: setGlobalHalt,
		onSuccess: async ( halt ) => {
			queryClient.setQueryData(
				metricsQuery().queryKey,
				( metrics: Metrics | undefined ) =>
					metrics ? { ...metrics, halt } : metrics
			);
			await invalidateControlQueries( queryClient );
		},
	} );
}

interface AgentHaltVariables extends HaltChange {
	agentId: number;
}

/**
 * Halts or resumes one agent; its row in the cached metrics is replaced by the answer.
 */
export function useSetAgentHalt() {
	const queryClient = useQueryClient();
	return useMutation< AgentControl, Error, AgentHaltVariables >( {
		mutationFn: ( { agentId, ...change } ) =>
			setAgentHalt( agentId, change ),
		onSuccess: async ( agent ) => {
			queryClient.setQueryData(
				metricsQuery().queryKey,
				( metrics: Metrics | undefined ) =>
					metrics
						? {
								...metrics,
								agents: metrics.agents.map( ( item ) =>
									item.id === agent.id ? agent : item
								),
						  }
						: metrics
			);
			await invalidateControlQueries( queryClient );
		},
	} );
}

/**
 * External dependencies
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import {
	issueToken,
	revokeToken,
	rotateToken,
	type NewToken,
} from '../../../api/tokens';
import type { IssuedToken, Token } from '../../../schemas';
import { invalidateAgentQueries } from './invalidate';

/**
 * Issues a token. The secret lives only in this mutation's result: `gcTime: 0` drops it
 * from the mutation cache as soon as the component that showed it unmounts, and callers
 * `reset()` when the person closes the secret. It never enters the query cache.
 *
 * @param agentId The agent.
 */
export function useIssueToken( agentId: number ) {
	const queryClient = useQueryClient();
	return useMutation< IssuedToken, Error, NewToken >( {
		mutationFn: ( input ) => issueToken( agentId, input ),
		gcTime: 0,
		onSuccess: () => invalidateAgentQueries( queryClient ),
	} );
}

export interface Rotation {
	tokenId: number;
	graceSeconds: number;
}

/**
 * Rotates a token; the successor's secret is kept like useIssueToken()'s: only in this
 * mutation's result, dropped on unmount.
 *
 * @param agentId The agent.
 */
export function useRotateToken( agentId: number ) {
	const queryClient = useQueryClient();
	return useMutation< IssuedToken, Error, Rotation >( {
		mutationFn: ( { tokenId, graceSeconds } ) =>
			rotateToken( agentId, tokenId, graceSeconds ),
		gcTime: 0,
		onSuccess: () => invalidateAgentQueries( queryClient ),
	} );
}

/**
 * Revokes a token at once (no grace period).
 *
 * @param agentId The agent.
 */
export function useRevokeToken( agentId: number ) {
	const queryClient = useQueryClient();
	return useMutation< Token, Error, number >( {
		mutationFn: ( tokenId ) => revokeToken( agentId, tokenId ),
		onSuccess: () => invalidateAgentQueries( queryClient ),
	} );
}

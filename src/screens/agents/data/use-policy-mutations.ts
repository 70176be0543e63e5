/**
 * External dependencies
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import {
	exportPolicy,
	importPolicy,
	savePolicy,
	type PolicyFile,
	type PolicySave,
} from '../../../api/policy';
import type { PolicyImport, PolicyRecord } from '../../../schemas';
import { invalidateAgentQueries } from './invalidate';
import { policyQuery } from './query-options';

/**
 * Saves the policy as a new version. The saved document replaces the cached one at once.
 * A refused document answers 400 with `data.path`; a stale expected_version 409.
 *
 * @param agentId The agent.
 */
export function useSavePolicy( agentId: number ) {
	const queryClient = useQueryClient();
	return useMutation< PolicyRecord, Error, PolicySave >( {
		mutationFn: ( input ) => savePolicy( agentId, input ),
		onSuccess: async ( record ) => {
			queryClient.setQueryData( policyQuery( agentId ).queryKey, record );
			await invalidateAgentQueries( queryClient );
		},
	} );
}

export interface ImportRequest {
	document: unknown;
	apply: boolean;
}

/**
 * Previews (apply: false) or applies an imported policy file. Only an applied import
 * changes anything, so only that invalidates.
 *
 * @param agentId The agent.
 */
export function useImportPolicy( agentId: number ) {
	const queryClient = useQueryClient();
	return useMutation< PolicyImport, Error, ImportRequest >( {
		mutationFn: ( { document, apply } ) =>
			importPolicy( agentId, document, apply ),
		onSuccess: async ( result ) => {
			if ( result.applied ) {
				await invalidateAgentQueries( queryClient );
			}
		},
	} );
}

/**
 * Fetches the policy file to download. Changes nothing.
 *
 * @param agentId The agent.
 */
export function useExportPolicy( agentId: number ) {
	return useMutation< PolicyFile, Error, void >( {
		mutationFn: () => exportPolicy( agentId ),
	} );
}

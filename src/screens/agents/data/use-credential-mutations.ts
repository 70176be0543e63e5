/**
 * External dependencies
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import {
	adoptCredential,
	releaseAdoption,
	updateSettings,
	type Adoption,
} from '../../../api/inventory';
import type { AdoptionRelease, Credential, Settings } from '../../../schemas';
import { invalidateAgentQueries } from './invalidate';
import { settingsQuery } from './query-options';

/** Adopts a WooCommerce key or application password for an agent. */
export function useAdoptCredential() {
	const queryClient = useQueryClient();
	return useMutation< Credential, Error, Adoption >( {
		mutationFn: adoptCredential,
		onSuccess: () => invalidateAgentQueries( queryClient ),
	} );
}

/** Releases an adopted credential: it is no longer treated as the agent. */
export function useReleaseAdoption() {
	const queryClient = useQueryClient();
	return useMutation< AdoptionRelease, Error, number >( {
		mutationFn: releaseAdoption,
		onSuccess: () => invalidateAgentQueries( queryClient ),
	} );
}

export function useUpdateSettings() {
	const queryClient = useQueryClient();
	return useMutation< Settings, Error, Partial< Settings > >( {
		mutationFn: updateSettings,
		onSuccess: async ( settings ) => {
			queryClient.setQueryData( settingsQuery().queryKey, settings );
			await invalidateAgentQueries( queryClient );
		},
	} );
}

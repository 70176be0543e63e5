/**
 * External dependencies
 */
import { QueryClient } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import { ApiError } from '../api/errors';

/** How often a live screen refreshes itself while its tab is visible. */
export const LIVE_REFRESH_MS = 5_000;

/**
 * Retries network failures and 5xx twice; a 4xx or a malformed answer would only fail
 * again.
 *
 * @param failureCount Failures so far.
 * @param error        The last one.
 */
export function shouldRetry( failureCount: number, error: unknown ): boolean {
	if ( error instanceof ApiError ) {
		if ( error.isClientError || error.status === null ) {
			return error.code === 'fetch_error' && failureCount < 2;
		}
	}
	return failureCount < 2;
}

export function createQueryClient(): QueryClient {
	return new QueryClient( {
		defaultOptions: {
			queries: {
				retry: shouldRetry,
				staleTime: 2_000,
				refetchOnWindowFocus: true,
			},
			mutations: {
				retry: false,
			},
		},
	} );
}

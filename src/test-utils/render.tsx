/**
 * Rendering with what the app provides: a fresh QueryClient that never retries, and
 * the initial state.
 */

/**
 * External dependencies
 */
import type { ReactElement, ReactNode } from 'react';
import { jest } from '@jest/globals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';

/**
 * Internal dependencies
 */
import type { InitialState } from '../app/initial-state';
import { InitialStateProvider } from '../app/initial-state-context';
import { makeInitialState } from './factories';

export function createTestQueryClient(): QueryClient {
	return new QueryClient( {
		defaultOptions: {
			queries: { retry: false, gcTime: Infinity },
			mutations: { retry: false },
		},
	} );
}

export function createWrapper(
	queryClient: QueryClient,
	initialState: InitialState = makeInitialState()
) {
	return function Wrapper( { children }: { children: ReactNode } ) {
		return (
			<InitialStateProvider value={ initialState }>
				<QueryClientProvider client={ queryClient }>
					{ children }
				</QueryClientProvider>
			</InitialStateProvider>
		);
	};
}

export function renderWithClient(
	ui: ReactElement,
	options: { queryClient?: QueryClient; initialState?: InitialState } = {}
): RenderResult & { queryClient: QueryClient } {
	const queryClient = options.queryClient ?? createTestQueryClient();
	const result = render( ui, {
		wrapper: createWrapper( queryClient, options.initialState ),
	} );
	return { ...result, queryClient };
}

/**
 * For hook tests: a fresh no-retry QueryClient with its invalidateQueries watched, and a
 * wrapper providing it (pass it to renderHook).
 */
export function createHookHarness() {
	const queryClient = createTestQueryClient();
	const invalidate = jest.spyOn( queryClient, 'invalidateQueries' );
	return { queryClient, invalidate, wrapper: createWrapper( queryClient ) };
}

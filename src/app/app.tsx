/**
 * External dependencies
 */
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';

/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { Suspense } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { LoadingState } from '../components/loading-state';
import { ErrorBoundary } from './error-boundary';
import type { InitialState } from './initial-state';
import { InitialStateProvider } from './initial-state-context';
import { SCREENS, isScreenName } from './screens';

interface AppProps {
	/** The root element's data-screen. */
	screen: string | undefined;
	initialState: InitialState;
	queryClient: QueryClient;
}

export function App( { screen, initialState, queryClient }: AppProps ) {
	if ( ! isScreenName( screen ) ) {
		return (
			<Notice status="error" isDismissible={ false }>
				{ sprintf(
					/* translators: %s: the data-screen attribute value. */
					__(
						'Agent Guard has no screen called “%s”.',
						'agent-guard'
					),
					screen ?? ''
				) }
			</Notice>
		);
	}
	const Screen = SCREENS[ screen ];
	return (
		<InitialStateProvider value={ initialState }>
			<QueryClientProvider client={ queryClient }>
				<ErrorBoundary>
					<Suspense
						fallback={
							<LoadingState
								label={ __(
									'Loading Agent Guard…',
									'agent-guard'
								) }
							/>
						}
					>
						<Screen />
					</Suspense>
				</ErrorBoundary>
			</QueryClientProvider>
		</InitialStateProvider>
	);
}

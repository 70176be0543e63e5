/**
 * Entry of the admin app: mounts the screen named by #agent-guard-root's data-screen.
 */

/**
 * WordPress dependencies
 */
import { createRoot } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { App } from './app/app';
import { ErrorBoundary } from './app/error-boundary';
import { readInitialState } from './app/initial-state';
import { createQueryClient } from './app/query-client';
import './style.scss';

function mount(): void {
	const root = document.getElementById( 'agent-guard-root' );
	if ( ! root ) {
		return;
	}
	const reactRoot = createRoot( root );
	try {
		reactRoot.render(
			<App
				screen={ root.dataset.screen }
				initialState={ readInitialState( window ) }
				queryClient={ createQueryClient() }
			/>
		);
	} catch ( error ) {
		const Fail = () => {
			throw error;
		};
		reactRoot.render(
			<ErrorBoundary>
				<Fail />
			</ErrorBoundary>
		);
	}
}

if ( document.readyState === 'loading' ) {
	document.addEventListener( 'DOMContentLoaded', mount );
} else {
	mount();
}

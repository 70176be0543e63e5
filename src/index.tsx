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
import { ScreenError } from './app/error-boundary';
import { readInitialState, type InitialState } from './app/initial-state';
import { createQueryClient } from './app/query-client';
import './index.scss';

function mount(): void {
	const root = document.getElementById( 'agent-guard-root' );
	if ( ! root ) {
		return;
	}
	const reactRoot = createRoot( root );
	let initialState: InitialState;
	try {
		initialState = readInitialState( window );
	} catch ( error ) {
		reactRoot.render(
			<ScreenError
				error={
					error instanceof Error
						? error
						: new Error( String( error ) )
				}
			/>
		);
		return;
	}
	reactRoot.render(
		<App
			screen={ root.dataset.screen }
			initialState={ initialState }
			queryClient={ createQueryClient() }
		/>
	);
}

if ( document.readyState === 'loading' ) {
	document.addEventListener( 'DOMContentLoaded', mount );
} else {
	mount();
}

/**
 * WordPress dependencies
 */
import { useCallback, useSyncExternalStore } from '@wordpress/element';
import { addQueryArgs, getQueryArg, removeQueryArgs } from '@wordpress/url';

/** Fired on window after this hook changed the URL (history.pushState fires nothing). */
const NAVIGATE_EVENT = 'agent-guard:navigate';

function subscribe( onChange: () => void ): () => void {
	window.addEventListener( 'popstate', onChange );
	window.addEventListener( NAVIGATE_EVENT, onChange );
	return () => {
		window.removeEventListener( 'popstate', onChange );
		window.removeEventListener( NAVIGATE_EVENT, onChange );
	};
}

function read( name: string ): string | undefined {
	const value = getQueryArg( window.location.href, name );
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * One query argument of the admin page's URL as state, so that reloads, the back button
 * and shared links keep what the screen shows (the open agent, filters…).
 *
 * @param name Query argument name.
 * @return The value (undefined when absent) and a setter that pushes a history entry.
 */
export function useQueryArg(
	name: string
): [ string | undefined, ( value: string | undefined ) => void ] {
	const value = useSyncExternalStore( subscribe, () => read( name ) );
	const setValue = useCallback(
		( next: string | undefined ) => {
			const url =
				next === undefined
					? removeQueryArgs( window.location.href, name )
					: addQueryArgs( window.location.href, { [ name ]: next } );
			window.history.pushState( null, '', url );
			window.dispatchEvent( new Event( NAVIGATE_EVENT ) );
		},
		[ name ]
	);
	return [ value, setValue ];
}

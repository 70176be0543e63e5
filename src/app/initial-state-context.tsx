/**
 * WordPress dependencies
 */
import { createContext, useContext } from '@wordpress/element';

/**
 * Internal dependencies
 */
import type { InitialState } from './initial-state';

const InitialStateContext = createContext< InitialState | null >( null );

export const InitialStateProvider = InitialStateContext.Provider;

/**
 * The parsed initial state (user, capabilities, page URLs). Only inside <App>.
 */
export function useInitialState(): InitialState {
	const state = useContext( InitialStateContext );
	if ( state === null ) {
		throw new Error(
			'useInitialState() is used outside <InitialStateProvider>.'
		);
	}
	return state;
}

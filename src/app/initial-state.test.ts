/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import { readInitialState } from './initial-state';
import { makeInitialState } from '../test-utils/factories';

describe( 'readInitialState', () => {
	it( 'returns window.agentGuard when it has the shape Assets.php writes', () => {
		const state = makeInitialState();

		expect( readInitialState( { agentGuard: state } ) ).toEqual( state );
	} );

	it( 'says so when the page has no initial state', () => {
		expect( () => readInitialState( {} ) ).toThrow(
			/window\.agentGuard is missing or malformed/
		);
	} );

	it( 'names the field that is wrong', () => {
		const state = {
			...makeInitialState(),
			caps: { manage: 'yes', approve: true, halt: true, audit: true },
		};

		expect( () => readInitialState( { agentGuard: state } ) ).toThrow(
			/caps\.manage/
		);
	} );
} );

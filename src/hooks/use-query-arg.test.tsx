/**
 * External dependencies
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { act, renderHook } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { useQueryArg } from './use-query-arg';

const PAGE = '/wp-admin/admin.php?page=agent-guard-agents';

beforeEach( () => {
	window.history.replaceState( null, '', PAGE );
} );

describe( 'useQueryArg', () => {
	it( 'reads the argument from the URL', () => {
		window.history.replaceState( null, '', `${ PAGE }&agent=4` );

		const { result } = renderHook( () => useQueryArg( 'agent' ) );

		expect( result.current[ 0 ] ).toBe( '4' );
	} );

	it( 'writes it to the URL as a new history entry, keeping the other arguments', () => {
		const { result } = renderHook( () => useQueryArg( 'agent' ) );
		const entries = window.history.length;

		act( () => result.current[ 1 ]( '9' ) );

		expect( result.current[ 0 ] ).toBe( '9' );
		expect( window.location.search ).toBe(
			'?page=agent-guard-agents&agent=9'
		);
		expect( window.history.length ).toBe( entries + 1 );

		act( () => result.current[ 1 ]( undefined ) );

		expect( result.current[ 0 ] ).toBeUndefined();
		expect( window.location.search ).toBe( '?page=agent-guard-agents' );
	} );

	it( 'follows the back button (popstate)', () => {
		const { result } = renderHook( () => useQueryArg( 'agent' ) );
		act( () => result.current[ 1 ]( '9' ) );

		act( () => {
			window.history.replaceState( null, '', PAGE );
			window.dispatchEvent( new PopStateEvent( 'popstate' ) );
		} );

		expect( result.current[ 0 ] ).toBeUndefined();
	} );
} );

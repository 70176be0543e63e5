/**
 * External dependencies
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { render } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { RelativeTime, formatRelativeTime } from './relative-time';

const NOW = Date.parse( '2026-11-21T12:00:00Z' );

beforeAll( () => {
	document.documentElement.lang = 'en-US';
} );

describe( 'formatRelativeTime', () => {
	it.each( [
		[ '2026-11-21T11:59:50Z', '10 seconds ago' ],
		[ '2026-11-21T11:58:00Z', '2 minutes ago' ],
		[ '2026-11-21T09:00:00Z', '3 hours ago' ],
		[ '2026-11-20T12:00:00Z', 'yesterday' ],
		[ '2026-12-21T12:00:00Z', 'next month' ],
		[ '2026-11-21T12:00:00Z', 'now' ],
	] )( '%s reads “%s”', ( iso, expected ) => {
		expect( formatRelativeTime( iso, NOW ) ).toBe( expected );
	} );

	it( 'reads a few seconds in the future (server clock ahead) as now', () => {
		expect( formatRelativeTime( '2026-11-21T12:00:04Z', NOW ) ).toBe(
			'now'
		);
	} );

	it( 'returns what it cannot parse unchanged', () => {
		expect( formatRelativeTime( 'yesterday-ish', NOW ) ).toBe(
			'yesterday-ish'
		);
	} );
} );

describe( 'RelativeTime', () => {
	it( 'renders a <time> with the machine-readable value', () => {
		const { container } = render(
			<RelativeTime value="2026-11-21T11:58:00Z" now={ NOW } />
		);
		const time = container.querySelector( 'time' );

		expect( time?.getAttribute( 'datetime' ) ).toBe(
			'2026-11-21T11:58:00Z'
		);
		expect( time?.textContent ).toBe( '2 minutes ago' );
	} );

	it( 'shows the fallback for something that never happened', () => {
		const { container } = render(
			<RelativeTime
				value={ null }
				now={ NOW }
				fallback="No request yet"
			/>
		);

		expect( container.textContent ).toBe( 'No request yet' );
		expect( container.querySelector( 'time' ) ).toBeNull();
	} );
} );

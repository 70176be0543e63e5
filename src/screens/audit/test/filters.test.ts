/**
 * The log's filters as the URL carries them: what is read, what is refused, how a time
 * typed in the reader's zone becomes the UTC the REST API is asked for, and back.
 */

/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import {
	filtersFromArgs,
	isoToLocalInput,
	localInputToIso,
	NO_FILTERS,
	parseTime,
	toSelection,
	urlWithFilters,
} from '../data/filters';

const PAGE = 'http://store.test/wp-admin/admin.php?page=agent-guard-audit';

function argsOf( url: string ) {
	const params = new URL( url ).searchParams;
	return ( name: string ) => params.get( name ) ?? undefined;
}

describe( 'filtersFromArgs', () => {
	it( 'reads every filter the URL carries', () => {
		const read = argsOf(
			`${ PAGE }&agent=4&event_type=agent_request&decision=deny&agent_action=products:update&target_type=product&target_id=12&approval=9&from=2026-11-21T06:00:00Z&to=2026-11-21T07:00:59.000Z`
		);

		expect( filtersFromArgs( read ) ).toEqual( {
			agentId: 4,
			eventType: 'agent_request',
			decision: 'deny',
			action: 'products:update',
			targetType: 'product',
			targetId: '12',
			approvalId: 9,
			from: '2026-11-21T06:00:00Z',
			to: '2026-11-21T07:00:59Z',
		} );
	} );

	it( 'reads values the REST API would refuse as no filter', () => {
		const read = argsOf(
			`${ PAGE }&agent=0&event_type=Agent-Request&decision=DROP%20TABLE&agent_action=products&target_type=product%3B&target_id=${ 'x'.repeat(
				65
			) }&approval=-3&from=yesterday&to=2026-13-45T99:00:00Z`
		);

		expect( filtersFromArgs( read ) ).toEqual( NO_FILTERS );
	} );

	it( 'normalises a time with an offset to UTC', () => {
		expect( parseTime( '2026-11-21T08:30:00+02:00' ) ).toBe(
			'2026-11-21T06:30:00Z'
		);
		expect( parseTime( '21/11/2026' ) ).toBeNull();
	} );
} );

describe( 'urlWithFilters', () => {
	it( 'writes the filters, drops the empty ones and the open event, keeps the page', () => {
		const url = urlWithFilters( `${ PAGE }&event=12&decision=allow`, {
			...NO_FILTERS,
			agentId: 3,
			action: 'orders:refund',
		} );
		const read = argsOf( url );

		expect( read( 'page' ) ).toBe( 'agent-guard-audit' );
		expect( read( 'agent' ) ).toBe( '3' );
		expect( read( 'agent_action' ) ).toBe( 'orders:refund' );
		expect( read( 'action' ) ).toBeUndefined();
		expect( read( 'decision' ) ).toBeUndefined();
		expect( read( 'event' ) ).toBeUndefined();
		expect( filtersFromArgs( read ) ).toEqual( {
			...NO_FILTERS,
			agentId: 3,
			action: 'orders:refund',
		} );
	} );

	it( 'clears every filter', () => {
		expect(
			urlWithFilters(
				`${ PAGE }&agent=3&from=2026-11-21T06:00:00Z`,
				NO_FILTERS
			)
		).toBe( PAGE );
	} );
} );

describe( 'toSelection', () => {
	it( 'names the REST arguments and leaves out what is not filtered', () => {
		expect(
			toSelection( { ...NO_FILTERS, agentId: 2, targetType: 'order' } )
		).toEqual( {
			agent_id: 2,
			event_type: undefined,
			decision: undefined,
			action: undefined,
			target_type: 'order',
			target_id: undefined,
			approval_id: undefined,
			from: undefined,
			to: undefined,
		} );
	} );
} );

describe( 'times typed in the reader’s zone', () => {
	// The zone's offset on that day (minutes behind UTC), from the runtime's tz data.
	const offset = new Date(
		Date.UTC( 2026, 10, 21, 8, 15 )
	).getTimezoneOffset();
	const utc = ( seconds: number ) =>
		new Date( Date.UTC( 2026, 10, 21, 8, 15, seconds ) + offset * 60_000 )
			.toISOString()
			.replace( '.000Z', 'Z' );

	it( 'turns a datetime-local value into the UTC instant of that local time', () => {
		expect( localInputToIso( '2026-11-21T08:15' ) ).toBe( utc( 0 ) );
	} );

	it( 'ends a range at the last second of the minute it names', () => {
		expect( localInputToIso( '2026-11-21T08:15', true ) ).toBe( utc( 59 ) );
	} );

	it( 'round-trips through the URL to the minute, in summer and in winter', () => {
		for ( const local of [ '2026-07-01T23:45', '2026-01-15T00:05' ] ) {
			expect( isoToLocalInput( localInputToIso( local ) ?? null ) ).toBe(
				local
			);
		}
	} );

	it( 'refuses what is not a time and reads an empty field as no filter', () => {
		expect( localInputToIso( 'tomorrow' ) ).toBeUndefined();
		expect( localInputToIso( '' ) ).toBeNull();
		expect( isoToLocalInput( null ) ).toBe( '' );
		expect( isoToLocalInput( 'not a time' ) ).toBe( '' );
	} );

	it( 'shows a UTC instant at the reader’s wall-clock time', () => {
		const iso = '2026-11-21T06:00:00Z';
		const local = new Date( iso );
		const pad = ( n: number ) => String( n ).padStart( 2, '0' );

		expect( isoToLocalInput( iso ) ).toBe(
			`${ local.getFullYear() }-${ pad( local.getMonth() + 1 ) }-${ pad(
				local.getDate()
			) }T${ pad( local.getHours() ) }:${ pad( local.getMinutes() ) }`
		);
	} );
} );

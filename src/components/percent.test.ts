/**
 * External dependencies
 */
import { beforeAll, describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import { formatPercent, parsePercent } from './percent';

beforeAll( () => {
	document.documentElement.lang = 'en-US';
} );

describe( 'parsePercent', () => {
	it.each( [
		[ '5', 5 ],
		[ '0', 0 ],
		[ '100', 100 ],
		[ '12.5', 12.5 ],
		[ '0.25', 0.25 ],
		[ '2,75', 2.75 ],
		[ ' 20 % ', 20 ],
		[ '7.', 7 ],
	] )( 'reads “%s” as %d', ( text, value ) => {
		expect( parsePercent( text ) ).toEqual( { ok: true, value } );
	} );

	it.each( [
		[ '', 'Enter a percentage from 0 to 100.' ],
		[ '100.01', 'Enter a percentage from 0 to 100.' ],
		[ '250', 'Enter a percentage from 0 to 100.' ],
		[ '-1', 'Enter a percentage from 0 to 100.' ],
		[ '1.234', 'Use at most two decimals.' ],
		[ 'five', 'Enter a number such as 5 or 12.5.' ],
		[ '1e2', 'Enter a number such as 5 or 12.5.' ],
		[ '1 000', 'Enter a number such as 5 or 12.5.' ],
	] )( 'refuses “%s”: %s', ( text, message ) => {
		expect( parsePercent( text ) ).toEqual( { ok: false, message } );
	} );
} );

describe( 'formatPercent', () => {
	it.each( [
		[ 5, '5 %' ],
		[ 0.25, '0.25 %' ],
		[ 12.5, '12.5 %' ],
		[ 100, '100 %' ],
	] )( '%d reads “%s”', ( value, text ) => {
		expect( formatPercent( value ) ).toBe( text );
	} );
} );

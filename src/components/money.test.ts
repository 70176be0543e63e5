/**
 * External dependencies
 */
import { afterEach, describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import { formatMoney, minorToAmount, parseMoney } from './money';

afterEach( () => {
	document.documentElement.lang = '';
} );

describe( 'minorToAmount', () => {
	it.each( [
		[ 5000, 2, '50.00' ],
		[ 5, 2, '0.05' ],
		[ 0, 2, '0.00' ],
		[ 7550, 2, '75.50' ],
		[ 1234, 0, '1234' ],
		[ 1, 3, '0.001' ],
		[ 100000000, 2, '1000000.00' ],
	] )(
		'%d minor units with %d decimals read %s',
		( minor, decimals, text ) => {
			expect( minorToAmount( minor, decimals ) ).toBe( text );
		}
	);
} );

describe( 'parseMoney', () => {
	it.each( [
		[ '50', 2, 5000 ],
		[ '50.5', 2, 5050 ],
		[ '50,50', 2, 5050 ],
		[ '0.05', 2, 5 ],
		[ ' 12.30 ', 2, 1230 ],
		[ '50.', 2, 5000 ],
		[ '50', 0, 50 ],
		[ '1.5', 3, 1500 ],
	] )(
		'“%s” with %d decimals is %d minor units',
		( text, decimals, minor ) => {
			expect( parseMoney( text, decimals ) ).toEqual( {
				ok: true,
				minor,
			} );
		}
	);

	it( 'reads an empty field as no amount (the threshold is off)', () => {
		expect( parseMoney( '  ', 2 ) ).toEqual( { ok: true, minor: null } );
	} );

	it( 'refuses more decimals than the currency has, in words', () => {
		expect( parseMoney( '12.345', 2 ) ).toEqual( {
			ok: false,
			message: 'Use at most 2 decimals.',
		} );
		expect( parseMoney( '50.5', 0 ) ).toEqual( {
			ok: false,
			message: 'This currency has no decimals; enter a whole amount.',
		} );
	} );

	it.each( [ '-1', '1,234.50', 'abc', '1e3', '$5' ] )(
		'refuses “%s” with an example of what it reads',
		( text ) => {
			expect( parseMoney( text, 2 ) ).toEqual( {
				ok: false,
				message: 'Enter an amount such as 12.50.',
			} );
		}
	);

	it( 'gives back every amount it shows', () => {
		for ( const decimals of [ 0, 2, 3 ] ) {
			for ( const minor of [ 0, 1, 9, 10, 99, 100, 5000, 123456789 ] ) {
				expect(
					parseMoney( minorToAmount( minor, decimals ), decimals )
				).toEqual( { ok: true, minor } );
			}
		}
	} );
} );

describe( 'formatMoney', () => {
	it( 'shows an amount in the store currency for the page’s language', () => {
		document.documentElement.lang = 'en-US';
		expect( formatMoney( 5000, 'USD', 2 ) ).toBe( '$50.00' );

		document.documentElement.lang = 'de-DE';
		expect( formatMoney( 7550, 'EUR', 2 ).replace( /\s/g, ' ' ) ).toBe(
			'75,50 €'
		);
	} );

	it( 'keeps the store’s decimals, not the currency’s default', () => {
		document.documentElement.lang = 'en-US';
		expect( formatMoney( 1500, 'JPY', 0 ) ).toBe( '¥1,500' );
		expect( formatMoney( 1500, 'USD', 3 ) ).toBe( '$1.500' );
	} );

	it( 'falls back to the amount and the code for a code Intl does not know', () => {
		expect( formatMoney( 5000, 'not a code', 2 ) ).toBe(
			'50.00 not a code'
		);
	} );
} );

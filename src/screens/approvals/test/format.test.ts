/**
 * How the Approvals screen words values: signed percentages, store amounts, confidence
 * and targets.
 */

/**
 * External dependencies
 */
import { beforeAll, describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import {
	formatConfidence,
	formatPercentChange,
	formatSignedMinor,
	formatStoreAmount,
	formatValue,
	targetLabel,
} from '../data/format';
import { makeApproval } from '../../../test-utils/approval-factories';

const USD = { currency: 'USD', decimals: 2 };

beforeAll( () => {
	document.documentElement.lang = 'en-US';
} );

describe( 'formatPercentChange', () => {
	it.each( [
		[ 20, '+20%' ],
		[ -88.24, '-88.24%' ],
		[ 312.5, '+312.5%' ],
		[ 0, '0%' ],
	] )( '%d reads %s', ( percent, expected ) => {
		expect( formatPercentChange( percent ) ).toBe( expected );
	} );
} );

describe( 'formatStoreAmount', () => {
	it( 'reads the store’s format into its currency', () => {
		expect( formatStoreAmount( '14.40', USD ) ).toBe( '$14.40' );
		expect( formatStoreAmount( '-3.5', USD ) ).toBe( '-$3.50' );
		expect(
			formatStoreAmount( '1200', { currency: 'JPY', decimals: 0 } )
		).toBe( '¥1,200' );
	} );

	it( 'leaves what is not an amount as text', () => {
		expect( formatStoreAmount( '', USD ) ).toBe( '(empty)' );
		expect( formatStoreAmount( 'free', USD ) ).toBe( 'free' );
		expect( formatStoreAmount( null, USD ) ).toBe( '(none)' );
	} );
} );

describe( 'formatSignedMinor', () => {
	it( 'signs an effect', () => {
		expect( formatSignedMinor( 480, USD ) ).toBe( '+$4.80' );
		expect( formatSignedMinor( -480, USD ) ).toBe( '−$4.80' );
		expect( formatSignedMinor( 0, USD ) ).toBe( '$0.00' );
	} );
} );

describe( 'formatValue', () => {
	it( 'writes any JSON value as text', () => {
		expect( formatValue( [ 4, 5 ] ) ).toBe( '[4,5]' );
		expect( formatValue( { a: 1 } ) ).toBe( '{"a":1}' );
		expect( formatValue( true ) ).toBe( 'Yes' );
		expect( formatValue( 0 ) ).toBe( '0' );
	} );
} );

describe( 'formatConfidence', () => {
	it( 'reads 0–1 as a percentage and leaves anything else as sent', () => {
		expect( formatConfidence( '0.82' ) ).toBe( '82%' );
		expect( formatConfidence( '1' ) ).toBe( '100%' );
		expect( formatConfidence( 'high' ) ).toBe( 'high' );
		expect( formatConfidence( '7' ) ).toBe( '7' );
	} );
} );

describe( 'targetLabel', () => {
	it( 'names the target, an order by its number, a new coupon by its code, and a batch by its first item', () => {
		expect( targetLabel( makeApproval() ) ).toBe( 'Ceramic Mug' );
		expect(
			targetLabel(
				makeApproval( {
					target_type: 'order',
					target_id: '24',
					target_name: '',
				} )
			)
		).toBe( 'Order #24' );
		expect(
			targetLabel(
				makeApproval( {
					target_type: 'coupon',
					target_id: '',
					target_name: '',
					params: { code: 'BIGSALE' },
				} )
			)
		).toBe( 'New coupon BIGSALE' );
		expect( targetLabel( makeApproval( { target_id: 'batch:3' } ) ) ).toBe(
			'Ceramic Mug and 2 more'
		);
	} );
} );

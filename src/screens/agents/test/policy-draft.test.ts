/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import {
	getAt,
	sameJson,
	setAt,
	toJson,
	type JsonObject,
} from '../data/policy-draft';

const draft: JsonObject = {
	limits: { writes_per_minute: 5 },
	actions: {
		allow: [ 'products:update', 'products:batch' ],
		fields: { 'products:update': [ 'regular_price' ] },
	},
};

describe( 'getAt', () => {
	it( 'reads by dot path, into arrays by index and through keys with colons', () => {
		expect( getAt( draft, 'limits.writes_per_minute' ) ).toBe( 5 );
		expect( getAt( draft, 'actions.allow.1' ) ).toBe( 'products:batch' );
		expect( getAt( draft, 'actions.fields.products:update.0' ) ).toBe(
			'regular_price'
		);
	} );

	it( 'answers undefined for a missing step, and the whole document for ""', () => {
		expect( getAt( draft, 'limits.items_per_batch' ) ).toBeUndefined();
		expect( getAt( draft, 'canary.percent' ) ).toBeUndefined();
		expect( getAt( draft, 'limits.writes_per_minute.x' ) ).toBeUndefined();
		expect( getAt( draft, '' ) ).toBe( draft );
	} );

	it( 'does not read inherited members', () => {
		expect( getAt( draft, 'limits.constructor' ) ).toBeUndefined();
	} );
} );

describe( 'setAt', () => {
	it( 'returns a changed copy and leaves the original alone', () => {
		const next = setAt( draft, 'limits.writes_per_minute', 10 );

		expect( getAt( next, 'limits.writes_per_minute' ) ).toBe( 10 );
		expect( getAt( draft, 'limits.writes_per_minute' ) ).toBe( 5 );
		expect( next.actions ).toBe( draft.actions );
	} );

	it( 'creates the objects on the way', () => {
		const next = setAt( draft, 'approvals.coupons.max_percent', 20 );

		expect( next.approvals ).toEqual( { coupons: { max_percent: 20 } } );
	} );

	it( 'removes a member given undefined', () => {
		const next = setAt(
			draft,
			'actions.fields.products:update',
			undefined
		);

		expect( getAt( next, 'actions.fields' ) ).toEqual( {} );
	} );
} );

describe( 'sameJson', () => {
	it( 'ignores member order, not list order', () => {
		expect( sameJson( { a: 1, b: [ 1, 2 ] }, { b: [ 1, 2 ], a: 1 } ) ).toBe(
			true
		);
		expect( sameJson( { a: [ 1, 2 ] }, { a: [ 2, 1 ] } ) ).toBe( false );
		expect( sameJson( { a: null }, {} ) ).toBe( false );
		expect( sameJson( 5, '5' ) ).toBe( false );
	} );
} );

describe( 'toJson', () => {
	it( 'copies, leaving out undefined members and non-finite numbers', () => {
		expect(
			toJson( { a: undefined, b: [ 1, undefined ], c: Infinity, d: 'x' } )
		).toEqual( { b: [ 1, null ], c: null, d: 'x' } );
	} );
} );

/**
 * Reading stored states as changes, on events recorded from a real site
 * (src/test-utils/fixtures/audit-events.json) and on hand-made edge cases.
 */

/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import { parse } from '../../../api/client';
import { auditEventSchema, type AuditEvent } from '../../../schemas';
import recorded from '../../../test-utils/fixtures/audit-events.json';
import {
	ABSENT,
	canonicalJson,
	policyChanges,
	priceChangePercent,
	proposedChanges,
	stateChanges,
	targetName,
} from '../data/diff';

function event( id: number ): AuditEvent {
	const found = recorded.find( ( item ) => item.id === id );
	if ( ! found ) {
		throw new Error( `No recorded event #${ id }.` );
	}
	return parse( auditEventSchema, found );
}

describe( 'stateChanges', () => {
	it( 'lists only the fields of a product that an allowed price update changed', () => {
		const update = event( 11 );

		const changes = stateChanges( update.before, update.after );

		expect(
			changes.map( ( c ) => [ c.target, c.field, c.before, c.after ] )
		).toEqual( [
			[
				'product:4',
				'date_modified_gmt',
				'2026-11-21T07:33:50',
				'2026-11-21T07:34:36',
			],
			[ 'product:4', 'price', '12.00', '12.24' ],
			[ 'product:4', 'regular_price', '12.00', '12.24' ],
		] );
		expect(
			changes.find( ( c ) => c.field === 'regular_price' )?.changePercent
		).toBe( 2 );
		expect( targetName( 'product:4', update.before, update.after ) ).toBe(
			'Ceramic Mug'
		);
	} );

	it( 'shows an approved request’s change as it landed', () => {
		const executed = event( 14 );

		const price = stateChanges( executed.before, executed.after ).find(
			( c ) => c.field === 'regular_price'
		);

		expect( price ).toMatchObject( {
			before: '12.24',
			after: '18.00',
			changePercent: 47.06,
		} );
	} );

	it( 'reads a flat state (an agent registered) as fields that were set', () => {
		const created = event( 1 );

		const changes = stateChanges( created.before, created.after );

		expect( changes.length ).toBeGreaterThan( 0 );
		expect( changes.every( ( c ) => c.target === '' ) ).toBe( true );
		expect( changes.every( ( c ) => c.before === ABSENT ) ).toBe( true );
		expect( changes.find( ( c ) => c.field === 'name' )?.after ).toBe(
			'Catalogue reader'
		);
	} );

	it( 'finds nothing when the request changed nothing (queued: no state after)', () => {
		const queued = event( 12 );

		expect( queued.before ).not.toBeNull();
		expect( stateChanges( queued.before, queued.after ) ).toEqual( [] );
	} );

	it( 'sees a created and a deleted target, and ignores the order of members', () => {
		const changes = stateChanges(
			{
				'product:1': { name: 'Mug', tags: { a: 1, b: 2 } },
				'product:2': { name: 'Gone' },
			},
			{
				'product:1': { name: 'Mug', tags: { b: 2, a: 1 } },
				'product:3': { name: 'New' },
			}
		);

		expect(
			changes.map( ( c ) => [ c.target, c.field, c.before, c.after ] )
		).toEqual( [
			[ 'product:2', 'name', 'Gone', ABSENT ],
			[ 'product:3', 'name', ABSENT, 'New' ],
		] );
	} );
} );

describe( 'proposedChanges', () => {
	it( 'reads what a queued request asked for from details.diff', () => {
		const queued = event( 12 );

		expect( proposedChanges( queued.details ) ).toEqual( [
			{
				target: 'product:4',
				field: 'regular_price',
				before: '12.24',
				after: '18.00',
				changePercent: 47.06,
			},
		] );
	} );

	it( 'finds nothing in details without a diff, or with a malformed one', () => {
		expect( proposedChanges( event( 6 ).details ) ).toEqual( [] );
		expect( proposedChanges( { diff: { units: [ 'x', null ] } } ) ).toEqual(
			[]
		);
	} );
} );

describe( 'policyChanges', () => {
	it( 'reads the paths a mode change touched', () => {
		expect( policyChanges( event( 18 ).details ) ).toEqual( [
			{
				target: '',
				field: 'mode',
				before: 'observe',
				after: 'active',
				changePercent: null,
			},
		] );
	} );
} );

describe( 'helpers', () => {
	it( 'computes a relative change only for prices and amounts', () => {
		expect( priceChangePercent( 'regular_price', '10.00', '12.00' ) ).toBe(
			20
		);
		expect( priceChangePercent( 'sale_price', '10', '7.5' ) ).toBe( -25 );
		expect( priceChangePercent( 'stock_quantity', 10, 12 ) ).toBeNull();
		expect( priceChangePercent( 'price', '0', '12.00' ) ).toBeNull();
		expect( priceChangePercent( 'price', '', '12.00' ) ).toBeNull();
	} );

	it( 'compares JSON whatever the member order', () => {
		expect( canonicalJson( { b: [ 1, { d: 1, c: 2 } ], a: null } ) ).toBe(
			canonicalJson( { a: null, b: [ 1, { c: 2, d: 1 } ] } )
		);
		expect( canonicalJson( [ 1, 2 ] ) ).not.toBe(
			canonicalJson( [ 2, 1 ] )
		);
	} );
} );

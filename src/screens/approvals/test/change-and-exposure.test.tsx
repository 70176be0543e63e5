/**
 * What a manager reads before deciding: the change with its percentage, the whole diff,
 * and what is at stake — against items recorded from a real site and built ones.
 */

/**
 * External dependencies
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { parse } from '../../../api/client';
import { approvalSchema, type Approval } from '../../../schemas';
import { ChangeSummary } from '../components/change-summary';
import { DiffTable } from '../components/diff-table';
import { ExposureDetails, ExposureSummary } from '../components/exposure';
import { makeApproval } from '../../../test-utils/approval-factories';
import { renderWithClient } from '../../../test-utils/render';
import recorded from '../../../test-utils/fixtures/approvals.json';

const recordedItems: Approval[] = recorded.map( ( item ) =>
	parse( approvalSchema, item )
);

function recordedItem( predicate: ( item: Approval ) => boolean ): Approval {
	const item = recordedItems.find( predicate );
	if ( ! item ) {
		throw new Error( 'The fixture has no such item.' );
	}
	return item;
}

function view( ui: JSX.Element ) {
	return within( renderWithClient( ui ).container );
}

beforeAll( () => {
	document.documentElement.lang = 'en-US';
} );

describe( 'ChangeSummary', () => {
	it( 'shows a price change before → after in the store’s currency with its percentage', () => {
		const screen = view( <ChangeSummary approval={ makeApproval() } /> );

		const line = screen.getByRole( 'listitem' ).textContent ?? '';
		expect( line ).toContain( 'Regular price:' );
		expect( line ).toContain( '$12.00' );
		expect( line ).toContain( '$14.40' );
		expect( line ).toContain( '(+20%)' );
	} );

	it( 'shows a decrease with a minus sign and counts the rest of a batch', () => {
		const batch = recordedItem(
			( item ) => item.action === 'products:batch'
		);

		const screen = view( <ChangeSummary approval={ batch } limit={ 1 } /> );

		const items = screen.getAllByRole( 'listitem' );
		expect( items[ 0 ]?.textContent ).toContain( 'Espresso Cup' );
		expect( items[ 0 ]?.textContent ).toContain( '(-88.24%)' );
		expect( items[ 1 ]?.textContent ).toBe( 'and 1 more change' );
	} );

	it( 'shows only the new value of a field the target did not have (a refund)', () => {
		const refund = recordedItem(
			( item ) => item.action === 'orders:refund'
		);

		const screen = view( <ChangeSummary approval={ refund } /> );

		const first = screen.getAllByRole( 'listitem' )[ 0 ]?.textContent ?? '';
		expect( first ).toBe( 'Amount: $5.00' );
	} );
} );

describe( 'DiffTable', () => {
	it( 'lists every field of every unit with before, after and change', () => {
		const batch = recordedItem(
			( item ) => item.action === 'products:batch'
		);

		const screen = view( <DiffTable approval={ batch } /> );

		const rows = screen.getAllByRole( 'row' ).slice( 1 );
		expect( rows ).toHaveLength( 2 );
		expect(
			within( rows[ 0 ] as HTMLElement )
				.getAllByRole( 'cell' )
				.map( ( cell ) => cell.textContent )
		).toEqual( [
			'Espresso Cup (AG-1003)update[0]',
			'Regular priceregular_price',
			'$8.50',
			'$1.00',
			'-88.24%',
		] );
		expect( rows[ 1 ]?.textContent ).toContain( '(empty)' );
		expect( rows[ 1 ]?.textContent ).toContain( '$2.00' );
	} );

	it( 'shows a percentage coupon’s amount as a number, not as money', () => {
		const coupon = recordedItem(
			( item ) => item.action === 'coupons:create'
		);

		const screen = view( <DiffTable approval={ coupon } /> );

		const amount = screen
			.getAllByRole( 'row' )
			.find(
				( row ) =>
					row.textContent?.startsWith( 'New coupon BIGSALEAmount' )
			);
		expect( amount?.textContent ).toContain( '35' );
		expect( amount?.textContent ).not.toContain( '$' );
	} );

	it( 'shows markup in a value as text, never as markup', () => {
		const approval = makeApproval( {
			diff: {
				units: [
					{
						item: 'products:update',
						target: 'product:40',
						name: 'Mug',
						sku: null,
						changes: {
							description: {
								before: '<b>old</b>',
								after: '<img src=x onerror=alert(1)>',
							},
						},
					},
				],
			},
		} );

		const { container } = renderWithClient(
			<DiffTable approval={ approval } />
		);

		expect( container.querySelector( 'img' ) ).toBeNull();
		expect( container.textContent ).toContain(
			'<img src=x onerror=alert(1)>'
		);
	} );
} );

describe( 'ExposureSummary', () => {
	it( 'says how many units sold in 30 days and the revenue effect at that volume', () => {
		const screen = view( <ExposureSummary approval={ makeApproval() } /> );

		expect( screen.getByRole( 'listitem' ).textContent ).toBe(
			'12 sold in 30 days; +$28.80 revenue at that volume'
		);
	} );

	it( 'gives a refund against its order total and status', () => {
		const refund = recordedItem(
			( item ) => item.action === 'orders:refund'
		);

		const { container } = renderWithClient(
			<ExposureSummary approval={ refund } />
		);

		expect( container.textContent ).toBe(
			'$5.00 of a $31.50 order (processing)'
		);
	} );

	it( 'gives a stock change with the open orders that hold the product', () => {
		const stock = recordedItem(
			( item ) => item.exposure.kind === 'stock'
		);

		const screen = view( <ExposureSummary approval={ stock } /> );

		expect( screen.getByRole( 'listitem' ).textContent ).toBe(
			'Stock 30 → 2; 0 open orders hold 0 units'
		);
	} );

	it( 'gives a percentage coupon as a percentage', () => {
		const coupon = recordedItem(
			( item ) => item.action === 'coupons:create'
		);

		const { container } = renderWithClient(
			<ExposureSummary approval={ coupon } />
		);

		expect( container.textContent ).toBe( '35% off' );
	} );

	it( 'says so when the exposure could not be computed', () => {
		const approval = makeApproval( {
			exposure: { error: 'Could not compute the exposure: timeout' },
		} );

		const { container } = renderWithClient(
			<ExposureSummary approval={ approval } />
		);

		expect( container.textContent ).toBe( 'Could not be computed' );
	} );
} );

describe( 'ExposureDetails', () => {
	it( 'tabulates each product of a batch with its sales and revenue effect', () => {
		const batch = recordedItem(
			( item ) => item.action === 'products:batch'
		);

		const screen = view( <ExposureDetails approval={ batch } /> );

		const rows = screen.getAllByRole( 'row' ).slice( 1 );
		expect( rows.map( ( row ) => row.textContent ) ).toEqual( [
			'Espresso Cup (AG-1003)$8.50 → $1.00-88.24%0$0.00',
			'Latte Bowl (AG-1004)$0.00 → $2.00—4+$8.00',
		] );
	} );
} );

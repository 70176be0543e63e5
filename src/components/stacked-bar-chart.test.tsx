/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';
import { render, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { StackedBarChart, type ChartPoint } from './stacked-bar-chart';

const SERIES = [
	{ key: 'allowed', label: 'Allowed', color: '#00a32a' },
	{ key: 'refused', label: 'Refused', color: '#d63638' },
];

function point( hour: number, allowed: number, refused: number ): ChartPoint {
	return {
		key: `h${ hour }`,
		label: `${ hour }:00`,
		longLabel: `Nov 21, ${ hour }:00`,
		values: { allowed, refused },
	};
}

function renderChart( points: ChartPoint[] ) {
	const { container } = render(
		<StackedBarChart
			title="Agent requests per hour"
			series={ SERIES }
			points={ points }
			emptyMessage="No agent request yet."
		/>
	);
	return { container, view: within( container ) };
}

describe( 'StackedBarChart', () => {
	it( 'is an image named by its title and described by the totals', () => {
		const { view } = renderChart( [ point( 9, 3, 1 ), point( 10, 2, 0 ) ] );

		const image = view.getByRole( 'img', {
			name: 'Agent requests per hour',
		} );
		const describedBy = image.getAttribute( 'aria-describedby' ) ?? '';
		const description = document.getElementById( describedBy );
		expect( description?.textContent ).toContain( 'Allowed: 5' );
		expect( description?.textContent ).toContain( 'Refused: 1' );
	} );

	it( 'has every number in a table, one row per period', () => {
		const { view } = renderChart( [ point( 9, 3, 1 ), point( 10, 2, 0 ) ] );

		const table = view.getByRole( 'table', {
			name: 'Agent requests per hour (Allowed: 5, Refused: 1)',
		} );
		const rows = within( table ).getAllByRole( 'row' );
		expect( rows.map( ( row ) => row.textContent ) ).toEqual( [
			'HourAllowedRefused',
			'Nov 21, 9:0031',
			'Nov 21, 10:0020',
		] );
		expect( view.getByText( 'Show the numbers' ).tagName ).toBe(
			'SUMMARY'
		);
	} );

	it( 'draws one bar segment per non-zero value, with its tooltip, stacked to scale', () => {
		const { container } = renderChart( [
			point( 9, 3, 1 ),
			point( 10, 2, 0 ),
		] );

		const bars = Array.from(
			container.querySelectorAll( '.agent-guard-chart__svg rect' )
		);
		expect( bars ).toHaveLength( 3 );
		expect( bars.map( ( bar ) => bar.textContent ) ).toEqual( [
			'Nov 21, 9:00 — Allowed: 3',
			'Nov 21, 9:00 — Refused: 1',
			'Nov 21, 10:00 — Allowed: 2',
		] );
		const height = ( index: number ) =>
			Number( bars[ index ]?.getAttribute( 'height' ) );
		// Heights are proportional to the counts.
		expect( height( 0 ) ).toBeCloseTo( height( 1 ) * 3 );
		expect( height( 2 ) ).toBeCloseTo( height( 1 ) * 2 );
	} );

	it( 'shows its empty message instead of a chart of zeros', () => {
		const { container, view } = renderChart( [
			point( 9, 0, 0 ),
			point( 10, 0, 0 ),
		] );

		expect( view.getByText( 'No agent request yet.' ) ).toBeTruthy();
		expect( container.querySelector( 'svg' ) ).toBeNull();
	} );
} );

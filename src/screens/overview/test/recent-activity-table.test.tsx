/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';
import { render, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { RecentActivityTable } from '../components/recent-activity-table';
import { makeAuditEvent } from '../../../test-utils/factories';

const NOW = Date.parse( '2026-11-21T06:44:00Z' );

function renderTable( events: ReturnType< typeof makeAuditEvent >[] ) {
	const { container } = render(
		<RecentActivityTable events={ events } now={ NOW } />
	);
	return { container, view: within( container ) };
}

describe( 'RecentActivityTable', () => {
	it( 'shows each request: agent, method and route, decision, rule, status, duration, rationale', () => {
		const { view } = renderTable( [
			makeAuditEvent( {
				id: 2,
				decision: 'error',
				rule: 'woocommerce_rest_cannot_view',
				method: 'GET',
				route: '/wc/v3/orders',
				status: 403,
				duration_ms: 3,
				metadata: {},
			} ),
			makeAuditEvent( { id: 1 } ),
		] );
		const rows = view.getAllByRole( 'row' ).slice( 1 );

		expect( rows ).toHaveLength( 2 );
		const first = within( rows[ 0 ] as HTMLElement );
		expect( first.getByText( 'Nightly repricer' ) ).toBeTruthy();
		expect( first.getByText( 'GET /wc/v3/orders' ) ).toBeTruthy();
		expect( first.getByText( 'Allowed, store error' ) ).toBeTruthy();
		expect(
			first.getByText( 'woocommerce_rest_cannot_view' )
		).toBeTruthy();
		expect( first.getByText( '403' ) ).toBeTruthy();
		expect( first.getByText( '3 ms' ) ).toBeTruthy();
		expect( first.getByText( 'None given' ) ).toBeTruthy();
		const second = within( rows[ 1 ] as HTMLElement );
		expect( second.getByText( 'Allowed' ) ).toBeTruthy();
		expect(
			second.getByText( 'Checking prices before the sale.' )
		).toBeTruthy();
	} );

	it( 'renders what the agent wrote as text, never as markup', () => {
		const { container, view } = renderTable( [
			makeAuditEvent( {
				metadata: {
					rationale: '<img src=x onerror="alert(1)"> cheaper',
				},
				agent_name: '<b>bold</b>',
			} ),
		] );

		expect(
			view.getByText( '<img src=x onerror="alert(1)"> cheaper' )
		).toBeTruthy();
		expect( view.getByText( '<b>bold</b>' ) ).toBeTruthy();
		expect( container.querySelector( 'img' ) ).toBeNull();
		expect( container.querySelector( 'b' ) ).toBeNull();
	} );

	it( 'names an agent it has no name for by its id', () => {
		const { view } = renderTable( [
			makeAuditEvent( { agent_name: '', agent_id: 42 } ),
		] );

		expect( view.getByText( 'Agent #42' ) ).toBeTruthy();
	} );

	it( 'shows an unknown decision code as it came', () => {
		const { view } = renderTable( [
			makeAuditEvent( { decision: 'quarantine' } ),
		] );

		expect( view.getByText( 'quarantine' ) ).toBeTruthy();
	} );

	it( 'says so when no agent has made a request', () => {
		const { container, view } = renderTable( [] );

		expect(
			view.getByText( 'No agent has made a request yet.' )
		).toBeTruthy();
		expect( container.querySelector( 'table' ) ).toBeNull();
	} );
} );

/**
 * External dependencies
 */
import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { CanaryStagesTable } from '../components/canary-stages-table';
import { PendingApprovals } from '../components/pending-approvals';
import { StoppedAgentsTable } from '../components/stopped-agents-table';
import { makeAgentControl } from '../../../test-utils/ops-factories';

const NOW = Date.parse( '2026-11-21T06:44:00Z' );

describe( 'StoppedAgentsTable', () => {
	const agents = [
		makeAgentControl( { id: 1, name: 'Running one' } ),
		makeAgentControl( {
			id: 2,
			name: 'Tripped one',
			halted: true,
			halt_reason:
				'Circuit breaker: 21 failed actions in 5 minutes (limit 20).',
			halted_at: '2026-11-21T06:40:00Z',
			halted_by_name: 'Agent Guard',
		} ),
		makeAgentControl( { id: 3, name: 'Paused one', mode: 'paused' } ),
	];

	it( 'lists only the agents halted or paused, with reason, who and since when', () => {
		const { container } = render(
			<StoppedAgentsTable agents={ agents } now={ NOW } />
		);
		const rows = within( container ).getAllByRole( 'row' ).slice( 1 );

		expect( rows ).toHaveLength( 2 );
		const halted = within( rows[ 0 ] as HTMLElement );
		expect( halted.getByText( 'Tripped one' ) ).toBeTruthy();
		expect( halted.getByText( 'Halted' ) ).toBeTruthy();
		expect( halted.getByText( /Circuit breaker/ ) ).toBeTruthy();
		expect( halted.getByText( 'by Agent Guard' ) ).toBeTruthy();
		expect( halted.getByText( '4 minutes ago' ) ).toBeTruthy();
		const paused = within( rows[ 1 ] as HTMLElement );
		expect( paused.getByText( 'Paused' ) ).toBeTruthy();
		expect( paused.getByText( /Its mode is paused/ ) ).toBeTruthy();
	} );

	it( 'offers Resume for a halted agent and a mode link for a paused one, to those who may', () => {
		const onResume = jest.fn();
		const { container } = render(
			<StoppedAgentsTable
				agents={ agents }
				now={ NOW }
				onResume={ onResume }
				agentUrl={ ( id ) => `/agents?agent=${ id }` }
			/>
		);
		const view = within( container );

		fireEvent.click(
			view.getByRole( 'button', { name: 'Resume Tripped one' } )
		);
		expect( onResume ).toHaveBeenCalledWith( agents[ 1 ] );
		expect( view.getAllByRole( 'button' ) ).toHaveLength( 1 );
		expect(
			view
				.getByRole( 'link', { name: 'Change its mode' } )
				.getAttribute( 'href' )
		).toBe( '/agents?agent=3' );
	} );

	it( 'offers no button to a reader without the halt capability', () => {
		const { container } = render(
			<StoppedAgentsTable agents={ agents } now={ NOW } />
		);

		expect( within( container ).queryByRole( 'button' ) ).toBeNull();
	} );
} );

describe( 'CanaryStagesTable', () => {
	it( 'shows each agent’s share, next step and a link to its dial', () => {
		const { container } = render(
			<CanaryStagesTable
				canaryUrl={ ( id ) => `/canary?agent=${ id }` }
				agents={ [
					makeAgentControl( {
						id: 4,
						name: 'Repricer',
						mode: 'canary',
						canary_percent: 5,
						canary_next: 20,
					} ),
					makeAgentControl( {
						id: 5,
						name: 'Almost there',
						mode: 'canary',
						canary_percent: 100,
						canary_next: null,
					} ),
					makeAgentControl( {
						id: 6,
						name: 'Watcher',
						mode: 'observe',
					} ),
				] }
			/>
		);
		const rows = within( container ).getAllByRole( 'row' ).slice( 1 );
		const cells = ( index: number ) =>
			Array.from( rows[ index ]?.children ?? [] ).map(
				( cell ) => cell.textContent
			);

		expect( cells( 0 ) ).toEqual( [ 'Repricer', 'Canary', '5 %', '20 %' ] );
		expect( cells( 1 ) ).toEqual( [
			'Almost there',
			'Canary',
			'100 %',
			'—',
		] );
		expect( cells( 2 ) ).toEqual( [
			'Watcher',
			'Observe only',
			'None: observe only',
			'—',
		] );
		expect(
			within( container )
				.getByRole( 'link', { name: 'Repricer' } )
				.getAttribute( 'href' )
		).toBe( '/canary?agent=4' );
	} );
} );

describe( 'PendingApprovals', () => {
	it( 'links the count to the Approvals page for a reader who may approve', () => {
		const { container } = render(
			<PendingApprovals pending={ 3 } approvalsUrl="/approvals" />
		);
		const view = within( container );

		expect( container.textContent ).toContain(
			'3 requests wait for a human.'
		);
		expect(
			view
				.getByRole( 'link', { name: 'Review 3 pending approvals' } )
				.getAttribute( 'href' )
		).toBe( '/approvals' );
	} );

	it( 'shows the count without a link to a reader who may not approve', () => {
		const { container } = render( <PendingApprovals pending={ 1 } /> );

		expect( container.textContent ).toContain(
			'1 request waits for a human.'
		);
		expect( within( container ).queryByRole( 'link' ) ).toBeNull();
	} );

	it( 'says when nothing waits', () => {
		const { container } = render( <PendingApprovals pending={ 0 } /> );

		expect( container.textContent ).toBe(
			'No request waits for approval.'
		);
	} );
} );

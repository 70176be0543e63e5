/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';
import { render, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { AgentsOverviewTable } from '../components/agents-overview-table';
import { makeAgent } from '../../../test-utils/factories';

const NOW = Date.parse( '2026-11-21T06:44:00Z' );

describe( 'AgentsOverviewTable', () => {
	it( 'shows mode, halted flag with its reason, status, risk and last activity', () => {
		const { container } = render(
			<AgentsOverviewTable
				now={ NOW }
				agents={ [
					makeAgent( {
						id: 1,
						name: 'Repricer',
						mode: 'canary',
						canary_percent: 5,
						halted: true,
						halt_reason: 'Too many failures',
						risk_tier: 'high',
						last_activity_at: '2026-11-21T06:42:00Z',
					} ),
					makeAgent( {
						id: 2,
						name: 'Stock keeper',
						mode: 'active',
					} ),
				] }
			/>
		);
		const rows = within( container ).getAllByRole( 'row' ).slice( 1 );
		const halted = within( rows[ 0 ] as HTMLElement );
		const running = within( rows[ 1 ] as HTMLElement );

		expect( halted.getByText( 'Canary (5 %)' ) ).toBeTruthy();
		expect( halted.getByText( 'Halted' ) ).toBeTruthy();
		expect( halted.getByText( 'Too many failures' ) ).toBeTruthy();
		expect( halted.getByText( 'High' ) ).toBeTruthy();
		expect( halted.getByText( '2 minutes ago' ) ).toBeTruthy();
		expect( running.getByText( 'Active' ) ).toBeTruthy();
		expect( running.getByText( 'No' ) ).toBeTruthy();
		expect( running.getByText( 'No request yet' ) ).toBeTruthy();
	} );

	it( 'links agents only when the reader may open them', () => {
		const agents = [ makeAgent( { id: 3, name: 'Repricer' } ) ];
		const withLinks = render(
			<AgentsOverviewTable
				now={ NOW }
				agents={ agents }
				agentUrl={ ( id ) => `/agents?agent=${ id }` }
			/>
		);
		expect(
			within( withLinks.container )
				.getByRole( 'link', { name: 'Repricer' } )
				.getAttribute( 'href' )
		).toBe( '/agents?agent=3' );
		withLinks.unmount();

		const withoutLinks = render(
			<AgentsOverviewTable now={ NOW } agents={ agents } />
		);
		expect(
			within( withoutLinks.container ).queryByRole( 'link' )
		).toBeNull();
	} );

	it( 'says no agent is registered, with a way to add one for those who may', () => {
		const { container } = render(
			<AgentsOverviewTable
				now={ NOW }
				agents={ [] }
				addAgentUrl="/agents"
			/>
		);
		const view = within( container );

		expect( view.getByText( 'No agent is registered yet.' ) ).toBeTruthy();
		expect(
			view
				.getByRole( 'link', { name: 'Register an agent' } )
				.getAttribute( 'href' )
		).toBe( '/agents' );
	} );
} );

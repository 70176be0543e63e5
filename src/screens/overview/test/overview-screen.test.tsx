/**
 * The Overview screen against a fake apiFetch: what it asks for, what it shows, and that
 * it refreshes itself while visible and not while hidden.
 */

/**
 * External dependencies
 */
import {
	afterEach,
	beforeEach,
	describe,
	expect,
	it,
	jest,
} from '@jest/globals';
import { focusManager } from '@tanstack/react-query';
import {
	act,
	fireEvent,
	screen,
	waitFor,
	within,
} from '@testing-library/react';

/**
 * Internal dependencies
 */
import OverviewScreen from '..';
import { LIVE_REFRESH_MS } from '../../../app/query-client';
import {
	makeAgent,
	makeAuditEvent,
	makeInitialState,
} from '../../../test-utils/factories';
import {
	mockedApiFetch,
	serveRoutes,
} from '../../../test-utils/api-fetch-mock';
import { reply, wpError } from '../../../test-utils/fake-api-fetch';
import {
	makeAgentControl,
	makeHaltState,
	makeHaltedState,
	makeIncident,
	makeMetrics,
} from '../../../test-utils/ops-factories';
import { renderWithClient } from '../../../test-utils/render';
import type { Metrics } from '../../../api/metrics';
import type { AuditEvent } from '../../../schemas';
import recordedMetrics from '../../../test-utils/fixtures/metrics-halted.json';

jest.mock( '@wordpress/api-fetch' );

function serve(
	events: () => AuditEvent[],
	metrics: () => Metrics = () => makeMetrics()
) {
	serveRoutes( {
		'GET /agent-guard/v1/agents': () =>
			reply( [ makeAgent( { name: 'Nightly repricer' } ) ], {
				total: 1,
			} ),
		'GET /agent-guard/v1/audit': () =>
			reply( events(), { total: events().length } ),
		'GET /agent-guard/v1/metrics': () => reply( metrics() ),
		'GET /agent-guard/v1/incidents': () => reply( [], { total: 0 } ),
	} );
}

function renderOverview( caps = makeInitialState().caps ) {
	const { container } = renderWithClient( <OverviewScreen />, {
		initialState: makeInitialState( { caps } ),
	} );
	return within( container );
}

beforeEach( () => {
	mockedApiFetch.mockReset();
} );

afterEach( () => {
	jest.useRealTimers();
	focusManager.setFocused( undefined );
} );

describe( 'Overview screen', () => {
	it( 'asks for exactly the paths Assets.php preloads', async () => {
		serve( () => [] );

		const view = renderOverview();
		await view.findByText( 'No agent has made a request yet.' );

		const paths = mockedApiFetch.mock.calls.map(
			( [ options ] ) => options.path
		);
		expect( paths ).toEqual(
			expect.arrayContaining( [
				'/agent-guard/v1/agents',
				'/agent-guard/v1/audit?event_type=agent_request&per_page=20',
				'/agent-guard/v1/metrics',
			] )
		);
	} );

	it( 'shows the agents and their latest requests', async () => {
		serve( () => [ makeAuditEvent() ] );

		const view = renderOverview();

		expect(
			await view.findByText( 'Checking prices before the sale.' )
		).toBeTruthy();
		const agents = within( view.getByRole( 'region', { name: 'Agents' } ) );
		expect(
			agents.getByRole( 'link', { name: 'Nightly repricer' } )
		).toBeTruthy();
		expect( agents.getByText( '1 agent' ) ).toBeTruthy();
	} );

	it( 'does not link agents for a reader without the manage capability', async () => {
		serve( () => [] );

		const view = renderOverview( {
			manage: false,
			approve: true,
			halt: true,
			audit: false,
		} );

		const agents = within( view.getByRole( 'region', { name: 'Agents' } ) );
		expect( await agents.findByText( 'Nightly repricer' ) ).toBeTruthy();
		expect(
			agents.queryByRole( 'link', { name: 'Nightly repricer' } )
		).toBeNull();
	} );

	it( 'shows the server’s refusal when the requests cannot be read', async () => {
		serveRoutes( {
			'GET /agent-guard/v1/agents': () => reply( [], { total: 0 } ),
			'GET /agent-guard/v1/metrics': () => reply( makeMetrics() ),
			'GET /agent-guard/v1/incidents': () => reply( [], { total: 0 } ),
			'GET /agent-guard/v1/audit': () =>
				wpError(
					403,
					'agent_guard_forbidden',
					'Sorry, you are not allowed to do that.'
				),
		} );

		const view = renderOverview();

		expect(
			await view.findByText( 'Could not load the latest requests.' )
		).toBeTruthy();
		expect(
			view.getByText( /Sorry, you are not allowed to do that\./ )
				.textContent
		).toContain( 'HTTP 403' );
		expect( view.getByText( 'No agent is registered yet.' ) ).toBeTruthy();
	} );

	it( 'shows a new request on its own a refresh interval later', async () => {
		jest.useFakeTimers();
		let events = [ makeAuditEvent( { id: 1 } ) ];
		serve( () => events );
		const view = renderOverview();
		await view.findByText( 'Checking prices before the sale.' );

		events = [
			makeAuditEvent( {
				id: 2,
				route: '/wc/v3/products/12',
				metadata: { rationale: 'Price below the floor.' },
			} ),
			...events,
		];
		await act( async () => {
			await jest.advanceTimersByTimeAsync( LIVE_REFRESH_MS + 100 );
		} );

		expect(
			await view.findByText( 'Price below the floor.' )
		).toBeTruthy();
		expect( view.getByText( 'GET /wc/v3/products/12' ) ).toBeTruthy();
	} );

	it( 'stops refreshing while the tab is hidden', async () => {
		jest.useFakeTimers();
		serve( () => [ makeAuditEvent() ] );
		const view = renderOverview();
		await view.findByText( 'Checking prices before the sale.' );
		const callsWhileVisible = mockedApiFetch.mock.calls.length;

		act( () => focusManager.setFocused( false ) );
		await act( async () => {
			await jest.advanceTimersByTimeAsync( LIVE_REFRESH_MS * 4 );
		} );

		expect( mockedApiFetch.mock.calls.length ).toBe( callsWhileVisible );
	} );
	it( 'puts the halt state first: the banner with the reason and who halted', async () => {
		serve(
			() => [],
			() => recordedMetrics as Metrics
		);

		const view = renderOverview();

		const banner = await view.findByRole( 'region', {
			name: 'All agents are halted',
		} );
		expect(
			within( banner ).getByText( 'Supplier feed is broken' )
		).toBeTruthy();
		expect( within( banner ).getByText( 'admin' ) ).toBeTruthy();
		const regions = view
			.getAllByRole( 'region' )
			.map( ( region ) =>
				region.getAttribute( 'aria-labelledby' )
					? document.getElementById(
							region.getAttribute( 'aria-labelledby' ) ?? ''
					  )?.textContent
					: ''
			);
		expect( regions[ 0 ] ).toBe( 'All agents are halted' );
		expect( regions ).toEqual(
			expect.arrayContaining( [
				'Agents halted or paused',
				'Open incidents',
				'Pending approvals',
				'Canary stages',
				'Activity over the last 24 hours',
			] )
		);
	} );

	it( 'halts every agent after confirmation and shows the banner at once', async () => {
		let halt = makeHaltState();
		serveRoutes( {
			'GET /agent-guard/v1/agents': () => reply( [], { total: 0 } ),
			'GET /agent-guard/v1/audit': () => reply( [], { total: 0 } ),
			'GET /agent-guard/v1/incidents': () => reply( [], { total: 0 } ),
			'GET /agent-guard/v1/metrics': () =>
				reply( makeMetrics( { halt } ) ),
			'POST /agent-guard/v1/halt': ( options ) => {
				halt = makeHaltedState( {
					reason: String( options.data?.reason ),
				} );
				return reply( halt );
			},
		} );
		const view = renderOverview();

		fireEvent.change( await view.findByLabelText( 'Reason for halting' ), {
			target: { value: 'Prices look wrong' },
		} );
		fireEvent.click(
			view.getByRole( 'button', { name: 'Halt all agents' } )
		);
		const dialog = screen.getByRole( 'dialog', {
			name: 'Halt all agents?',
		} );
		fireEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Halt all agents' } )
		);

		const banner = await view.findByRole( 'region', {
			name: 'All agents are halted',
		} );
		expect(
			within( banner ).getByText( 'Prices look wrong' )
		).toBeTruthy();
		await waitFor( () =>
			expect( screen.queryByRole( 'dialog' ) ).toBeNull()
		);
	} );

	it( 'links pending approvals to the Approvals page and canary stages to the Canary screen', async () => {
		serve(
			() => [],
			() =>
				makeMetrics( {
					approvals: { pending: 2 },
					agents: [
						makeAgentControl( {
							id: 4,
							name: 'Repricer',
							mode: 'canary',
							canary_percent: 20,
							canary_next: 100,
						} ),
					],
				} )
		);

		const view = renderOverview();

		expect(
			(
				await view.findByRole( 'link', {
					name: 'Review 2 pending approvals',
				} )
			).getAttribute( 'href' )
		).toBe( makeInitialState().pages.approvals );
		const canary = view.getByRole( 'region', { name: 'Canary stages' } );
		expect(
			within( canary )
				.getByRole( 'link', { name: 'Repricer' } )
				.getAttribute( 'href' )
		).toBe(
			'http://store.test/wp-admin/admin.php?page=agent-guard-canary&agent=4'
		);
		expect( within( canary ).getByText( '20 %' ) ).toBeTruthy();
		expect( within( canary ).getByText( '100 %' ) ).toBeTruthy();
	} );

	it( 'lists open incidents for a reader who may close them', async () => {
		serveRoutes( {
			'GET /agent-guard/v1/agents': () => reply( [], { total: 0 } ),
			'GET /agent-guard/v1/audit': () => reply( [], { total: 0 } ),
			'GET /agent-guard/v1/metrics': () => reply( makeMetrics() ),
			'GET /agent-guard/v1/incidents': () =>
				reply( [ makeIncident() ], { total: 1 } ),
		} );

		const view = renderOverview( {
			manage: false,
			approve: false,
			halt: true,
			audit: false,
		} );

		const incidents = await view.findByRole( 'region', {
			name: 'Open incidents',
		} );
		expect( await within( incidents ).findByText( '1 open' ) ).toBeTruthy();
		fireEvent.click(
			within( incidents ).getByRole( 'button', {
				name: /^Close incident:/,
			} )
		);
		expect(
			screen.getByRole( 'dialog', { name: 'Close this incident' } )
		).toBeTruthy();
	} );

	it( 'shows a halt made elsewhere on its own a refresh interval later', async () => {
		jest.useFakeTimers();
		let metrics = makeMetrics();
		serve(
			() => [],
			() => metrics
		);
		const view = renderOverview();
		await view.findByRole( 'region', { name: 'Agents running' } );

		metrics = makeMetrics( { halt: makeHaltedState() } );
		await act( async () => {
			await jest.advanceTimersByTimeAsync( LIVE_REFRESH_MS + 100 );
		} );

		expect(
			await view.findByRole( 'region', { name: 'All agents are halted' } )
		).toBeTruthy();
	} );
} );

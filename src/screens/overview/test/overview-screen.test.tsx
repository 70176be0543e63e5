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
import { act, within } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

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
	type ApiFetchCall,
	fakeApiFetch,
	reply,
	wpError,
} from '../../../test-utils/fake-api-fetch';
import { renderWithClient } from '../../../test-utils/render';
import type { AuditEvent } from '../../../schemas';

jest.mock( '@wordpress/api-fetch' );
const mockedApiFetch = jest.mocked( apiFetch as ApiFetchCall );

function serve( events: () => AuditEvent[] ) {
	mockedApiFetch.mockImplementation(
		fakeApiFetch( {
			'GET /agent-guard/v1/agents': () =>
				reply( [ makeAgent( { name: 'Nightly repricer' } ) ], {
					total: 1,
				} ),
			'GET /agent-guard/v1/audit': () =>
				reply( events(), { total: events().length } ),
		} )
	);
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
			] )
		);
	} );

	it( 'shows the agents and their latest requests', async () => {
		serve( () => [ makeAuditEvent() ] );

		const view = renderOverview();

		expect(
			await view.findByText( 'Checking prices before the sale.' )
		).toBeTruthy();
		expect( view.getByRole( 'heading', { name: 'Agents' } ) ).toBeTruthy();
		expect(
			view.getByRole( 'link', { name: 'Nightly repricer' } )
		).toBeTruthy();
		expect( view.getByText( '1 agent' ) ).toBeTruthy();
	} );

	it( 'does not link agents for a reader without the manage capability', async () => {
		serve( () => [] );

		const view = renderOverview( {
			manage: false,
			approve: true,
			halt: true,
			audit: false,
		} );

		expect( await view.findByText( 'Nightly repricer' ) ).toBeTruthy();
		expect(
			view.queryByRole( 'link', { name: 'Nightly repricer' } )
		).toBeNull();
	} );

	it( 'shows the server’s refusal when the requests cannot be read', async () => {
		mockedApiFetch.mockImplementation(
			fakeApiFetch( {
				'GET /agent-guard/v1/agents': () => reply( [], { total: 0 } ),
				'GET /agent-guard/v1/audit': () =>
					wpError(
						403,
						'agent_guard_forbidden',
						'Sorry, you are not allowed to do that.'
					),
			} )
		);

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
} );

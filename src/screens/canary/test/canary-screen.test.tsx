/**
 * The Canary screen against a fake apiFetch: the agent in the URL, the dial moving the
 * cohort, the mode hint, the kill-switch test.
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
import { fireEvent, screen, waitFor, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import CanaryScreen from '..';
import type { Canary } from '../../../api/canary';
import { makeAgent, makeInitialState } from '../../../test-utils/factories';
import {
	mockedApiFetch,
	serveRoutes,
} from '../../../test-utils/api-fetch-mock';
import { reply } from '../../../test-utils/fake-api-fetch';
import {
	makeCanary,
	makeKillSwitchTest,
} from '../../../test-utils/ops-factories';
import { renderWithClient } from '../../../test-utils/render';

jest.mock( '@wordpress/api-fetch' );

const AGENTS = [
	makeAgent( { id: 7, name: 'Repricer', mode: 'canary', canary_percent: 5 } ),
	makeAgent( { id: 8, name: 'Watcher', mode: 'observe' } ),
];

/**
 * The cohort as the server computes it, growing with the dial (60 products).
 * @param percent
 * @param overrides
 */
function canaryAt( percent: number, overrides: Partial< Canary > = {} ) {
	const steps: Record< number, number | null > = {
		0: 1,
		1: 5,
		5: 20,
		20: 100,
		100: null,
	};
	return makeCanary( {
		percent,
		next_step: steps[ percent ] ?? null,
		cohort: { size: Math.floor( ( 60 * percent ) / 100 ), total: 60 },
		...overrides,
	} );
}

function serve( state: { percent: number; mode?: Canary[ 'mode' ] } ) {
	serveRoutes( {
		'GET /agent-guard/v1/agents': () =>
			reply( AGENTS, { total: AGENTS.length } ),
		'GET /agent-guard/v1/agents/7/canary': () =>
			reply(
				canaryAt( state.percent, {
					mode: state.mode ?? 'canary',
				} )
			),
		'POST /agent-guard/v1/agents/7/canary': ( options ) => {
			state.percent = Number( options.data?.percent );
			return reply(
				makeAgent( {
					id: 7,
					mode: 'canary',
					canary_percent: state.percent,
				} )
			);
		},
		'POST /agent-guard/v1/agents/7/kill-switch-test': () =>
			reply( makeKillSwitchTest( { ms: 2.5 } ) ),
	} );
}

function renderCanary( caps = makeInitialState().caps ) {
	const { container } = renderWithClient( <CanaryScreen />, {
		initialState: makeInitialState( { caps } ),
	} );
	return within( container );
}

function cohortText( view: ReturnType< typeof within > ) {
	return view.getByText( 'Cohort' ).nextElementSibling?.textContent;
}

beforeEach( () => {
	mockedApiFetch.mockReset();
	window.history.replaceState(
		null,
		'',
		'/wp-admin/admin.php?page=agent-guard-canary'
	);
} );

afterEach( () => {
	window.history.replaceState( null, '', '/' );
} );

describe( 'Canary screen', () => {
	it( 'asks to choose an agent, and keeps the choice in the URL', async () => {
		serve( { percent: 5 } );
		const view = renderCanary();

		expect(
			view.getByText( 'Choose an agent to see its canary dial.' )
		).toBeTruthy();
		const picker = await view.findByLabelText( 'Agent' );
		expect(
			Array.from( ( picker as HTMLSelectElement ).options ).map(
				( option ) => option.textContent
			)
		).toEqual( [
			'Choose an agent',
			'Repricer — Canary (5 %)',
			'Watcher — Observe only',
		] );
		fireEvent.change( picker, { target: { value: '7' } } );

		expect( window.location.search ).toBe(
			'?page=agent-guard-canary&agent=7'
		);
		expect( await view.findByText( '3 of 60 products' ) ).toBeTruthy();
	} );

	it( 'moves the dial step by step, and the cohort follows', async () => {
		window.history.replaceState(
			null,
			'',
			'/wp-admin/admin.php?page=agent-guard-canary&agent=7'
		);
		const state = { percent: 0 };
		serve( state );
		const view = renderCanary();
		expect( await view.findByText( '0 of 60 products' ) ).toBeTruthy();

		for ( const [ step, cohort ] of [
			[ '1 %', '0 of 60 products' ],
			[ '20 %', '12 of 60 products' ],
			[ '100 %', '60 of 60 products' ],
		] as const ) {
			fireEvent.click( view.getByRole( 'button', { name: step } ) );
			const dialog = screen.getByRole( 'dialog', {
				name: `Move the dial to ${ step }?`,
			} );
			fireEvent.click(
				within( dialog ).getByRole( 'button', {
					name: 'Move the dial',
				} )
			);
			await view.findByText( ( _, element ) =>
				Boolean(
					element?.classList.contains( 'agent-guard-dial__value' ) &&
						element.textContent === step
				)
			);
			await waitFor( () =>
				expect( screen.queryByRole( 'dialog' ) ).toBeNull()
			);
			expect( cohortText( view ) ).toBe( cohort );
		}

		const posted = mockedApiFetch.mock.calls
			.filter( ( [ options ] ) => options.method === 'POST' )
			.map( ( [ options ] ) => options.data );
		expect( posted ).toEqual( [
			{ percent: 1 },
			{ percent: 20 },
			{ percent: 100 },
		] );
	} );

	it( 'hints that the dial does nothing outside canary mode', async () => {
		window.history.replaceState(
			null,
			'',
			'/wp-admin/admin.php?page=agent-guard-canary&agent=7'
		);
		serve( { percent: 5, mode: 'observe' } );
		const view = renderCanary();

		expect(
			await view.findByText( /This agent is in observe-only mode/ )
		).toBeTruthy();
	} );

	it( 'tests the kill switch and shows the time to halt', async () => {
		window.history.replaceState(
			null,
			'',
			'/wp-admin/admin.php?page=agent-guard-canary&agent=7'
		);
		serve( { percent: 5 } );
		const view = renderCanary();

		fireEvent.click(
			await view.findByRole( 'button', { name: 'Test the kill switch' } )
		);

		expect(
			await view.findByText( 'Halted in 2.5 ms:', { exact: false } )
		).toBeTruthy();
	} );

	it( 'shows the dial without controls to a reader who may not manage agents', async () => {
		window.history.replaceState(
			null,
			'',
			'/wp-admin/admin.php?page=agent-guard-canary&agent=7'
		);
		serve( { percent: 5 } );
		const view = renderCanary( {
			manage: false,
			approve: true,
			halt: true,
			audit: false,
		} );

		expect( await view.findByText( '3 of 60 products' ) ).toBeTruthy();
		expect( view.queryByRole( 'button', { name: '20 %' } ) ).toBeNull();
		expect(
			view.queryByRole( 'button', { name: 'Test the kill switch' } )
		).toBeNull();
	} );
} );

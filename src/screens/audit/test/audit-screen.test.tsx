/**
 * The Audit screen against a fake apiFetch answering with events recorded from a real
 * site: the table, "Load older" by keyset, filters in the URL, an event's details (diff,
 * reasons, metadata, approval and signer, incident, hashes), verification, export, and
 * what people without agent_guard_audit see.
 */

/**
 * External dependencies
 */
import {
	beforeAll,
	beforeEach,
	describe,
	expect,
	it,
	jest,
} from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import apiFetch, { type APIFetchOptions } from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import AuditScreen from '..';
import type { InitialState } from '../../../app/initial-state';
import {
	makeAgent,
	makeAuditEvent,
	makeInitialState,
} from '../../../test-utils/factories';
import {
	mockedApiFetch,
	serveRoutes,
} from '../../../test-utils/api-fetch-mock';
import {
	type FakeRoute,
	reply,
	wpError,
} from '../../../test-utils/fake-api-fetch';
import recordedApproval from '../../../test-utils/fixtures/audit-approval.json';
import recordedEvents from '../../../test-utils/fixtures/audit-events.json';
import recordedOutline from '../../../test-utils/fixtures/audit-events-outline.json';
import recordedIncidents from '../../../test-utils/fixtures/audit-incidents.json';
import recordedIntact from '../../../test-utils/fixtures/audit-verify.json';
import recordedBroken from '../../../test-utils/fixtures/audit-verify-broken.json';
import closedIncident from '../../../test-utils/fixtures/incident-closed.json';
import { renderWithClient } from '../../../test-utils/render';

jest.mock( '@wordpress/api-fetch' );
const nonceHolder = apiFetch as unknown as {
	nonceMiddleware?: ( () => void ) & { nonce: string };
};

const PAGE = '/wp-admin/admin.php?page=agent-guard-audit';
const AGENTS = [
	makeAgent( { id: 1, name: 'Catalogue reader' } ),
	makeAgent( { id: 2, name: 'Weekend repricer' } ),
	makeAgent( { id: 3, name: 'Hasty repricer' } ),
];

type Recorded = ( typeof recordedEvents )[ number ];

function byId( id: number ): Recorded {
	const found = recordedEvents.find( ( event ) => event.id === id );
	if ( ! found ) {
		throw new Error( `No recorded event #${ id }.` );
	}
	return found;
}

/**
 * Answers GET audit like the server: the filters it understands, newest first, keyset
 * paging, per_page; records every query it was asked.
 *
 * @param events The log.
 * @param routes More routes.
 */
function serve(
	events: unknown[] = recordedEvents,
	routes: Record< string, FakeRoute > = {}
) {
	const listCalls: URLSearchParams[] = [];
	serveRoutes( {
		'GET /agent-guard/v1/audit': ( options: APIFetchOptions ) => {
			const query = new URLSearchParams(
				( options.path ?? '' ).split( '?' )[ 1 ] ?? ''
			);
			listCalls.push( query );
			const perPage = Number( query.get( 'per_page' ) ?? 20 );
			const beforeId = Number( query.get( 'before_id' ) ?? Infinity );
			const matching = ( events as Recorded[] ).filter(
				( event ) =>
					event.id < beforeId &&
					( ! query.has( 'agent_id' ) ||
						String( event.agent_id ) ===
							query.get( 'agent_id' ) ) &&
					( ! query.has( 'decision' ) ||
						event.decision === query.get( 'decision' ) ) &&
					( ! query.has( 'event_type' ) ||
						event.event_type === query.get( 'event_type' ) )
			);
			return reply( matching.slice( 0, perPage ), {
				total: matching.length,
			} );
		},
		'GET /agent-guard/v1/agents': () =>
			reply( AGENTS, { total: AGENTS.length } ),
		'GET /agent-guard/v1/approvals/1': () => reply( recordedApproval ),
		'GET /agent-guard/v1/incidents/1': () =>
			reply( recordedIncidents[ 0 ] ),
		...routes,
	} );
	return listCalls;
}

function renderScreen( overrides: Partial< InitialState[ 'caps' ] > = {} ) {
	const initialState = makeInitialState( {
		caps: { ...makeInitialState().caps, ...overrides },
	} );
	return renderWithClient( <AuditScreen />, { initialState } );
}

function urlArg( name: string ): string | null {
	return new URL( window.location.href ).searchParams.get( name );
}

/**
 * Text inside a notice (Notice also speaks its text into wp.a11y's live region).
 *
 * @param text The text.
 */
function findNoticeText( text: RegExp ) {
	return screen.getByText( text, {
		selector: '.components-notice__content, .components-notice__content p',
	} );
}

async function findRow( id: number ) {
	const table = await screen.findByRole( 'table', {
		name: 'Audit events, newest first',
	} );
	const row = within( table )
		.getAllByRole( 'row' )
		.find( ( tr ) => tr.getAttribute( 'data-event-id' ) === String( id ) );
	if ( ! row ) {
		throw new Error( `No row for event #${ id }.` );
	}
	return within( row );
}

async function openDetails( id: number ) {
	fireEvent.click(
		await screen.findByRole( 'button', {
			name: `Show details of event #${ id }`,
		} )
	);
	return within(
		await screen.findByRole( 'region', {
			name: `Details of event #${ id }`,
		} )
	);
}

beforeAll( () => {
	document.documentElement.lang = 'en-US';
} );

beforeEach( () => {
	mockedApiFetch.mockReset();
	// As WordPress sets it up (script-loader.php): a middleware function with its nonce.
	nonceHolder.nonceMiddleware = Object.assign( () => undefined, {
		nonce: 'n0nce123',
	} );
	window.history.replaceState( null, '', PAGE );
} );

describe( 'the table', () => {
	it( 'lists the recorded events newest first with decision and rule, asking for one page without counting', async () => {
		const calls = serve();

		renderScreen();

		const denied = await findRow( 6 );
		expect( denied.getAllByText( 'Catalogue reader' ) ).toHaveLength( 2 );
		expect( denied.getByText( 'Agent request' ) ).toBeTruthy();
		expect( denied.getByText( 'Denied' ) ).toBeTruthy();
		expect( denied.getByText( 'data_access.orders' ) ).toBeTruthy();
		expect( denied.getByText( 'GET /wc/v3/orders' ) ).toBeTruthy();
		expect( denied.getByText( '403' ) ).toBeTruthy();
		const trip = await findRow( 23 );
		expect( trip.getByText( 'Circuit breaker tripped' ) ).toBeTruthy();
		expect( trip.getByText( 'Agent Guard' ) ).toBeTruthy();
		const ids = screen
			.getAllByRole( 'row' )
			.map( ( row ) => row.getAttribute( 'data-event-id' ) )
			.filter( Boolean );
		expect( ids ).toEqual(
			recordedEvents.map( ( event ) => String( event.id ) )
		);
		expect( calls ).toHaveLength( 1 );
		expect( calls[ 0 ]?.get( 'per_page' ) ).toBe( '51' );
		expect( calls[ 0 ]?.has( 'before_id' ) ).toBe( false );
		expect( calls[ 0 ]?.has( 'page' ) ).toBe( false );
		expect(
			await screen.findByText( 'This is the start of the log.' )
		).toBeTruthy();
		expect(
			screen.queryByRole( 'button', { name: /roll ?back/i } )
		).toBeNull();
	} );

	it( 'loads older events before the last id shown', async () => {
		const log = Array.from( { length: 120 }, ( _, index ) =>
			makeAuditEvent( { id: 300 - index } )
		);
		const calls = serve( log );

		renderScreen();

		await findRow( 251 );
		expect( screen.queryByText( '#250' ) ).toBeNull();
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Load older events' } )
		);

		await findRow( 201 );
		expect( calls[ 1 ]?.get( 'before_id' ) ).toBe( '251' );
		expect( calls[ 1 ]?.get( 'per_page' ) ).toBe( '51' );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Load older events' } )
		);
		await findRow( 181 );
		expect( calls[ 2 ]?.get( 'before_id' ) ).toBe( '201' );
		expect(
			screen.getByText( 'This is the start of the log.' )
		).toBeTruthy();
		expect(
			screen.queryByRole( 'button', { name: 'Load older events' } )
		).toBeNull();
		expect( screen.getByText( /120 events shown/ ) ).toBeTruthy();
	} );

	it( 'says so when loading older events fails, and keeps what it shows', async () => {
		const log = Array.from( { length: 60 }, ( _, index ) =>
			makeAuditEvent( { id: 100 - index } )
		);
		serve( log );
		renderScreen();
		await findRow( 51 );
		serve( log, {
			'GET /agent-guard/v1/audit': () =>
				wpError(
					500,
					'internal_server_error',
					'The database is gone.'
				),
		} );

		fireEvent.click(
			screen.getByRole( 'button', { name: 'Load older events' } )
		);

		expect(
			await screen.findByText( 'Could not load older events.' )
		).toBeTruthy();
		expect( findNoticeText( /The database is gone\./ ) ).toBeTruthy();
		await findRow( 100 );
	} );
} );

describe( 'filters', () => {
	it( 'apply together, land in the URL as one history entry and in the request', async () => {
		const calls = serve();
		renderScreen();
		await findRow( 24 );
		const before = window.history.length;

		fireEvent.change( screen.getByLabelText( 'Agent' ), {
			target: { value: '1' },
		} );
		fireEvent.change( screen.getByLabelText( 'Decision' ), {
			target: { value: 'deny' },
		} );
		expect( calls ).toHaveLength( 1 );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Apply filters' } )
		);

		await waitFor( () => expect( calls ).toHaveLength( 2 ) );
		expect( calls[ 1 ]?.get( 'agent_id' ) ).toBe( '1' );
		expect( calls[ 1 ]?.get( 'decision' ) ).toBe( 'deny' );
		expect( urlArg( 'agent' ) ).toBe( '1' );
		expect( urlArg( 'decision' ) ).toBe( 'deny' );
		expect( window.history.length ).toBe( before + 1 );
		await findRow( 6 );
		await waitFor( () => expect( screen.queryByText( '#5' ) ).toBeNull() );
	} );

	it( 'are read back from the URL, so a shared link opens the same view', async () => {
		window.history.replaceState(
			null,
			'',
			`${ PAGE }&agent=3&event_type=breaker_tripped&agent_action=products:update&target_type=product&target_id=5&from=2026-11-21T07:00:00Z`
		);
		const calls = serve();

		renderScreen();

		await findRow( 23 );
		expect( calls[ 0 ]?.get( 'agent_id' ) ).toBe( '3' );
		expect( calls[ 0 ]?.get( 'event_type' ) ).toBe( 'breaker_tripped' );
		expect( calls[ 0 ]?.get( 'action' ) ).toBe( 'products:update' );
		expect( calls[ 0 ]?.get( 'target_type' ) ).toBe( 'product' );
		expect( calls[ 0 ]?.get( 'target_id' ) ).toBe( '5' );
		expect( calls[ 0 ]?.get( 'from' ) ).toBe( '2026-11-21T07:00:00Z' );
		await waitFor( () =>
			expect(
				( screen.getByLabelText( 'Agent' ) as HTMLSelectElement ).value
			).toBe( '3' )
		);
		expect(
			( screen.getByLabelText( 'Event' ) as HTMLSelectElement ).value
		).toBe( 'breaker_tripped' );
		expect(
			( screen.getByLabelText( 'Target id' ) as HTMLInputElement ).value
		).toBe( '5' );

		fireEvent.click(
			screen.getByRole( 'button', { name: 'Clear filters' } )
		);

		await waitFor( () => expect( calls ).toHaveLength( 2 ) );
		expect( [ ...( calls[ 1 ]?.keys() ?? [] ) ] ).toEqual( [
			'per_page',
			'count',
		] );
		expect( window.location.search ).toBe( '?page=agent-guard-audit' );
	} );

	it( 'send a time range typed in the reader’s zone as UTC', async () => {
		const calls = serve();
		renderScreen();
		await findRow( 24 );

		fireEvent.change( screen.getByLabelText( 'From (your time)' ), {
			target: { value: '2026-11-21T08:00' },
		} );
		fireEvent.change( screen.getByLabelText( 'To (your time)' ), {
			target: { value: '2026-11-21T09:30' },
		} );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Apply filters' } )
		);

		await waitFor( () => expect( calls ).toHaveLength( 2 ) );
		const iso = ( d: Date ) => d.toISOString().replace( '.000Z', 'Z' );
		expect( calls[ 1 ]?.get( 'from' ) ).toBe(
			iso( new Date( 2026, 10, 21, 8, 0, 0 ) )
		);
		expect( calls[ 1 ]?.get( 'to' ) ).toBe(
			iso( new Date( 2026, 10, 21, 9, 30, 59 ) )
		);
		expect( urlArg( 'from' ) ).toBe( calls[ 1 ]?.get( 'from' ) );
	} );

	it( 'refuse what the REST API would refuse, saying why, without a request', async () => {
		const calls = serve();
		renderScreen();
		await findRow( 24 );

		fireEvent.change( screen.getByLabelText( 'Target type' ), {
			target: { value: 'Product; DROP' },
		} );
		fireEvent.change( screen.getByLabelText( 'From (your time)' ), {
			target: { value: '2026-11-21T10:00' },
		} );
		fireEvent.change( screen.getByLabelText( 'To (your time)' ), {
			target: { value: '2026-11-21T09:00' },
		} );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Apply filters' } )
		);

		expect(
			await screen.findByText(
				'A target type is lowercase letters and underscores, such as product or order.'
			)
		).toBeTruthy();
		expect(
			screen.getByText( 'The end of the range is before its start.' )
		).toBeTruthy();
		expect(
			screen
				.getByLabelText( 'Target type' )
				.getAttribute( 'aria-invalid' )
		).toBe( 'true' );
		expect( calls ).toHaveLength( 1 );
		expect( urlArg( 'target_type' ) ).toBeNull();
	} );
} );

describe( 'an event’s details', () => {
	it( 'open under the row by keyboard-reachable button, with the change, the agent’s word and the hashes', async () => {
		serve();
		renderScreen();

		const details = await openDetails( 11 );

		expect(
			screen
				.getByRole( 'button', { name: 'Hide details of event #11' } )
				.getAttribute( 'aria-expanded' )
		).toBe( 'true' );
		expect( urlArg( 'event' ) ).toBe( '11' );
		const changes = within(
			details.getByRole( 'table', {
				name: 'Fields that changed, before and after',
			} )
		);
		const priceRow = within(
			changes.getByText( 'regular_price' ).closest( 'tr' ) as HTMLElement
		);
		expect( priceRow.getByText( '12.00' ) ).toBeTruthy();
		expect( priceRow.getByText( '12.24' ) ).toBeTruthy();
		expect( priceRow.getByText( '+2 %' ) ).toBeTruthy();
		expect( changes.getAllByText( 'Ceramic Mug' ).length ).toBeGreaterThan(
			0
		);
		expect(
			details.getByText( 'Checking prices before the weekend sale' )
		).toBeTruthy();
		expect( details.getByText( '82 %' ) ).toBeTruthy();
		expect( details.getByText( 'gpt-test-1' ) ).toBeTruthy();
		expect( details.getByText( 'pricing-v3' ) ).toBeTruthy();
		expect( details.getByText( 'run-2026-11-21-a' ) ).toBeTruthy();
		expect( details.getByText( byId( 11 ).hash ) ).toBeTruthy();
		expect( details.getByText( byId( 11 ).prev_hash ) ).toBeTruthy();
		expect( details.getByText( 'agk_JkqGqRpSBzTX' ) ).toBeTruthy();

		fireEvent.click(
			screen.getByRole( 'button', { name: 'Hide details of event #11' } )
		);
		await waitFor( () => expect( urlArg( 'event' ) ).toBeNull() );
		expect(
			screen.queryByRole( 'region', { name: 'Details of event #11' } )
		).toBeNull();
	} );

	it( 'show why a request was refused, queued, and what it asked for', async () => {
		serve();
		renderScreen();

		const denied = await openDetails( 6 );
		expect(
			denied.getByText( 'This agent may not read orders.' )
		).toBeTruthy();
		expect( denied.getByText( 'Looking at recent orders' ) ).toBeTruthy();

		const queued = await openDetails( 12 );
		expect(
			queued.getByText( 'approvals.price.max_cumulative_percent_7d' )
		).toBeTruthy();
		const asked = within(
			queued.getByRole( 'table', {
				name: 'Changes the request asked for',
			} )
		);
		expect( asked.getByText( '18.00' ) ).toBeTruthy();
		expect( asked.getByText( '+47.06 %' ) ).toBeTruthy();
	} );

	it( 'link an executed request to its approval and name the person who signed it', async () => {
		serve();
		renderScreen();

		const details = await openDetails( 14 );

		const link = details.getByRole( 'link', {
			name: 'Request #1 on the Approvals screen',
		} );
		const href = new URL( link.getAttribute( 'href' ) ?? '' );
		expect( href.searchParams.get( 'page' ) ).toBe(
			'agent-guard-approvals'
		);
		expect( href.searchParams.get( 'approval' ) ).toBe( '1' );
		expect(
			await details.findByText( /admin approved it on/ )
		).toBeTruthy();
		expect(
			details.getByText( 'Matches the supplier letter' )
		).toBeTruthy();
		const signed = details.getByText( 'Signed by' ).nextSibling;
		expect( signed?.textContent ).toBe( 'admin' );

		fireEvent.click(
			details.getByRole( 'button', {
				name: 'Show every event of request #1',
			} )
		);
		await waitFor( () => expect( urlArg( 'approval' ) ).toBe( '1' ) );
	} );

	it( 'link a breaker trip to the incident it opened, with its state', async () => {
		serve();
		renderScreen();

		const details = await openDetails( 23 );

		expect( details.getByText( 'Incident #1' ) ).toBeTruthy();
		expect( details.getByText( 'breaker.writes_per_minute' ) ).toBeTruthy();
		expect( await details.findByText( 'Open' ) ).toBeTruthy();
		expect( details.getByText( 'Summary' ).nextSibling?.textContent ).toBe(
			'Circuit breaker: 3 writes in a minute (limit 2).'
		);
		expect(
			details
				.getByRole( 'link', {
					name: 'Close it on the Overview once it is dealt with',
				} )
				.getAttribute( 'href' )
		).toBe( makeInitialState().pages.overview );
	} );

	it( 'show a closed incident’s close note and who closed it', async () => {
		serve( recordedEvents, {
			'GET /agent-guard/v1/incidents/1': () =>
				reply( { ...closedIncident, closed_by_name: 'admin' } ),
		} );
		renderScreen();

		const details = await openDetails( 23 );

		expect(
			await details.findByText( 'Closed', {
				selector: '.agent-guard-badge',
			} )
		).toBeTruthy();
		expect( details.getByText( closedIncident.close_note ) ).toBeTruthy();
		expect( details.getByText( /· admin/ ) ).toBeTruthy();
	} );

	it( 'open by link an event the table does not show, fetched alone', async () => {
		window.history.replaceState( null, '', `${ PAGE }&event=3&agent=1` );
		const calls: string[] = [];
		serve(
			recordedEvents
				.filter( ( event ) => event.agent_id === 1 )
				.slice( 0, 2 ),
			{
				'GET /agent-guard/v1/audit/3': ( options ) => {
					calls.push( options.path ?? '' );
					return reply( byId( 3 ) );
				},
			}
		);

		renderScreen();

		const panel = within(
			await screen.findByRole( 'region', { name: 'Details of event #3' } )
		);
		expect( calls ).toEqual( [ '/agent-guard/v1/audit/3' ] );
		expect( panel.getByText( /^Mode changed/ ) ).toBeTruthy();
		expect(
			within(
				panel.getByRole( 'table', {
					name: 'Policy settings that changed',
				} )
			).getByText( 'active' )
		).toBeTruthy();
	} );
} );

describe( 'verification', () => {
	it( 'says the chain is intact and how many events were checked', async () => {
		const verifyCalls: string[] = [];
		serve( recordedEvents, {
			'GET /agent-guard/v1/audit/verify': ( options ) => {
				verifyCalls.push( options.path ?? '' );
				return reply( recordedIntact );
			},
		} );
		renderScreen();
		await findRow( 24 );
		expect( verifyCalls ).toHaveLength( 0 );

		fireEvent.click(
			screen.getByRole( 'button', { name: 'Verify the log' } )
		);

		expect(
			await screen.findByText( 'Intact — 24 events checked' )
		).toBeTruthy();
		expect( verifyCalls ).toHaveLength( 1 );
	} );

	it( 'names the first broken event and its reason, and opens it', async () => {
		serve( recordedEvents.slice( 0, 3 ), {
			'GET /agent-guard/v1/audit/verify': () => reply( recordedBroken ),
			'GET /agent-guard/v1/audit/13': () => reply( byId( 13 ) ),
		} );
		renderScreen();
		await findRow( 24 );

		fireEvent.click(
			screen.getByRole( 'button', { name: 'Verify the log' } )
		);

		const alert = within( await screen.findByRole( 'alert' ) );
		expect(
			alert.getByText( 'Broken — the chain fails at event #13' )
		).toBeTruthy();
		expect(
			alert.getByText(
				/Reason: row 13 was changed after it was written\./
			)
		).toBeTruthy();
		fireEvent.click(
			alert.getByRole( 'button', { name: 'Show event #13' } )
		);
		const panel = await screen.findByRole( 'region', {
			name: 'Details of event #13',
		} );
		await waitFor( () =>
			expect( panel.ownerDocument.activeElement ).toBe( panel )
		);
		expect( urlArg( 'event' ) ).toBe( '13' );
	} );

	it( 'says when verification itself failed', async () => {
		serve( recordedEvents, {
			'GET /agent-guard/v1/audit/verify': () =>
				wpError( 500, 'internal_server_error', 'Timed out.' ),
		} );
		renderScreen();
		await findRow( 24 );

		fireEvent.click(
			screen.getByRole( 'button', { name: 'Verify the log' } )
		);

		expect(
			await screen.findByText( 'Could not verify the log.' )
		).toBeTruthy();
		expect( findNoticeText( /Timed out\./ ) ).toBeTruthy();
	} );
} );

describe( 'export', () => {
	it( 'links CSV and JSON Lines of the filtered events, with the REST nonce', async () => {
		window.history.replaceState(
			null,
			'',
			`${ PAGE }&agent=2&decision=allow`
		);
		serve();
		renderScreen();
		await findRow( 14 );

		const csv = new URL(
			screen
				.getByRole( 'link', { name: 'Export CSV' } )
				.getAttribute( 'href' ) ?? ''
		);
		const jsonl = new URL(
			screen
				.getByRole( 'link', { name: 'Export JSON Lines' } )
				.getAttribute( 'href' ) ?? ''
		);

		expect( csv.origin + csv.pathname ).toBe(
			'http://store.test/wp-json/agent-guard/v1/audit/export'
		);
		expect( Object.fromEntries( csv.searchParams ) ).toEqual( {
			format: 'csv',
			agent_id: '2',
			decision: 'allow',
			_wpnonce: 'n0nce123',
		} );
		expect( jsonl.searchParams.get( 'format' ) ).toBe( 'jsonl' );
		// jsdom cannot navigate: the browser's part (the download) is the e2e test's.
		const stay = ( event: Event ) => event.preventDefault();
		document.addEventListener( 'click', stay );
		fireEvent.click( screen.getByRole( 'link', { name: 'Export CSV' } ) );
		document.removeEventListener( 'click', stay );
		expect(
			screen.getByText(
				'Export started: your browser downloads the CSV file.'
			)
		).toBeTruthy();
	} );

	it( 'says why it cannot export when the page has no nonce', async () => {
		delete nonceHolder.nonceMiddleware;
		serve();
		renderScreen();
		await findRow( 24 );

		expect(
			screen.queryByRole( 'link', { name: 'Export CSV' } )
		).toBeNull();
		expect(
			screen.getByText(
				'Export is unavailable: this page has no REST nonce. Reload the page.'
			)
		).toBeTruthy();
	} );
} );

describe( 'without agent_guard_audit', () => {
	it( 'shows the outline, and no verification or export', async () => {
		const single: string[] = [];
		serve( recordedOutline, {
			'GET /agent-guard/v1/audit/14': () => {
				single.push( 'audit/14' );
				return wpError( 403, 'agent_guard_forbidden', 'Sorry.' );
			},
		} );
		renderScreen( { audit: false, manage: false } );

		await findRow( 14 );
		expect(
			findNoticeText( /You see the outline of each event\./ )
		).toBeTruthy();
		expect(
			screen.queryByRole( 'button', { name: 'Verify the log' } )
		).toBeNull();
		expect(
			screen.queryByRole( 'link', { name: 'Export CSV' } )
		).toBeNull();
		expect(
			screen.queryByRole( 'link', { name: 'Export JSON Lines' } )
		).toBeNull();

		const details = await openDetails( 14 );
		expect(
			details.getByText( /You see the outline of this event\./, {
				selector: '.components-notice__content',
			} )
		).toBeTruthy();
		expect( details.getByText( byId( 14 ).hash ) ).toBeTruthy();
		expect(
			details.queryByRole( 'table', {
				name: 'Fields that changed, before and after',
			} )
		).toBeNull();
		expect( single ).toEqual( [] );
	} );
} );

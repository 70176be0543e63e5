/**
 * The Approvals screen with a fake apiFetch: what it lists, what it hides from people who
 * may not decide, filters in the URL, single and bulk decisions with a notice for every
 * outcome, and a stale version reloading the queue.
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
import type { APIFetchOptions } from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import ApprovalsScreen from '..';
import type { Approval } from '../../../schemas';
import { makeApproval } from '../../../test-utils/approval-factories';
import { makeAgent, makeInitialState } from '../../../test-utils/factories';
import {
	mockedApiFetch,
	serveRoutes,
} from '../../../test-utils/api-fetch-mock';
import {
	type FakeRoute,
	reply,
	wpError,
} from '../../../test-utils/fake-api-fetch';
import { renderWithClient } from '../../../test-utils/render';

jest.mock( '@wordpress/api-fetch' );

const PAGE = '/wp-admin/admin.php?page=agent-guard-approvals';

const mug = makeApproval();
const travelMug = makeApproval( {
	id: 13,
	target_id: '41',
	target_name: 'Travel Mug',
	target_sku: 'AG-1002',
	version: 2,
	required_approvals: 2,
	approvals: [
		{
			user_id: 1,
			user_name: 'admin',
			decision: 'approve',
			comment: 'Looks right',
			at: '2026-11-21T06:30:00Z',
			edit: null,
		},
	],
	can_decide: false,
} );

function serve( items: Approval[], routes: Record< string, FakeRoute > = {} ) {
	const listCalls: string[] = [];
	serveRoutes( {
		'GET /agent-guard/v1/approvals': ( options: APIFetchOptions ) => {
			listCalls.push( options.path ?? '' );
			return reply( items, { total: items.length } );
		},
		'GET /agent-guard/v1/agents': () =>
			reply( [ makeAgent() ], { total: 1 } ),
		...routes,
	} );
	return listCalls;
}

function renderScreen(
	caps: Partial< ReturnType< typeof makeInitialState >[ 'caps' ] > = {}
) {
	const initialState = makeInitialState( {
		caps: { ...makeInitialState().caps, ...caps },
	} );
	return renderWithClient( <ApprovalsScreen />, { initialState } );
}

async function findRow( name: string ) {
	const cell = await screen.findByText( name, { selector: 'strong' } );
	const row = cell.closest( 'tr' );
	if ( ! row ) {
		throw new Error( `No row for ${ name }.` );
	}
	return within( row );
}

/**
 * A notice on the page (Notice also speaks its text into wp.a11y's live region).
 *
 * @param text The notice's text.
 */
function findNotice( text: string | RegExp ) {
	return screen.findByText( text, {
		selector: '.components-notice__content',
	} );
}

beforeAll( () => {
	document.documentElement.lang = 'en-US';
} );

beforeEach( () => {
	mockedApiFetch.mockReset();
	window.history.replaceState( null, '', PAGE );
} );

describe( 'ApprovalsScreen', () => {
	it( 'lists the pending requests, oldest first, with what each changes and why', async () => {
		const listCalls = serve( [ mug ] );
		renderScreen();

		const row = await findRow( 'Ceramic Mug' );

		expect( listCalls[ 0 ] ).toBe(
			'/agent-guard/v1/approvals?state=pending&order=oldest&page=1&per_page=20'
		);
		expect( row.getByText( 'SKU AG-1001' ) ).toBeTruthy();
		expect(
			row.getByText( /Update product · Nightly repricer/ )
		).toBeTruthy();
		expect( row.getByText( '(+20%)' ) ).toBeTruthy();
		expect(
			row.getByText(
				'12 sold in 30 days; +$28.80 revenue at that volume'
			)
		).toBeTruthy();
		expect(
			row.getByText( 'approvals.price.max_change_percent_24h' )
		).toBeTruthy();
		expect( row.getByText( 'Competitor raised to 14.50' ) ).toBeTruthy();
		expect( row.getByText( 'Confidence: 82%' ) ).toBeTruthy();
		expect(
			row.getByRole( 'button', { name: 'Approve request #12' } )
		).toBeTruthy();
		expect(
			row.getByRole( 'button', { name: 'Reject request #12' } )
		).toBeTruthy();
		expect(
			row.getByRole( 'button', {
				name: 'Edit before approving request #12',
			} )
		).toBeTruthy();
	} );

	it( 'hides every decide button and checkbox from a reader without the capability', async () => {
		serve( [ mug ] );
		renderScreen( { approve: false } );

		const row = await findRow( 'Ceramic Mug' );

		expect( row.queryByRole( 'button', { name: /Approve/ } ) ).toBeNull();
		expect( row.queryByRole( 'button', { name: /Reject/ } ) ).toBeNull();
		expect( screen.queryByRole( 'checkbox' ) ).toBeNull();
		expect(
			await findNotice( /You can read the queue but not decide/ )
		).toBeTruthy();
	} );

	it( 'hides them for a request the reader already approved, showing "1 of 2"', async () => {
		serve( [ mug, travelMug ] );
		renderScreen();

		const row = await findRow( 'Travel Mug' );

		expect( row.getByText( '1 of 2 approvals' ) ).toBeTruthy();
		expect(
			row.getByText(
				'You approved it; another person must approve it too.'
			)
		).toBeTruthy();
		expect( row.queryByRole( 'button', { name: /Approve/ } ) ).toBeNull();
		expect(
			screen.queryByRole( 'checkbox', { name: 'Select request #13' } )
		).toBeNull();
		expect(
			screen.getByRole( 'checkbox', { name: 'Select request #12' } )
		).toBeTruthy();
	} );

	it( 'keeps the filters in the URL and asks the server for them', async () => {
		const listCalls = serve( [ mug ] );
		renderScreen();
		await findRow( 'Ceramic Mug' );

		fireEvent.change( screen.getByLabelText( 'Show' ), {
			target: { value: 'decided' },
		} );
		fireEvent.change( screen.getByLabelText( 'Sort' ), {
			target: { value: 'exposure' },
		} );
		fireEvent.change( screen.getByLabelText( 'Action' ), {
			target: { value: 'orders:refund' },
		} );

		expect( window.location.search ).toBe(
			'?page=agent-guard-approvals&state=decided&sort=exposure&agent_action=orders%3Arefund'
		);
		await waitFor( () =>
			expect( listCalls ).toContain(
				'/agent-guard/v1/approvals?state=decided&action=orders%3Arefund&order=exposure&page=1&per_page=20'
			)
		);
	} );

	it( 'approves from the row and says that the change was applied', async () => {
		const listCalls = serve( [ mug ], {
			'POST /agent-guard/v1/approvals/12/approve': () =>
				reply(
					makeApproval( {
						state: 'executed',
						version: 4,
						result_status: 200,
					} )
				),
		} );
		renderScreen();
		const row = await findRow( 'Ceramic Mug' );

		fireEvent.click(
			row.getByRole( 'button', { name: 'Approve request #12' } )
		);
		const dialog = within(
			screen.getByRole( 'dialog', { name: 'Approve request #12' } )
		);
		fireEvent.change( dialog.getByLabelText( 'Comment (optional)' ), {
			target: { value: 'Fine' },
		} );
		fireEvent.click( dialog.getByRole( 'button', { name: 'Approve' } ) );

		expect(
			await findNotice(
				'Request #12 (Ceramic Mug) was approved and applied: the store answered HTTP 200.'
			)
		).toBeTruthy();
		expect( screen.queryByRole( 'dialog' ) ).toBeNull();
		expect( mockedApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( {
				method: 'POST',
				data: { version: 1, comment: 'Fine' },
			} )
		);
		await waitFor( () => expect( listCalls.length ).toBeGreaterThan( 1 ) );
	} );

	it( 'tells the reader to decide again and reloads the queue when the version is stale', async () => {
		const listCalls = serve( [ mug ], {
			'POST /agent-guard/v1/approvals/12/reject': () =>
				wpError(
					409,
					'agent_guard_version_conflict',
					'This request changed since you loaded it (version 1, now 2); reload it and decide again.'
				),
		} );
		renderScreen();
		const row = await findRow( 'Ceramic Mug' );

		fireEvent.click(
			row.getByRole( 'button', { name: 'Reject request #12' } )
		);
		const dialog = within( screen.getByRole( 'dialog' ) );
		fireEvent.change(
			dialog.getByLabelText( 'Why do you reject it? (required)' ),
			{ target: { value: 'Too steep' } }
		);
		fireEvent.click( dialog.getByRole( 'button', { name: 'Reject' } ) );

		expect(
			await findNotice(
				'This request changed since you loaded it (version 1, now 2); reload it and decide again. The queue was reloaded: check the request and decide again.'
			)
		).toBeTruthy();
		expect( screen.queryByRole( 'dialog' ) ).toBeNull();
		await waitFor( () => expect( listCalls.length ).toBe( 2 ) );
	} );

	it( 'opens everything about a request under its row, and keeps it in the URL', async () => {
		serve( [ mug ] );
		renderScreen();
		const row = await findRow( 'Ceramic Mug' );

		const toggle = row.getByRole( 'button', {
			name: 'Show details of request #12',
		} );
		fireEvent.click( toggle );

		expect( window.location.search ).toContain( 'approval=12' );
		expect( toggle.getAttribute( 'aria-expanded' ) ).toBe( 'true' );
		const details = within(
			document.getElementById(
				toggle.getAttribute( 'aria-controls' ) ?? ''
			) as HTMLElement
		);
		expect(
			details.getByRole( 'region', { name: 'Why it needs a person' } )
				.textContent
		).toContain( 'would move 20.00 % from 12.00 24 hours ago' );
		expect(
			details.getByRole( 'region', { name: 'What the agent said' } )
				.textContent
		).toContain( 'gpt-x' );
		expect(
			details.getByRole( 'region', { name: 'What is at stake' } )
				.textContent
		).toContain( '+$28.80' );
	} );

	it( 'shows a linked request that the list does not, fetched on its own', async () => {
		window.history.replaceState( null, '', `${ PAGE }&approval=99` );
		serve( [ mug ], {
			'GET /agent-guard/v1/approvals/99': () =>
				reply(
					makeApproval( {
						id: 99,
						state: 'conflict',
						can_decide: false,
						result: {
							code: 'agent_guard_stale_target',
							message:
								'The target changed since the request was queued; nothing was written.',
							changes: [
								{
									target: 'product:40',
									field: 'regular_price',
									queued: '12.00',
									now: '13.00',
								},
							],
						},
						result_status: 409,
					} )
				),
		} );
		renderScreen();

		const section = within(
			await screen.findByRole( 'region', { name: 'Request #99' } )
		);
		const result = within(
			await section.findByRole( 'region', { name: 'Result' } )
		);
		expect( result.getByText( /The target changed/ ) ).toBeTruthy();
		expect( result.getAllByRole( 'row' )[ 1 ]?.textContent ).toBe(
			'product:40Regular price12.0013.00'
		);
	} );

	it( 'decides several requests with one confirmation and reports each', async () => {
		const other = makeApproval( {
			id: 14,
			target_name: 'Espresso Cup',
			target_sku: 'AG-1003',
		} );
		serve( [ mug, other ], {
			'POST /agent-guard/v1/approvals/bulk': () =>
				reply( {
					results: [
						{ id: 12, ok: true, state: 'executed' },
						{
							id: 14,
							ok: false,
							code: 'agent_guard_approval_decided',
							message:
								'This request was already decided (rejected); nothing was changed.',
							status: 409,
						},
					],
				} ),
		} );
		renderScreen();
		await findRow( 'Ceramic Mug' );

		fireEvent.click(
			screen.getByRole( 'checkbox', {
				name: 'Select all requests you can decide',
			} )
		);
		expect( screen.getByText( '2 requests selected' ) ).toBeTruthy();
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Approve selected…' } )
		);
		const dialog = within( screen.getByRole( 'dialog' ) );
		fireEvent.click(
			dialog.getByRole( 'button', { name: 'Approve 2 requests' } )
		);

		expect( ( await dialog.findByRole( 'status' ) ).textContent ).toBe(
			'1 of 2 requests were decided.'
		);
		expect( mockedApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( {
				path: '/agent-guard/v1/approvals/bulk',
				data: {
					decision: 'approve',
					items: [
						{ id: 12, version: 1 },
						{ id: 14, version: 1 },
					],
					comment: '',
				},
			} )
		);
		expect(
			dialog.getByText( /already decided \(rejected\)/ )
		).toBeTruthy();
		fireEvent.click( dialog.getByRole( 'button', { name: 'Done' } ) );
		expect( screen.queryByText( '2 requests selected' ) ).toBeNull();
	} );
} );

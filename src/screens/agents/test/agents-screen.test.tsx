/**
 * The Agents screen end to end against a fake apiFetch: the registry with its filters in
 * the URL, registering an agent from a template, an agent's page with its mode, checklist
 * gate, tokens, archive and import, the credentials section, and the read-only view.
 */

/**
 * External dependencies
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import {
	configure,
	fireEvent,
	screen,
	waitFor,
	within,
} from '@testing-library/react';

/**
 * WordPress dependencies
 */
import type { APIFetchOptions } from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import AgentsScreen, { parseAgentId } from '..';
import type { Agent, Token } from '../../../schemas';
import {
	makeAgent,
	makeInitialState,
	makeIssuedToken,
	makeToken,
} from '../../../test-utils/factories';
import { mockedApiFetch } from '../../../test-utils/api-fetch-mock';
import { makeAgentControl } from '../../../test-utils/ops-factories';
import {
	type FakeRoute,
	fakeApiFetch,
	reply,
	wpError,
} from '../../../test-utils/fake-api-fetch';
import recordedChecklist from '../../../test-utils/fixtures/checklist.json';
import recordedAdoption from '../../../test-utils/fixtures/credential-adopted.json';
import recordedInventory from '../../../test-utils/fixtures/inventory.json';
import recordedModeRefusal from '../../../test-utils/fixtures/mode-checklist-open.json';
import recordedPolicy from '../../../test-utils/fixtures/policy.json';
import recordedPreview from '../../../test-utils/fixtures/policy-import-preview.json';
import recordedVersions from '../../../test-utils/fixtures/policy-versions.json';
import recordedSettings from '../../../test-utils/fixtures/settings.json';
import recordedTemplates from '../../../test-utils/fixtures/templates.json';
import recordedUsers from '../../../test-utils/fixtures/users.json';
import { renderWithClient } from '../../../test-utils/render';

jest.mock( '@wordpress/api-fetch' );
// The policy form is large; under a busy test run it takes more than a second to draw.
configure( { asyncUtilTimeout: 5000 } );

const AGENTS_PAGE = '/wp-admin/admin.php?page=agent-guard-agents';

/**
 * A site with one agent (id 7) and the answers every part of the screen asks for;
 * `routes` overrides or adds some.
 *
 * @param agent  The agent.
 * @param routes More answers.
 */
function site( agent: Agent, routes: Record< string, FakeRoute > = {} ) {
	const calls: APIFetchOptions[] = [];
	const fake = fakeApiFetch( {
		'GET /agent-guard/v1/agents': () => reply( [ agent ], { total: 1 } ),
		[ `GET /agent-guard/v1/agents/${ agent.id }` ]: () => reply( agent ),
		[ `GET /agent-guard/v1/agents/${ agent.id }/tokens` ]: () =>
			reply( [ makeToken( { agent_id: agent.id } ) ], { total: 1 } ),
		[ `GET /agent-guard/v1/agents/${ agent.id }/checklist` ]: () =>
			reply( { ...recordedChecklist, agent_id: agent.id } ),
		[ `GET /agent-guard/v1/agents/${ agent.id }/policy` ]: () =>
			reply( { ...recordedPolicy, agent_id: agent.id } ),
		[ `GET /agent-guard/v1/agents/${ agent.id }/policy/versions` ]: () =>
			reply( recordedVersions, { total: recordedVersions.length } ),
		'GET /agent-guard/v1/audit': () => reply( [], { total: 0 } ),
		'GET /agent-guard/v1/inventory': () => reply( recordedInventory ),
		'GET /agent-guard/v1/settings': () => reply( recordedSettings ),
		'GET /agent-guard/v1/templates': () => reply( recordedTemplates ),
		'GET /agent-guard/v1/owners': () => reply( recordedUsers ),
		...routes,
	} );
	mockedApiFetch.mockImplementation( ( options ) => {
		calls.push( options );
		return fake( options );
	} );
	return calls;
}

beforeEach( () => {
	mockedApiFetch.mockReset();
	window.history.replaceState( null, '', AGENTS_PAGE );
} );

describe( 'parseAgentId', () => {
	it.each( [
		[ '12', 12 ],
		[ undefined, null ],
		[ '0', null ],
		[ '-3', null ],
		[ '4abc', null ],
		[ '1e3', null ],
	] )( '%s → %s', ( value, expected ) => {
		expect( parseAgentId( value ) ).toBe( expected );
	} );
} );

describe( 'Agents screen: the registry', () => {
	it( 'registers an agent from a template, lands on its page, and issues a token whose secret is shown once', async () => {
		const created = makeAgent( { id: 9, name: 'Stock keeper' } );
		const issued = makeIssuedToken( { agent_id: 9 } );
		let tokens: Token[] = [];
		site( created, {
			'GET /agent-guard/v1/agents': () => reply( [], { total: 0 } ),
			'POST /agent-guard/v1/agents': ( options ) => {
				expect( options.data ).toEqual( {
					name: 'Stock keeper',
					purpose: '',
					owner_user_id: 7,
					risk_tier: 'medium',
					template: 'inventory',
				} );
				return reply( created, { status: 201 } );
			},
			'GET /agent-guard/v1/agents/9/tokens': () =>
				reply( tokens, { total: tokens.length } ),
			'POST /agent-guard/v1/agents/9/tokens': () => {
				const { secret, ...stored } = issued;
				tokens = [ { ...stored } ];
				return reply( { ...stored, secret }, { status: 201 } );
			},
		} );
		const { container } = renderWithClient( <AgentsScreen /> );
		const page = within( container );

		await page.findByText( /No agent is registered yet/ );
		fireEvent.click( page.getByRole( 'button', { name: 'Add agent' } ) );
		const addDialog = within( await screen.findByRole( 'dialog' ) );
		fireEvent.change( await addDialog.findByLabelText( 'Name' ), {
			target: { value: 'Stock keeper' },
		} );
		fireEvent.change( addDialog.getByLabelText( 'Starting policy' ), {
			target: { value: 'inventory' },
		} );
		expect( addDialog.getByText( /Updates stock counts/ ) ).toBeTruthy();
		await waitFor( () =>
			expect(
				within( addDialog.getByLabelText( 'Owner' ) ).getAllByRole(
					'option'
				)
			).toHaveLength( 2 )
		);
		fireEvent.change( addDialog.getByLabelText( 'Owner' ), {
			target: { value: '7' },
		} );
		fireEvent.click(
			addDialog.getByRole( 'button', { name: 'Add agent' } )
		);

		expect(
			await page.findByRole( 'heading', {
				level: 1,
				name: 'Stock keeper',
			} )
		).toBeTruthy();
		expect( window.location.search ).toContain( 'agent=9' );
		expect( screen.queryByRole( 'dialog' ) ).toBeNull();

		fireEvent.click( page.getByRole( 'tab', { name: 'Tokens' } ) );
		await page.findByText( /This agent has no token yet/ );
		fireEvent.click( page.getByRole( 'button', { name: 'Issue token' } ) );
		const tokenDialog = within( await screen.findByRole( 'dialog' ) );
		fireEvent.change( tokenDialog.getByLabelText( 'Label' ), {
			target: { value: 'ci' },
		} );
		fireEvent.click(
			tokenDialog.getByRole( 'button', { name: 'Issue token' } )
		);
		const secretField = await tokenDialog.findByLabelText( 'Token' );
		expect( ( secretField as HTMLInputElement ).value ).toBe(
			issued.secret
		);
		fireEvent.click(
			tokenDialog.getByRole( 'button', { name: 'I have copied it' } )
		);
		await waitFor( () =>
			expect( screen.queryByRole( 'dialog' ) ).toBeNull()
		);
		expect( await page.findByText( `${ issued.prefix }…` ) ).toBeTruthy();
		expect( document.body.innerHTML ).not.toContain( issued.secret );
	} );

	it( 'keeps its filters in the URL and asks the server for them', async () => {
		const calls = site( makeAgent() );
		const { container } = renderWithClient( <AgentsScreen /> );
		const page = within( container );
		await page.findByText( 'Nightly repricer' );

		fireEvent.change( page.getByLabelText( 'Mode' ), {
			target: { value: 'canary' },
		} );
		fireEvent.change( page.getByLabelText( 'Search agents' ), {
			target: { value: 'price' },
		} );
		fireEvent.submit(
			page.getByRole( 'search', { name: 'Filter agents' } )
		);

		await waitFor( () =>
			expect( window.location.search ).toContain( 'search=price' )
		);
		expect( window.location.search ).toContain( 'mode=canary' );
		await waitFor( () =>
			expect(
				calls.some(
					( call ) =>
						call.path ===
						'/agent-guard/v1/agents?mode=canary&search=price'
				)
			).toBe( true )
		);

		fireEvent.click(
			page.getByRole( 'button', { name: 'Clear filters' } )
		);
		await waitFor( () =>
			expect( window.location.search ).not.toContain( 'mode=' )
		);
	} );

	it( 'offers to clear filters that match no agent', async () => {
		window.history.replaceState( null, '', `${ AGENTS_PAGE }&risk=high` );
		site( makeAgent(), {
			'GET /agent-guard/v1/agents': () => reply( [], { total: 0 } ),
		} );
		const { container } = renderWithClient( <AgentsScreen /> );
		const page = within( container );

		expect(
			await page.findByText( 'No agent matches these filters.' )
		).toBeTruthy();
		expect(
			( page.getByLabelText( 'Risk' ) as HTMLSelectElement ).value
		).toBe( 'high' );
	} );

	it( 'adopts a store credential for an agent', async () => {
		const calls = site( makeAgent( { id: 2, name: 'Support desk' } ), {
			'POST /agent-guard/v1/inventory/adopt': () =>
				reply(
					{ ...recordedAdoption, adoption_id: 2 },
					{ status: 201 }
				),
		} );
		const { container } = renderWithClient( <AgentsScreen /> );
		const credentials = within(
			await within( container ).findByRole( 'region', {
				name: 'API credentials',
			} )
		);

		fireEvent.click(
			await credentials.findByRole( 'button', {
				name: 'Adopt agent-guard-tests for an agent',
			} )
		);
		const dialog = within(
			await screen.findByRole( 'dialog', { name: 'Adopt for an agent' } )
		);
		await waitFor( () =>
			expect(
				( dialog.getByLabelText( 'Agent' ) as HTMLSelectElement ).value
			).toBe( '2' )
		);
		fireEvent.click( dialog.getByRole( 'button', { name: 'Adopt' } ) );

		await waitFor( () =>
			expect( screen.queryByRole( 'dialog' ) ).toBeNull()
		);
		expect(
			calls.find(
				( call ) => call.path === '/agent-guard/v1/inventory/adopt'
			)?.data
		).toEqual( {
			kind: 'app_password',
			external_id: '0325150a-1227-4966-979c-5b727e18728b',
			agent_id: 2,
		} );
	} );
} );

describe( 'Agents screen: an agent', () => {
	it( 'opens the agent named in the URL and goes back to the list', async () => {
		window.history.replaceState( null, '', `${ AGENTS_PAGE }&agent=7` );
		site( makeAgent() );
		const { container } = renderWithClient( <AgentsScreen /> );
		const page = within( container );

		expect(
			await page.findByRole( 'heading', {
				level: 1,
				name: 'Nightly repricer',
			} )
		).toBeTruthy();
		expect(
			page
				.getByRole( 'link', {
					name: 'Open the canary dial, its cohort and its rates',
				} )
				.getAttribute( 'href' )
		).toBe(
			'http://store.test/wp-admin/admin.php?page=agent-guard-canary&agent=7'
		);
		fireEvent.click( page.getByRole( 'link', { name: '← All agents' } ) );

		expect(
			await page.findByRole( 'heading', { level: 1, name: 'Agents' } )
		).toBeTruthy();
		expect( window.location.search ).not.toContain( 'agent=' );
	} );

	it( 'meets the server’s checklist gate with the override dialog, and sends the reason', async () => {
		window.history.replaceState( null, '', `${ AGENTS_PAGE }&agent=7` );
		// The agent looked complete when loaded; the server says otherwise.
		let agent = makeAgent( { checklist_open: 0 } );
		const sent: unknown[] = [];
		site( agent, {
			'GET /agent-guard/v1/agents/7': () => reply( agent ),
			'POST /agent-guard/v1/agents/7/mode': ( options ) => {
				sent.push( options.data );
				const data = options.data as { override_reason?: string };
				if ( ! data.override_reason ) {
					return {
						status: 409,
						body: recordedModeRefusal,
						headers: {},
					};
				}
				agent = makeAgent( { mode: 'active' } );
				return reply( agent );
			},
		} );
		const { container } = renderWithClient( <AgentsScreen /> );
		const page = within( container );

		fireEvent.click(
			await page.findByRole( 'button', { name: 'Change mode…' } )
		);
		const dialog = within( await screen.findByRole( 'dialog' ) );
		fireEvent.click( dialog.getByRole( 'radio', { name: 'Active' } ) );
		fireEvent.click(
			dialog.getByRole( 'button', { name: 'Change mode' } )
		);

		expect(
			await dialog.findByText(
				'The pre-launch checklist has 4 open items:'
			)
		).toBeTruthy();
		expect( dialog.getByText( 'Integrations listed' ) ).toBeTruthy();
		fireEvent.change(
			dialog.getByLabelText( 'Reason for overriding the checklist' ),
			{ target: { value: 'Owner signed off on the launch.' } }
		);
		fireEvent.click(
			dialog.getByRole( 'button', { name: 'Override and change mode' } )
		);

		expect(
			await page.findByText( 'The agent is now in mode “Active”.' )
		).toBeTruthy();
		expect( sent ).toEqual( [
			{ mode: 'active' },
			{
				mode: 'active',
				override_reason: 'Owner signed off on the launch.',
			},
		] );
	} );

	it( 'pauses at once, and archives only after confirmation', async () => {
		window.history.replaceState( null, '', `${ AGENTS_PAGE }&agent=7` );
		let agent = makeAgent( { mode: 'active' } );
		const calls = site( agent, {
			'GET /agent-guard/v1/agents/7': () => reply( agent ),
			'POST /agent-guard/v1/agents/7/mode': () => {
				agent = makeAgent( { mode: 'paused' } );
				return reply( agent );
			},
			'DELETE /agent-guard/v1/agents/7': () => {
				agent = makeAgent( { mode: 'paused', status: 'archived' } );
				return reply( agent );
			},
		} );
		const { container } = renderWithClient( <AgentsScreen /> );
		const page = within( container );

		fireEvent.click( await page.findByRole( 'button', { name: 'Pause' } ) );
		expect( await page.findByText( /The agent is paused/ ) ).toBeTruthy();
		expect( page.getByRole( 'button', { name: 'Resume…' } ) ).toBeTruthy();

		fireEvent.click( page.getByRole( 'button', { name: 'Archive' } ) );
		const confirm = within(
			await screen.findByRole( 'dialog', { name: 'Archive this agent?' } )
		);
		expect(
			confirm.getByText( /every token it has is revoked/ )
		).toBeTruthy();
		expect( calls.some( ( call ) => call.method === 'DELETE' ) ).toBe(
			false
		);
		fireEvent.click(
			confirm.getByRole( 'button', { name: 'Archive agent' } )
		);

		expect( await page.findByText( /The agent is archived/ ) ).toBeTruthy();
		expect(
			page.queryByRole( 'button', { name: 'Change mode…' } )
		).toBeNull();
	} );

	it( 'halts the agent with a reason after confirmation, and resumes it', async () => {
		window.history.replaceState( null, '', `${ AGENTS_PAGE }&agent=7` );
		let agent = makeAgent( { mode: 'active' } );
		const halts: unknown[] = [];
		const calls = site( agent, {
			'GET /agent-guard/v1/agents/7': () => reply( agent ),
			'POST /agent-guard/v1/agents/7/halt': ( options ) => {
				const body = options.data as {
					halted: boolean;
					reason?: string;
				};
				halts.push( body );
				agent = makeAgent( {
					mode: 'active',
					halted: body.halted,
					halt_reason: body.halted ? body.reason ?? '' : '',
				} );
				return reply(
					makeAgentControl( {
						halted: body.halted,
						halt_reason: agent.halt_reason,
					} )
				);
			},
		} );
		const { container } = renderWithClient( <AgentsScreen /> );
		const page = within( container );

		fireEvent.click( await page.findByRole( 'button', { name: 'Halt…' } ) );
		const ask = within(
			await screen.findByRole( 'dialog', {
				name: 'Halt Nightly repricer?',
			} )
		);
		fireEvent.change( ask.getByLabelText( 'Reason for halting' ), {
			target: { value: '  Prices drifting  ' },
		} );
		expect( calls.some( ( call ) => call.path?.endsWith( '/halt' ) ) ).toBe(
			false
		);
		fireEvent.click( ask.getByRole( 'button', { name: 'Halt agent' } ) );

		expect( await page.findByText( /The agent is halted/ ) ).toBeTruthy();
		expect( halts ).toEqual( [
			{ halted: true, reason: 'Prices drifting' },
		] );
		expect( screen.queryByRole( 'dialog' ) ).toBeNull();
		// The header's badge carries the reason.
		expect(
			( await page.findByTitle( 'Prices drifting' ) ).textContent
		).toBe( 'Halted' );

		fireEvent.click(
			await page.findByRole( 'button', { name: 'Resume from halt…' } )
		);
		const resume = within(
			await screen.findByRole( 'dialog', {
				name: 'Resume Nightly repricer?',
			} )
		);
		expect( resume.queryByLabelText( 'Reason for halting' ) ).toBeNull();
		fireEvent.click(
			resume.getByRole( 'button', { name: 'Resume agent' } )
		);
		expect( await page.findByText( /The agent is resumed/ ) ).toBeTruthy();
		expect( halts[ 1 ] ).toEqual( { halted: false, reason: '' } );
		await waitFor( () =>
			expect( page.queryByTitle( 'Prices drifting' ) ).toBeNull()
		);
	} );

	it( 'keeps the halt dialog open with the server’s error when halting fails', async () => {
		window.history.replaceState( null, '', `${ AGENTS_PAGE }&agent=7` );
		site( makeAgent( { mode: 'active' } ), {
			'POST /agent-guard/v1/agents/7/halt': () =>
				wpError(
					403,
					'rest_forbidden',
					'Sorry, you are not allowed to halt agents.'
				),
		} );
		const { container } = renderWithClient( <AgentsScreen /> );
		const page = within( container );

		fireEvent.click( await page.findByRole( 'button', { name: 'Halt…' } ) );
		const ask = within(
			await screen.findByRole( 'dialog', {
				name: 'Halt Nightly repricer?',
			} )
		);
		fireEvent.click( ask.getByRole( 'button', { name: 'Halt agent' } ) );
		expect(
			await ask.findByText( /not allowed to halt agents/ )
		).toBeTruthy();
		expect( page.queryByText( /The agent is halted/ ) ).toBeNull();
	} );

	it( 'previews an imported file as a diff and applies it', async () => {
		window.history.replaceState(
			null,
			'',
			`${ AGENTS_PAGE }&agent=2&tab=transfer`
		);
		const applied: boolean[] = [];
		site( makeAgent( { id: 2, name: 'Support desk' } ), {
			'POST /agent-guard/v1/agents/2/policy/import': ( options ) => {
				const data = options.data as {
					apply: boolean;
					document: unknown;
				};
				expect( data.document ).toEqual( {
					policy: { mode: 'observe' },
				} );
				applied.push( data.apply );
				return reply(
					data.apply
						? { ...recordedPreview, applied: true, version: 3 }
						: recordedPreview
				);
			},
		} );
		const { container } = renderWithClient( <AgentsScreen /> );
		const page = within( container );
		const input = await page.findByLabelText( 'Policy file' );

		fireEvent.change( input, {
			target: {
				files: [
					new File(
						[ '{"policy":{"mode":"observe"}}' ],
						'policy.json',
						{
							type: 'application/json',
						}
					),
				],
			},
		} );

		const preview = within(
			await page.findByRole( 'table', { name: 'Changes to the policy' } )
		);
		expect( preview.getAllByRole( 'row' ) ).toHaveLength( 4 );
		expect( applied ).toEqual( [ false ] );
		fireEvent.click(
			page.getByRole( 'button', { name: 'Apply 3 changes' } )
		);

		expect(
			await page.findByText( 'Imported: the policy is now at version 3.' )
		).toBeTruthy();
		expect( applied ).toEqual( [ false, true ] );
	} );

	it( 'says a chosen file is not JSON, and sends nothing', async () => {
		window.history.replaceState(
			null,
			'',
			`${ AGENTS_PAGE }&agent=7&tab=transfer`
		);
		const calls = site( makeAgent() );
		const { container } = renderWithClient( <AgentsScreen /> );
		const page = within( container );

		fireEvent.change( await page.findByLabelText( 'Policy file' ), {
			target: {
				files: [ new File( [ 'not json' ], 'policy.json' ) ],
			},
		} );

		expect(
			await page.findByText( /This file is not valid JSON/ )
		).toBeTruthy();
		expect( calls.some( ( call ) => call.method === 'POST' ) ).toBe(
			false
		);
	} );

	it( 'shows the checklist and opens the policy at the field that fixes an item', async () => {
		window.history.replaceState(
			null,
			'',
			`${ AGENTS_PAGE }&agent=7&tab=checklist`
		);
		site( makeAgent() );
		const { container } = renderWithClient( <AgentsScreen /> );
		const page = within( container );

		fireEvent.click(
			await page.findByRole( 'button', {
				name: 'Fix “On-call named” in the policy',
			} )
		);

		const onCall = await page.findByLabelText( 'On call' );
		await waitFor( () =>
			expect( onCall.ownerDocument.activeElement ).toBe( onCall )
		);
		expect( window.location.search ).toContain( 'tab=policy' );
	} );

	it( 'shows no change button, tokens or export to a reader without the manage capability', async () => {
		window.history.replaceState( null, '', `${ AGENTS_PAGE }&agent=7` );
		site( makeAgent() );
		const initialState = makeInitialState( {
			caps: { manage: false, approve: true, halt: true, audit: true },
		} );
		const { container } = renderWithClient( <AgentsScreen />, {
			initialState,
		} );
		const page = within( container );

		await page.findByRole( 'heading', {
			level: 1,
			name: 'Nightly repricer',
		} );
		expect(
			page.queryByRole( 'button', { name: 'Change mode…' } )
		).toBeNull();
		expect( page.queryByRole( 'button', { name: 'Archive' } ) ).toBeNull();
		expect(
			page.queryByRole( 'button', { name: 'Edit details' } )
		).toBeNull();
		// Halting is its own capability (shop managers have it).
		expect( page.getByRole( 'button', { name: 'Halt…' } ) ).toBeTruthy();
		expect(
			page.getAllByRole( 'tab' ).map( ( tab ) => tab.textContent )
		).toEqual( [ 'Overview', 'Policy', 'Checklist (5 open)', 'Activity' ] );

		fireEvent.click( page.getByRole( 'link', { name: '← All agents' } ) );
		await page.findByRole( 'heading', { level: 1, name: 'Agents' } );
		expect(
			page.queryByRole( 'button', { name: 'Add agent' } )
		).toBeNull();
		expect(
			page.queryByRole( 'region', { name: 'API credentials' } )
		).toBeNull();
	} );
} );

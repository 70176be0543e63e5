/**
 * The Agents screen end to end against a fake apiFetch: register an agent from a
 * template, land on its page, issue a token, see the secret once.
 */

/**
 * External dependencies
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import AgentsScreen, { parseAgentId } from '..';
import type { Token } from '../../../schemas';
import {
	makeAgent,
	makeInitialState,
	makeIssuedToken,
	makeToken,
} from '../../../test-utils/factories';
import {
	type ApiFetchCall,
	fakeApiFetch,
	reply,
} from '../../../test-utils/fake-api-fetch';
import recordedTemplates from '../../../test-utils/fixtures/templates.json';
import { renderWithClient } from '../../../test-utils/render';

jest.mock( '@wordpress/api-fetch' );
const mockedApiFetch = jest.mocked( apiFetch as ApiFetchCall );

const AGENTS_PAGE = '/wp-admin/admin.php?page=agent-guard-agents';

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

describe( 'Agents screen', () => {
	it( 'registers an agent from a template, then issues a token whose secret is shown once', async () => {
		const created = makeAgent( { id: 9, name: 'Stock keeper' } );
		const issued = makeIssuedToken( { agent_id: 9 } );
		let tokens: Token[] = [];
		mockedApiFetch.mockImplementation(
			fakeApiFetch( {
				'GET /agent-guard/v1/agents': () => reply( [], { total: 0 } ),
				'GET /agent-guard/v1/templates': () =>
					reply( recordedTemplates ),
				'POST /agent-guard/v1/agents': ( options ) => {
					expect( options.data ).toMatchObject( {
						name: 'Stock keeper',
						template: 'inventory',
					} );
					return reply( created, { status: 201 } );
				},
				'GET /agent-guard/v1/agents/9': () => reply( created ),
				'GET /agent-guard/v1/agents/9/tokens': () =>
					reply( tokens, { total: tokens.length } ),
				'POST /agent-guard/v1/agents/9/tokens': () => {
					const { secret, ...stored } = issued;
					tokens = [ { ...stored } ];
					return reply( { ...stored, secret }, { status: 201 } );
				},
			} )
		);
		const { container } = renderWithClient( <AgentsScreen /> );
		const page = within( container );

		// The empty registry, then the form.
		await page.findByText( /No agent is registered yet/ );
		fireEvent.click( page.getByRole( 'button', { name: 'Add agent' } ) );
		const addDialog = within( await screen.findByRole( 'dialog' ) );
		fireEvent.change( await addDialog.findByLabelText( 'Name' ), {
			target: { value: 'Stock keeper' },
		} );
		fireEvent.change( addDialog.getByLabelText( 'Starting policy' ), {
			target: { value: 'inventory' },
		} );
		fireEvent.click(
			addDialog.getByRole( 'button', { name: 'Add agent' } )
		);

		// The new agent's page, its id in the URL.
		expect(
			await page.findByRole( 'heading', {
				level: 1,
				name: 'Stock keeper',
			} )
		).toBeTruthy();
		expect( window.location.search ).toContain( 'agent=9' );
		expect( screen.queryByRole( 'dialog' ) ).toBeNull();
		await page.findByText( /This agent has no token yet/ );

		// Issue a token: the secret once, then gone.
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
		expect(
			tokenDialog.getByText( /You will not see it again/ )
		).toBeTruthy();

		fireEvent.click(
			tokenDialog.getByRole( 'button', { name: 'I have copied it' } )
		);
		await waitFor( () =>
			expect( screen.queryByRole( 'dialog' ) ).toBeNull()
		);
		expect( await page.findByText( `${ issued.prefix }…` ) ).toBeTruthy();
		expect( document.body.innerHTML ).not.toContain( issued.secret );
	} );

	it( 'opens the agent named in the URL and goes back to the list', async () => {
		window.history.replaceState( null, '', `${ AGENTS_PAGE }&agent=7` );
		mockedApiFetch.mockImplementation(
			fakeApiFetch( {
				'GET /agent-guard/v1/agents': () =>
					reply( [ makeAgent() ], { total: 1 } ),
				'GET /agent-guard/v1/agents/7': () => reply( makeAgent() ),
				'GET /agent-guard/v1/agents/7/tokens': () =>
					reply( [ makeToken() ], { total: 1 } ),
			} )
		);
		const { container } = renderWithClient( <AgentsScreen /> );
		const page = within( container );

		expect(
			await page.findByRole( 'heading', {
				level: 1,
				name: 'Nightly repricer',
			} )
		).toBeTruthy();
		fireEvent.click( page.getByRole( 'link', { name: '← All agents' } ) );

		expect(
			await page.findByRole( 'heading', { level: 1, name: 'Agents' } )
		).toBeTruthy();
		expect( window.location.search ).not.toContain( 'agent=' );
	} );

	it( 'shows no Add agent, Issue token or Revoke button without the manage capability', async () => {
		window.history.replaceState( null, '', `${ AGENTS_PAGE }&agent=7` );
		mockedApiFetch.mockImplementation(
			fakeApiFetch( {
				'GET /agent-guard/v1/agents': () =>
					reply( [ makeAgent() ], { total: 1 } ),
				'GET /agent-guard/v1/agents/7': () => reply( makeAgent() ),
				'GET /agent-guard/v1/agents/7/tokens': () =>
					reply( [ makeToken() ], { total: 1 } ),
			} )
		);
		const initialState = makeInitialState( {
			caps: { manage: false, approve: true, halt: true, audit: true },
		} );
		const { container } = renderWithClient( <AgentsScreen />, {
			initialState,
		} );
		const page = within( container );

		await page.findByText( `${ makeToken().prefix }…` );
		expect(
			page.queryByRole( 'button', { name: 'Issue token' } )
		).toBeNull();
		expect( page.queryByRole( 'button', { name: /Revoke/ } ) ).toBeNull();

		fireEvent.click( page.getByRole( 'link', { name: '← All agents' } ) );
		await page.findByRole( 'heading', { level: 1, name: 'Agents' } );
		expect(
			page.queryByRole( 'button', { name: 'Add agent' } )
		).toBeNull();
	} );
} );

/**
 * The Policy tab against a fake apiFetch: the form shows each layer, amounts in the store
 * currency go to the server in minor units, refused values (by the schema before sending,
 * or by the server's data.path after) appear at their field, a stale version asks for a
 * reload, and the JSON view checks the document too.
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
import { makeAgent, makeInitialState } from '../../../test-utils/factories';
import {
	mockedApiFetch,
	serveRoutes,
} from '../../../test-utils/api-fetch-mock';
import {
	type FakeReply,
	reply,
	wpError,
} from '../../../test-utils/fake-api-fetch';
import recordedPolicy from '../../../test-utils/fixtures/policy.json';
import recordedVersions from '../../../test-utils/fixtures/policy-versions.json';
import { renderWithClient } from '../../../test-utils/render';
import { PolicyTab } from '../views/policy-tab';

jest.mock( '@wordpress/api-fetch' );
// The policy form is large; under a busy test run it takes more than a second to draw.
configure( { asyncUtilTimeout: 5000 } );

const POLICY = '/agent-guard/v1/agents/2/policy';

interface Server {
	puts: APIFetchOptions[];
	answerPut: ( options: APIFetchOptions ) => FakeReply;
	current: { agent_id: number; version: number; policy: object };
}

function serve(): Server {
	// As recorded after the second save (see policy-versions.json).
	const secondVersion = {
		...recordedPolicy,
		version: 2,
		policy: {
			...recordedPolicy.policy,
			approvals: {
				...recordedPolicy.policy.approvals,
				refund_over_minor: 2500 as number | null,
			},
			launch: {
				...recordedPolicy.policy.launch,
				on_call: 'Maria (ops rota)',
			},
		},
	};
	const server: Server = {
		puts: [],
		current: secondVersion,
		answerPut: ( options ) => {
			const data = options.data as {
				policy: typeof recordedPolicy.policy;
			};
			server.current = {
				...server.current,
				version: server.current.version + 1,
				policy: data.policy,
			};
			return reply( server.current );
		},
	};
	serveRoutes( {
		[ `GET ${ POLICY }` ]: () => reply( server.current ),
		[ `PUT ${ POLICY }` ]: ( options ) => {
			server.puts.push( options );
			return server.answerPut( options );
		},
		[ `GET ${ POLICY }/versions` ]: () =>
			reply( recordedVersions, { total: recordedVersions.length } ),
		[ `GET ${ POLICY }/versions/1` ]: () =>
			reply( { ...recordedPolicy, version: 1 } ),
		'GET /agent-guard/v1/agents': () => reply( [], { total: 0 } ),
		'GET /agent-guard/v1/agents/2': () => reply( makeAgent( { id: 2 } ) ),
	} );
	return server;
}

function renderTab( canEdit = true ) {
	const onDirtyChange = jest.fn();
	const result = renderWithClient(
		<PolicyTab
			agent={ makeAgent( { id: 2, name: 'Support desk' } ) }
			canEdit={ canEdit }
			focusPath={ null }
			onFocused={ () => undefined }
			onDirtyChange={ onDirtyChange }
		/>,
		{
			initialState: makeInitialState( {
				currency: 'EUR',
				priceDecimals: 2,
			} ),
		}
	);
	return { ...result, view: within( result.container ), onDirtyChange };
}

beforeEach( () => {
	mockedApiFetch.mockReset();
	document.documentElement.lang = 'en-US';
} );

describe( 'Policy tab', () => {
	it( 'shows every layer of the saved policy, amounts in the store currency', async () => {
		serve();
		const { view } = renderTab();

		expect( await view.findByText( 'Version 2' ) ).toBeTruthy();
		for ( const layer of [
			'1. Data access',
			'2. Actions',
			'3. Approval thresholds',
			'4. Limits',
			'5. Canary',
			'6. Token lifetimes',
			'7. Circuit breakers',
			'8. Launch',
		] ) {
			expect( view.getByRole( 'heading', { name: layer } ) ).toBeTruthy();
		}
		expect(
			( view.getByLabelText( 'Orders' ) as HTMLInputElement ).checked
		).toBe( true );
		expect(
			(
				view.getByLabelText(
					'Allow Orders: refund'
				) as HTMLInputElement
			 ).checked
		).toBe( true );
		expect(
			( view.getByLabelText( 'Deny Orders: delete' ) as HTMLInputElement )
				.checked
		).toBe( true );
		expect(
			(
				view.getByLabelText(
					'Refunds above this amount (EUR)'
				) as HTMLInputElement
			 ).value
		).toBe( '25.00' );
		expect(
			( view.getByLabelText( 'On call' ) as HTMLInputElement ).value
		).toBe( 'Maria (ops rota)' );
	} );

	it( 'saves an amount typed in the currency as minor units, with the note and the version it started from', async () => {
		const server = serve();
		const { view } = renderTab();
		const amount = await view.findByLabelText(
			'Refunds above this amount (EUR)'
		);

		fireEvent.change( amount, { target: { value: '75,5' } } );
		fireEvent.change(
			view.getByLabelText( 'Note for the version history' ),
			{
				target: { value: 'Larger refunds on their own' },
			}
		);
		fireEvent.click( view.getByRole( 'button', { name: 'Save policy' } ) );

		expect( await view.findByText( 'Saved as version 3.' ) ).toBeTruthy();
		const sent = server.puts[ 0 ]?.data as {
			policy: typeof recordedPolicy.policy;
			note: string;
			expected_version: number;
		};
		expect( sent.policy.approvals.refund_over_minor ).toBe( 7550 );
		expect( sent.note ).toBe( 'Larger refunds on their own' );
		expect( sent.expected_version ).toBe( 2 );
		expect( view.getByText( 'Version 3' ) ).toBeTruthy();
		expect(
			(
				view.getByLabelText(
					'Note for the version history'
				) as HTMLInputElement
			 ).value
		).toBe( '' );
	} );

	it( 'shows a value the schema refuses at its field and sends nothing', async () => {
		const server = serve();
		const { view } = renderTab();
		const writes = await view.findByLabelText( 'Writes per minute' );

		fireEvent.change( writes, { target: { value: '5000' } } );
		fireEvent.click( view.getByRole( 'button', { name: 'Save policy' } ) );

		expect( writes.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
		const description = writes
			.getAttribute( 'aria-describedby' )
			?.split( ' ' )
			.map( ( id ) => document.getElementById( id )?.textContent )
			.join( ' ' );
		expect( description ).toContain( 'Enter 1000 or less.' );
		expect(
			within( view.getByRole( 'alert' ) ).getByRole( 'link', {
				name: 'Writes per minute',
			} )
		).toBeTruthy();
		expect( server.puts ).toHaveLength( 0 );
	} );

	it( 'shows the server’s refusal at the field its data.path names', async () => {
		const server = serve();
		server.answerPut = () =>
			wpError(
				400,
				'agent_guard_invalid_policy',
				'The callback URL must be an http or https URL.',
				'launch.callback_url'
			);
		const { view } = renderTab();
		const callback = await view.findByLabelText( 'Callback URL' );

		fireEvent.change( callback, {
			target: { value: 'ftp://example.com/hook' },
		} );
		fireEvent.click( view.getByRole( 'button', { name: 'Save policy' } ) );

		await waitFor( () =>
			expect( callback.getAttribute( 'aria-invalid' ) ).toBe( 'true' )
		);
		expect(
			document.getElementById( `${ callback.id }__error` )?.textContent
		).toBe( 'The callback URL must be an http or https URL.' );
		expect( view.getByRole( 'alert' ).textContent ).toContain(
			'Callback URL: The callback URL must be an http or https URL.'
		);

		// Editing the field takes the message away.
		fireEvent.change( callback, {
			target: { value: 'https://example.com/hook' },
		} );
		expect( callback.getAttribute( 'aria-invalid' ) ).toBeNull();
	} );

	it( 'places a server error about a list entry at the list', async () => {
		const server = serve();
		server.answerPut = () =>
			wpError(
				400,
				'agent_guard_invalid_policy',
				'orders:update is both allowed and denied; remove it from one list.',
				'actions.deny'
			);
		const { view } = renderTab();
		await view.findByText( 'Version 2' );

		fireEvent.click( view.getByRole( 'button', { name: 'Save policy' } ) );

		expect(
			await view.findByText(
				'orders:update is both allowed and denied; remove it from one list.',
				{ selector: '.agent-guard-field-error' }
			)
		).toBeTruthy();
	} );

	it( 'asks for a reload when someone saved a newer version, and reloads it', async () => {
		const server = serve();
		server.answerPut = () => {
			server.current = {
				...recordedPolicy,
				version: 3,
				policy: {
					...recordedPolicy.policy,
					limits: {
						...recordedPolicy.policy.limits,
						writes_per_minute: 9,
					},
				},
			};
			return wpError(
				409,
				'agent_guard_version_conflict',
				'The policy is now at version 3; reload it before saving.'
			);
		};
		const { view } = renderTab();
		const writes = await view.findByLabelText( 'Writes per minute' );
		fireEvent.change( writes, { target: { value: '7' } } );

		fireEvent.click( view.getByRole( 'button', { name: 'Save policy' } ) );
		fireEvent.click(
			await view.findByRole( 'button', { name: 'Reload the policy' } )
		);

		expect( await view.findByText( 'Version 3' ) ).toBeTruthy();
		expect( ( writes as HTMLInputElement ).value ).toBe( '9' );
		expect(
			view.queryByRole( 'button', { name: 'Reload the policy' } )
		).toBeNull();
	} );

	it( 'toggles allow and deny so an action is never in both lists', async () => {
		const server = serve();
		const { view } = renderTab();
		const deny = await view.findByLabelText( 'Deny Orders: refund' );

		fireEvent.click( deny );
		expect(
			(
				view.getByLabelText(
					'Allow Orders: refund'
				) as HTMLInputElement
			 ).checked
		).toBe( false );
		fireEvent.click( view.getByRole( 'button', { name: 'Save policy' } ) );

		await view.findByText( 'Saved as version 3.' );
		const sent = server.puts[ 0 ]?.data as {
			policy: typeof recordedPolicy.policy;
		};
		expect( sent.policy.actions.allow ).toEqual( [
			'orders:note',
			'orders:update',
		] );
		expect( sent.policy.actions.deny ).toEqual( [
			'orders:delete',
			'orders:refund',
		] );
	} );

	it( 'checks the JSON view before sending and names the path of each problem', async () => {
		const server = serve();
		const { view } = renderTab();
		await view.findByText( 'Version 2' );
		fireEvent.click( view.getByRole( 'button', { name: 'JSON' } ) );
		const text = view.getByLabelText(
			'Policy (JSON)'
		) as HTMLTextAreaElement;
		const document = JSON.parse( text.value );

		fireEvent.change( text, {
			target: { value: '{ "schema_version": 1,' },
		} );
		fireEvent.click( view.getByRole( 'button', { name: 'Save policy' } ) );
		expect( view.getByRole( 'alert' ).textContent ).toContain(
			'Not valid JSON'
		);

		document.limits.items_per_batch = 500;
		document.launch.alert_emails = [ 'ops@example.com', 'nope' ];
		fireEvent.change( text, {
			target: { value: JSON.stringify( document, null, 2 ) },
		} );
		fireEvent.click( view.getByRole( 'button', { name: 'Save policy' } ) );

		const problems = view.getByRole( 'alert' ).textContent;
		expect( problems ).toContain(
			'limits.items_per_batch: Enter 100 or less.'
		);
		expect( problems ).toContain(
			'launch.alert_emails.1: “nope” is not an e-mail address.'
		);
		expect( server.puts ).toHaveLength( 0 );
	} );

	it( 'carries an edit in the JSON view back to the form', async () => {
		serve();
		const { view } = renderTab();
		await view.findByText( 'Version 2' );
		fireEvent.click( view.getByRole( 'button', { name: 'JSON' } ) );
		const text = view.getByLabelText(
			'Policy (JSON)'
		) as HTMLTextAreaElement;
		const document = JSON.parse( text.value );
		document.limits.actions_per_day = 250;

		fireEvent.change( text, {
			target: { value: JSON.stringify( document ) },
		} );
		fireEvent.click( view.getByRole( 'button', { name: 'Form' } ) );

		expect(
			( view.getByLabelText( 'Actions per day' ) as HTMLInputElement )
				.value
		).toBe( '250' );
		expect( view.getByText( 'Unsaved changes' ) ).toBeTruthy();
	} );

	it( 'is read-only without the manage capability', async () => {
		serve();
		const { view } = renderTab( false );

		const writes = await view.findByLabelText( 'Writes per minute' );

		expect( writes.hasAttribute( 'disabled' ) ).toBe( true );
		expect(
			view.queryByRole( 'button', { name: 'Save policy' } )
		).toBeNull();
		expect(
			view.getByText( /changing it needs the “manage agents” capability/ )
		).toBeTruthy();
	} );

	it( 'lists the versions and shows an old one', async () => {
		serve();
		const { view } = renderTab();
		const history = within(
			await view.findByRole( 'region', { name: 'Version history' } )
		);

		fireEvent.click(
			await history.findByRole( 'button', { name: 'View version 1' } )
		);

		const dialog = within(
			await screen.findByRole( 'dialog', { name: 'Policy version 1' } )
		);
		expect(
			( await dialog.findByLabelText( 'Policy (JSON)' ) ).textContent
		).toContain( '"writes_per_minute": 5' );
		expect(
			dialog.getByRole( 'button', { name: 'Load into the editor' } )
		).toBeTruthy();
	} );

	it( 'says when the policy cannot be loaded', async () => {
		serveRoutes( {
			[ `GET ${ POLICY }` ]: () =>
				wpError(
					403,
					'agent_guard_forbidden',
					'Sorry, you are not allowed to do that.'
				),
		} );
		const { view } = renderTab();

		expect(
			await view.findByText( 'Could not load the policy.' )
		).toBeTruthy();
	} );
} );

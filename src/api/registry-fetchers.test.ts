/**
 * The fetchers of the agent registry (agents, checklist, policy, versions, export/import,
 * tokens, credentials, settings, owners) against answers recorded from a real site
 * (src/test-utils/fixtures) and against broken ones.
 */

/**
 * External dependencies
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';

/**
 * Internal dependencies
 */
import {
	archiveAgent,
	changeMode,
	fetchChecklist,
	openChecklistItems,
	updateAgent,
} from './agents';
import { parse } from './client';
import { ApiError, INVALID_RESPONSE } from './errors';
import {
	adoptCredential,
	fetchInventory,
	fetchSettings,
	releaseAdoption,
	updateSettings,
} from './inventory';
import {
	exportFilename,
	exportPolicy,
	fetchPolicy,
	fetchPolicyVersion,
	fetchPolicyVersions,
	importPolicy,
	savePolicy,
} from './policy';
import { rotateToken } from './tokens';
import { fetchOwnerCandidates } from './users';
import { policyRecordSchema } from '../schemas';
import { makeAgent, makeIssuedToken, makeToken } from '../test-utils/factories';
import {
	mockedApiFetch,
	serveRoute,
	serveRoutes,
} from '../test-utils/api-fetch-mock';
import { reply, wpError } from '../test-utils/fake-api-fetch';
import recordedChecklist from '../test-utils/fixtures/checklist.json';
import recordedAdoption from '../test-utils/fixtures/credential-adopted.json';
import recordedInventory from '../test-utils/fixtures/inventory.json';
import recordedModeRefusal from '../test-utils/fixtures/mode-checklist-open.json';
import recordedPolicy from '../test-utils/fixtures/policy.json';
import recordedPreview from '../test-utils/fixtures/policy-import-preview.json';
import recordedVersions from '../test-utils/fixtures/policy-versions.json';
import recordedSettings from '../test-utils/fixtures/settings.json';
import recordedUsers from '../test-utils/fixtures/users.json';

jest.mock( '@wordpress/api-fetch' );

beforeEach( () => {
	mockedApiFetch.mockReset();
} );

async function failure( promise: Promise< unknown > ): Promise< ApiError > {
	const error = await promise.then(
		() => null,
		( e: unknown ) => e
	);
	if ( ! ( error instanceof ApiError ) ) {
		throw new Error( 'Expected an ApiError.' );
	}
	return error;
}

describe( 'agents', () => {
	it( 'reads the checklist as the site sent it', async () => {
		serveRoute( 'GET /agent-guard/v1/agents/2/checklist', () =>
			reply( recordedChecklist )
		);

		const checklist = await fetchChecklist( 2 );

		expect( checklist.items ).toHaveLength( 10 );
		expect(
			checklist.items
				.filter( ( item ) => ! item.done )
				.map( ( i ) => i.key )
		).toEqual( [
			'integrations_listed',
			'kill_switch_tested',
			'rollback_defined',
			'alerts_set',
			'on_call_named',
		] );
	} );

	it( 'refuses a checklist item without its done flag', async () => {
		const broken = {
			...recordedChecklist,
			items: [ { key: 'audit_on', label: 'Audit on', detail: '' } ],
		};
		serveRoute( 'GET /agent-guard/v1/agents/2/checklist', () =>
			reply( broken )
		);

		expect( await failure( fetchChecklist( 2 ) ) ).toMatchObject( {
			code: INVALID_RESPONSE,
			path: 'items.0.done',
		} );
	} );

	it( 'sends the override reason with a mode change and returns the agent', async () => {
		const moved = makeAgent( { mode: 'active' } );
		serveRoute( 'POST /agent-guard/v1/agents/7/mode', () =>
			reply( moved )
		);

		const agent = await changeMode( 7, {
			mode: 'active',
			override_reason: 'Launch approved by the owner.',
		} );

		expect( agent.mode ).toBe( 'active' );
		expect( mockedApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( {
				method: 'POST',
				data: {
					mode: 'active',
					override_reason: 'Launch approved by the owner.',
				},
			} )
		);
	} );

	it( 'keeps the open checklist items of a refused mode change', async () => {
		serveRoute( 'POST /agent-guard/v1/agents/2/mode', () => ( {
			status: 409,
			body: recordedModeRefusal,
			headers: {},
		} ) );

		const error = await failure( changeMode( 2, { mode: 'active' } ) );

		expect( error.status ).toBe( 409 );
		expect( openChecklistItems( error ) ).toEqual(
			recordedModeRefusal.data.open_items
		);
	} );

	it( 'finds no open items in any other error', () => {
		const forbidden = new ApiError( {
			code: 'agent_guard_forbidden',
			message:
				'Only an administrator may override the pre-launch checklist.',
			status: 403,
		} );

		expect( openChecklistItems( forbidden ) ).toBeNull();
		expect( openChecklistItems( new Error( 'offline' ) ) ).toBeNull();
	} );

	it( 'sends the version an edit was made against', async () => {
		serveRoute( 'POST /agent-guard/v1/agents/7', () =>
			reply( makeAgent( { name: 'Repricer', version: 3 } ) )
		);

		await updateAgent( 7, { name: 'Repricer', version: 2 } );

		expect( mockedApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( {
				method: 'POST',
				path: '/agent-guard/v1/agents/7',
				data: { name: 'Repricer', version: 2 },
			} )
		);
	} );

	it( 'archives with DELETE and reads the archived agent', async () => {
		serveRoute( 'DELETE /agent-guard/v1/agents/7', () =>
			reply( makeAgent( { status: 'archived', mode: 'paused' } ) )
		);

		expect( ( await archiveAgent( 7 ) ).status ).toBe( 'archived' );
	} );
} );

describe( 'policy', () => {
	it( 'reads the policy the site sent, with PHP’s [] for an empty object', async () => {
		const asPhpSendsIt = {
			...recordedPolicy,
			policy: {
				...recordedPolicy.policy,
				actions: { ...recordedPolicy.policy.actions, constraints: [] },
			},
		};
		serveRoute( 'GET /agent-guard/v1/agents/2/policy', () =>
			reply( asPhpSendsIt )
		);

		const record = await fetchPolicy( 2 );

		expect( record.version ).toBe( 1 );
		expect( record.policy.actions.constraints ).toEqual( {} );
		expect( record.policy.approvals.always ).toEqual( [ 'orders:refund' ] );
	} );

	it( 'refuses a policy the schema refuses', async () => {
		const broken = {
			...recordedPolicy,
			policy: {
				...recordedPolicy.policy,
				limits: {
					...recordedPolicy.policy.limits,
					writes_per_minute: 0,
				},
			},
		};
		serveRoute( 'GET /agent-guard/v1/agents/2/policy', () =>
			reply( broken )
		);

		expect( await failure( fetchPolicy( 2 ) ) ).toMatchObject( {
			code: INVALID_RESPONSE,
			path: 'policy.limits.writes_per_minute',
		} );
	} );

	it( 'saves with PUT, the note and the version it started from', async () => {
		const { policy } = parse( policyRecordSchema, recordedPolicy );
		serveRoute( 'PUT /agent-guard/v1/agents/2/policy', () =>
			reply( { ...recordedPolicy, version: 2 } )
		);

		const record = await savePolicy( 2, {
			policy,
			note: 'Tighter limits',
			expected_version: 1,
		} );

		expect( record.version ).toBe( 2 );
		expect( mockedApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( {
				method: 'PUT',
				data: { policy, note: 'Tighter limits', expected_version: 1 },
			} )
		);
	} );

	it( 'names the refused field of a save', async () => {
		const { policy } = parse( policyRecordSchema, recordedPolicy );
		serveRoute( 'PUT /agent-guard/v1/agents/2/policy', () =>
			wpError(
				400,
				'agent_guard_invalid_policy',
				'The callback URL must be an http or https URL.',
				'launch.callback_url'
			)
		);

		const error = await failure( savePolicy( 2, { policy } ) );

		expect( error ).toMatchObject( {
			code: 'agent_guard_invalid_policy',
			status: 400,
			path: 'launch.callback_url',
		} );
	} );

	it( 'lists the versions with their authors and notes', async () => {
		serveRoute( 'GET /agent-guard/v1/agents/2/policy/versions', () =>
			reply( recordedVersions, { total: recordedVersions.length } )
		);

		const page = await fetchPolicyVersions( 2 );

		expect( page.total ).toBe( 2 );
		expect( page.items.map( ( v ) => v.note ) ).toEqual(
			recordedVersions.map( ( v ) => v.note )
		);
		expect( page.items[ 0 ]?.author_name ).toBe( 'admin' );
	} );

	it( 'reads one old version', async () => {
		serveRoute( 'GET /agent-guard/v1/agents/2/policy/versions/1', () =>
			reply( recordedPolicy )
		);

		expect( ( await fetchPolicyVersion( 2, 1 ) ).version ).toBe( 1 );
	} );

	it( 'exports under the name the server gives', async () => {
		const body = {
			agent: 'Support desk',
			exported_at: '2026-11-21T07:30:00+00:00',
			version: 2,
			policy: recordedPolicy.policy,
		};
		serveRoute( 'GET /agent-guard/v1/agents/2/policy/export', () => ( {
			status: 200,
			body,
			headers: {
				'X-Agent-Guard-Filename':
					'agent-policy-20261121-support-desk.json',
			},
		} ) );

		const file = await exportPolicy( 2 );

		expect( file.filename ).toBe(
			'agent-policy-20261121-support-desk.json'
		);
		expect( file.document.agent ).toBe( 'Support desk' );
		expect( mockedApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( { parse: false } )
		);
	} );

	it( 'falls back to Content-Disposition, then to a name of its own, never to a path', () => {
		const headers =
			( values: Record< string, string > ) => ( name: string ) =>
				values[ name ] ?? null;

		expect(
			exportFilename(
				headers( {
					'Content-Disposition':
						'attachment; filename="agent-policy-20261121-x.json"',
				} ),
				2
			)
		).toBe( 'agent-policy-20261121-x.json' );
		expect(
			exportFilename(
				headers( {
					'X-Agent-Guard-Filename': '../../etc/passwd.json',
				} ),
				2
			)
		).toMatch( /^agent-policy-\d{8}-agent-2\.json$/ );
	} );

	it( 'previews an import: what would change, nothing applied', async () => {
		serveRoute( 'POST /agent-guard/v1/agents/2/policy/import', () =>
			reply( recordedPreview )
		);

		const preview = await importPolicy( 2, { policy: {} }, false );

		expect( preview.applied ).toBe( false );
		expect( preview.changes.map( ( c ) => c.path ) ).toEqual( [
			'actions.allow',
			'approvals.refund_over_minor',
			'limits.writes_per_minute',
		] );
		expect( mockedApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( {
				data: { document: { policy: {} }, apply: false },
			} )
		);
	} );

	it( 'refuses a preview without its changes', async () => {
		serveRoute( 'POST /agent-guard/v1/agents/2/policy/import', () =>
			reply( { valid: true, applied: false } )
		);

		expect( await failure( importPolicy( 2, {}, false ) ) ).toMatchObject( {
			code: INVALID_RESPONSE,
			path: 'changes',
		} );
	} );
} );

describe( 'tokens', () => {
	it( 'rotates with the grace period and returns the successor’s secret', async () => {
		const successor = makeIssuedToken( { id: 4 } );
		serveRoute( 'POST /agent-guard/v1/agents/7/tokens/3/rotate', () =>
			reply( successor, { status: 201 } )
		);

		const token = await rotateToken( 7, 3, 86400 );

		expect( token.secret ).toBe( successor.secret );
		expect( mockedApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( { data: { grace_seconds: 86400 } } )
		);
	} );

	it( 'treats a rotation answer without a secret as broken', async () => {
		serveRoute( 'POST /agent-guard/v1/agents/7/tokens/3/rotate', () =>
			reply( makeToken(), { status: 201 } )
		);

		expect( await failure( rotateToken( 7, 3, 0 ) ) ).toMatchObject( {
			code: INVALID_RESPONSE,
			path: 'secret',
		} );
	} );
} );

describe( 'credentials and settings', () => {
	it( 'reads the inventory: a WooCommerce key adopted by an agent, an application password not', async () => {
		serveRoute( 'GET /agent-guard/v1/inventory', () =>
			reply( recordedInventory )
		);

		const credentials = await fetchInventory();

		expect(
			credentials.map( ( c ) => [ c.kind, c.adoption_id > 0 ] )
		).toEqual( [
			[ 'wc_key', true ],
			[ 'app_password', false ],
		] );
	} );

	it( 'refuses a credential of an unknown kind', async () => {
		serveRoute( 'GET /agent-guard/v1/inventory', () =>
			reply( [ { ...recordedAdoption, kind: 'oauth_token' } ] )
		);

		expect( await failure( fetchInventory() ) ).toMatchObject( {
			code: INVALID_RESPONSE,
			path: '0.kind',
		} );
	} );

	it( 'adopts and releases', async () => {
		serveRoutes( {
			'POST /agent-guard/v1/inventory/adopt': () =>
				reply( recordedAdoption, { status: 201 } ),
			'DELETE /agent-guard/v1/inventory/adoptions/1': () =>
				reply( { released: true, id: 1 } ),
		} );

		const adopted = await adoptCredential( {
			kind: 'wc_key',
			external_id: '1',
			agent_id: 2,
		} );
		const released = await releaseAdoption( adopted.adoption_id );

		expect( adopted.agent_id ).toBe( 2 );
		expect( released ).toEqual( { released: true, id: 1 } );
	} );

	it( 'reads and changes the settings', async () => {
		serveRoutes( {
			'GET /agent-guard/v1/settings': () => reply( recordedSettings ),
			'POST /agent-guard/v1/settings': ( options ) =>
				reply( {
					...recordedSettings,
					...( options.data as object ),
				} ),
		} );

		expect( ( await fetchSettings() ).refuse_unregistered_key_writes ).toBe(
			false
		);
		expect(
			( await updateSettings( { refuse_unregistered_key_writes: true } ) )
				.refuse_unregistered_key_writes
		).toBe( true );
	} );

	it( 'refuses settings with a missing member', async () => {
		serveRoute( 'GET /agent-guard/v1/settings', () =>
			reply( { refuse_unregistered_key_writes: true } )
		);

		expect( await failure( fetchSettings() ) ).toMatchObject( {
			code: INVALID_RESPONSE,
			path: 'approval_email_minutes',
		} );
	} );
} );

describe( 'owners', () => {
	it( 'asks Agent Guard for the people holding one of its capabilities', async () => {
		serveRoute( 'GET /agent-guard/v1/owners', () =>
			reply( recordedUsers )
		);

		const owners = await fetchOwnerCandidates();

		expect( owners.map( ( u ) => u.name ) ).toEqual( [
			'admin',
			'Maria Manager',
		] );
		expect( String( mockedApiFetch.mock.calls[ 0 ]?.[ 0 ].path ) ).toBe(
			'/agent-guard/v1/owners'
		);
	} );

	it( 'passes a search on', async () => {
		serveRoute( 'GET /agent-guard/v1/owners', () =>
			reply( recordedUsers )
		);

		await fetchOwnerCandidates( undefined, 'mar' );

		expect( String( mockedApiFetch.mock.calls[ 0 ]?.[ 0 ].path ) ).toBe(
			'/agent-guard/v1/owners?search=mar'
		);
	} );

	it( 'never offers the service user an agent acts as', async () => {
		serveRoute( 'GET /agent-guard/v1/owners', () =>
			reply( [
				...recordedUsers,
				{
					id: 5,
					name: 'Repricer (agent)',
					roles: [ 'agent_guard_agent' ],
				},
			] )
		);

		expect( ( await fetchOwnerCandidates() ).map( ( u ) => u.id ) ).toEqual(
			[ 1, 7 ]
		);
	} );
} );

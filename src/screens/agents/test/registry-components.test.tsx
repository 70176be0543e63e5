/**
 * The Agents screen's presentational parts: what they show for given data, their empty
 * states, and what they hand back when used.
 */

/**
 * External dependencies
 */
import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import type { Credential, Token } from '../../../schemas';
import { makeAgent, makeToken } from '../../../test-utils/factories';
import recordedChecklist from '../../../test-utils/fixtures/checklist.json';
import recordedInventory from '../../../test-utils/fixtures/inventory.json';
import recordedPreview from '../../../test-utils/fixtures/policy-import-preview.json';
import { hasFilters, parseAgentFilters } from '../components/agent-filters';
import { AgentsTable } from '../components/agents-table';
import { ChecklistList } from '../components/checklist-list';
import { CredentialsTable } from '../components/credentials-table';
import {
	PolicyDiffTable,
	formatPolicyValue,
} from '../components/policy-diff-table';
import { TokensTable } from '../components/tokens-table';

const NOW = Date.parse( '2026-11-21T12:00:00Z' );
const credentials = recordedInventory as Credential[];

beforeAll( () => {
	document.documentElement.lang = 'en-US';
} );

describe( 'AgentsTable', () => {
	it( 'shows status, mode, risk, owner, tokens expiring soon and open checklist items', () => {
		const { container } = render(
			<AgentsTable
				agents={ [
					makeAgent( {
						tokens_active: 2,
						tokens_expiring_soon: 1,
						checklist_open: 3,
						owner_name: 'Maria Manager',
					} ),
					makeAgent( {
						id: 8,
						name: 'Catalogue reader',
						mode: 'active',
						risk_tier: 'low',
						checklist_open: 0,
						status: 'archived',
					} ),
				] }
				now={ NOW }
				agentUrl={ ( id ) => `/agents?agent=${ id }` }
				onOpen={ () => undefined }
			/>
		);
		const rows = within( container ).getAllByRole( 'row' );

		expect( rows[ 1 ]?.textContent ).toContain( 'Registered' );
		expect( rows[ 1 ]?.textContent ).toContain( 'Observe only' );
		expect( rows[ 1 ]?.textContent ).toContain( 'Maria Manager' );
		expect(
			within( rows[ 1 ] as HTMLElement ).getByText( '1 expiring soon' )
				.className
		).toContain( 'is-warning' );
		expect(
			within( rows[ 1 ] as HTMLElement ).getByText( '3 open' ).className
		).toContain( 'is-warning' );
		expect( rows[ 2 ]?.textContent ).toContain( 'Archived' );
		expect( rows[ 2 ]?.textContent ).toContain( 'Complete' );
		expect( rows[ 2 ]?.textContent ).not.toContain( 'expiring' );
	} );
} );

describe( 'parseAgentFilters', () => {
	it( 'keeps what the API accepts and drops the rest', () => {
		expect(
			parseAgentFilters( {
				status: 'archived',
				mode: 'canary',
				risk_tier: 'extreme',
				search: '  repricer ',
			} )
		).toEqual( { status: 'archived', mode: 'canary', search: 'repricer' } );
		expect( parseAgentFilters( { status: 'active' } ) ).toEqual( {} );
		expect( hasFilters( parseAgentFilters( { mode: 'sleeping' } ) ) ).toBe(
			false
		);
	} );
} );

describe( 'TokensTable', () => {
	const tokens: Token[] = [
		makeToken( { id: 1, label: 'server A', status: 'active' } ),
		makeToken( {
			id: 2,
			prefix: 'agk_expiring0000',
			label: 'server B',
			status: 'expiring',
		} ),
		makeToken( {
			id: 3,
			prefix: 'agk_graceperiod0',
			label: 'old',
			status: 'grace',
			revoked_at: '2026-11-22T12:00:00Z',
		} ),
		makeToken( {
			id: 4,
			prefix: 'agk_revoked00000',
			label: 'gone',
			status: 'revoked',
			revoked_at: '2026-11-20T12:00:00Z',
		} ),
	];

	it( 'highlights a token that expires within 7 days', () => {
		const { container } = render(
			<TokensTable tokens={ tokens } now={ NOW } />
		);
		const row = container.querySelector( '[data-token-id="2"]' );

		expect( row?.className ).toBe( 'is-expiring' );
		expect(
			within( row as HTMLElement ).getByText( 'Expiring soon' ).className
		).toContain( 'is-warning' );
		expect(
			container.querySelector( '[data-token-id="1"]' )?.className
		).toBe( '' );
	} );

	it( 'offers rotation for live tokens and revocation until a token is revoked', () => {
		const onRotate = jest.fn< ( token: Token ) => void >();
		const onRevoke = jest.fn< ( token: Token ) => void >();
		const { container } = render(
			<TokensTable
				tokens={ tokens }
				now={ NOW }
				onRotate={ onRotate }
				onRevoke={ onRevoke }
			/>
		);
		const view = within( container );

		expect(
			view.getAllByRole( 'button', { name: /^Rotate token/ } )
		).toHaveLength( 2 );
		expect(
			view.getAllByRole( 'button', { name: /^Revoke token/ } )
		).toHaveLength( 3 );
		fireEvent.click(
			view.getByRole( 'button', {
				name: 'Rotate token agk_expiring0000',
			} )
		);
		expect( onRotate ).toHaveBeenCalledWith( tokens[ 1 ] );
	} );

	it( 'shows no buttons to a reader who may not change tokens', () => {
		const { container } = render(
			<TokensTable tokens={ tokens } now={ NOW } />
		);

		expect( within( container ).queryAllByRole( 'button' ) ).toHaveLength(
			0
		);
	} );

	it( 'says when there is no token', () => {
		const { container } = render(
			<TokensTable tokens={ [] } now={ NOW } />
		);

		expect( container.textContent ).toContain(
			'This agent has no token yet.'
		);
	} );
} );

describe( 'ChecklistList', () => {
	it( 'shows done and open items, with what to do for the open ones', () => {
		const onFix = jest.fn< ( path: string ) => void >();
		const { container } = render(
			<ChecklistList items={ recordedChecklist.items } onFix={ onFix } />
		);
		const view = within( container );

		expect( view.getByText( '5 of 10 items are open.' ) ).toBeTruthy();
		const onCall = container.querySelector( '[data-item="on_call_named"]' );
		expect( onCall?.textContent ).toContain( 'Open' );
		expect( onCall?.textContent ).toContain( 'On call' );
		const audit = container.querySelector( '[data-item="audit_on"]' );
		expect( audit?.textContent ).toContain( 'Done' );
		expect(
			audit?.querySelector( '.agent-guard-checklist__advice' )
		).toBeNull();

		fireEvent.click(
			view.getByRole( 'button', {
				name: 'Fix “Rollback defined” in the policy',
			} )
		);
		expect( onFix ).toHaveBeenCalledWith( 'launch.rollback_plan' );
	} );

	it( 'runs the kill-switch test and reports the result', () => {
		const onTest = jest.fn();
		const { container, rerender } = render(
			<ChecklistList
				items={ recordedChecklist.items }
				killSwitch={ {
					onTest,
					isBusy: false,
					result: undefined,
					error: null,
				} }
			/>
		);
		const view = within( container );

		fireEvent.click(
			view.getByRole( 'button', { name: 'Test the kill switch now' } )
		);
		expect( onTest ).toHaveBeenCalledTimes( 1 );

		rerender(
			<ChecklistList
				items={ recordedChecklist.items }
				killSwitch={ {
					onTest,
					isBusy: false,
					result: {
						ms: 3.3,
						refused: false,
						tested_at: '2026-11-21T07:21:21Z',
					},
					error: null,
				} }
			/>
		);
		expect( view.getByRole( 'status' ).textContent ).toContain(
			'Failed: the test request was not refused.'
		);
	} );

	it( 'offers no fixing to a read-only reader', () => {
		const { container } = render(
			<ChecklistList items={ recordedChecklist.items } />
		);

		expect( within( container ).queryAllByRole( 'button' ) ).toHaveLength(
			0
		);
	} );
} );

describe( 'PolicyDiffTable', () => {
	it( 'shows path, before → after, amounts in the store currency', () => {
		const { container } = render(
			<PolicyDiffTable
				changes={ recordedPreview.changes }
				currency="USD"
				decimals={ 2 }
				emptyMessage="Nothing changes."
			/>
		);
		const refund = container.querySelector(
			'[data-path="approvals.refund_over_minor"]'
		);

		expect( refund?.textContent ).toBe(
			'approvals.refund_over_minor$25.00not set'
		);
		expect(
			container.querySelector( '[data-path="actions.allow"]' )
				?.textContent
		).toContain(
			'orders:note, orders:update, orders:refund, orders:create'
		);
	} );

	it( 'says when a file changes nothing', () => {
		const { container } = render(
			<PolicyDiffTable
				changes={ [] }
				currency="USD"
				decimals={ 2 }
				emptyMessage="Nothing changes."
			/>
		);

		expect( container.textContent ).toBe( 'Nothing changes.' );
		expect( container.querySelector( 'table' ) ).toBeNull();
	} );

	it( 'formats values for reading', () => {
		expect(
			formatPolicyValue( 'limits.writes_per_minute', 5, 'USD', 2 )
		).toBe( '5' );
		expect( formatPolicyValue( 'approvals.deletes', true, 'USD', 2 ) ).toBe(
			'yes'
		);
		expect( formatPolicyValue( 'approvals.always', [], 'USD', 2 ) ).toBe(
			'(empty list)'
		);
	} );
} );

describe( 'CredentialsTable', () => {
	it( 'shows who each credential acts as, with adopt or release', () => {
		const onAdopt = jest.fn< ( credential: Credential ) => void >();
		const onRelease = jest.fn< ( credential: Credential ) => void >();
		const { container } = render(
			<CredentialsTable
				credentials={ credentials }
				agentNames={ new Map( [ [ 2, 'Support desk' ] ] ) }
				agentUrl={ ( id ) => `/agents?agent=${ id }` }
				now={ NOW }
				onAdopt={ onAdopt }
				onRelease={ onRelease }
			/>
		);
		const view = within( container );
		const [ , key, password ] = view.getAllByRole( 'row' );

		expect( key?.textContent ).toContain( 'WooCommerce API key' );
		expect( key?.textContent ).toContain( '…C6p8uaO' );
		expect(
			within( key as HTMLElement )
				.getByRole( 'link', { name: 'Support desk' } )
				.getAttribute( 'href' )
		).toBe( '/agents?agent=2' );
		expect( password?.textContent ).toContain( 'Not an agent' );

		fireEvent.click(
			view.getByRole( 'button', { name: 'Release Repricing service' } )
		);
		fireEvent.click(
			view.getByRole( 'button', {
				name: 'Adopt agent-guard-tests for an agent',
			} )
		);
		expect( onRelease ).toHaveBeenCalledWith( credentials[ 0 ] );
		expect( onAdopt ).toHaveBeenCalledWith( credentials[ 1 ] );
	} );

	it( 'says when the store has no credential', () => {
		const { container } = render(
			<CredentialsTable
				credentials={ [] }
				agentNames={ new Map() }
				agentUrl={ () => '' }
				now={ NOW }
			/>
		);

		expect( container.textContent ).toContain(
			'no WooCommerce API key and no application password'
		);
	} );
} );

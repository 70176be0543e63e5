/**
 * The Agents screen in a real wp-admin (Chromium, WordPress with WooCommerce or its
 * stand-in): register an agent from a template, launch it past the checklist with an
 * administrator's reason, give it a token and take it away again — with the store's own
 * REST API answering the agent in between; refused policy values shown at their field;
 * an imported policy previewed as a diff; the store's credentials adopted and released.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, createAgent } from '../support/fixtures';

const AGENTS_PAGE = '/wp-admin/admin.php?page=agent-guard-agents';

/** An agent's call to the store, over plain HTTP like any agent would make it. */
async function agentCall(
	siteUrl: string,
	token: string
): Promise< { status: number; body: unknown } > {
	const response = await fetch( `${ siteUrl }/wp-json/wc/v3/products`, {
		headers: { Authorization: `Bearer ${ token }` },
	} );
	const text = await response.text();
	let body: unknown = text;
	try {
		body = JSON.parse( text );
	} catch {}
	return { status: response.status, body };
}

/** The admin app's own region (wp-admin repeats notices in an a11y live region). */
function app( page: Page ) {
	return page.locator( '#agent-guard-root' );
}

async function openTab( page: Page, name: RegExp ) {
	await page.getByRole( 'tab', { name } ).click();
}

test.describe( 'Agents', () => {
	test( 'registers a pricing agent, launches it over the checklist, issues and revokes its token', async ( {
		adminPage: page,
		site,
	} ) => {
		const name = `Repricer ${ Date.now() }`;
		let secret = '';

		await test.step( 'add the agent from the pricing template', async () => {
			await page.goto( AGENTS_PAGE );
			await expect(
				page.getByRole( 'heading', { level: 1, name: 'Agents' } )
			).toBeVisible();
			await page.getByRole( 'button', { name: 'Add agent' } ).click();
			const dialog = page.getByRole( 'dialog', { name: 'Add agent' } );
			await dialog.getByLabel( 'Name' ).fill( name );
			await dialog
				.getByLabel( 'Purpose' )
				.fill( 'Keeps prices in line with the supplier feed.' );
			await dialog
				.getByLabel( 'Starting policy' )
				.selectOption( 'pricing' );
			await expect( dialog ).toContainText(
				'Reads and updates product prices'
			);
			await expect( dialog.getByLabel( 'Owner' ) ).toHaveValue(
				String( site.install.admin_id )
			);
			await dialog.getByLabel( 'Risk' ).selectOption( 'high' );
			await dialog.getByRole( 'button', { name: 'Add agent' } ).click();

			await expect(
				page.getByRole( 'heading', { level: 1, name } )
			).toBeVisible();
			await expect( page ).toHaveURL( /[?&]agent=\d+/ );
			await expect(
				page.getByText( 'Observe only' ).first()
			).toBeVisible();
			await expect(
				page.getByRole( 'tab', { name: /Checklist \(5 open\)/ } )
			).toBeVisible();
		} );

		await test.step( 'leave observe mode: the checklist gate, then the override with a reason', async () => {
			await page.getByRole( 'button', { name: 'Change mode…' } ).click();
			const dialog = page.getByRole( 'dialog', {
				name: /Change the mode of/,
			} );
			await dialog.getByRole( 'radio', { name: 'Active' } ).check();
			await expect( dialog ).toContainText(
				'The pre-launch checklist has 5 open items'
			);
			await expect( dialog ).toContainText( 'Kill switch tested' );
			const reason = dialog.getByLabel(
				'Reason for overriding the checklist'
			);
			await reason.fill( 'too short' );
			await dialog
				.getByRole( 'button', { name: 'Override and change mode' } )
				.click();
			await expect( dialog.getByRole( 'alert' ) ).toContainText(
				'10 characters or more'
			);
			await expect( reason ).toBeFocused();

			await reason.fill(
				'Supplier feed launch; the on-call rota is being set up this week.'
			);
			await dialog
				.getByRole( 'button', { name: 'Override and change mode' } )
				.click();
			await expect( dialog ).toBeHidden();
			await expect(
				app( page ).getByText( 'The agent is now in mode “Active”.' )
			).toBeVisible();

			await openTab( page, /^Activity/ );
			await expect(
				page
					.getByRole( 'region', { name: 'Recent activity' } )
					.getByRole( 'row' )
					.filter( { hasText: 'Checklist overridden' } )
			).toBeVisible();
		} );

		await test.step( 'issue a token and read its secret from the page', async () => {
			await openTab( page, /^Tokens/ );
			const tokens = page.getByRole( 'region', { name: 'Tokens' } );
			await expect(
				tokens.getByText( /This agent has no token yet/ )
			).toBeVisible();
			await tokens.getByRole( 'button', { name: 'Issue token' } ).click();
			const dialog = page.getByRole( 'dialog', {
				name: /Issue a token/,
			} );
			await dialog.getByLabel( 'Label' ).fill( 'e2e' );
			await dialog.getByRole( 'button', { name: 'Issue token' } ).click();
			const field = dialog.getByLabel( 'Token', { exact: true } );
			await expect( field ).toHaveValue( /^agk_\S{20,}$/ );
			secret = await field.inputValue();
			await expect( dialog ).toContainText( 'You will not see it again' );
			await dialog
				.getByRole( 'button', { name: 'I have copied it' } )
				.click();
			await expect( dialog ).toBeHidden();
			await expect(
				tokens.getByRole( 'row' ).filter( { hasText: 'e2e' } )
			).toContainText( 'Active' );
		} );

		await test.step( 'the agent calls the store with it', async () => {
			const answer = await agentCall( site.url, secret );
			expect( answer.status, JSON.stringify( answer.body ) ).toBe( 200 );
			expect( Array.isArray( answer.body ) ).toBe( true );
		} );

		await test.step( 'revoke the token in the page', async () => {
			const tokens = page.getByRole( 'region', { name: 'Tokens' } );
			const row = tokens.getByRole( 'row' ).filter( { hasText: 'e2e' } );
			await row.getByRole( 'button', { name: /^Revoke token/ } ).click();
			const confirm = page.getByRole( 'dialog', {
				name: 'Revoke this token?',
			} );
			await confirm
				.getByRole( 'button', { name: 'Revoke token' } )
				.click();
			await expect( confirm ).toBeHidden();
			await expect( row ).toContainText( 'Revoked' );
		} );

		await test.step( 'the next call is refused', async () => {
			const answer = await agentCall( site.url, secret );
			expect( answer.status, JSON.stringify( answer.body ) ).toBe( 401 );
			expect( answer.body ).toMatchObject( {
				code: 'agent_guard_token_revoked',
			} );
		} );
	} );

	test( 'shows a refused policy value at its field, and saves amounts in minor units', async ( {
		adminPage: page,
		admin,
	} ) => {
		const agent = await createAgent( admin, { template: 'pricing' } );
		await page.goto( `${ AGENTS_PAGE }&agent=${ agent.id }&tab=policy` );
		const writes = page.getByLabel( 'Writes per minute' );
		const callback = page.getByLabel( 'Callback URL' );
		const save = page.getByRole( 'button', { name: 'Save policy' } );

		await test.step( 'an out-of-range limit is shown at its field', async () => {
			await expect( writes ).toHaveValue( '5' );
			await writes.fill( '5000' );
			await save.click();
			await expect( writes ).toHaveAttribute( 'aria-invalid', 'true' );
			await expect( writes ).toHaveAccessibleDescription(
				/Enter 1000 or less\./
			);
			await page
				.getByRole( 'link', { name: 'Writes per minute' } )
				.click();
			await expect( writes ).toBeFocused();
		} );

		await test.step( 'a value only the server refuses is shown at its field too', async () => {
			await writes.fill( '0' );
			await expect( writes ).not.toHaveAttribute(
				'aria-invalid',
				'true'
			);
			await writes.fill( '12' );
			await callback.fill( 'ftp://example.com/hook' );
			await save.click();
			await expect( callback ).toHaveAttribute( 'aria-invalid', 'true' );
			await expect( callback ).toHaveAccessibleDescription(
				/The callback URL must be an http or https URL\./
			);
			await expect( app( page ).getByRole( 'alert' ) ).toContainText(
				'Callback URL: The callback URL must be an http or https URL.'
			);
		} );

		await test.step( 'a valid policy is saved, with the amount in minor units', async () => {
			await callback.fill( 'https://example.com/hook' );
			const amount = page.getByLabel( /Largest price change per write/ );
			await expect( amount ).toHaveValue( '50.00' );
			await amount.fill( '75.5' );
			await page
				.getByLabel( 'Note for the version history' )
				.fill( 'Faster feed, wider envelope' );
			await save.click();
			await expect(
				app( page ).getByText( 'Saved as version 2.' )
			).toBeVisible();
			await expect(
				app( page ).getByText( 'Version 2', { exact: true } )
			).toBeVisible();

			const stored = await admin.get(
				`wp-json/agent-guard/v1/agents/${ agent.id }/policy`
			);
			const body = await stored.json();
			expect( body.policy.limits.writes_per_minute ).toBe( 12 );
			expect( body.policy.approvals.price.max_change_minor ).toBe( 7550 );
			expect( body.policy.launch.callback_url ).toBe(
				'https://example.com/hook'
			);

			const history = page.getByRole( 'region', {
				name: 'Version history',
			} );
			await expect(
				history.getByRole( 'row' ).filter( { hasText: 'Faster feed' } )
			).toContainText( '2' );
		} );

		await test.step( 'the JSON view checks the document before sending it', async () => {
			await page.getByRole( 'button', { name: 'JSON' } ).click();
			const text = page.getByLabel( 'Policy (JSON)' );
			const document = JSON.parse( await text.inputValue() );
			expect( document.limits.writes_per_minute ).toBe( 12 );
			document.limits.items_per_batch = 500;
			await text.fill( JSON.stringify( document, null, 2 ) );
			await save.click();
			await expect( app( page ).getByRole( 'alert' ) ).toContainText(
				'limits.items_per_batch: Enter 100 or less.'
			);
		} );
	} );

	test( 'previews an imported policy as a diff before applying it', async ( {
		adminPage: page,
		admin,
	} ) => {
		const agent = await createAgent( admin, { template: 'pricing' } );
		await page.goto( `${ AGENTS_PAGE }&agent=${ agent.id }&tab=transfer` );
		const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'agent-policy-' ) );

		const file = await test.step( 'export the policy file', async () => {
			const [ download ] = await Promise.all( [
				page.waitForEvent( 'download' ),
				page
					.getByRole( 'button', { name: 'Download policy file' } )
					.click(),
			] );
			expect( download.suggestedFilename() ).toMatch(
				/^agent-policy-\d{8}-[a-z0-9-]+\.json$/
			);
			const saved = path.join( dir, download.suggestedFilename() );
			await download.saveAs( saved );
			return saved;
		} );

		await test.step( 'import a changed copy: the preview shows the diff', async () => {
			const document = JSON.parse( fs.readFileSync( file, 'utf8' ) );
			expect( document.policy.limits.writes_per_minute ).toBe( 5 );
			document.policy.limits.writes_per_minute = 7;
			document.policy.approvals.price.max_change_minor = 9900;
			fs.writeFileSync( file, JSON.stringify( document ) );

			await page.getByLabel( 'Policy file' ).setInputFiles( file );
			const preview = page.getByRole( 'table', {
				name: 'Changes to the policy',
			} );
			const writes = preview
				.getByRole( 'row' )
				.filter( { hasText: 'limits.writes_per_minute' } );
			await expect( writes ).toContainText( '5' );
			await expect( writes ).toContainText( '7' );
			await expect(
				preview
					.getByRole( 'row' )
					.filter( { hasText: 'approvals.price.max_change_minor' } )
			).toContainText( /50\.00.*99\.00/ );
			await expect( preview.getByRole( 'row' ) ).toHaveCount( 3 );

			const current = await admin.get(
				`wp-json/agent-guard/v1/agents/${ agent.id }/policy`
			);
			expect( ( await current.json() ).version ).toBe( 1 );
		} );

		await test.step( 'apply it', async () => {
			await page
				.getByRole( 'button', { name: 'Apply 2 changes' } )
				.click();
			await expect(
				app( page ).getByText(
					'Imported: the policy is now at version 2.'
				)
			).toBeVisible();
			const stored = await admin.get(
				`wp-json/agent-guard/v1/agents/${ agent.id }/policy`
			);
			const body = await stored.json();
			expect( body.version ).toBe( 2 );
			expect( body.policy.limits.writes_per_minute ).toBe( 7 );
		} );
	} );

	test( 'adopts an application password for an agent and releases it', async ( {
		adminPage: page,
		admin,
	} ) => {
		const agent = await createAgent( admin, { template: 'read_only' } );
		const label = `e2e adoption ${ Date.now() }`;
		const created = await admin.post(
			'wp-json/wp/v2/users/me/application-passwords',
			{ data: { name: label } }
		);
		expect( created.status(), await created.text() ).toBe( 201 );

		await page.goto( AGENTS_PAGE );
		const credentials = page.getByRole( 'region', {
			name: 'API credentials',
		} );
		const row = credentials.getByRole( 'row' ).filter( { hasText: label } );
		await expect( row ).toContainText( 'Application password' );
		await expect( row ).toContainText( 'Not an agent' );

		await row
			.getByRole( 'button', { name: /Adopt .* for an agent/ } )
			.click();
		const dialog = page.getByRole( 'dialog', {
			name: 'Adopt for an agent',
		} );
		await dialog.getByLabel( 'Agent' ).selectOption( String( agent.id ) );
		await dialog.getByRole( 'button', { name: 'Adopt' } ).click();
		await expect( dialog ).toBeHidden();
		await expect(
			row.getByRole( 'link', { name: agent.name } )
		).toBeVisible();

		await row.getByRole( 'button', { name: /^Release/ } ).click();
		const confirm = page.getByRole( 'dialog', {
			name: 'Release this credential?',
		} );
		await confirm.getByRole( 'button', { name: 'Release' } ).click();
		await expect( confirm ).toBeHidden();
		await expect( row ).toContainText( 'Not an agent' );

		const setting = credentials.getByLabel(
			'Refuse writes from API keys that are not registered as agents'
		);
		await expect( setting ).not.toBeChecked();
		// The toggle follows the server's answer; click, then wait for it.
		await setting.click();
		await expect( setting ).toBeChecked();
		await expect( setting ).toBeEnabled();
		const stored = await admin.get( 'wp-json/agent-guard/v1/settings' );
		expect( ( await stored.json() ).refuse_unregistered_key_writes ).toBe(
			true
		);
		await setting.click();
		await expect( setting ).not.toBeChecked();
		await expect
			.poll(
				async () =>
					(
						await (
							await admin.get( 'wp-json/agent-guard/v1/settings' )
						).json()
					).refuse_unregistered_key_writes
			)
			.toBe( false );
	} );
} );

/**
 * The kill switch as ops use it: from the admin bar of an unrelated wp-admin page (a plain
 * form, no React app), and from the Overview. While halted an agent's call gets 503
 * agent_guard_halted with Retry-After; once resumed the same call passes.
 *
 * Other suites share the site: every test leaves it resumed, whatever happened.
 */
import type { APIRequestContext } from '@playwright/test';
import {
	test,
	expect,
	createAgent,
	type CreatedAgent,
} from '../support/fixtures';
import { bearer, raw } from '../support/http';

async function resumeAll( admin: APIRequestContext ): Promise< void > {
	const resumed = await admin.post( 'wp-json/agent-guard/v1/halt', {
		data: { halted: false },
	} );
	expect( resumed.status(), await resumed.text() ).toBe( 200 );
	expect( ( await resumed.json() ).halted ).toBe( false );
}

/** The agent reads one product with its token, as an integration would. */
function agentCall( siteUrl: string, agent: CreatedAgent ) {
	return raw( `${ siteUrl }/wp-json/wc/v3/products?per_page=1`, {
		headers: bearer( agent.token ),
	} );
}

test.describe( 'Kill switch', () => {
	test.afterEach( async ( { admin } ) => {
		await resumeAll( admin );
	} );

	test( 'halts every agent from the admin bar of any wp-admin page, and resumes them there', async ( {
		adminPage: page,
		admin,
		site,
	} ) => {
		const agent = await createAgent( admin, {
			template: 'read_only',
			mode: 'active',
		} );
		const reason = `Supplier feed is broken (e2e ${ Date.now() })`;
		const node = page.locator( '#wp-admin-bar-agent-guard-halt' );

		await test.step( 'the agent’s call passes while agents run', async () => {
			const before = await agentCall( site.url, agent );
			expect( before.status, before.text ).toBe( 200 );
		} );

		await test.step( 'halt from the admin bar of the Posts list', async () => {
			await page.goto( '/wp-admin/edit.php' );
			await expect( node ).toContainText( 'Halt agents' );
			await node.hover();
			const form = page.locator( '#wp-admin-bar-agent-guard-halt-form' );
			await expect( form ).toBeVisible();
			await page.locator( '#agent-guard-halt-reason' ).fill( reason );

			let confirmation = '';
			page.once( 'dialog', async ( dialog ) => {
				confirmation = `${ dialog.type() }: ${ dialog.message() }`;
				await dialog.accept();
			} );
			await form.locator( '.agent-guard-bar-button' ).click();

			await page.waitForURL( /agent_guard_kill_switch=halted/ );
			expect( confirmation ).toMatch(
				/^confirm: Halt every agent now\?/
			);
			expect( new URL( page.url() ).pathname ).toBe(
				'/wp-admin/edit.php'
			);
			await expect( node ).toContainText( 'Agents halted' );
			await expect(
				page.locator( '#wp-admin-bar-agent-guard-halt-state' )
			).toContainText( reason );
		} );

		await test.step( 'the agent’s call is refused: 503 agent_guard_halted, Retry-After', async () => {
			const halted = await agentCall( site.url, agent );
			expect( halted.status, halted.text ).toBe( 503 );
			expect( halted.json.code ).toBe( 'agent_guard_halted' );
			expect( halted.json.data.scope ).toBe( 'global' );
			expect( halted.headers.get( 'retry-after' ) ).toMatch( /^\d+$/ );
		} );

		await test.step( 'the Overview shows the halted banner', async () => {
			await page.goto( '/wp-admin/admin.php?page=agent-guard' );
			const banner = page.getByRole( 'region', {
				name: 'All agents are halted',
			} );
			await expect( banner ).toBeVisible();
			await expect( banner ).toContainText( reason );
			await expect( banner ).toContainText( site.admin.user );
			await expect(
				banner.getByRole( 'button', { name: 'Resume agents' } )
			).toBeVisible();
		} );

		await test.step( 'resume from the admin bar of the Dashboard', async () => {
			await page.goto( '/wp-admin/index.php' );
			await expect( node ).toContainText( 'Agents halted' );
			await node.hover();
			const form = page.locator(
				'#wp-admin-bar-agent-guard-resume-form'
			);
			await expect( form ).toBeVisible();
			await form.locator( '.agent-guard-bar-button' ).click();

			await page.waitForURL( /agent_guard_kill_switch=resumed/ );
			await expect( node ).toContainText( 'Halt agents' );
		} );

		await test.step( 'the same call passes again', async () => {
			const after = await agentCall( site.url, agent );
			expect( after.status, after.text ).toBe( 200 );
		} );
	} );

	test( 'halts and resumes every agent from the Overview, with a reason and a confirmation', async ( {
		adminPage: page,
		admin,
		site,
	} ) => {
		const agent = await createAgent( admin, {
			template: 'read_only',
			mode: 'active',
		} );
		const reason = `Prices look wrong (e2e ${ Date.now() })`;

		await page.goto( '/wp-admin/admin.php?page=agent-guard' );
		const running = page.getByRole( 'region', { name: 'Agents running' } );
		await expect( running ).toBeVisible();

		await test.step( 'halt with a reason, after confirming', async () => {
			await running.getByLabel( 'Reason for halting' ).fill( reason );
			await running
				.getByRole( 'button', { name: 'Halt all agents' } )
				.click();
			const dialog = page.getByRole( 'dialog', {
				name: 'Halt all agents?',
			} );
			await expect( dialog ).toContainText( reason );
			await dialog
				.getByRole( 'button', { name: 'Halt all agents' } )
				.click();
			await expect( dialog ).toBeHidden();

			const banner = page.getByRole( 'region', {
				name: 'All agents are halted',
			} );
			await expect( banner ).toContainText( reason );
			const halted = await agentCall( site.url, agent );
			expect( halted.status, halted.text ).toBe( 503 );
		} );

		await test.step( 'resume, after confirming', async () => {
			await page
				.getByRole( 'region', { name: 'All agents are halted' } )
				.getByRole( 'button', { name: 'Resume agents' } )
				.click();
			const dialog = page.getByRole( 'dialog', {
				name: 'Resume all agents?',
			} );
			await dialog
				.getByRole( 'button', { name: 'Resume agents' } )
				.click();
			await expect( dialog ).toBeHidden();
			await expect(
				page.getByRole( 'region', { name: 'Agents running' } )
			).toBeVisible();
			const after = await agentCall( site.url, agent );
			expect( after.status, after.text ).toBe( 200 );
		} );
	} );

	test( 'halts one agent from its page while its neighbour keeps working, and resumes it', async ( {
		adminPage: page,
		admin,
		site,
	} ) => {
		const agent = await createAgent( admin, {
			template: 'read_only',
			mode: 'active',
		} );
		const neighbour = await createAgent( admin, {
			template: 'read_only',
			mode: 'active',
		} );
		const reason = `Looping on one product (e2e ${ Date.now() })`;

		try {
			await page.goto(
				`/wp-admin/admin.php?page=agent-guard-agents&agent=${ agent.id }`
			);
			await expect(
				page.getByRole( 'heading', { level: 1, name: agent.name } )
			).toBeVisible();

			await test.step( 'halt it with a reason, after confirming', async () => {
				await page.getByRole( 'button', { name: 'Halt…' } ).click();
				const dialog = page.getByRole( 'dialog', {
					name: `Halt ${ agent.name }?`,
				} );
				await dialog.getByLabel( 'Reason for halting' ).fill( reason );
				await dialog
					.getByRole( 'button', { name: 'Halt agent' } )
					.click();
				await expect( dialog ).toBeHidden();
				await expect(
					page.getByRole( 'status' ).getByText( /agent is halted/ )
				).toBeVisible();
				await expect( page.getByTitle( reason ) ).toHaveText(
					'Halted'
				);
			} );

			await test.step( 'its call gets 503 (scope agent); the neighbour’s passes', async () => {
				const halted = await agentCall( site.url, agent );
				expect( halted.status, halted.text ).toBe( 503 );
				expect( halted.json.code ).toBe( 'agent_guard_halted' );
				expect( halted.json.data.scope ).toBe( 'agent' );
				const other = await agentCall( site.url, neighbour );
				expect( other.status, other.text ).toBe( 200 );
			} );

			await test.step( 'resume it, after confirming; the call passes', async () => {
				await page
					.getByRole( 'button', { name: 'Resume from halt…' } )
					.click();
				const dialog = page.getByRole( 'dialog', {
					name: `Resume ${ agent.name }?`,
				} );
				await dialog
					.getByRole( 'button', { name: 'Resume agent' } )
					.click();
				await expect( dialog ).toBeHidden();
				await expect( page.getByTitle( reason ) ).toBeHidden();
				const after = await agentCall( site.url, agent );
				expect( after.status, after.text ).toBe( 200 );
			} );
		} finally {
			await admin.post(
				`wp-json/agent-guard/v1/agents/${ agent.id }/halt`,
				{
					data: { halted: false },
				}
			);
		}
	} );
} );

/**
 * The Overview in a real wp-admin: it lists the agents, and requests an agent makes over
 * HTTP — allowed, then refused with its rule — show up on the open page by themselves (the
 * screen refreshes every few seconds).
 */
import { test, expect, createAgent, agentHeaders } from '../support/fixtures';

test.describe( 'Overview', () => {
	test( 'shows an agent’s requests, allowed and refused with its rule, on the open page without a reload', async ( {
		adminPage: page,
		admin,
		site,
		playwright,
	} ) => {
		const agent = await createAgent( admin, {
			template: 'read_only',
			mode: 'active',
		} );
		const rationale = `Checking the catalogue (overview e2e ${ Date.now() })`;

		await test.step( 'the Overview lists the agent', async () => {
			await page.goto( '/wp-admin/admin.php?page=agent-guard' );
			await expect(
				page.getByRole( 'heading', { level: 1, name: 'Overview' } )
			).toBeVisible();
			const agents = page.getByRole( 'region', { name: 'Agents' } );
			const row = agents
				.getByRole( 'row' )
				.filter( { hasText: agent.name } );
			await expect( row ).toBeVisible();
			await expect( row ).toContainText( 'Active' );
			await expect(
				page.getByRole( 'region', { name: 'Recent agent requests' } )
			).toBeVisible();
		} );

		// Set on the loaded page: a reload or navigation would lose it.
		await page.evaluate( () => {
			document.body.dataset.agentGuardE2e = 'same-page';
		} );

		await test.step( 'the agent calls the store with its token', async () => {
			const agentRequest = await playwright.request.newContext( {
				baseURL: site.url + '/',
			} );
			const response = await agentRequest.get(
				'wp-json/wc/v3/products?per_page=2',
				{
					headers: agentHeaders( agent.token, {
						'X-Agent-Rationale': rationale,
					} ),
				}
			);
			expect( response.status(), await response.text() ).toBe( 200 );
			await agentRequest.dispose();
		} );

		await test.step( 'the request appears by itself', async () => {
			const activity = page.getByRole( 'region', {
				name: 'Recent agent requests',
			} );
			const row = activity
				.getByRole( 'row' )
				.filter( { hasText: rationale } );
			await expect( row ).toBeVisible( { timeout: 20_000 } );
			await expect( row ).toContainText( agent.name );
			await expect( row ).toContainText( 'GET /wc/v3/products' );
			await expect( row ).toContainText( 'Allowed' );
			await expect( row ).toContainText( '200' );
			expect(
				await page.evaluate( () => document.body.dataset.agentGuardE2e )
			).toBe( 'same-page' );
		} );

		const refusal = `Looking at orders (overview e2e ${ Date.now() })`;
		await test.step( 'the agent tries to read orders its policy does not open', async () => {
			const agentRequest = await playwright.request.newContext( {
				baseURL: site.url + '/',
			} );
			const response = await agentRequest.get( 'wp-json/wc/v3/orders', {
				headers: agentHeaders( agent.token, {
					'X-Agent-Rationale': refusal,
				} ),
			} );
			expect( response.status() ).toBe( 403 );
			const body = await response.json();
			expect( body.code ).toBe( 'agent_guard_denied' );
			expect( body.data.rule ).toBe( 'data_access.orders' );
			await agentRequest.dispose();
		} );

		await test.step( 'the refusal appears with the rule that fired', async () => {
			const row = page
				.getByRole( 'region', { name: 'Recent agent requests' } )
				.getByRole( 'row' )
				.filter( { hasText: refusal } );
			await expect( row ).toBeVisible( { timeout: 20_000 } );
			await expect( row ).toContainText( 'GET /wc/v3/orders' );
			await expect( row ).toContainText( 'Denied' );
			await expect( row ).toContainText( 'data_access.orders' );
			await expect( row ).toContainText( '403' );
		} );
	} );
} );

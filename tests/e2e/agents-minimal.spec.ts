/**
 * The Agents screen in a real wp-admin: register an agent from a template, issue it a
 * token, see the secret exactly once, and use it against the store.
 */
import { test, expect, agentHeaders } from '../support/fixtures';

test.describe( 'Agents', () => {
	test( 'registers an agent from a template and issues a token shown once', async ( {
		adminPage: page,
		site,
		playwright,
	} ) => {
		const name = `Catalogue reader ${ Date.now() }`;
		let secret = '';

		await test.step( 'add the agent with the read-only template', async () => {
			await page.goto( '/wp-admin/admin.php?page=agent-guard-agents' );
			await expect(
				page.getByRole( 'heading', { level: 1, name: 'Agents' } )
			).toBeVisible();
			await page.getByRole( 'button', { name: 'Add agent' } ).click();
			const dialog = page.getByRole( 'dialog', { name: 'Add agent' } );
			await dialog.getByLabel( 'Name' ).fill( name );
			await dialog
				.getByLabel( 'Purpose' )
				.fill( 'Reads the catalogue for the e2e suite.' );
			await dialog
				.getByLabel( 'Starting policy' )
				.selectOption( 'read_only' );
			await expect( dialog ).toContainText( 'may not write anything' );
			await dialog.getByRole( 'button', { name: 'Add agent' } ).click();

			await expect(
				page.getByRole( 'heading', { level: 1, name } )
			).toBeVisible();
			await expect( page ).toHaveURL( /[?&]agent=\d+/ );
			await expect( page.getByText( 'Observe only' ) ).toBeVisible();
			await expect(
				page.getByText( /This agent has no token yet/ )
			).toBeVisible();
		} );

		await test.step( 'issue a token and copy its secret', async () => {
			await page
				.context()
				.grantPermissions( [ 'clipboard-read', 'clipboard-write' ] );
			await page.getByRole( 'button', { name: 'Issue token' } ).click();
			const dialog = page.getByRole( 'dialog', {
				name: /Issue a token/,
			} );
			await dialog.getByLabel( 'Label' ).fill( 'e2e' );
			await dialog.getByRole( 'button', { name: 'Issue token' } ).click();

			const field = dialog.getByLabel( 'Token', { exact: true } );
			await expect( field ).toHaveValue( /^agk_\S{20,}$/ );
			secret = await field.inputValue();
			await expect( dialog ).toContainText( 'You will not see it again' );

			await dialog.getByRole( 'button', { name: 'Copy token' } ).click();
			await expect( dialog.getByRole( 'status' ) ).toHaveText(
				'Copied to the clipboard.'
			);
			expect(
				await page.evaluate( () => navigator.clipboard.readText() )
			).toBe( secret );

			await dialog
				.getByRole( 'button', { name: 'I have copied it' } )
				.click();
			await expect( dialog ).toBeHidden();
		} );

		await test.step( 'the secret is not shown again', async () => {
			const tokenRow = page
				.getByRole( 'region', { name: 'Tokens' } )
				.getByRole( 'row' )
				.filter( { hasText: 'e2e' } );
			await expect( tokenRow ).toContainText( secret.slice( 0, 16 ) );
			expect( await page.content() ).not.toContain( secret );
			await page.reload();
			await expect( tokenRow ).toBeVisible();
			expect( await page.content() ).not.toContain( secret );
		} );

		await test.step( 'the agent uses the token against the store', async () => {
			const agentRequest = await playwright.request.newContext( {
				baseURL: site.url + '/',
			} );
			const response = await agentRequest.get(
				'wp-json/wc/v3/products?per_page=1',
				{ headers: agentHeaders( secret ) }
			);
			expect( response.status(), await response.text() ).toBe( 200 );
			expect( Array.isArray( await response.json() ) ).toBe( true );
			await agentRequest.dispose();
		} );
	} );
} );

/**
 * The Approvals screen in a real wp-admin: an agent's price change waits for a person; a
 * shop manager approves one (it is applied), rejects another with a comment (the agent's
 * poll says so), and a high-risk agent's change needs a second person — the administrator.
 */
import {
	test,
	expect,
	createAgent,
	logIn,
	type CreatedAgent,
} from '../support/fixtures';
import { raw, jsonHeaders, bearer } from '../support/http';
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import type { SiteInfo } from '../support/site-info';

const APPROVALS = '/wp-admin/admin.php?page=agent-guard-approvals';

interface Product {
	id: number;
	name: string;
}

/**
 * A product at 100.00 in a category of its own, so nothing else about it moves while the
 * request waits.
 *
 * @param admin The administrator's REST client.
 * @param label Part of its name.
 */
async function createProduct(
	admin: APIRequestContext,
	label: string
): Promise< Product > {
	const unique = `${ label } ${ Date.now() }-${ Math.floor(
		Math.random() * 1000
	) }`;
	const category = await admin.post( 'wp-json/wc/v3/products/categories', {
		data: { name: `Approvals e2e ${ unique }` },
	} );
	expect( category.status(), await category.text() ).toBe( 201 );
	const created = await admin.post( 'wp-json/wc/v3/products', {
		data: {
			name: unique,
			type: 'simple',
			regular_price: '100.00',
			categories: [ { id: ( await category.json() ).id } ],
		},
	} );
	expect( created.status(), await created.text() ).toBe( 201 );
	return { id: ( await created.json() ).id, name: unique };
}

async function priceOf(
	admin: APIRequestContext,
	id: number
): Promise< string > {
	const response = await admin.get(
		`wp-json/wc/v3/products/${ id }?context=edit`
	);
	expect( response.status() ).toBe( 200 );
	return ( await response.json() ).regular_price;
}

/**
 * The agent asks for a new price over HTTP; the guard queues it (202) and names the item.
 *
 * @param site    The site.
 * @param agent   The agent.
 * @param product The product.
 * @param price   The price asked for.
 */
async function askForPrice(
	site: SiteInfo,
	agent: CreatedAgent,
	product: Product,
	price: string
): Promise< number > {
	const response = await raw(
		`${ site.url }/wp-json/wc/v3/products/${ product.id }`,
		{
			method: 'PUT',
			headers: jsonHeaders( agent.token, {
				'X-Agent-Rationale': 'Competitors raised their prices by 20 %',
				'X-Agent-Confidence': '0.9',
			} ),
			body: JSON.stringify( { regular_price: price } ),
		}
	);
	expect( response.status, response.text ).toBe( 202 );
	expect( response.json.code ).toBe( 'agent_guard_pending_approval' );
	return response.json.data.approval_id;
}

/**
 * A shop manager (approve capability, no manage capability), logged in in a browser of
 * their own.
 *
 * @param admin   The administrator's REST client.
 * @param browser The browser.
 */
async function managerPage(
	admin: APIRequestContext,
	browser: Browser
): Promise< Page > {
	const username = `manager${ Date.now() }${ Math.floor(
		Math.random() * 1000
	) }`;
	const password = `pw-${ username }-Secret!`;
	const created = await admin.post( 'wp-json/wp/v2/users', {
		data: {
			username,
			password,
			email: `${ username }@example.com`,
			roles: [ 'shop_manager' ],
		},
	} );
	expect( created.status(), await created.text() ).toBe( 201 );
	const context = await browser.newContext();
	const page = await context.newPage();
	await logIn( page, username, password );
	return page;
}

/**
 * The product's row in the queue (not the details row under it).
 *
 * @param page    The page.
 * @param product The product.
 */
function requestRow( page: Page, product: Product ) {
	return page
		.getByRole( 'table', { name: 'Queued requests' } )
		.locator( 'tr[data-approval-id]' )
		.filter( { hasText: product.name } );
}

function notice( page: Page, id: number ) {
	return page
		.locator( '.components-notice__content' )
		.filter( { hasText: `Request #${ id } ` } );
}

test.describe( 'Approvals', () => {
	test( 'a manager approves an agent’s +20 % price change and it is applied', async ( {
		admin,
		site,
		browser,
	} ) => {
		const agent = await createAgent( admin, {
			template: 'pricing',
			mode: 'active',
		} );
		const product = await createProduct( admin, 'Approve me' );
		const id = await askForPrice( site, agent, product, '120.00' );
		const page = await managerPage( admin, browser );

		await test.step( 'the pending request shows what it changes and why', async () => {
			await page.goto( APPROVALS );
			await expect(
				page.getByRole( 'heading', { level: 1, name: 'Approvals' } )
			).toBeVisible();
			const row = requestRow( page, product );
			await expect( row ).toBeVisible();
			await expect( row ).toContainText( agent.name );
			await expect( row ).toContainText( '$100.00' );
			await expect( row ).toContainText( '$120.00' );
			await expect( row ).toContainText( '(+20%)' );
			await expect( row ).toContainText(
				'approvals.price.max_change_percent_24h'
			);
			await expect( row ).toContainText(
				'Competitors raised their prices by 20 %'
			);
			await expect( row ).toContainText( 'Confidence: 90%' );
			await expect( row ).toContainText( 'Pending' );
			expect( await priceOf( admin, product.id ) ).toBe( '100.00' );
		} );

		await test.step( 'the manager opens everything about it', async () => {
			const row = requestRow( page, product );
			await row
				.getByRole( 'button', {
					name: `Show details of request #${ id }`,
				} )
				.click();
			await expect( page ).toHaveURL( new RegExp( `approval=${ id }` ) );
			const why = page.getByRole( 'region', {
				name: 'Why it needs a person',
			} );
			await expect( why ).toContainText( 'would move 20.00 %' );
			await expect(
				page.getByRole( 'region', { name: 'What is at stake' } )
			).toContainText( 'Sold in 30 days' );
		} );

		await test.step( 'the manager approves it with a comment', async () => {
			await requestRow( page, product )
				.getByRole( 'button', { name: `Approve request #${ id }` } )
				.click();
			const dialog = page.getByRole( 'dialog', {
				name: `Approve request #${ id }`,
			} );
			await dialog
				.getByLabel( 'Comment (optional)' )
				.fill( 'Matches the market.' );
			await dialog
				.getByRole( 'button', { name: 'Approve', exact: true } )
				.click();
			await expect( dialog ).toBeHidden();
			await expect( notice( page, id ) ).toContainText(
				'was approved and applied: the store answered HTTP 200.'
			);
		} );

		await test.step( 'it is executed and the store has the new price', async () => {
			await page.getByLabel( 'Show' ).selectOption( 'executed' );
			await expect( page ).toHaveURL( /state=executed/ );
			const row = requestRow( page, product );
			await expect( row ).toContainText( 'Executed' );
			await expect(
				row.getByRole( 'button', { name: `Approve request #${ id }` } )
			).toHaveCount( 0 );
			expect( await priceOf( admin, product.id ) ).toBe( '120.00' );
			await page.reload();
			await expect( page.getByLabel( 'Show' ) ).toHaveValue( 'executed' );
			await expect( requestRow( page, product ) ).toContainText(
				'Executed'
			);
		} );
		await page.context().close();
	} );

	test( 'a manager rejects a request with a comment, by keyboard, and the agent’s poll says so', async ( {
		admin,
		site,
		browser,
	} ) => {
		const agent = await createAgent( admin, {
			template: 'pricing',
			mode: 'active',
		} );
		const product = await createProduct( admin, 'Reject me' );
		const id = await askForPrice( site, agent, product, '120.00' );
		const page = await managerPage( admin, browser );
		await page.goto( APPROVALS );

		await test.step( 'a rejection without a comment is refused at the field', async () => {
			const reject = requestRow( page, product ).getByRole( 'button', {
				name: `Reject request #${ id }`,
			} );
			await reject.focus();
			await page.keyboard.press( 'Enter' );
			const dialog = page.getByRole( 'dialog', {
				name: `Reject request #${ id }`,
			} );
			await expect( dialog ).toBeVisible();
			await dialog
				.getByRole( 'button', { name: 'Reject', exact: true } )
				.focus();
			await page.keyboard.press( 'Enter' );
			await expect( dialog.getByRole( 'alert' ) ).toContainText(
				'Say why you reject this request'
			);
		} );

		await test.step( 'with a comment it is rejected', async () => {
			const dialog = page.getByRole( 'dialog', {
				name: `Reject request #${ id }`,
			} );
			const comment = dialog.getByLabel(
				'Why do you reject it? (required)'
			);
			await comment.focus();
			await page.keyboard.type( 'Too steep before the sale.' );
			await page.keyboard.press( 'Tab' );
			await dialog
				.getByRole( 'button', { name: 'Reject', exact: true } )
				.focus();
			await page.keyboard.press( 'Enter' );
			await expect( dialog ).toBeHidden();
			await expect( notice( page, id ) ).toContainText(
				'was rejected; the agent sees your comment.'
			);
			await expect( requestRow( page, product ) ).toHaveCount( 0 );
		} );

		await test.step( 'the agent polls its request: rejected, with the comment', async () => {
			const poll = await raw(
				`${ site.url }/wp-json/agent-guard/v1/approvals/${ id }`,
				{ headers: bearer( agent.token ) }
			);
			expect( poll.status, poll.text ).toBe( 200 );
			expect( poll.json.state ).toBe( 'rejected' );
			expect( poll.json.approvals[ 0 ].comment ).toBe(
				'Too steep before the sale.'
			);
			expect( await priceOf( admin, product.id ) ).toBe( '100.00' );
		} );
		await page.context().close();
	} );

	test( 'a high-risk agent’s change needs a second person: the manager, then the administrator', async ( {
		admin,
		adminPage,
		site,
		browser,
	} ) => {
		const agent = await createAgent( admin, {
			template: 'pricing',
			mode: 'active',
			risk_tier: 'high',
		} );
		const product = await createProduct( admin, 'Two approvers' );
		const id = await askForPrice( site, agent, product, '120.00' );
		const page = await managerPage( admin, browser );

		await test.step( 'the manager approves first: it stays pending, 1 of 2', async () => {
			await page.goto( APPROVALS );
			const row = requestRow( page, product );
			await expect( row ).toContainText( '0 of 2 approvals' );
			await row
				.getByRole( 'button', { name: `Approve request #${ id }` } )
				.click();
			const dialog = page.getByRole( 'dialog', {
				name: `Approve request #${ id }`,
			} );
			await expect( dialog ).toContainText(
				'Yours will be approval 1 of 2'
			);
			await dialog
				.getByRole( 'button', { name: 'Approve', exact: true } )
				.click();
			await expect( notice( page, id ) ).toContainText(
				'(1 of 2 approvals). Another person must approve it before it runs.'
			);
			await expect( row ).toContainText( '1 of 2 approvals' );
			await expect( row ).toContainText( 'Pending' );
			expect( await priceOf( admin, product.id ) ).toBe( '100.00' );
		} );

		await test.step( 'the manager cannot approve it again', async () => {
			const row = requestRow( page, product );
			await expect( row ).toContainText(
				'You approved it; another person must approve it too.'
			);
			await expect(
				row.getByRole( 'button', { name: `Approve request #${ id }` } )
			).toHaveCount( 0 );
			await expect(
				page.getByRole( 'checkbox', {
					name: `Select request #${ id }`,
				} )
			).toHaveCount( 0 );
		} );

		await test.step( 'the administrator approves it and it runs', async () => {
			await adminPage.goto( APPROVALS );
			const row = requestRow( adminPage, product );
			await expect( row ).toContainText( '1 of 2 approvals' );
			await row
				.getByRole( 'button', { name: `Approve request #${ id }` } )
				.click();
			const dialog = adminPage.getByRole( 'dialog', {
				name: `Approve request #${ id }`,
			} );
			await dialog
				.getByRole( 'button', { name: 'Approve', exact: true } )
				.click();
			await expect( notice( adminPage, id ) ).toContainText(
				'was approved and applied: the store answered HTTP 200.'
			);
			expect( await priceOf( admin, product.id ) ).toBe( '120.00' );
		} );

		await test.step( 'the manager’s open page catches up by itself', async () => {
			await expect( requestRow( page, product ) ).toHaveCount( 0, {
				timeout: 20_000,
			} );
		} );
		await page.context().close();
	} );
} );

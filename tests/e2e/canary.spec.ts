/**
 * The canary dial in a real wp-admin: an agent in canary mode is moved 1 → 20 → 100 % on
 * the Canary screen, its cohort grows with the dial until it holds every product, and the
 * Overview shows the agent's stage.
 */
import { test, expect, createAgent } from '../support/fixtures';

/** "12 of 60 products" → [ 12, 60 ]. */
function cohortOf( text: string | null ): [ number, number ] {
	const match = /^(\d+) of (\d+) products?$/.exec( ( text ?? '' ).trim() );
	if ( ! match ) {
		throw new Error( `Not a cohort: ${ text }` );
	}
	return [ Number( match[ 1 ] ), Number( match[ 2 ] ) ];
}

test.describe( 'Canary', () => {
	test( 'moves the dial 1 → 20 → 100 %, the cohort follows, and the Overview shows the stage', async ( {
		adminPage: page,
		admin,
		site,
	} ) => {
		const agent = await createAgent( admin, {
			template: 'pricing',
			mode: 'canary',
		} );
		const dial = page.getByRole( 'region', { name: 'Canary dial' } );
		const cohort = page.locator( '[data-figure="cohort"]' );

		await test.step( 'open the agent’s canary', async () => {
			await page.goto(
				`/wp-admin/admin.php?page=agent-guard-canary&agent=${ agent.id }`
			);
			await expect(
				page.getByRole( 'heading', { level: 1, name: 'Canary' } )
			).toBeVisible();
			await expect(
				page.getByRole( 'combobox', { name: 'Agent', exact: true } )
			).toHaveValue( String( agent.id ) );
			await expect(
				dial.locator( '.agent-guard-dial__value' )
			).toHaveText( '0 %' );
			await expect( cohort ).toHaveText( /^0 of \d+ products?$/ );
			await expect( page.getByText( /observe-only mode/ ) ).toHaveCount(
				0
			);
		} );

		let previous = 0;
		let total = -1;
		for ( const step of [ 1, 20, 100 ] ) {
			await test.step( `move the dial to ${ step } %`, async () => {
				await dial
					.getByRole( 'button', { name: `${ step } %`, exact: true } )
					.click();
				const confirm = page.getByRole( 'dialog', {
					name: `Move the dial to ${ step } %?`,
				} );
				await expect( confirm ).toContainText( 'audit log' );
				await confirm
					.getByRole( 'button', { name: 'Move the dial' } )
					.click();
				await expect( confirm ).toBeHidden();
				await expect(
					dial.locator( '.agent-guard-dial__value' )
				).toHaveText( `${ step } %` );

				const [ size, all ] = cohortOf( await cohort.textContent() );
				if ( total === -1 ) {
					total = all;
				}
				expect( all ).toBe( total );
				expect( size ).toBeGreaterThanOrEqual( previous );
				previous = size;

				const figures = await admin.get(
					`wp-json/agent-guard/v1/agents/${ agent.id }/canary`
				);
				const body = await figures.json();
				expect( body.percent ).toBe( step );
				expect( body.cohort ).toEqual( { size, total } );
			} );
		}

		await test.step( 'at 100 % the cohort is every product', async () => {
			expect( total ).toBeGreaterThan( 0 );
			expect( total ).toBeGreaterThanOrEqual( site.demo.products.length );
			expect( previous ).toBe( total );
			await expect( dial ).toContainText(
				'every product is open to the agent'
			);
		} );

		await test.step( 'the Overview shows the agent’s canary stage', async () => {
			await page.goto( '/wp-admin/admin.php?page=agent-guard' );
			const row = page
				.getByRole( 'region', { name: 'Canary stages' } )
				.getByRole( 'row' )
				.filter( { hasText: agent.name } );
			await expect( row ).toContainText( 'Canary' );
			await expect( row ).toContainText( '100 %' );
			await expect(
				row.getByRole( 'link', { name: agent.name } )
			).toHaveAttribute(
				'href',
				new RegExp( `page=agent-guard-canary&agent=${ agent.id }$` )
			);
		} );
	} );

	test( 'tests an agent’s kill switch and shows the time to halt', async ( {
		adminPage: page,
		admin,
	} ) => {
		const agent = await createAgent( admin, {
			template: 'pricing',
			mode: 'canary',
		} );
		await page.goto(
			`/wp-admin/admin.php?page=agent-guard-canary&agent=${ agent.id }`
		);
		const panel = page.getByRole( 'region', { name: 'Kill switch test' } );

		await panel
			.getByRole( 'button', { name: 'Test the kill switch' } )
			.click();

		await expect( panel.getByRole( 'status' ) ).toContainText(
			/Halted in [\d.]+ ms: the agent’s next request was refused\./
		);
		const after = await admin.get(
			`wp-json/agent-guard/v1/agents/${ agent.id }`
		);
		expect( ( await after.json() ).halted ).toBe( false );
	} );
} );

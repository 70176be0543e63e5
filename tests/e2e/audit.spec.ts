/**
 * The Audit screen in a real wp-admin: an auditor finds an agent's allowed and refused
 * requests by filtering on the agent, reads why one was refused and what the agent said,
 * verifies the hash chain and downloads the filtered events as CSV; a circuit breaker
 * trip links to the incident it opened.
 */
import fs from 'node:fs';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { test, expect, createAgent, agentHeaders } from '../support/fixtures';
import { raw, jsonHeaders } from '../support/http';

const AUDIT = '/wp-admin/admin.php?page=agent-guard-audit';

interface AuditEventSummary {
	id: number;
	event_type: string;
	incident_id: number;
}

/**
 * Every event of one agent, as the REST API lists them (newest first).
 *
 * @param admin   The administrator's REST client.
 * @param agentId The agent.
 * @param extra   More filters.
 */
async function eventsOf(
	admin: APIRequestContext,
	agentId: number,
	extra: Record< string, string > = {}
): Promise< AuditEventSummary[] > {
	const query = new URLSearchParams( {
		agent_id: String( agentId ),
		per_page: '100',
		...extra,
	} );
	const response = await admin.get(
		`wp-json/agent-guard/v1/audit?${ query.toString() }`
	);
	expect( response.status(), await response.text() ).toBe( 200 );
	return response.json();
}

function eventRow( page: Page, id: number ): Locator {
	return page
		.getByRole( 'table', { name: 'Audit events, newest first' } )
		.locator( `tr[data-event-id="${ id }"]` );
}

async function openEvent( page: Page, id: number ): Promise< Locator > {
	await eventRow( page, id )
		.getByRole( 'button', { name: `Show details of event #${ id }` } )
		.click();
	const details = page.getByRole( 'region', {
		name: `Details of event #${ id }`,
	} );
	await expect( details ).toBeVisible();
	return details;
}

test.describe( 'Audit', () => {
	test( 'an auditor filters by agent, reads a refusal, verifies the log and exports it', async ( {
		adminPage: page,
		admin,
		site,
	} ) => {
		const agent = await createAgent( admin, {
			template: 'read_only',
			mode: 'active',
		} );
		const stamp = Date.now();
		const allowedRationale = `Counting the catalogue (audit e2e ${ stamp })`;
		const refusedRationale = `Looking for late orders (audit e2e ${ stamp })`;
		let allowedId = 0;
		let refusedId = 0;

		await test.step( 'the agent reads products (allowed) and orders (refused)', async () => {
			const allowed = await raw(
				`${ site.url }/wp-json/wc/v3/products?per_page=2`,
				{
					headers: agentHeaders( agent.token, {
						'X-Agent-Rationale': allowedRationale,
					} ),
				}
			);
			expect( allowed.status, allowed.text ).toBe( 200 );
			allowedId = Number( allowed.headers.get( 'x-agent-guard-event' ) );
			const refused = await raw( `${ site.url }/wp-json/wc/v3/orders`, {
				headers: agentHeaders( agent.token, {
					'X-Agent-Rationale': refusedRationale,
					'X-Agent-Model': 'audit-e2e-model',
				} ),
			} );
			expect( refused.status, refused.text ).toBe( 403 );
			expect( refused.json.code ).toBe( 'agent_guard_denied' );
			expect( refused.json.data.rule ).toBe( 'data_access.orders' );
			refusedId = Number( refused.json.data.event_id );
			expect( allowedId ).toBeGreaterThan( 0 );
			expect( refusedId ).toBeGreaterThan( allowedId );
		} );

		await test.step( 'the auditor filters the log by that agent', async () => {
			await page.goto( AUDIT );
			await expect(
				page.getByRole( 'heading', { level: 1, name: 'Audit' } )
			).toBeVisible();
			await page
				.getByLabel( 'Agent', { exact: true } )
				.selectOption( { label: agent.name } );
			await page.getByRole( 'button', { name: 'Apply filters' } ).click();
			await expect( page ).toHaveURL(
				new RegExp( `agent=${ agent.id }` )
			);

			const refused = eventRow( page, refusedId );
			await expect( refused ).toContainText( agent.name );
			await expect( refused ).toContainText( 'Agent request' );
			await expect( refused ).toContainText( 'GET /wc/v3/orders' );
			await expect( refused ).toContainText( 'Denied' );
			await expect( refused ).toContainText( 'data_access.orders' );
			await expect( refused ).toContainText( '403' );
			const allowed = eventRow( page, allowedId );
			await expect( allowed ).toContainText( 'GET /wc/v3/products' );
			await expect( allowed ).toContainText( 'Allowed' );
			await expect( allowed ).toContainText( '200' );
			// Only this agent's events: its registration, token, both requests.
			const shown = await page
				.getByRole( 'table', { name: 'Audit events, newest first' } )
				.locator( 'tr[data-event-id]' )
				.evaluateAll( ( rows ) =>
					rows.map( ( row ) =>
						Number( row.getAttribute( 'data-event-id' ) )
					)
				);
			const expected = ( await eventsOf( admin, agent.id ) ).map(
				( event ) => event.id
			);
			expect( shown ).toEqual( expected );
		} );

		await test.step( 'the filter survives a reload', async () => {
			await page.reload();
			await expect(
				page.getByLabel( 'Agent', { exact: true } )
			).toHaveValue( String( agent.id ) );
			await expect( eventRow( page, refusedId ) ).toBeVisible();
		} );

		await test.step( 'the refused request says why and what the agent said', async () => {
			const details = await openEvent( page, refusedId );
			await expect( page ).toHaveURL(
				new RegExp( `event=${ refusedId }` )
			);
			await expect( details ).toContainText(
				'This agent may not read orders.'
			);
			await expect( details ).toContainText( 'data_access.orders' );
			await expect( details ).toContainText( refusedRationale );
			await expect( details ).toContainText( 'audit-e2e-model' );
			await expect( details ).toContainText( 'Hash chain' );
		} );

		await test.step( 'verification says the log is intact', async () => {
			await page
				.getByRole( 'button', { name: 'Verify the log' } )
				.click();
			await expect(
				page.getByRole( 'status' ).filter( { hasText: 'Intact' } )
			).toContainText( /Intact — [\d,]+ events? checked/ );
		} );

		await test.step( 'the CSV export downloads this agent’s events', async () => {
			const downloading = page.waitForEvent( 'download' );
			await page.getByRole( 'link', { name: 'Export CSV' } ).click();
			const download = await downloading;
			expect( download.suggestedFilename() ).toMatch(
				/^agent-guard-audit-\d{8}-\d{6}\.csv$/
			);
			const file = await download.path();
			const csv = fs.readFileSync( file, 'utf8' );
			const lines = csv.trim().split( '\n' );
			expect( lines[ 0 ] ).toMatch( /^id,occurred_at,event_type,/ );
			const ids = lines
				.slice( 1 )
				.map( ( line ) => Number( line.split( ',' )[ 0 ] ) );
			expect( ids ).toContain( allowedId );
			expect( ids ).toContain( refusedId );
			// Oldest first, and nothing of other agents.
			const expected = ( await eventsOf( admin, agent.id ) )
				.map( ( event ) => event.id )
				.reverse();
			expect( ids ).toEqual( expected );
			expect( csv ).toContain( refusedRationale );
			await expect( page.getByRole( 'status' ).last() ).toContainText(
				'Export started'
			);
		} );
	} );

	test( 'a circuit breaker trip links to the incident it opened', async ( {
		adminPage: page,
		admin,
		site,
	} ) => {
		const templates = await (
			await admin.get( 'wp-json/agent-guard/v1/templates' )
		).json();
		const pricing = templates.find(
			( template: { name: string } ) => template.name === 'pricing'
		).policy;
		const agent = await createAgent( admin, {
			template: 'pricing',
			mode: 'active',
			policy: {
				...pricing,
				limits: { ...pricing.limits, writes_per_minute: 100 },
				approvals: {
					...pricing.approvals,
					price: {
						...pricing.approvals.price,
						max_change_percent_24h: null,
						max_change_minor: null,
						max_cumulative_percent_7d: null,
					},
				},
				circuit_breakers: {
					...pricing.circuit_breakers,
					writes_per_minute: 2,
				},
			},
		} );
		const created = await admin.post( 'wp-json/wc/v3/products', {
			data: {
				name: `Audit breaker ${ Date.now() }`,
				type: 'simple',
				regular_price: '100.00',
			},
		} );
		expect( created.status(), await created.text() ).toBe( 201 );
		const productId = ( await created.json() ).id;

		await test.step( 'the agent writes until its breaker halts it', async () => {
			const statuses: number[] = [];
			for ( let i = 1; i <= 4; i++ ) {
				const response = await raw(
					`${ site.url }/wp-json/wc/v3/products/${ productId }`,
					{
						method: 'PUT',
						headers: jsonHeaders( agent.token ),
						body: JSON.stringify( {
							regular_price: `${ 100 + i }.00`,
						} ),
					}
				);
				statuses.push( response.status );
			}
			expect( statuses ).toContain( 200 );
			expect( statuses[ statuses.length - 1 ] ).toBe( 503 );
		} );

		const [ trip ] = await eventsOf( admin, agent.id, {
			event_type: 'breaker_tripped',
		} );
		expect( trip ).toBeDefined();
		expect( trip?.incident_id ).toBeGreaterThan( 0 );
		const tripId = trip?.id ?? 0;
		const incidentId = trip?.incident_id ?? 0;

		await test.step( 'a link filtered to breaker trips shows it with its incident', async () => {
			await page.goto(
				`${ AUDIT }&agent=${ agent.id }&event_type=breaker_tripped`
			);
			await expect(
				page.getByLabel( 'Event', { exact: true } )
			).toHaveValue( 'breaker_tripped' );
			const row = eventRow( page, tripId );
			await expect( row ).toContainText( 'Circuit breaker tripped' );
			await expect(
				page
					.getByRole( 'table', {
						name: 'Audit events, newest first',
					} )
					.locator( 'tr[data-event-id]' )
			).toHaveCount( 1 );

			const details = await openEvent( page, tripId );
			await expect( details ).toContainText(
				`Incident #${ incidentId }`
			);
			await expect( details ).toContainText( 'Open' );
			await expect( details ).toContainText(
				'writes in a minute (limit 2)'
			);
			await expect(
				details.getByRole( 'link', {
					name: 'Close it on the Overview once it is dealt with',
				} )
			).toHaveAttribute( 'href', /page=agent-guard$/ );
		} );

		await test.step( 'the refused write after the trip names the halt', async () => {
			await page.goto( `${ AUDIT }&agent=${ agent.id }&decision=halted` );
			const rows = page
				.getByRole( 'table', { name: 'Audit events, newest first' } )
				.locator( 'tr[data-event-id]' );
			await expect( rows.first() ).toContainText( 'Halted' );
			await expect( rows.first() ).toContainText( 'kill_switch.agent' );
			await expect( rows.first() ).toContainText( '503' );
		} );
	} );
} );

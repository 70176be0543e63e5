/**
 * The approval queue from the agent's side and under concurrency: queue → approve → executed
 * exactly once, conflicts, and fifty simultaneous approvals of one item.
 */
import {
	test,
	expect,
	createActiveAgent,
	adminAuthorization,
} from '../support/fixtures';
import { raw, getAs } from '../support/http';
import {
	approve,
	createProduct,
	productSaves,
	readApproval,
	readProduct,
	updateProductAs,
} from '../support/store';
import type { SiteInfo } from '../support/site-info';
import type { APIRequestContext } from '@playwright/test';

/**
 * A pricing agent asks to move a new product's price from 100.00 to `price`, over its
 * envelope: the request is queued (202) and nothing is written.
 *
 * @param site    The site.
 * @param admin   The administrator's REST client.
 * @param price   The price asked for.
 * @param headers Further headers of the agent's request.
 */
async function queuedPriceChange(
	site: SiteInfo,
	admin: APIRequestContext,
	price: string,
	headers: Record< string, string > = {}
) {
	const agent = await createActiveAgent( admin, 'pricing' );
	const { id } = await createProduct( admin );
	const queued = await updateProductAs(
		site,
		agent.token,
		id,
		{ regular_price: price },
		headers
	);
	expect( queued.status, queued.text ).toBe( 202 );
	return {
		agent,
		id,
		approvalId: queued.json.data.approval_id as number,
		statusUrl: queued.json.data.status_url as string,
	};
}

test.describe( 'approvals over HTTP', () => {
	test( 'queue → approve → executed, and the agent polls it', async ( {
		site,
		admin,
	} ) => {
		const { agent, id, approvalId, statusUrl } = await queuedPriceChange(
			site,
			admin,
			'125.00',
			{ 'X-Agent-Rationale': 'Market moved' }
		);
		const poll = await getAs( statusUrl, agent.token );
		expect( poll.json.state ).toBe( 'pending' );

		const item = await readApproval( admin, approvalId );
		const decided = await approve( admin, approvalId, item.version );
		expect( decided.status(), await decided.text() ).toBe( 200 );
		expect( ( await decided.json() ).state ).toBe( 'executed' );
		const after = await getAs( statusUrl, agent.token );
		expect( after.json.state ).toBe( 'executed' );
		expect( after.json.result_status ).toBe( 200 );
		expect( ( await readProduct( admin, id ) ).regular_price ).toBe(
			'125.00'
		);
	} );

	test( 'a target changed since it was queued becomes a conflict, nothing written', async ( {
		site,
		admin,
	} ) => {
		const change = await queuedPriceChange( site, admin, '125.00' );
		await admin.put( `wp-json/wc/v3/products/${ change.id }`, {
			data: { regular_price: '140.00' },
		} );
		const item = await readApproval( admin, change.approvalId );
		const decided = await (
			await approve( admin, item.id, item.version )
		).json();
		expect( decided.state ).toBe( 'conflict' );
		expect( ( await readProduct( admin, change.id ) ).regular_price ).toBe(
			'140.00'
		);
	} );

	test( 'fifty simultaneous approvals of one item: one transition, one write', async ( {
		site,
		admin,
	} ) => {
		const { id, approvalId } = await queuedPriceChange(
			site,
			admin,
			'130.00'
		);
		const item = await readApproval( admin, approvalId );
		const before = await productSaves( admin, id );
		const responses = await Promise.all(
			Array.from( { length: 50 }, () =>
				raw(
					`${ site.url }/wp-json/agent-guard/v1/approvals/${ approvalId }/approve`,
					{
						method: 'POST',
						headers: {
							Authorization: adminAuthorization( site ),
							'Content-Type': 'application/json',
						},
						body: JSON.stringify( { version: item.version } ),
					}
				)
			)
		);
		const won = responses.filter( ( r ) => r.status === 200 );
		expect( won.length ).toBe( 1 );
		for ( const response of responses ) {
			expect( [ 200, 409 ] ).toContain( response.status );
		}
		const final = await readApproval( admin, approvalId );
		expect( final.state, JSON.stringify( final.result ) ).toBe(
			'executed'
		);
		expect( await productSaves( admin, id ) ).toBe( before + 1 );
		const events = await (
			await admin.get(
				`wp-json/agent-guard/v1/audit?approval_id=${ approvalId }&event_type=approval_approved`
			)
		).json();
		expect( events.length ).toBe( 1 );
	} );
} );

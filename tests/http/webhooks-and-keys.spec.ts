/**
 * Webhooks owned by agents, adopted WooCommerce keys and unregistered keys, from the wire.
 */
import { test, expect, createActiveAgent } from '../support/fixtures';
import { rawWithKey, sendJson } from '../support/http';
import { PolicyTemplatesForTests } from '../support/policies';
import {
	createWooCommerceKey,
	haltAgent,
	readAuditEvent,
	resumeAgent,
	type Json,
} from '../support/store';
import type { APIRequestContext } from '@playwright/test';

/**
 * What the test receiver got from one webhook about order updates since it was last emptied.
 *
 * @param admin     The administrator's REST client.
 * @param webhookId The webhook.
 */
async function orderUpdatesReceived(
	admin: APIRequestContext,
	webhookId: number
): Promise< Json[] > {
	const received = await (
		await admin.get( 'wp-json/agent-guard-test/v1/receiver' )
	).json();
	return received.filter(
		( r: { id: string; topic: string } ) =>
			r.id === String( webhookId ) && r.topic === 'order.updated'
	);
}

test.describe( 'webhooks owned by agents', () => {
	test( 'deliveries stop while the agent is halted and carry no customer details', async ( {
		site,
		admin,
	} ) => {
		const agent = await createActiveAgent( admin, 'read_only', {
			policy: PolicyTemplatesForTests.webhookOwner(),
		} );
		const receiver = `${ site.url }/wp-json/agent-guard-test/v1/receiver`;
		const created = await sendJson(
			`${ site.url }/wp-json/wc/v3/webhooks`,
			agent.token,
			{
				name: 'Agent hook',
				topic: 'order.updated',
				delivery_url: receiver,
				status: 'active',
			},
			{ method: 'POST' }
		);
		expect( created.status, created.text ).toBe( 201 );
		const order = await (
			await admin.post( 'wp-json/wc/v3/orders', {
				data: {
					status: 'processing',
					billing: {
						first_name: 'Ada',
						email: 'ada.hook@example.com',
						phone: '+44 1',
						address_1: '12 St James Square',
						country: 'GB',
					},
				},
			} )
		).json();
		await admin.delete( 'wp-json/agent-guard-test/v1/receiver' );

		await admin.put( `wp-json/wc/v3/orders/${ order.id }`, {
			data: { customer_note: 'first' },
		} );
		const deliveries = await orderUpdatesReceived( admin, created.json.id );
		expect( deliveries.length ).toBeGreaterThanOrEqual( 1 );
		expect(
			deliveries[ 0 ]?.body.billing?.email,
			JSON.stringify( deliveries[ 0 ]?.body ).slice( 0, 600 )
		).toBe( '[redacted]' );
		expect( deliveries[ 0 ]?.body.billing.country ).toBe( 'GB' );

		await haltAgent( admin, agent.id, 'webhook test' );
		await admin.delete( 'wp-json/agent-guard-test/v1/receiver' );
		await admin.put( `wp-json/wc/v3/orders/${ order.id }`, {
			data: { customer_note: 'while halted' },
		} );
		expect(
			( await orderUpdatesReceived( admin, created.json.id ) ).length
		).toBe( 0 );

		await resumeAgent( admin, agent.id );
		await admin.put( `wp-json/wc/v3/orders/${ order.id }`, {
			data: { customer_note: 'resumed' },
		} );
		expect(
			( await orderUpdatesReceived( admin, created.json.id ) ).length
		).toBeGreaterThanOrEqual( 1 );
	} );
} );

test.describe( 'existing WooCommerce keys', () => {
	test( 'an adopted key is identified as its agent and judged by its policy', async ( {
		site,
		admin,
	} ) => {
		const agent = await createActiveAgent( admin );
		const manager = await (
			await admin.post( 'wp-json/wp/v2/users', {
				data: {
					username: `keyowner${ Date.now() }`,
					password: 'a-long-password-1',
					email: `keyowner${ Date.now() }@example.com`,
					roles: [ 'shop_manager' ],
				},
			} )
		).json();
		const key = await createWooCommerceKey( admin, {
			user_id: manager.id,
			description: 'Legacy repricer',
			permissions: 'read_write',
		} );
		const adopted = await admin.post(
			'wp-json/agent-guard/v1/inventory/adopt',
			{
				data: {
					kind: 'wc_key',
					external_id: String( key.key_id ),
					agent_id: agent.id,
				},
			}
		);
		expect( adopted.status(), await adopted.text() ).toBe( 201 );

		const products = `${ site.url }/wp-json/wc/v3/products`;
		const read = await rawWithKey( 'GET', products, key );
		expect( read.status, read.text ).toBe( 200 );
		const eventId = read.headers.get( 'x-agent-guard-event' );
		expect( eventId ).toMatch( /^\d+$/ );
		const event = await readAuditEvent( admin, eventId );
		expect( event.agent_id ).toBe( agent.id );

		const write = await rawWithKey( 'POST', products, key, {
			name: 'Not allowed',
		} );
		expect( write.status ).toBe( 403 );
		expect( write.json.data.rule ).toBe( 'actions.allow.products:create' );
	} );

	test( 'the setting refuses writes from keys no agent adopted, reads pass', async ( {
		site,
		admin,
	} ) => {
		const key = await createWooCommerceKey( admin, {
			description: 'Unknown integration',
			permissions: 'read_write',
		} );
		await admin.post( 'wp-json/agent-guard/v1/settings', {
			data: { refuse_unregistered_key_writes: true },
		} );
		try {
			const products = `${ site.url }/wp-json/wc/v3/products`;
			const write = await rawWithKey( 'POST', products, key, {
				name: 'From an unknown key',
			} );
			expect( write.status ).toBe( 403 );
			expect( write.json.code ).toBe( 'agent_guard_unregistered_key' );
			const read = await rawWithKey( 'GET', products, key );
			expect( read.status ).toBe( 200 );
		} finally {
			await admin.post( 'wp-json/agent-guard/v1/settings', {
				data: { refuse_unregistered_key_writes: false },
			} );
		}
	} );
} );

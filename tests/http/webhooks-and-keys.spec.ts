/**
 * Webhooks owned by agents, adopted WooCommerce keys and unregistered keys, from the wire.
 */
import { test, expect, createAgent } from '../support/fixtures';
import { raw, jsonHeaders, oauthUrl } from '../support/http';
import { PolicyTemplatesForTests } from '../support/policies';

test.describe( 'webhooks owned by agents', () => {
	test( 'deliveries stop while the agent is halted and carry no customer details', async ( {
		site,
		admin,
	} ) => {
		const agent = await createAgent( admin, {
			mode: 'active',
			policy: PolicyTemplatesForTests.webhookOwner(),
		} );
		const receiver = `${ site.url }/wp-json/agent-guard-test/v1/receiver`;
		const created = await raw( `${ site.url }/wp-json/wc/v3/webhooks`, {
			method: 'POST',
			headers: jsonHeaders( agent.token ),
			body: JSON.stringify( {
				name: 'Agent hook',
				topic: 'order.updated',
				delivery_url: receiver,
				status: 'active',
			} ),
		} );
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
		let received = await (
			await admin.get( 'wp-json/agent-guard-test/v1/receiver' )
		).json();
		const deliveries = received.filter(
			( r: { id: string; topic: string } ) =>
				r.id === String( created.json.id ) &&
				r.topic === 'order.updated'
		);
		expect( deliveries.length ).toBeGreaterThanOrEqual( 1 );
		expect(
			deliveries[ 0 ].body.billing?.email,
			JSON.stringify( deliveries[ 0 ].body ).slice( 0, 600 )
		).toBe( '[redacted]' );
		expect( deliveries[ 0 ].body.billing.country ).toBe( 'GB' );

		await admin.post( `wp-json/agent-guard/v1/agents/${ agent.id }/halt`, {
			data: { halted: true, reason: 'webhook test' },
		} );
		await admin.delete( 'wp-json/agent-guard-test/v1/receiver' );
		await admin.put( `wp-json/wc/v3/orders/${ order.id }`, {
			data: { customer_note: 'while halted' },
		} );
		received = await (
			await admin.get( 'wp-json/agent-guard-test/v1/receiver' )
		).json();
		expect(
			received.filter(
				( r: { id: string; topic: string } ) =>
					r.id === String( created.json.id ) &&
					r.topic === 'order.updated'
			).length
		).toBe( 0 );

		await admin.post( `wp-json/agent-guard/v1/agents/${ agent.id }/halt`, {
			data: { halted: false },
		} );
		await admin.put( `wp-json/wc/v3/orders/${ order.id }`, {
			data: { customer_note: 'resumed' },
		} );
		received = await (
			await admin.get( 'wp-json/agent-guard-test/v1/receiver' )
		).json();
		expect(
			received.filter(
				( r: { id: string; topic: string } ) =>
					r.id === String( created.json.id ) &&
					r.topic === 'order.updated'
			).length
		).toBeGreaterThanOrEqual( 1 );
	} );
} );

test.describe( 'existing WooCommerce keys', () => {
	test( 'an adopted key is identified as its agent and judged by its policy', async ( {
		site,
		admin,
	} ) => {
		const agent = await createAgent( admin, {
			template: 'read_only',
			mode: 'active',
		} );
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
		const key = await (
			await admin.post( 'wp-json/agent-guard-test/v1/wc-keys', {
				data: {
					user_id: manager.id,
					description: 'Legacy repricer',
					permissions: 'read_write',
				},
			} )
		).json();
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

		const read = await raw(
			oauthUrl(
				'GET',
				`${ site.url }/wp-json/wc/v3/products`,
				key.consumer_key,
				key.consumer_secret
			)
		);
		expect( read.status, read.text ).toBe( 200 );
		const eventId = read.headers.get( 'x-agent-guard-event' );
		expect( eventId ).toMatch( /^\d+$/ );
		const event = await (
			await admin.get( `wp-json/agent-guard/v1/audit/${ eventId }` )
		).json();
		expect( event.agent_id ).toBe( agent.id );

		const write = await raw(
			oauthUrl(
				'POST',
				`${ site.url }/wp-json/wc/v3/products`,
				key.consumer_key,
				key.consumer_secret
			),
			{
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify( { name: 'Not allowed' } ),
			}
		);
		expect( write.status ).toBe( 403 );
		expect( write.json.data.rule ).toBe( 'actions.allow.products:create' );
	} );

	test( 'the setting refuses writes from keys no agent adopted, reads pass', async ( {
		site,
		admin,
	} ) => {
		const key = await (
			await admin.post( 'wp-json/agent-guard-test/v1/wc-keys', {
				data: {
					description: 'Unknown integration',
					permissions: 'read_write',
				},
			} )
		).json();
		await admin.post( 'wp-json/agent-guard/v1/settings', {
			data: { refuse_unregistered_key_writes: true },
		} );
		try {
			const write = await raw(
				oauthUrl(
					'POST',
					`${ site.url }/wp-json/wc/v3/products`,
					key.consumer_key,
					key.consumer_secret
				),
				{
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify( { name: 'From an unknown key' } ),
				}
			);
			expect( write.status ).toBe( 403 );
			expect( write.json.code ).toBe( 'agent_guard_unregistered_key' );
			const read = await raw(
				oauthUrl(
					'GET',
					`${ site.url }/wp-json/wc/v3/products`,
					key.consumer_key,
					key.consumer_secret
				)
			);
			expect( read.status ).toBe( 200 );
		} finally {
			await admin.post( 'wp-json/agent-guard/v1/settings', {
				data: { refuse_unregistered_key_writes: false },
			} );
		}
	} );
} );

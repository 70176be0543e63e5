/**
 * The store under test, set up and read back through the administrator's REST client:
 * products, approvals, halts, WooCommerce keys, audit events and the test helpers' ground truth
 * (saves counted per product); and an agent's update of a product, over raw HTTP (./http).
 */
import {
	expect,
	type APIRequestContext,
	type APIResponse,
} from '@playwright/test';
import { sendJson, type RawResponse, type WooCommerceKey } from './http';
import type { SiteInfo } from './site-info';

/** A JSON object as the REST API answers it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record< string, any >;

let counter = 0;

/**
 * Creates a simple product (regular price 100.00 unless the fields say otherwise) and fails the
 * test unless WooCommerce answers 201.
 *
 * @param admin  The administrator's REST client.
 * @param fields Product fields over the defaults.
 */
export async function createProduct(
	admin: APIRequestContext,
	fields: Record< string, unknown > = {}
): Promise< Json & { id: number } > {
	counter++;
	const response = await admin.post( 'wp-json/wc/v3/products', {
		data: {
			name: `Test product ${ Date.now() }-${ counter }`,
			type: 'simple',
			regular_price: '100.00',
			...fields,
		},
	} );
	expect( response.status(), await response.text() ).toBe( 201 );
	return response.json();
}

/**
 * A product as stored now (context=edit).
 *
 * @param admin The administrator's REST client.
 * @param id    Product id.
 */
export async function readProduct(
	admin: APIRequestContext,
	id: number
): Promise< Json > {
	const response = await admin.get(
		`wp-json/wc/v3/products/${ id }?context=edit`
	);
	expect( response.status(), await response.text() ).toBe( 200 );
	return response.json();
}

/**
 * The address of a product on the site's REST API.
 *
 * @param site  The site.
 * @param id    Product id.
 * @param query Query string, without its `?`.
 */
export function productUrl( site: SiteInfo, id: number, query = '' ): string {
	return `${ site.url }/wp-json/wc/v3/products/${ id }${
		query ? `?${ query }` : ''
	}`;
}

/**
 * An agent's update of a product over raw HTTP: PUT with its Bearer token and a JSON body.
 *
 * @param site    The site.
 * @param token   The agent's token.
 * @param id      Product id.
 * @param fields  The JSON body.
 * @param headers Further request headers.
 */
export function updateProductAs(
	site: SiteInfo,
	token: string,
	id: number,
	fields: unknown,
	headers: Record< string, string > = {}
): Promise< RawResponse > {
	return sendJson( productUrl( site, id ), token, fields, { headers } );
}

/**
 * How many times WooCommerce saved the product since the site was built (the test helpers'
 * ground truth, counted in a table of their own).
 *
 * @param admin The administrator's REST client.
 * @param id    Product id.
 */
export async function productSaves(
	admin: APIRequestContext,
	id: number
): Promise< number > {
	const response = await admin.get(
		`wp-json/agent-guard-test/v1/effects?target=product:${ id }`
	);
	expect( response.status(), await response.text() ).toBe( 200 );
	return ( await response.json() ).n;
}

/**
 * An approval item as the administrator sees it.
 *
 * @param admin The administrator's REST client.
 * @param id    Approval id.
 */
export async function readApproval(
	admin: APIRequestContext,
	id: number
): Promise< Json > {
	const response = await admin.get(
		`wp-json/agent-guard/v1/approvals/${ id }`
	);
	expect( response.status(), await response.text() ).toBe( 200 );
	return response.json();
}

/**
 * The administrator approves an item at the version they saw; the answer is returned unchecked.
 *
 * @param admin   The administrator's REST client.
 * @param id      Approval id.
 * @param version The version the decision is made on.
 */
export function approve(
	admin: APIRequestContext,
	id: number,
	version: number
): Promise< APIResponse > {
	return admin.post( `wp-json/agent-guard/v1/approvals/${ id }/approve`, {
		data: { version },
	} );
}

async function setAgentHalt(
	admin: APIRequestContext,
	id: number,
	data: { halted: boolean; reason?: string }
): Promise< void > {
	const response = await admin.post(
		`wp-json/agent-guard/v1/agents/${ id }/halt`,
		{ data }
	);
	expect( response.status(), await response.text() ).toBe( 200 );
}

/**
 * Halts one agent through the administrator.
 *
 * @param admin  The administrator's REST client.
 * @param id     Agent id.
 * @param reason Why.
 */
export function haltAgent(
	admin: APIRequestContext,
	id: number,
	reason: string
): Promise< void > {
	return setAgentHalt( admin, id, { halted: true, reason } );
}

/**
 * Lifts one agent's halt through the administrator.
 *
 * @param admin The administrator's REST client.
 * @param id    Agent id.
 */
export function resumeAgent(
	admin: APIRequestContext,
	id: number
): Promise< void > {
	return setAgentHalt( admin, id, { halted: false } );
}

/**
 * One audit event, as the administrator reads it.
 *
 * @param admin The administrator's REST client.
 * @param id    Event id (an `X-Agent-Guard-Event` header).
 */
export async function readAuditEvent(
	admin: APIRequestContext,
	id: number | string | null
): Promise< Json > {
	const response = await admin.get( `wp-json/agent-guard/v1/audit/${ id }` );
	expect( response.status(), await response.text() ).toBe( 200 );
	return response.json();
}

/**
 * Creates WooCommerce REST API keys directly (the test helpers' route), as an existing
 * integration would hold them.
 *
 * @param admin The administrator's REST client.
 * @param data  user_id (defaults to the administrator), description, permissions.
 */
export async function createWooCommerceKey(
	admin: APIRequestContext,
	data: Record< string, unknown >
): Promise< WooCommerceKey > {
	const response = await admin.post( 'wp-json/agent-guard-test/v1/wc-keys', {
		data,
	} );
	expect( response.ok(), await response.text() ).toBe( true );
	return response.json();
}

/**
 * Shared Playwright fixtures: the booted site, an admin REST client (application password),
 * agent helpers, and a logged-in wp-admin page.
 */
import {
	test as base,
	expect,
	request as playwrightRequest,
	type APIRequestContext,
	type Page,
} from '@playwright/test';
import { readSite, type SiteInfo } from './site-info';

export interface CreatedAgent {
	id: number;
	name: string;
	token: string;
	tokenId: number;
}

export interface AgentOptions {
	name?: string;
	template?: 'pricing' | 'inventory' | 'support' | 'marketing' | 'read_only';
	mode?: 'observe' | 'canary' | 'active' | 'paused';
	policy?: Record< string, unknown >;
	/** High-risk agents need two different approvers for every queued request. */
	risk_tier?: 'low' | 'medium' | 'high';
}

let counter = 0;

/**
 * Creates an agent through the plugin's REST API as the administrator, moves it to the wanted
 * mode (overriding the checklist with a reason) and issues a token.
 */
export async function createAgent(
	admin: APIRequestContext,
	options: AgentOptions = {}
): Promise< CreatedAgent > {
	counter++;
	const name = options.name ?? `Test agent ${ Date.now() }-${ counter }`;
	const created = await admin.post( 'wp-json/agent-guard/v1/agents', {
		data: {
			name,
			template: options.template ?? 'read_only',
			...( options.policy ? { policy: options.policy } : {} ),
			...( options.risk_tier ? { risk_tier: options.risk_tier } : {} ),
		},
	} );
	expect( created.status(), await created.text() ).toBe( 201 );
	const agent = await created.json();
	if ( options.mode && options.mode !== 'observe' ) {
		const moved = await admin.post(
			`wp-json/agent-guard/v1/agents/${ agent.id }/mode`,
			{
				data: {
					mode: options.mode,
					override_reason: 'Set up by the Playwright suite.',
				},
			}
		);
		expect( moved.status(), await moved.text() ).toBe( 200 );
	}
	const token = await admin.post(
		`wp-json/agent-guard/v1/agents/${ agent.id }/tokens`,
		{ data: { label: 'playwright' } }
	);
	expect( token.status(), await token.text() ).toBe( 201 );
	const tokenData = await token.json();
	return {
		id: agent.id,
		name,
		token: tokenData.secret,
		tokenId: tokenData.id,
	};
}

/**
 * An agent in active mode with a token: createAgent() with `mode: 'active'`.
 *
 * @param admin    The administrator's REST client.
 * @param template The policy template (read_only unless told otherwise).
 * @param options  Other agent options (name, policy, risk tier).
 */
export function createActiveAgent(
	admin: APIRequestContext,
	template: AgentOptions[ 'template' ] = 'read_only',
	options: Omit< AgentOptions, 'template' | 'mode' > = {}
): Promise< CreatedAgent > {
	return createAgent( admin, { ...options, template, mode: 'active' } );
}

/**
 * The administrator's `Authorization` header (Basic, with the application password), for
 * requests made outside the `admin` client.
 *
 * @param site The site.
 */
export function adminAuthorization( site: SiteInfo ): string {
	return (
		'Basic ' +
		Buffer.from(
			`${ site.admin.user }:${ site.install.app_password }`
		).toString( 'base64' )
	);
}

export function agentHeaders(
	token: string,
	extra: Record< string, string > = {}
): Record< string, string > {
	return { Authorization: `Bearer ${ token }`, ...extra };
}

/**
 * Logs in through wp-login.php. The form focuses and selects the user name field 200 ms
 * after it loads (wp_attempt_focus); typing before that can land in the wrong field, so the
 * focus is awaited and both values are checked before submitting.
 *
 * @param page     The page.
 * @param user     User name.
 * @param password Password.
 * @param loginUrl The login page (relative to baseURL, or absolute).
 */
export async function logIn(
	page: Page,
	user: string,
	password: string,
	loginUrl = '/wp-login.php'
): Promise< void > {
	await page.goto( loginUrl );
	const name = page.locator( '#user_login' );
	const pass = page.locator( '#user_pass' );
	await expect( name ).toBeFocused();
	await name.fill( user );
	await pass.fill( password );
	await expect( name ).toHaveValue( user );
	await expect( pass ).toHaveValue( password );
	await page.click( '#wp-submit' );
	await page.waitForURL( /wp-admin/ );
}

export async function loginAsAdmin(
	page: Page,
	site: SiteInfo
): Promise< void > {
	await logIn( page, site.admin.user, site.admin.password );
}

export const test = base.extend< {
	site: SiteInfo;
	admin: APIRequestContext;
	adminPage: Page;
} >( {
	// eslint-disable-next-line no-empty-pattern
	site: async ( {}, use ) => {
		await use( readSite() );
	},
	admin: async ( { site }, use ) => {
		const context = await playwrightRequest.newContext( {
			baseURL: site.url + '/',
			extraHTTPHeaders: { Authorization: adminAuthorization( site ) },
		} );
		await use( context );
		await context.dispose();
	},
	adminPage: async ( { page, site }, use ) => {
		await loginAsAdmin( page, site );
		await use( page );
	},
} );

export { expect };

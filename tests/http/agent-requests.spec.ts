/**
 * What an agent sees over HTTP: identification, recording, and the credential rules.
 */
import { test, expect, createActiveAgent } from '../support/fixtures';
import { raw, bearer, getAs } from '../support/http';
import { readAuditEvent } from '../support/store';
import type { APIRequestContext } from '@playwright/test';

/**
 * How many events the audit log holds.
 *
 * @param admin The administrator's REST client.
 */
async function auditTotal( admin: APIRequestContext ): Promise< number > {
	const response = await admin.get(
		'wp-json/agent-guard/v1/audit?per_page=1'
	);
	return Number( response.headers()[ 'x-wp-total' ] );
}

test.describe( 'agent requests', () => {
	test( 'an agent call is identified, recorded with its metadata and marked', async ( {
		site,
		admin,
	} ) => {
		const agent = await createActiveAgent( admin );
		const response = await getAs(
			`${ site.url }/wp-json/wc/v3/products?per_page=2`,
			agent.token,
			{
				'X-Agent-Rationale': 'Compare catalogue',
				'X-Agent-Confidence': '0.9',
				'X-Agent-Model': 'test-model',
				'X-Agent-Prompt-Version': 'p3',
				'X-Agent-Run-Id': 'run-77',
			}
		);
		expect( response.status ).toBe( 200 );
		const eventId = response.headers.get( 'x-agent-guard-event' );
		expect( eventId ).toMatch( /^\d+$/ );
		const event = await readAuditEvent( admin, eventId );
		expect( event ).toMatchObject( {
			agent_id: agent.id,
			event_type: 'agent_request',
			decision: 'allow',
			method: 'GET',
			route: '/wc/v3/products',
			status: 200,
			metadata: {
				rationale: 'Compare catalogue',
				confidence: '0.9',
				model: 'test-model',
				prompt_version: 'p3',
				run_id: 'run-77',
			},
		} );
		expect( event.duration_ms ).toBeGreaterThanOrEqual( 0 );
	} );

	test( 'requests without an agent token pass untouched and are not recorded', async ( {
		site,
		admin,
	} ) => {
		const before = await auditTotal( admin );
		const anonymous = await raw( `${ site.url }/wp-json/wc/v3/products` );
		expect( anonymous.status ).toBe( 401 );
		expect( anonymous.json.code ).toBe( 'woocommerce_rest_cannot_view' );
		expect( anonymous.headers.get( 'x-agent-guard-event' ) ).toBeNull();
		const human = await admin.get( 'wp-json/wc/v3/products?per_page=1' );
		expect( human.status() ).toBe( 200 );
		const after = await auditTotal( admin );
		expect( after ).toBe( before );
	} );

	test( 'a bad token gets the same 401 whatever part is wrong', async ( {
		site,
		admin,
	} ) => {
		const agent = await createActiveAgent( admin );
		const flipped =
			agent.token.slice( 0, -1 ) +
			( agent.token.endsWith( 'A' ) ? 'B' : 'A' );
		const bodies = new Set< string >();
		for ( const token of [
			flipped,
			'agk_' + 'Z'.repeat( 44 ),
			'agk_short',
			'agk_' + 'x'.repeat( 600 ),
		] ) {
			const response = await getAs(
				`${ site.url }/wp-json/wc/v3/products`,
				token
			);
			expect( response.status ).toBe( 401 );
			expect( response.json.code ).toBe( 'agent_guard_token_invalid' );
			bodies.add( response.text );
		}
		expect( bodies.size ).toBe( 1 );
	} );

	test( 'a token in the query string, a cookie or the body is refused and not evaluated', async ( {
		site,
		admin,
	} ) => {
		const agent = await createActiveAgent( admin );
		const query = await raw(
			`${ site.url }/wp-json/wc/v3/products?access_token=${ agent.token }`
		);
		expect( query.status ).toBe( 400 );
		expect( query.json.code ).toBe( 'agent_guard_token_in_wrong_place' );
		const cookie = await raw( `${ site.url }/wp-json/wc/v3/products`, {
			headers: { Cookie: `token=${ agent.token }` },
		} );
		expect( cookie.json.code ).toBe( 'agent_guard_token_in_wrong_place' );
		const body = await raw( `${ site.url }/wp-json/wc/v3/products`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify( { name: 'x', token: agent.token } ),
		} );
		expect( body.json.code ).toBe( 'agent_guard_token_in_wrong_place' );
		// The secret never reaches the audit log.
		const events = await (
			await admin.get( 'wp-json/agent-guard/v1/audit?per_page=50' )
		).text();
		expect( events ).not.toContain( agent.token.slice( 16 ) );
	} );

	test( 'an agent token together with another credential is refused', async ( {
		site,
		admin,
	} ) => {
		const agent = await createActiveAgent( admin );
		// A logged-in cookie and the token at once: never "whichever wins".
		const login = await fetch( `${ site.url }/wp-login.php`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				'Content-Type': 'application/x-www-form-urlencoded',
				Cookie: 'wordpress_test_cookie=WP%20Cookie%20check',
			},
			body: new URLSearchParams( {
				log: site.admin.user,
				pwd: site.admin.password,
				testcookie: '1',
			} ),
		} );
		const cookies = login.headers
			.getSetCookie()
			.map( ( c ) => c.split( ';' )[ 0 ] )
			.join( '; ' );
		const response = await raw( `${ site.url }/wp-json/wc/v3/products`, {
			headers: { ...bearer( agent.token ), Cookie: cookies },
		} );
		expect( response.status ).toBe( 400 );
		expect( response.json.code ).toBe( 'agent_guard_ambiguous_auth' );
	} );

	test( 'agents cannot use the plugin administration routes', async ( {
		site,
		admin,
	} ) => {
		const agent = await createActiveAgent( admin );
		for ( const [ method, path ] of [
			[ 'GET', 'agents' ],
			[ 'POST', 'agents' ],
			[ 'GET', 'audit' ],
			[ 'POST', `agents/${ agent.id }/tokens` ],
			[ 'POST', `agents/${ agent.id }/mode` ],
		] ) {
			// A body that satisfies every route's arguments, so only the permission can refuse.
			const response = await raw(
				`${ site.url }/wp-json/agent-guard/v1/${ path }`,
				{
					method,
					headers: bearer( agent.token, {
						'Content-Type': 'application/json',
					} ),
					body:
						method === 'GET'
							? undefined
							: JSON.stringify( {
									name: 'Sneaky',
									mode: 'active',
							  } ),
				}
			);
			expect( response.status, `${ method } ${ path }` ).toBe( 403 );
		}
	} );
} );

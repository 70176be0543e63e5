/**
 * The audit export over HTTP: served as the file it is (CSV or JSON Lines, with its
 * attachment name), not as a JSON-encoded string; people only, never agents.
 */
import { test, expect, createActiveAgent } from '../support/fixtures';
import { getAs } from '../support/http';

test.describe( 'audit export', () => {
	test( 'CSV and JSON Lines arrive as files holding the agent’s requests', async ( {
		site,
		admin,
	} ) => {
		const agent = await createActiveAgent( admin );
		const allowed = await getAs(
			`${ site.url }/wp-json/wc/v3/products?per_page=1`,
			agent.token
		);
		const refused = await getAs(
			`${ site.url }/wp-json/wc/v3/orders`,
			agent.token
		);
		expect( allowed.status ).toBe( 200 );
		expect( refused.status ).toBe( 403 );
		const ids = [ allowed, refused ].map( ( response ) =>
			Number( response.headers.get( 'x-agent-guard-event' ) )
		);
		expect( ids[ 0 ] ).toBeGreaterThan( 0 );
		expect( ids[ 1 ] ).toBeGreaterThan( ids[ 0 ] as number );

		const filter = `agent_id=${ agent.id }&event_type=agent_request`;
		const csv = await admin.get(
			`wp-json/agent-guard/v1/audit/export?format=csv&${ filter }`
		);
		expect( csv.status() ).toBe( 200 );
		expect( csv.headers()[ 'content-type' ] ).toContain( 'text/csv' );
		expect( csv.headers()[ 'content-disposition' ] ).toMatch(
			/^attachment; filename="agent-guard-audit-\d{8}-\d{6}\.csv"$/
		);
		const lines = ( await csv.text() ).trim().split( '\n' );
		expect( lines[ 0 ] ).toMatch( /^id,occurred_at,event_type,/ );
		expect( lines ).toHaveLength( 3 );
		expect( lines[ 1 ] ).toMatch( new RegExp( `^${ ids[ 0 ] },` ) );
		expect( lines[ 2 ] ).toMatch( new RegExp( `^${ ids[ 1 ] },` ) );
		expect( lines[ 2 ] ).toContain( 'data_access.orders' );

		const jsonl = await admin.get(
			`wp-json/agent-guard/v1/audit/export?format=jsonl&${ filter }`
		);
		expect( jsonl.headers()[ 'content-type' ] ).toContain(
			'application/x-ndjson'
		);
		const events = ( await jsonl.text() )
			.trim()
			.split( '\n' )
			.map( ( line ) => JSON.parse( line ) );
		expect( events.map( ( event ) => event.id ) ).toEqual( ids );
		expect( events[ 1 ].decision ).toBe( 'deny' );
	} );

	test( 'an agent cannot export the log', async ( { site, admin } ) => {
		const agent = await createActiveAgent( admin );
		const response = await getAs(
			`${ site.url }/wp-json/agent-guard/v1/audit/export`,
			agent.token
		);
		expect( response.status ).toBe( 403 );
		expect( response.json.code ).toBe( 'agent_guard_forbidden' );
	} );
} );

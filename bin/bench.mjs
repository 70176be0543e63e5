#!/usr/bin/env node
/**
 * `npm run bench`: what the guard costs, measured in one run on the production-like stack
 * (Debian PHP, MariaDB, `php -S`), the same requests with and without the guard (on one site:
 * requests marked X-Bench-Bare are served without Agent Guard loaded):
 *   - an allowed agent update of a product, an agent read, a non-agent request
 *     (server time per request and database queries per request, medians, as ratios);
 *   - the audit viewer's first page over 1,000,000 rows filtered by agent and time, and the
 *     approval queue over 10,000 pending items (server time).
 * Options: --iterations=300 --rows=1000000 --pending=10000 --skip-large
 * Results: printed, and written to .cache/bench/results.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createSite, runPhp, serveSite } from './lib/site.mjs';
import { mariaDbQuery, stopMariaDb } from './lib/mariadb.mjs';
import { ensureSystem } from './lib/system.mjs';
import { CACHE, ROOT } from './lib/wordpress.mjs';

const args = Object.fromEntries(
	process.argv.slice( 2 ).map( ( arg ) => {
		const [ key, value ] = arg.replace( /^--/, '' ).split( '=' );
		return [ key, value ?? true ];
	} )
);
const ITERATIONS = Number( args.iterations ?? 300 );
const ROWS = Number( args.rows ?? 1_000_000 );
const PENDING = Number( args.pending ?? 10_000 );

const median = ( values ) => {
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	const mid = Math.floor( sorted.length / 2 );
	return sorted.length % 2
		? sorted[ mid ]
		: ( sorted[ mid - 1 ] + sorted[ mid ] ) / 2;
};
const p90 = ( values ) =>
	[ ...values ].sort( ( a, b ) => a - b )[
		Math.floor( values.length * 0.9 )
	];

/**
 * A 95 % interval of the ratio of medians: the pairs (one request per side, run back to back)
 * resampled together 1,000 times. Seeded, so the same samples give the same interval. It shows
 * what one run can resolve; drift between runs comes on top.
 */
function ratioInterval( a, b, rounds = 1000 ) {
	// Park–Miller: exact in doubles, no bit operations.
	let seed = 20261121;
	const random = () => {
		seed = ( seed * 16807 ) % 2147483647;
		return seed / 2147483647;
	};
	const ratios = [];
	for ( let round = 0; round < rounds; round++ ) {
		const ra = [];
		const rb = [];
		for ( let i = 0; i < a.length; i++ ) {
			const pick = Math.floor( random() * a.length );
			ra.push( a[ pick ] );
			rb.push( b[ pick ] );
		}
		ratios.push( median( ra ) / median( rb ) );
	}
	ratios.sort( ( x, y ) => x - y );
	return [
		ratios[ Math.floor( rounds * 0.025 ) ],
		ratios[ Math.floor( rounds * 0.975 ) ],
	];
}

// Product updates with no envelope, approval or breaker in the way and limits far above the
// measured load; the HTTP kill-switch journey loads its agent with the same policy.
const benchPolicy = JSON.parse(
	fs.readFileSync(
		path.join( ROOT, 'tests/support/policies/permissive-writes.json' ),
		'utf8'
	)
);

async function timed( url, init ) {
	const started = process.hrtime.bigint();
	const response = await fetch( url, init );
	await response.arrayBuffer();
	const client = Number( process.hrtime.bigint() - started ) / 1e6;
	if ( response.status >= 400 ) {
		throw new Error(
			`${ init?.method ?? 'GET' } ${ url } answered ${ response.status }`
		);
	}
	return {
		client,
		server: Number( response.headers.get( 'x-bench-time' ) ),
		queries: Number( response.headers.get( 'x-bench-queries' ) ),
	};
}

async function pair( name, guarded, bare ) {
	const a = [];
	const b = [];
	for ( let i = 0; i < 30; i++ ) {
		await guarded( i );
		await bare( i );
	}
	for ( let i = 0; i < ITERATIONS; i++ ) {
		// Interleaved so that drift of the machine affects both sides alike.
		if ( i % 2 ) {
			a.push( await guarded( i ) );
			b.push( await bare( i ) );
		} else {
			b.push( await bare( i ) );
			a.push( await guarded( i ) );
		}
	}
	const row = {
		scenario: name,
		guarded_server_ms: median( a.map( ( x ) => x.server ) ),
		bare_server_ms: median( b.map( ( x ) => x.server ) ),
		guarded_client_ms: median( a.map( ( x ) => x.client ) ),
		bare_client_ms: median( b.map( ( x ) => x.client ) ),
		guarded_p90_server_ms: p90( a.map( ( x ) => x.server ) ),
		bare_p90_server_ms: p90( b.map( ( x ) => x.server ) ),
		guarded_queries: median( a.map( ( x ) => x.queries ) ),
		bare_queries: median( b.map( ( x ) => x.queries ) ),
	};
	row.server_ratio = row.guarded_server_ms / row.bare_server_ms;
	row.server_ratio_interval = ratioInterval(
		a.map( ( x ) => x.server ),
		b.map( ( x ) => x.server )
	);
	row.client_ratio = row.guarded_client_ms / row.bare_client_ms;
	row.extra_queries = row.guarded_queries - row.bare_queries;
	return row;
}

async function main() {
	ensureSystem( { mariadb: true } );
	console.log( 'Building a MariaDB site with Agent Guard…' );
	// Not in test mode (no test clock, no test helpers): only the benchmark probe is loaded. The
	// probe serves requests marked X-Bench-Bare without Agent Guard, so both sides of a pair run
	// on the same site, database and workers.
	const site = await createSite( {
		name: 'bench',
		db: 'mariadb',
		constants: { AGENT_GUARD_BENCH: true },
		testMode: false,
		muPlugins: [ 'agent-guard-bench.php' ],
	} );
	const demo = runPhp( site, path.join( ROOT, 'bin/php/seed-demo.php' ) );
	const agent = runPhp( site, path.join( ROOT, 'bin/php/create-agent.php' ), {
		name: 'Bench agent',
		policy: benchPolicy,
		mode: 'active',
		token_label: 'bench',
	} );
	const server = await serveSite( site, { workers: 4 } );
	const results = {
		measured_at: new Date().toISOString(),
		iterations: ITERATIONS,
		woocommerce: site.woocommerce?.real ? 'real' : 'stand-in',
		scenarios: [],
		large: {},
	};
	try {
		const admin =
			'Basic ' +
			Buffer.from( `admin:${ site.install.app_password }` ).toString(
				'base64'
			);
		// Each side writes its own product, so that neither repeats the other's price (a write
		// that changes nothing costs WooCommerce fewer queries); both sides read one product that
		// nothing writes, so that the reads differ only by the guard.
		const products = {
			guarded: `${ site.url }/wp-json/wc/v3/products/${ demo.products[ 0 ] }`,
			bare: `${ site.url }/wp-json/wc/v3/products/${ demo.products[ 1 ] }`,
			read: `${ site.url }/wp-json/wc/v3/products/${ demo.products[ 2 ] }`,
		};
		const bare = { 'X-Bench-Bare': '1' };
		const put = ( auth, i, extra = {} ) =>
			timed( extra[ 'X-Bench-Bare' ] ? products.bare : products.guarded, {
				method: 'PUT',
				headers: {
					Authorization: auth,
					'Content-Type': 'application/json',
					...extra,
				},
				body: JSON.stringify( {
					regular_price: i % 2 ? '12.00' : '12.01',
				} ),
			} );
		const get = ( auth, extra = {} ) =>
			timed( products.read, {
				headers: { Authorization: auth, ...extra },
			} );

		console.log(
			`Measuring ${ ITERATIONS } requests per side and scenario…`
		);
		results.scenarios.push(
			await pair(
				'allowed agent write (PUT product price)',
				( i ) => put( `Bearer ${ agent.token }`, i ),
				( i ) => put( admin, i, bare )
			)
		);
		results.scenarios.push(
			await pair(
				'agent read (GET product)',
				() => get( `Bearer ${ agent.token }` ),
				() => get( admin, bare )
			)
		);
		results.scenarios.push(
			await pair(
				'non-agent request (GET product as a person)',
				() => get( admin ),
				() => get( admin, bare )
			)
		);

		if ( ! args[ 'skip-large' ] ) {
			results.large = await large( site, admin, agent.agent_id );
		}
	} finally {
		await server.stop();
		if ( ! process.env.AGENT_GUARD_KEEP_MARIADB ) {
			stopMariaDb();
		}
	}
	print( results );
	fs.mkdirSync( path.join( CACHE, 'bench' ), { recursive: true } );
	fs.writeFileSync(
		path.join( CACHE, 'bench/results.json' ),
		JSON.stringify( results, null, '\t' )
	);
}

/**
 * Fills the audit log with ROWS events over 30 days for 10 agents, and the queue with PENDING
 * pending items, straight in SQL; then times the first pages.
 */
async function large( site, auth, agentId ) {
	const db = site.dbName;
	const sql = ( query ) => mariaDbQuery( site.mariadb, query, db );
	const start = Math.floor( Date.now() / 1000 ) - 30 * 86400;
	console.log(
		`Filling the audit log with ${ ROWS.toLocaleString() } rows and the queue with ${ PENDING.toLocaleString() } pending items…`
	);
	const offset = Number(
		sql(
			'SELECT COALESCE(MAX(id), 0) FROM wp_agent_guard_audit_events'
		).trim()
	);
	const t0 = Date.now();
	sql( `INSERT INTO wp_agent_guard_audit_events (id, prev_hash, hash, occurred_at_gmt, event_type, actor_type, actor_id, agent_id, action, target_type, target_id, decision, rule, method, route, status, duration_ms, approval_id, metadata, details)
		SELECT ${ offset } + seq, REPEAT('0', 64), SHA2(seq, 256), FROM_UNIXTIME(${ start } + FLOOR(seq * ${
			( 30 * 86400 ) / ROWS
		})), 'agent_request', 'agent', ${ agentId } + (seq MOD 10), ${ agentId } + (seq MOD 10),
			'products:update', 'product', seq MOD 5000, IF(seq MOD 7 = 0, 'deny', 'allow'), '', 'PUT', CONCAT('/wc/v3/products/', seq MOD 5000), 200, 40, 0, '{}', '{}'
		FROM seq_1_to_${ ROWS }` );
	sql( `INSERT INTO wp_agent_guard_approvals (agent_id, state, version, action, target_type, target_id, method, route, params, payload_hash, target_state, target_hash, diff, rule, reason, metadata, exposure, exposure_minor, required_approvals, decisions, created_at_gmt, expires_at_gmt)
		SELECT ${ agentId }, 'pending', 1, 'products:update', 'product', seq, 'PUT', CONCAT('/wc/v3/products/', seq), '{"regular_price":"10.00"}', SHA2(seq, 256), '{}', SHA2(seq, 256), '{}', 'approvals.price.max_change_percent_24h', 'bench', '{}', '{}', seq * 7 MOD 100000, 1, '[]',
			FROM_UNIXTIME(UNIX_TIMESTAMP() - seq), FROM_UNIXTIME(UNIX_TIMESTAMP() + 172800 - seq)
		FROM seq_1_to_${ PENDING }` );
	const fill = ( Date.now() - t0 ) / 1000;
	const from = new Date( ( start + 20 * 86400 ) * 1000 )
		.toISOString()
		.replace( /\.\d+Z$/, 'Z' );
	const to = new Date( ( start + 21 * 86400 ) * 1000 )
		.toISOString()
		.replace( /\.\d+Z$/, 'Z' );
	const pages = {
		'audit first page, one agent, one day of 30 (1M rows)': `${
			site.url
		}/wp-json/agent-guard/v1/audit?agent_id=${
			agentId + 3
		}&from=${ from }&to=${ to }&per_page=20`,
		'audit first page, one agent, no time filter': `${
			site.url
		}/wp-json/agent-guard/v1/audit?agent_id=${ agentId + 3 }&per_page=20`,
		'approval queue first page (10k pending), oldest first': `${ site.url }/wp-json/agent-guard/v1/approvals?state=pending&per_page=20`,
		'approval queue first page (10k pending), by exposure': `${ site.url }/wp-json/agent-guard/v1/approvals?state=pending&order=exposure&per_page=20`,
	};
	const out = { fill_seconds: fill, rows: ROWS, pending: PENDING, pages: {} };
	for ( const [ label, url ] of Object.entries( pages ) ) {
		const times = [];
		for ( let i = 0; i < 12; i++ ) {
			times.push(
				( await timed( url, { headers: { Authorization: auth } } ) )
					.server
			);
		}
		out.pages[ label ] = {
			median_server_ms: median( times.slice( 2 ) ),
			max_server_ms: Math.max( ...times.slice( 2 ) ),
		};
	}
	return out;
}

function print( results ) {
	console.log(
		`\nAgent Guard benchmark — ${ results.measured_at }, ${ results.iterations } requests per side, WooCommerce ${ results.woocommerce }, MariaDB, php -S\n`
	);
	console.log(
		'scenario'.padEnd( 46 ) +
			'guarded ms'.padStart( 11 ) +
			'bare ms'.padStart( 9 ) +
			'ratio'.padStart( 8 ) +
			'95 % interval'.padStart( 16 ) +
			'queries'.padStart( 9 ) +
			'extra'.padStart( 7 )
	);
	for ( const row of results.scenarios ) {
		console.log(
			row.scenario.padEnd( 46 ) +
				row.guarded_server_ms.toFixed( 2 ).padStart( 11 ) +
				row.bare_server_ms.toFixed( 2 ).padStart( 9 ) +
				`${ row.server_ratio.toFixed( 3 ) }×`.padStart( 8 ) +
				row.server_ratio_interval
					.map( ( x ) => x.toFixed( 3 ) )
					.join( '–' )
					.padStart( 16 ) +
				`${ row.guarded_queries }/${ row.bare_queries }`.padStart( 9 ) +
				String( row.extra_queries ).padStart( 7 )
		);
	}
	if ( results.large.pages ) {
		console.log(
			`\nLarge data (filled in ${ results.large.fill_seconds.toFixed(
				0
			) } s):`
		);
		for ( const [ label, page ] of Object.entries( results.large.pages ) ) {
			console.log(
				`  ${ label.padEnd( 58 ) } ${ page.median_server_ms
					.toFixed( 1 )
					.padStart( 8 ) } ms (max ${ page.max_server_ms.toFixed(
					1
				) })`
			);
		}
	}
	console.log(
		'\nServer time: from the start of the request until its REST answer is ready (X-Bench-Time); ratio of the medians, with a 95 % interval from resampling the pairs; queries counted with the `query` filter.'
	);
}

main().catch( ( error ) => {
	console.error( error.stack || error.message );
	process.exit( 1 );
} );

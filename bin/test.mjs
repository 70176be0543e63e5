#!/usr/bin/env node
/**
 * `npm test`: every suite, one command, in order — static checks, PHP unit, PHP integration
 * (SQLite and MariaDB), TS unit, HTTP (agent's view of a booted site; its concurrency
 * journeys again on MariaDB), Playwright e2e in Chromium (including the release zip installed
 * through wp-admin), and the `npm start` demo smoke test. Each suite prints how many tests ran; a summary closes the run.
 *
 * Options: --suite=a,b   run only these suites (names below)
 *          --skip=a,b    skip these suites
 *          --list        print the suite names
 * With AGENT_GUARD_WOOCOMMERCE_DIR set, every suite runs against that real WooCommerce.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/wordpress.mjs';
import { ensureSystem } from './lib/system.mjs';
import { createSite } from './lib/site.mjs';
import { stopMariaDb } from './lib/mariadb.mjs';

const args = Object.fromEntries(
	process.argv.slice( 2 ).map( ( arg ) => {
		const [ key, value ] = arg.replace( /^--/, '' ).split( '=' );
		return [ key, value ?? true ];
	} )
);

function run( command, argv, { env = {}, cwd = ROOT } = {} ) {
	return new Promise( ( resolve ) => {
		const child = spawn( command, argv, {
			cwd,
			env: { ...process.env, ...env },
			stdio: [ 'ignore', 'pipe', 'pipe' ],
		} );
		let output = '';
		child.stdout.on( 'data', ( chunk ) => {
			output += chunk;
			process.stdout.write( chunk );
		} );
		child.stderr.on( 'data', ( chunk ) => {
			output += chunk;
			process.stderr.write( chunk );
		} );
		child.on( 'close', ( code ) => resolve( { code: code ?? 1, output } ) );
	} );
}

function phpFiles() {
	const out = [];
	const skip = new Set( [
		'node_modules',
		'.cache',
		'.git',
		'vendor',
		'build',
		'dist',
	] );
	const walk = ( dir ) => {
		for ( const entry of fs.readdirSync( dir, { withFileTypes: true } ) ) {
			if ( skip.has( entry.name ) ) {
				continue;
			}
			const full = path.join( dir, entry.name );
			if ( entry.isDirectory() ) {
				walk( full );
			} else if ( entry.name.endsWith( '.php' ) ) {
				out.push( full );
			}
		}
	};
	walk( ROOT );
	return out;
}

const phpunitCount = ( output ) => {
	const ok = output.match( /OK \((\d+) tests?, (\d+) assertions?\)/ );
	if ( ok ) {
		return { passed: Number( ok[ 1 ] ), failed: 0 };
	}
	const bad = output.match(
		/Tests: (\d+), Assertions: \d+(?:, Errors: (\d+))?(?:, Failures: (\d+))?/
	);
	return bad
		? {
				passed:
					Number( bad[ 1 ] ) -
					Number( bad[ 2 ] ?? 0 ) -
					Number( bad[ 3 ] ?? 0 ),
				failed: Number( bad[ 2 ] ?? 0 ) + Number( bad[ 3 ] ?? 0 ),
		  }
		: null;
};
const playwrightCount = ( output ) => {
	const passed = output.match( /(\d+) passed/ );
	const failed = output.match( /(\d+) failed/ );
	if ( ! passed && ! failed ) {
		return null;
	}
	const flaky = output.match( /(\d+) flaky/ );
	return {
		passed: Number( passed?.[ 1 ] ?? 0 ),
		failed: Number( failed?.[ 1 ] ?? 0 ) + Number( flaky?.[ 1 ] ?? 0 ),
	};
};
const jestCount = ( output ) => {
	const line = output.match(
		/Tests:\s+(?:(\d+) failed, )?(?:\d+ skipped, )?(\d+) passed, (\d+) total/
	);
	if ( line ) {
		return {
			passed: Number( line[ 2 ] ),
			failed: Number( line[ 1 ] ?? 0 ),
		};
	}
	const failedOnly = output.match( /Tests:\s+(\d+) failed, (\d+) total/ );
	return failedOnly ? { passed: 0, failed: Number( failedOnly[ 1 ] ) } : null;
};

async function integration( db ) {
	const site = await createSite( { name: `integration-${ db }`, db } );
	const result = await run(
		'phpunit',
		[ '-c', 'tests/php/phpunit-integration.xml' ],
		{
			env: { AGENT_GUARD_TEST_SITE_DIR: site.wpDir },
		}
	);
	return { ...result, count: phpunitCount( result.output ) };
}

async function playwright( project, files = [], env = {} ) {
	const result = await run(
		path.join( ROOT, 'node_modules/.bin/playwright' ),
		[ 'test', `--project=${ project }`, ...files ],
		{ env }
	);
	return { ...result, count: playwrightCount( result.output ) };
}

const SUITES = {
	static: async () => {
		let checks = 0;
		const failures = [];
		const files = phpFiles();
		for ( let i = 0; i < files.length; i += 50 ) {
			const chunk = files.slice( i, i + 50 );
			const result = await run( 'sh', [
				'-c',
				chunk
					.map(
						( f ) =>
							`php -l '${ f }' >/dev/null || echo "FAIL ${ f }"`
					)
					.join( '; ' ),
			] );
			if ( /FAIL /.test( result.output ) ) {
				failures.push( 'php -l' );
			}
		}
		checks += files.length;
		console.log( `php -l: ${ files.length } files` );
		for ( const [ label, command, argv ] of [
			[ 'schemas', 'node', [ 'bin/generate-schemas.mjs', '--check' ] ],
			[
				'tsc',
				path.join( ROOT, 'node_modules/.bin/tsc' ),
				[ '--noEmit', '-p', 'tsconfig.json' ],
			],
			[
				'eslint',
				path.join( ROOT, 'node_modules/.bin/wp-scripts' ),
				[
					'lint-js',
					'--ext',
					'.js,.mjs,.ts,.tsx',
					'src',
					'tests',
					'bin',
					'playwright.config.ts',
					'jest.config.js',
				],
			],
			[ 'security greps', 'node', [ 'bin/check-security.mjs' ] ],
		] ) {
			const result = await run( command, argv );
			checks++;
			if ( result.code !== 0 ) {
				failures.push( label );
			} else {
				console.log( `${ label }: ok` );
			}
		}
		return {
			code: failures.length ? 1 : 0,
			count: {
				passed: checks - failures.length,
				failed: failures.length,
			},
			note: failures.length ? `failed: ${ failures.join( ', ' ) }` : '',
		};
	},
	'php-unit': async () => {
		const result = await run( 'phpunit', [
			'-c',
			'tests/php/phpunit-unit.xml',
		] );
		return { ...result, count: phpunitCount( result.output ) };
	},
	'php-integration': () => integration( 'sqlite' ),
	'php-integration-mariadb': () => integration( 'mariadb' ),
	'js-unit': async () => {
		const result = await run(
			path.join( ROOT, 'node_modules/.bin/wp-scripts' ),
			[ 'test-unit-js', '--ci' ],
			{ env: { CI: 'true' } }
		);
		return { ...result, count: jestCount( result.output ) };
	},
	build: async () => {
		const result = await run(
			path.join( ROOT, 'node_modules/.bin/wp-scripts' ),
			[ 'build' ]
		);
		const zip =
			result.code === 0
				? await run( 'node', [ 'bin/plugin-zip.mjs' ] )
				: result;
		return {
			code: zip.code,
			count: {
				passed: zip.code === 0 ? 2 : 0,
				failed: zip.code === 0 ? 0 : 1,
			},
			note: 'admin app bundle and agent-guard.zip',
		};
	},
	http: () => playwright( 'http' ),
	// The concurrency journeys again on MariaDB, the production database (row locks instead of
	// SQLite's single writer).
	'http-mariadb': () =>
		playwright(
			'http',
			[
				'tests/http/approvals.spec.ts',
				'tests/http/kill-switch.spec.ts',
				'tests/http/enforcement.spec.ts',
			],
			{
				AGENT_GUARD_E2E_DB: 'mariadb',
				AGENT_GUARD_E2E_SITE: 'playwright-mariadb',
				AGENT_GUARD_E2E_PORT: '8792',
			}
		),
	e2e: () => playwright( 'e2e' ),
	demo: async () => {
		const result = await run( 'node', [ 'tests/demo/start-smoke.mjs' ] );
		const match = result.output.match( /demo: (\d+) checks passed/ );
		return {
			...result,
			count: {
				passed: match ? Number( match[ 1 ] ) : 0,
				failed: result.code === 0 ? 0 : 1,
			},
		};
	},
};

if ( args.list ) {
	console.log( Object.keys( SUITES ).join( '\n' ) );
	process.exit( 0 );
}

const only = typeof args.suite === 'string' ? args.suite.split( ',' ) : null;
const skip = typeof args.skip === 'string' ? args.skip.split( ',' ) : [];
const unknown = [ ...( only ?? [] ), ...skip ].filter(
	( name ) => ! SUITES[ name ]
);
if ( unknown.length ) {
	console.error(
		`Unknown suite(s): ${ unknown.join( ', ' ) }. Known: ${ Object.keys(
			SUITES
		).join( ', ' ) }`
	);
	process.exit( 2 );
}
let selected = Object.keys( SUITES ).filter(
	( name ) => ( ! only || only.includes( name ) ) && ! skip.includes( name )
);
// The browser suite and the zip test need the built app and zip.
if (
	selected.includes( 'e2e' ) &&
	! selected.includes( 'build' ) &&
	! fs.existsSync( path.join( ROOT, 'agent-guard.zip' ) )
) {
	selected = [ 'build', ...selected ];
}

try {
	ensureSystem( {
		mariadb:
			selected.includes( 'php-integration-mariadb' ) ||
			selected.includes( 'http-mariadb' ),
		chromium: selected.includes( 'e2e' ),
	} );
} catch ( error ) {
	console.error( error.message );
	process.exit( 1 );
}

const wc = process.env.AGENT_GUARD_WOOCOMMERCE_DIR
	? `real WooCommerce at ${ process.env.AGENT_GUARD_WOOCOMMERCE_DIR }`
	: 'the WooCommerce stand-in';
console.log(
	`Agent Guard tests against ${ wc }: ${ selected.join( ', ' ) }\n`
);
const summary = [];
const started = Date.now();
for ( const name of selected ) {
	console.log( `\n━━━ ${ name } ━━━` );
	const t0 = Date.now();
	let result;
	try {
		result = await SUITES[ name ]();
	} catch ( error ) {
		console.error( error.stack || error.message );
		result = {
			code: 1,
			count: null,
			note: error.message.split( '\n' )[ 0 ],
		};
	}
	const seconds = ( ( Date.now() - t0 ) / 1000 ).toFixed( 1 );
	const count = result.count ?? {
		passed: 0,
		failed: result.code === 0 ? 0 : 1,
	};
	const ok = result.code === 0 && count.failed === 0 && count.passed > 0;
	summary.push( { name, ok, ...count, seconds, note: result.note ?? '' } );
	console.log(
		`━━━ ${ name }: ${ ok ? 'ok' : 'FAILED' } — ${ count.passed } passed, ${
			count.failed
		} failed (${ seconds } s)`
	);
}
if (
	( selected.includes( 'php-integration-mariadb' ) ||
		selected.includes( 'http-mariadb' ) ) &&
	! process.env.AGENT_GUARD_KEEP_MARIADB
) {
	stopMariaDb();
}

console.log( '\nSummary' );
for ( const row of summary ) {
	console.log(
		`  ${ row.ok ? '✔' : '✘' } ${ row.name.padEnd( 24 ) } ${ String(
			row.passed
		).padStart( 4 ) } passed ${ String( row.failed ).padStart(
			3
		) } failed  ${ row.seconds.padStart( 6 ) } s  ${ row.note }`
	);
}
const total = summary.reduce( ( n, row ) => n + row.passed, 0 );
console.log(
	`  ${ total } tests in ${ ( ( Date.now() - started ) / 1000 ).toFixed(
		0
	) } s against ${ wc }`
);
process.exit( summary.every( ( row ) => row.ok ) ? 0 : 1 );

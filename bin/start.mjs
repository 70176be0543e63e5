#!/usr/bin/env node
/**
 * `npm start`: the demo store, offline. WordPress 6.5.5 from @wp-playground/wordpress-builds
 * runs in PHP-WebAssembly (@wp-playground/cli, SQLite) with Agent Guard mounted from this
 * folder, WooCommerce (AGENT_GUARD_WOOCOMMERCE_DIR) or the test-only stand-in, a demo
 * catalogue and one demo agent with a fresh token. Prints the URL, the login and a curl
 * that makes an agent call; stays up until Ctrl-C.
 *
 * Options: --port=9400
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, CACHE, ensureWordPress } from './lib/wordpress.mjs';
import { portIsFree, woocommerceSource } from './lib/site.mjs';

const args = Object.fromEntries(
	process.argv.slice( 2 ).map( ( arg ) => {
		const [ key, value ] = arg.replace( /^--/, '' ).split( '=' );
		return [ key, value ?? true ];
	} )
);
const port = Number( args.port || process.env.PORT || 9400 );
const started = Date.now();

function fail( message ) {
	console.error( `\n✘ ${ message }\n` );
	process.exit( 1 );
}

if ( ! Number.isInteger( port ) || port < 1 || port > 65535 ) {
	fail( `"${ args.port }" is not a port number.` );
}
if ( ! ( await portIsFree( port ) ) ) {
	fail(
		`Port ${ port } is already in use. Stop what listens there, or start on another port: npm start -- --port=${
			port + 1
		}`
	);
}
if ( ! fs.existsSync( path.join( ROOT, 'build/index.js' ) ) ) {
	console.log( 'Building the admin app first (npm run build)…' );
	const build = spawn(
		path.join( ROOT, 'node_modules/.bin/wp-scripts' ),
		[ 'build' ],
		{ cwd: ROOT, stdio: 'inherit' }
	);
	const code = await new Promise( ( resolve ) =>
		build.on( 'close', resolve )
	);
	if ( code !== 0 ) {
		fail( 'The admin app did not build; see the output above.' );
	}
}

let woocommerce;
try {
	woocommerce = woocommerceSource();
} catch ( error ) {
	fail( error.message );
}

// A fresh copy of WordPress for every start: the demo always begins from the same state.
const base = path.join( CACHE, 'playground' );
const wpDir = path.join( base, 'wordpress' );
fs.rmSync( base, { recursive: true, force: true } );
fs.mkdirSync( base, { recursive: true } );
fs.cpSync( ensureWordPress(), wpDir, { recursive: true } );
fs.rmSync( path.join( wpDir, '.agent-guard-complete' ), { force: true } );
const outputFile = '/wordpress/wp-content/agent-guard-demo.json';
const hostOutput = path.join( wpDir, 'wp-content/agent-guard-demo.json' );

const blueprint = {
	preferredVersions: { php: '8.2', wp: '6.5' },
	features: { networking: false },
	steps: [
		{
			step: 'defineWpConfigConsts',
			consts: {
				WP_ENVIRONMENT_TYPE: 'local',
				DISABLE_WP_CRON: true,
				AUTOMATIC_UPDATER_DISABLED: true,
				WP_HTTP_BLOCK_EXTERNAL: true,
				AGENT_GUARD_DEMO_OUTPUT: outputFile,
			},
		},
		{
			step: 'setSiteOptions',
			options: {
				blogname: 'Agent Guard Demo Store',
				permalink_structure: '/%postname%/',
				timezone_string: 'UTC',
			},
		},
		{ step: 'activatePlugin', pluginPath: woocommerce.main },
		{ step: 'activatePlugin', pluginPath: 'agent-guard/agent-guard.php' },
		{
			step: 'runPHP',
			code: `<?php require '/wordpress/wp-load.php'; flush_rewrite_rules( false ); require '/wordpress/wp-content/plugins/agent-guard/bin/php/demo-setup.php';`,
		},
	],
};
const blueprintFile = path.join( base, 'blueprint.json' );
fs.writeFileSync( blueprintFile, JSON.stringify( blueprint, null, '\t' ) );

console.log(
	`Booting WordPress 6.5.5 (PHP 8.2 in WebAssembly, SQLite) with ${
		woocommerce.real
			? 'WooCommerce from ' + woocommerce.dir
			: 'the WooCommerce stand-in'
	}…`
);
const cli = path.join( ROOT, 'node_modules/.bin/wp-playground-cli' );
const child = spawn(
	cli,
	[
		'server',
		`--port=${ port }`,
		'--php=8.2',
		'--workers=4',
		`--mount-before-install=${ wpDir }:/wordpress`,
		`--mount=${ ROOT }:/wordpress/wp-content/plugins/agent-guard`,
		`--mount=${ woocommerce.dir }:/wordpress/wp-content/plugins/${ woocommerce.slug }`,
		'--wordpress-install-mode=install-from-existing-files',
		`--blueprint=${ blueprintFile }`,
		'--verbosity=normal',
	],
	{ cwd: ROOT, stdio: [ 'ignore', 'pipe', 'pipe' ], detached: true }
);
let log = '';
const logFile = path.join( base, 'playground.log' );
const onData = ( chunk ) => {
	log += chunk;
	fs.appendFileSync( logFile, chunk );
};
child.stdout.on( 'data', onData );
child.stderr.on( 'data', onData );

const stop = () => {
	try {
		process.kill( -child.pid, 'SIGTERM' );
	} catch {}
};
process.on( 'SIGINT', () => {
	console.log( '\nStopping the demo store.' );
	stop();
	process.exit( 0 );
} );
process.on( 'SIGTERM', () => {
	stop();
	process.exit( 0 );
} );

const exited = new Promise( ( resolve ) =>
	child.on( 'exit', ( code ) => resolve( code ) )
);
const deadline = Date.now() + 240_000;
let ready = false;
while ( Date.now() < deadline ) {
	const code = await Promise.race( [
		exited,
		new Promise( ( resolve ) =>
			setTimeout( () => resolve( 'wait' ), 250 )
		),
	] );
	if ( code !== 'wait' ) {
		fail(
			`WordPress Playground stopped while booting (exit ${ code }). Last lines of ${ logFile }:\n${ log
				.split( '\n' )
				.slice( -15 )
				.join( '\n' ) }`
		);
	}
	if ( /Ready!/.test( log ) && fs.existsSync( hostOutput ) ) {
		ready = true;
		break;
	}
	if (
		/Error|error:/.test( log ) &&
		/blueprint|step/i.test( log ) &&
		! /Ready!/.test( log ) &&
		/failed/i.test( log )
	) {
		stop();
		fail(
			`A setup step failed. Last lines of ${ logFile }:\n${ log
				.split( '\n' )
				.slice( -15 )
				.join( '\n' ) }`
		);
	}
}
if ( ! ready ) {
	stop();
	fail(
		`The demo store did not come up within 4 minutes. Last lines of ${ logFile }:\n${ log
			.split( '\n' )
			.slice( -15 )
			.join( '\n' ) }`
	);
}

const demo = JSON.parse( fs.readFileSync( hostOutput, 'utf8' ) );
fs.rmSync( hostOutput, { force: true } );
const url = `http://127.0.0.1:${ port }`;
// The first request after boot may answer with a redirect; warm the site up once.
await fetch( `${ url }/wp-json/`, { redirect: 'follow' } ).catch( () => {} );

const seconds = ( ( Date.now() - started ) / 1000 ).toFixed( 0 );
console.log( `
✔ Agent Guard demo store is up (${ seconds } s)

  Store       ${ url }
  wp-admin    ${ url }/wp-admin/admin.php?page=agent-guard
  Login       admin / password

  An agent call (the demo pricing agent reads three products):

  curl -s '${ url }/wp-json/wc/v3/products?per_page=3' \\
    -H 'Authorization: Bearer ${ demo.token }' \\
    -H 'X-Agent-Rationale: Checking competitor prices' \\
    -H 'X-Agent-Model: demo-model'

  It appears on the Overview in wp-admin. Ctrl-C stops the store.
` );
await exited;

#!/usr/bin/env node
/**
 * The `npm start` promise, checked as a new user would: boot the demo store, paste the
 * printed curl, and find that call on the Overview (in the data wp-admin hands the screen).
 * Also: a busy port gives a clear message, not a stack trace.
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import assert from 'node:assert/strict';

const ROOT = path.resolve(
	path.dirname( new URL( import.meta.url ).pathname ),
	'../..'
);
const checks = [];
const check = ( name, fn ) => checks.push( { name, fn } );

async function freePort() {
	return new Promise( ( resolve ) => {
		const server = net.createServer();
		server.listen( 0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close( () => resolve( port ) );
		} );
	} );
}

function start( port ) {
	const child = spawn( 'node', [ 'bin/start.mjs', `--port=${ port }` ], {
		cwd: ROOT,
		stdio: [ 'ignore', 'pipe', 'pipe' ],
		detached: true,
	} );
	let output = '';
	child.stdout.on( 'data', ( c ) => ( output += c ) );
	child.stderr.on( 'data', ( c ) => ( output += c ) );
	const done = new Promise( ( resolve ) =>
		child.on( 'exit', ( code ) => resolve( code ) )
	);
	return { child, done, output: () => output };
}

async function waitFor( get, pattern, ms ) {
	const deadline = Date.now() + ms;
	while ( Date.now() < deadline ) {
		if ( pattern.test( get() ) ) {
			return true;
		}
		await new Promise( ( r ) => setTimeout( r, 250 ) );
	}
	return false;
}

const port = await freePort();
const started = Date.now();
const demo = start( port );
let banner = '';

check(
	'npm start boots the demo store and prints URL, login and curl',
	async () => {
		const up = await waitFor( demo.output, /demo store is up|✘/, 240_000 );
		banner = demo.output();
		assert.ok(
			up && /demo store is up/.test( banner ),
			`no banner:\n${ banner.slice( -2000 ) }`
		);
		assert.match(
			banner,
			new RegExp( `http://127\\.0\\.0\\.1:${ port }` )
		);
		assert.match( banner, /Login\s+admin \/ password/ );
		assert.match( banner, /curl -s '.*\/wp-json\/wc\/v3\/products/ );
		console.log(
			`demo: booted in ${ ( ( Date.now() - started ) / 1000 ).toFixed(
				0
			) } s`
		);
	}
);

let eventId = '';
check( 'the printed curl makes an allowed agent call', async () => {
	const url = banner.match( /curl -s '([^']+)'/ )[ 1 ];
	const headers = Object.fromEntries(
		[ ...banner.matchAll( /-H '([^:]+): ([^']+)'/g ) ].map( ( m ) => [
			m[ 1 ],
			m[ 2 ],
		] )
	);
	const response = await fetch( url, { headers } );
	const body = await response.text();
	assert.equal( response.status, 200, body );
	eventId = response.headers.get( 'x-agent-guard-event' ) ?? '';
	assert.match( eventId, /^\d+$/ );
	const products = JSON.parse( body );
	assert.equal( products.length, 3 );
} );

check( 'the call shows up on the Overview', async () => {
	const base = `http://127.0.0.1:${ port }`;
	const login = await fetch( `${ base }/wp-login.php`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'Content-Type': 'application/x-www-form-urlencoded',
			Cookie: 'wordpress_test_cookie=WP%20Cookie%20check',
		},
		body: new URLSearchParams( {
			log: 'admin',
			pwd: 'password',
			testcookie: '1',
			'wp-submit': 'Log In',
			redirect_to: `${ base }/wp-admin/`,
		} ),
	} );
	const cookies = ( login.headers.getSetCookie?.() ?? [] )
		.map( ( c ) => c.split( ';' )[ 0 ] )
		.join( '; ' );
	assert.match( cookies, /wordpress_logged_in_/, 'login failed' );
	const page = await fetch( `${ base }/wp-admin/admin.php?page=agent-guard`, {
		headers: { Cookie: cookies },
		redirect: 'manual',
	} );
	const html = await page.text();
	assert.equal( page.status, 200 );
	assert.match( html, /id="agent-guard-root"[^>]*data-screen="overview"/ );
	// The Overview's first data is preloaded into the page: the call must be in it.
	assert.match(
		html,
		new RegExp( `\\\\"id\\\\":${ eventId }\\b|"id":${ eventId }\\b` ),
		'event not in the Overview data'
	);
	assert.match( html, /Checking competitor prices/ );
} );

check( 'a busy port gives a clear message, not a stack trace', async () => {
	const second = start( port );
	const code = await second.done;
	assert.notEqual( code, 0 );
	assert.match(
		second.output(),
		new RegExp( `Port ${ port } is already in use` )
	);
	assert.doesNotMatch( second.output(), /at .*\.mjs:\d+/ );
} );

let passed = 0;
try {
	for ( const { name, fn } of checks ) {
		await fn();
		passed++;
		console.log( `  ✔ ${ name }` );
	}
} catch ( error ) {
	console.error( `  ✘ ${ checks[ passed ].name }\n${ error.stack }` );
	process.exitCode = 1;
} finally {
	try {
		process.kill( -demo.child.pid, 'SIGINT' );
	} catch {}
}
console.log( `demo: ${ passed } checks passed` );
process.exit( process.exitCode ?? 0 );

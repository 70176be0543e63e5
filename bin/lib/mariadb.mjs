/**
 * A private MariaDB server for the production-like suites (concurrency, benchmarks,
 * integration on MySQL). It runs from .cache/mariadb on a Unix socket only, so it never
 * clashes with a system server, and is reused while it answers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { CACHE } from './wordpress.mjs';

const BASE = path.join( CACHE, 'mariadb' );
const INSTALL_HINT = 'apt-get install -y mariadb-server php-mysql';

function which( command ) {
	const result = spawnSync( 'sh', [ '-c', `command -v ${ command }` ], {
		encoding: 'utf8',
	} );
	return result.status === 0 ? result.stdout.trim() : null;
}

export function mariaDbQuery( server, sql, database = null ) {
	const args = [
		'--socket',
		server.socket,
		'-uroot',
		'--batch',
		'--skip-column-names',
	];
	if ( database ) {
		args.push( database );
	}
	args.push( '-e', sql );
	const result = spawnSync( server.client, args, { encoding: 'utf8' } );
	if ( result.status !== 0 ) {
		throw new Error(
			`MariaDB query failed: ${ result.stderr.trim() }\n${ sql }`
		);
	}
	return result.stdout;
}

function answers( server ) {
	const result = spawnSync(
		server.client,
		[ '--socket', server.socket, '-uroot', '-e', 'SELECT 1' ],
		{ encoding: 'utf8' }
	);
	return result.status === 0;
}

export async function ensureMariaDb() {
	const daemon =
		which( 'mariadbd' ) ||
		which( 'mysqld' ) ||
		( fs.existsSync( '/usr/sbin/mariadbd' ) ? '/usr/sbin/mariadbd' : null );
	const installDb =
		which( 'mariadb-install-db' ) || which( 'mysql_install_db' );
	const client = which( 'mariadb' ) || which( 'mysql' );
	if ( ! daemon || ! installDb || ! client ) {
		throw new Error(
			`MariaDB is not installed. Install it with: ${ INSTALL_HINT }`
		);
	}
	const server = {
		client,
		socket: path.join( BASE, 'mysqld.sock' ),
		datadir: path.join( BASE, 'data' ),
		pidFile: path.join( BASE, 'mysqld.pid' ),
		log: path.join( BASE, 'mysqld.log' ),
	};
	if ( fs.existsSync( server.socket ) && answers( server ) ) {
		return server;
	}
	fs.mkdirSync( BASE, { recursive: true } );
	if ( ! fs.existsSync( path.join( server.datadir, 'mysql' ) ) ) {
		fs.rmSync( server.datadir, { recursive: true, force: true } );
		const init = spawnSync(
			installDb,
			[
				'--user=root',
				`--datadir=${ server.datadir }`,
				'--auth-root-authentication-method=normal',
				'--skip-test-db',
			],
			{ encoding: 'utf8' }
		);
		if ( init.status !== 0 ) {
			throw new Error(
				`mariadb-install-db failed:\n${ init.stdout }\n${ init.stderr }`
			);
		}
	}
	const out = fs.openSync( server.log, 'a' );
	const child = spawn(
		daemon,
		[
			'--no-defaults',
			'--user=root',
			`--datadir=${ server.datadir }`,
			`--socket=${ server.socket }`,
			`--pid-file=${ server.pidFile }`,
			'--skip-networking',
			'--innodb-lock-wait-timeout=5',
			'--innodb-flush-log-at-trx-commit=2',
			'--max-connections=500',
			'--character-set-server=utf8mb4',
		],
		{ stdio: [ 'ignore', out, out ], detached: true }
	);
	child.unref();
	const deadline = Date.now() + 30000;
	while ( Date.now() < deadline ) {
		if ( fs.existsSync( server.socket ) && answers( server ) ) {
			return server;
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 200 ) );
	}
	throw new Error( `MariaDB did not start within 30 s; see ${ server.log }` );
}

export function stopMariaDb() {
	const pidFile = path.join( BASE, 'mysqld.pid' );
	if ( ! fs.existsSync( pidFile ) ) {
		return;
	}
	const pid = Number( fs.readFileSync( pidFile, 'utf8' ).trim() );
	try {
		process.kill( pid, 'SIGTERM' );
	} catch {}
}

/**
 * System packages the suites need. As root, missing Debian packages are installed; otherwise
 * the exact apt-get command is printed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

function phpModules() {
	try {
		return execFileSync( 'php', [ '-m' ], {
			encoding: 'utf8',
		} ).toLowerCase();
	} catch {
		return '';
	}
}

function has( command ) {
	return spawnSync( 'sh', [ '-c', `command -v ${ command }` ] ).status === 0;
}

export function missingPackages( { mariadb = false, chromium = false } = {} ) {
	const missing = [];
	if ( ! has( 'php' ) ) {
		missing.push( 'php-cli' );
	}
	const modules = phpModules();
	if ( ! modules.includes( 'pdo_sqlite' ) ) {
		missing.push( 'php-sqlite3' );
	}
	for ( const [ module, pkg ] of [
		[ 'mbstring', 'php-mbstring' ],
		[ 'xml', 'php-xml' ],
		[ 'curl', 'php-curl' ],
		[ 'intl', 'php-intl' ],
	] ) {
		if ( ! modules.includes( module ) ) {
			missing.push( pkg );
		}
	}
	if ( ! has( 'phpunit' ) ) {
		missing.push( 'phpunit' );
	}
	if ( mariadb ) {
		if ( ! modules.includes( 'mysqli' ) ) {
			missing.push( 'php-mysql' );
		}
		if ( ! has( 'mariadbd' ) && ! fs.existsSync( '/usr/sbin/mariadbd' ) ) {
			missing.push( 'mariadb-server' );
		}
	}
	if (
		chromium &&
		! fs.existsSync( process.env.CHROMIUM_PATH || '/usr/bin/chromium' )
	) {
		missing.push( 'chromium' );
	}
	return missing;
}

export function ensureSystem( needs ) {
	const missing = missingPackages( needs );
	if ( ! missing.length ) {
		return;
	}
	const command = `apt-get install -y --no-install-recommends ${ missing.join(
		' '
	) }`;
	if ( typeof process.getuid === 'function' && process.getuid() === 0 ) {
		console.log(
			`Installing missing system packages: ${ missing.join( ' ' ) }`
		);
		const update = spawnSync( 'apt-get', [ 'update', '-qq' ], {
			stdio: 'inherit',
		} );
		const install =
			update.status === 0
				? spawnSync(
						'sh',
						[
							'-c',
							`DEBIAN_FRONTEND=noninteractive ${ command } -qq`,
						],
						{ stdio: 'inherit' }
				  )
				: update;
		if ( install.status === 0 && ! missingPackages( needs ).length ) {
			return;
		}
	}
	throw new Error(
		`Missing system packages. Run as root:\n  apt-get update && ${ command }`
	);
}

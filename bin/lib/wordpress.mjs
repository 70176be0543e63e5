/**
 * WordPress core for every environment, taken offline from the npm package
 * `@wp-playground/wordpress-builds` (no wordpress.org download).
 *
 * The package stores each core as a zip without its static assets, which sit under
 * public/wp-<version>/; both are merged into .cache/wordpress/<version>/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { unzipSync } from 'fflate';

export const ROOT = path.resolve(
	path.dirname( new URL( import.meta.url ).pathname ),
	'../..'
);
export const CACHE = path.join( ROOT, '.cache' );

const BUILDS = {
	6.5: { zip: 'wp-6.5.zip', publicDir: 'wp-6.5', label: '6.5.5' },
	beta: { zip: 'wp-beta.zip', publicDir: 'wp-beta', label: '6.6-RC3' },
	nightly: {
		zip: 'wp-nightly.zip',
		publicDir: 'wp-nightly',
		label: '6.7-alpha',
	},
};

function buildsPackageDir() {
	const require = createRequire( import.meta.url );
	return path.dirname(
		require.resolve( '@wp-playground/wordpress-builds/package.json' )
	);
}

function extractZip( zipFile, destination, stripFirstDir = false ) {
	const entries = unzipSync( fs.readFileSync( zipFile ) );
	for ( const [ name, data ] of Object.entries( entries ) ) {
		let relative = name;
		if ( stripFirstDir ) {
			relative = name.split( '/' ).slice( 1 ).join( '/' );
		}
		if ( ! relative || relative.endsWith( '/' ) ) {
			continue;
		}
		const target = path.join( destination, relative );
		fs.mkdirSync( path.dirname( target ), { recursive: true } );
		fs.writeFileSync( target, data );
	}
}

/**
 * Returns the directory of a complete WordPress core of the given build, extracting it once.
 *
 * @param {string} build '6.5' (default), 'beta' or 'nightly'.
 */
export function ensureWordPress(
	build = process.env.AGENT_GUARD_WP_BUILD || '6.5'
) {
	const spec = BUILDS[ build ];
	if ( ! spec ) {
		throw new Error(
			`Unknown WordPress build "${ build }"; use one of ${ Object.keys(
				BUILDS
			).join( ', ' ) }.`
		);
	}
	const dir = path.join( CACHE, 'wordpress', build );
	const marker = path.join( dir, '.agent-guard-complete' );
	if ( fs.existsSync( marker ) ) {
		return dir;
	}
	fs.rmSync( dir, { recursive: true, force: true } );
	fs.mkdirSync( dir, { recursive: true } );
	const pkg = buildsPackageDir();
	extractZip( path.join( pkg, 'src/wordpress', spec.zip ), dir );
	fs.cpSync( path.join( pkg, 'public', spec.publicDir ), dir, {
		recursive: true,
	} );
	// Keep the core pristine: sites get their own wp-config.php.
	fs.rmSync( path.join( dir, 'wp-config.php' ), { force: true } );
	fs.writeFileSync( marker, spec.label + '\n' );
	return dir;
}

/** Returns the directory of the SQLite integration plugin, extracting it once. */
export function ensureSqliteIntegration() {
	const dir = path.join( CACHE, 'sqlite-database-integration' );
	if ( fs.existsSync( path.join( dir, 'load.php' ) ) ) {
		return dir;
	}
	fs.rmSync( dir, { recursive: true, force: true } );
	fs.mkdirSync( dir, { recursive: true } );
	extractZip(
		path.join(
			buildsPackageDir(),
			'src/sqlite-database-integration/sqlite-database-integration.zip'
		),
		dir,
		true
	);
	return dir;
}

export function wordpressLabel(
	build = process.env.AGENT_GUARD_WP_BUILD || '6.5'
) {
	return BUILDS[ build ]?.label ?? build;
}

#!/usr/bin/env node
/**
 * Command line for the native test sites: `node bin/site.mjs create <name> [--db=mariadb] [--demo] [--serve] [--port=N]`.
 * Prints the site description as JSON; with --serve, serves it until Ctrl-C.
 */
import { createSite, runPhp, serveSite } from './lib/site.mjs';
import { ROOT } from './lib/wordpress.mjs';
import path from 'node:path';
import fs from 'node:fs';

const [ command, name, ...rest ] = process.argv.slice( 2 );
const flags = Object.fromEntries(
	rest.map( ( arg ) => {
		const [ key, value ] = arg.replace( /^--/, '' ).split( '=' );
		return [ key, value ?? true ];
	} )
);

if ( command !== 'create' || ! name ) {
	console.error(
		'Usage: node bin/site.mjs create <name> [--db=mariadb] [--demo] [--serve] [--port=N]'
	);
	process.exit( 2 );
}

try {
	const site = await createSite( {
		name,
		db: flags.db === 'mariadb' ? 'mariadb' : 'sqlite',
		port: flags.port ? Number( flags.port ) : undefined,
	} );
	if ( flags.demo ) {
		site.demo = runPhp( site, path.join( ROOT, 'bin/php/seed-demo.php' ) );
		fs.writeFileSync(
			path.join( site.dir, 'demo.json' ),
			JSON.stringify( site.demo )
		);
	}
	console.log( JSON.stringify( { ...site, mariadb: undefined } ) );
	if ( flags.serve ) {
		// Not detached: the server dies with this process's group (Playwright's webServer kills it).
		const server = await serveSite( site, { detached: false } );
		console.error(
			`Serving ${ site.url } (admin / ${ site.admin.password }); Ctrl-C stops.`
		);
		for ( const signal of [ 'SIGINT', 'SIGTERM', 'SIGHUP' ] ) {
			process.on( signal, async () => {
				await server.stop();
				process.exit( 0 );
			} );
		}
	}
} catch ( error ) {
	console.error( error.message );
	process.exit( 1 );
}

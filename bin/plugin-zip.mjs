#!/usr/bin/env node
/**
 * `npm run plugin-zip`: agent-guard.zip from an allowlist — the PHP plugin, its schemas and
 * the built admin app. No tests, no WooCommerce stand-in, no TypeScript sources, no tooling.
 */
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';

const ROOT = path.resolve(
	path.dirname( new URL( import.meta.url ).pathname ),
	'..'
);
const ALLOW = [
	'agent-guard.php',
	'uninstall.php',
	'readme.txt',
	'CHANGELOG.md',
	'LICENSE',
	'includes',
	'schemas',
	'build',
	'languages',
];
const REQUIRED = [
	'agent-guard.php',
	'includes/Plugin.php',
	'schemas/policy.schema.json',
	'build/index.js',
	'build/index.asset.php',
	'readme.txt',
];

for ( const file of REQUIRED ) {
	if ( ! fs.existsSync( path.join( ROOT, file ) ) ) {
		console.error(
			`plugin-zip: ${ file } is missing${
				file.startsWith( 'build/' )
					? ' (run `npm run build` first)'
					: ''
			}.`
		);
		process.exit( 1 );
	}
}

const entries = {};
let count = 0;
const add = ( relative ) => {
	const full = path.join( ROOT, relative );
	if ( ! fs.existsSync( full ) ) {
		return;
	}
	const stat = fs.statSync( full );
	if ( stat.isDirectory() ) {
		for ( const child of fs.readdirSync( full ).sort() ) {
			add( path.join( relative, child ) );
		}
		return;
	}
	if ( /(^|\/)\.|\.map$|\.LICENSE\.txt$/.test( relative ) ) {
		return;
	}
	entries[ `agent-guard/${ relative }` ] = [
		fs.readFileSync( full ),
		{ mtime: new Date( '2026-01-01T00:00:00Z' ) },
	];
	count++;
};
ALLOW.forEach( add );
const forbidden = Object.keys( entries ).filter( ( name ) =>
	/\/(tests|src|node_modules|bin)\/|stand-in/.test( name )
);
if ( forbidden.length ) {
	console.error( `plugin-zip: refusing to ship ${ forbidden.join( ', ' ) }` );
	process.exit( 1 );
}
const zip = zipSync( entries, { level: 9 } );
fs.writeFileSync( path.join( ROOT, 'agent-guard.zip' ), zip );
console.log(
	`plugin-zip: agent-guard.zip, ${ count } files, ${ (
		zip.length / 1024
	).toFixed( 0 ) } KiB`
);

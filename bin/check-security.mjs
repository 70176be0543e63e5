#!/usr/bin/env node
/**
 * Static security checks on the shipped code (a stand-in for PHPCS security sniffs):
 * every REST route has a real permission_callback, no route is public, SQL goes through
 * prepare(), secrets are compared with hash_equals(), the admin app never injects HTML.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(
	path.dirname( new URL( import.meta.url ).pathname ),
	'..'
);
const problems = [];

function files( dir, ext ) {
	const out = [];
	for ( const entry of fs.readdirSync( dir, { withFileTypes: true } ) ) {
		const full = path.join( dir, entry.name );
		if ( entry.isDirectory() ) {
			if ( entry.name !== 'generated' ) {
				out.push( ...files( full, ext ) );
			}
		} else if ( ext.some( ( e ) => entry.name.endsWith( e ) ) ) {
			out.push( full );
		}
	}
	return out;
}

const php = [
	...files( path.join( ROOT, 'includes' ), [ '.php' ] ),
	path.join( ROOT, 'agent-guard.php' ),
	path.join( ROOT, 'uninstall.php' ),
];
let routes = 0;
for ( const file of php ) {
	const source = fs.readFileSync( file, 'utf8' );
	const rel = path.relative( ROOT, file );
	if (
		/__return_true/.test( source ) &&
		/permission_callback/.test( source )
	) {
		problems.push( `${ rel }: a permission_callback may be __return_true` );
	}
	const registrations = source.split( 'register_rest_route(' ).slice( 1 );
	for ( const block of registrations ) {
		routes++;
		const body = block.slice(
			0,
			block.indexOf( '\n\t\t);' ) > 0 ? block.indexOf( '\n\t\t);' ) : 4000
		);
		const handlers = ( body.match( /'callback'\s*=>/g ) || [] ).length;
		const permissions = (
			body.match( /'permission_callback'\s*=>\s*array\(\s*\$this,/g ) ||
			[]
		).length;
		if ( handlers !== permissions ) {
			problems.push(
				`${ rel }: a route has ${ handlers } handler(s) but ${ permissions } permission_callback method(s)`
			);
		}
	}
	for ( const [ index, line ] of source.split( '\n' ).entries() ) {
		if (
			/\$wpdb->(query|get_var|get_row|get_results|get_col)\(\s*"[^"]*\{?\$(?!table|agents|tokens|control|this->|wpdb->prefix)/.test(
				line
			) &&
			! /prepare/.test( line )
		) {
			problems.push(
				`${ rel }:${ index + 1 }: SQL with a variable outside prepare()`
			);
		}
		if (
			/\b(strcmp|==)\s*\(?\s*\$[a-z_]*(hash|secret|token)\b/i.test(
				line
			) &&
			! /hash_equals/.test( line )
		) {
			problems.push(
				`${ rel }:${ index + 1 }: compare secrets with hash_equals()`
			);
		}
	}
}
if ( routes === 0 ) {
	problems.push(
		'no register_rest_route() found: the check is looking in the wrong place'
	);
}
for ( const file of files( path.join( ROOT, 'src' ), [ '.ts', '.tsx' ] ) ) {
	const source = fs.readFileSync( file, 'utf8' );
	if ( /dangerouslySetInnerHTML|innerHTML\s*=/.test( source ) ) {
		problems.push( `${ path.relative( ROOT, file ) }: HTML injection` );
	}
	if ( /:\s*any\b|as any\b|<any>/.test( source ) ) {
		problems.push(
			`${ path.relative(
				ROOT,
				file
			) }: \`any\` type (use unknown and parse)`
		);
	}
}
if ( problems.length ) {
	console.error( problems.join( '\n' ) );
	process.exit( 1 );
}
console.log(
	`security greps: ${ php.length } PHP files, ${ routes } route registrations checked`
);

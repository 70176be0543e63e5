#!/usr/bin/env node
/**
 * Turns schemas/*.schema.json (the contract PHP validates with) into zod schemas and types
 * for the admin app: src/schemas/generated/<name>.ts. `--check` fails when the committed
 * files differ from what the schemas produce (CI runs it).
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(
	path.dirname( new URL( import.meta.url ).pathname ),
	'..'
);
const SCHEMAS = path.join( ROOT, 'schemas' );
const OUT = path.join( ROOT, 'src/schemas/generated' );
const vocabulary = JSON.parse(
	fs.readFileSync( path.join( SCHEMAS, 'vocabulary.json' ), 'utf8' )
);

const camel = ( name ) =>
	name.replace( /[-_](\w)/g, ( _, c ) => c.toUpperCase() );
const pascal = ( name ) =>
	camel( name ).replace( /^\w/, ( c ) => c.toUpperCase() );
const str = ( value ) => JSON.stringify( value );

function expand( schema ) {
	if ( Array.isArray( schema ) ) {
		return schema.map( expand );
	}
	if ( ! schema || typeof schema !== 'object' ) {
		return schema;
	}
	const out = {};
	for ( const [ key, value ] of Object.entries( schema ) ) {
		if ( key === 'x-agent-guard-enum' ) {
			out.enum = vocabulary[ value ];
		} else {
			out[ key ] = expand( value );
		}
	}
	return out;
}

function zodFor( schema, indent ) {
	const pad = '\t'.repeat( indent );
	let types = Array.isArray( schema.type ) ? schema.type : [ schema.type ];
	const nullable = types.includes( 'null' );
	types = types.filter( ( t ) => t !== 'null' && t !== undefined );
	let expr;
	if ( schema.enum && types.length <= 1 && types[ 0 ] === 'string' ) {
		expr = `z.enum( [ ${ schema.enum.map( str ).join( ', ' ) } ] )`;
	} else if ( schema.enum && schema.enum.length === 1 ) {
		expr = `z.literal( ${ str( schema.enum[ 0 ] ) } )`;
	} else if ( schema.enum ) {
		expr = `z.union( [ ${ schema.enum
			.map( ( v ) => `z.literal( ${ str( v ) } )` )
			.join( ', ' ) } ] )`;
	} else if ( types.length > 1 ) {
		expr = `z.union( [ ${ types
			.map( ( t ) => zodFor( { ...schema, type: t }, indent ) )
			.join( ', ' ) } ] )`;
	} else {
		switch ( types[ 0 ] ) {
			case 'string':
				expr = 'z.string()';
				if ( schema.format === 'email' ) {
					expr += '.email()';
				}
				if ( schema.minLength !== undefined ) {
					expr += `.min( ${ schema.minLength } )`;
				}
				if ( schema.maxLength !== undefined ) {
					expr += `.max( ${ schema.maxLength } )`;
				}
				if ( schema.pattern ) {
					expr += `.regex( new RegExp( ${ str(
						schema.pattern
					) } ) )`;
				}
				break;
			case 'integer':
			case 'number':
				expr =
					types[ 0 ] === 'integer'
						? 'z.number().int()'
						: 'z.number()';
				if ( schema.minimum !== undefined ) {
					expr += `.min( ${ schema.minimum } )`;
				}
				if ( schema.maximum !== undefined ) {
					expr += `.max( ${ schema.maximum } )`;
				}
				break;
			case 'boolean':
				expr = 'z.boolean()';
				break;
			case 'array':
				expr = `z.array( ${
					schema.items
						? zodFor( schema.items, indent )
						: 'z.unknown()'
				} )`;
				if ( schema.minItems !== undefined ) {
					expr += `.min( ${ schema.minItems } )`;
				}
				if ( schema.maxItems !== undefined ) {
					expr += `.max( ${ schema.maxItems } )`;
				}
				if ( schema.uniqueItems ) {
					expr += `.refine( ( items ) => new Set( items.map( ( item ) => JSON.stringify( item ) ) ).size === items.length, { message: 'Items must be unique.' } )`;
				}
				break;
			case 'object': {
				const properties = schema.properties ?? {};
				const required = new Set(
					Array.isArray( schema.required ) ? schema.required : []
				);
				const keys = Object.keys( properties );
				if (
					! keys.length &&
					schema.additionalProperties &&
					typeof schema.additionalProperties === 'object'
				) {
					expr = `z.record( z.string(), ${ zodFor(
						schema.additionalProperties,
						indent
					) } )`;
					break;
				}
				if (
					! keys.length &&
					schema.additionalProperties === undefined
				) {
					expr = 'z.record( z.string(), z.unknown() )';
					break;
				}
				const lines = keys.map( ( key ) => {
					const child = properties[ key ];
					const optional =
						required.has( key ) || child.required === true
							? ''
							: '.optional()';
					return `${ pad }\t${
						/^[a-z_][a-z0-9_]*$/i.test( key ) ? key : str( key )
					}: ${ zodFor( child, indent + 1 ) }${ optional },`;
				} );
				expr = `z.object( {\n${ lines.join( '\n' ) }\n${ pad }} )`;
				if ( schema.additionalProperties === false ) {
					expr += '.strict()';
				} else if (
					schema.additionalProperties &&
					typeof schema.additionalProperties === 'object'
				) {
					expr += `.catchall( ${ zodFor(
						schema.additionalProperties,
						indent
					) } )`;
				} else {
					expr += '.passthrough()';
				}
				break;
			}
			default:
				expr = 'z.unknown()';
		}
	}
	return nullable ? `${ expr }.nullable()` : expr;
}

function render( name, schema ) {
	const id = camel( name );
	return `/**
 * Generated from schemas/${ name }.schema.json by bin/generate-schemas.mjs. Do not edit:
 * change the JSON Schema and run \`npm run schemas\`.
 */
import { z } from 'zod';

export const ${ id }Schema = ${ zodFor( schema, 0 ) };

export type ${ pascal( name ) } = z.infer< typeof ${ id }Schema >;
`;
}

const files = fs
	.readdirSync( SCHEMAS )
	.filter( ( f ) => f.endsWith( '.schema.json' ) )
	.sort();
const outputs = new Map();
for ( const file of files ) {
	const name = file.replace( '.schema.json', '' );
	const schema = expand(
		JSON.parse( fs.readFileSync( path.join( SCHEMAS, file ), 'utf8' ) )
	);
	outputs.set( `${ name }.ts`, render( name, schema ) );
}
outputs.set(
	'vocabulary.ts',
	`/**
 * Generated from schemas/vocabulary.json by bin/generate-schemas.mjs. Do not edit.
 */
export const ACTIONS = ${ str( vocabulary.actions ) } as const;
export const RESOURCES = ${ str( vocabulary.resources ) } as const;
export type Action = ( typeof ACTIONS )[ number ];
export type Resource = ( typeof RESOURCES )[ number ];
`
);

if ( process.argv.includes( '--check' ) ) {
	const drift = [];
	for ( const [ file, content ] of outputs ) {
		const target = path.join( OUT, file );
		if (
			! fs.existsSync( target ) ||
			fs.readFileSync( target, 'utf8' ) !== content
		) {
			drift.push( file );
		}
	}
	const stale = fs.existsSync( OUT )
		? fs.readdirSync( OUT ).filter( ( f ) => ! outputs.has( f ) )
		: [];
	if ( drift.length || stale.length ) {
		console.error(
			`Generated schemas are out of date (${ [ ...drift, ...stale ].join(
				', '
			) }). Run \`npm run schemas\` and commit the result.`
		);
		process.exit( 1 );
	}
	console.log( `schemas: ${ outputs.size } generated files match schemas/` );
} else {
	fs.mkdirSync( OUT, { recursive: true } );
	for ( const file of fs.readdirSync( OUT ) ) {
		if ( ! outputs.has( file ) ) {
			fs.rmSync( path.join( OUT, file ) );
		}
	}
	for ( const [ file, content ] of outputs ) {
		fs.writeFileSync( path.join( OUT, file ), content );
	}
	console.log(
		`schemas: wrote ${ outputs.size } files to src/schemas/generated/`
	);
}

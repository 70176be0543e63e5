/**
 * The policy editor's draft: the document as plain JSON, read and written by dot paths
 * (`limits.writes_per_minute`, `actions.fields.products:update`), the same paths the
 * server names in its errors. A field may hold what a person typed but is not valid yet
 * (the text "abc" where a number belongs): the schema judges the draft when it is saved.
 */

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
	[ key: string ]: Json;
}

export function isJsonObject( value: unknown ): value is JsonObject {
	return (
		typeof value === 'object' && value !== null && ! Array.isArray( value )
	);
}

/**
 * A deep copy of decoded JSON (or of a parsed policy) as Json; `undefined` members are
 * left out, as JSON.stringify would.
 *
 * @param value Any JSON-like value.
 */
export function toJson( value: unknown ): Json {
	if (
		value === null ||
		typeof value === 'boolean' ||
		typeof value === 'string'
	) {
		return value;
	}
	if ( typeof value === 'number' ) {
		return Number.isFinite( value ) ? value : null;
	}
	if ( Array.isArray( value ) ) {
		return value.map( toJson );
	}
	if ( typeof value === 'object' ) {
		const out: JsonObject = {};
		for ( const [ key, item ] of Object.entries( value ) ) {
			if ( item !== undefined ) {
				out[ key ] = toJson( item );
			}
		}
		return out;
	}
	return null;
}

function segments( path: string ): string[] {
	return path === '' ? [] : path.split( '.' );
}

/**
 * The value at a dot path, or undefined when any step is missing. Numeric segments index
 * arrays (`actions.allow.2`).
 *
 * @param root The draft.
 * @param path Dot path.
 */
export function getAt(
	root: Json | undefined,
	path: string
): Json | undefined {
	let current: Json | undefined = root;
	for ( const key of segments( path ) ) {
		if ( Array.isArray( current ) && /^\d+$/.test( key ) ) {
			current = current[ Number( key ) ];
		} else if ( isJsonObject( current ) ) {
			current = Object.prototype.hasOwnProperty.call( current, key )
				? current[ key ]
				: undefined;
		} else {
			return undefined;
		}
	}
	return current;
}

/**
 * A copy of the draft with the value at `path` replaced; objects on the way are created
 * when missing. `undefined` removes the member.
 *
 * @param root  The draft (an object).
 * @param path  Dot path into objects (not arrays).
 * @param value The new value, or undefined to remove it.
 */
export function setAt(
	root: JsonObject,
	path: string,
	value: Json | undefined
): JsonObject {
	const parts = segments( path );
	const head = parts[ 0 ];
	if ( head === undefined ) {
		return root;
	}
	const rest = parts.slice( 1 );
	const copy: JsonObject = { ...root };
	if ( rest.length === 0 ) {
		if ( value === undefined ) {
			delete copy[ head ];
		} else {
			copy[ head ] = value;
		}
		return copy;
	}
	const child = copy[ head ];
	copy[ head ] = setAt(
		isJsonObject( child ) ? child : {},
		rest.join( '.' ),
		value
	);
	return copy;
}

/**
 * Whether two JSON values are the same document (object member order does not matter).
 *
 * @param a One value.
 * @param b The other.
 */
export function sameJson( a: Json | undefined, b: Json | undefined ): boolean {
	if ( a === b ) {
		return true;
	}
	if ( Array.isArray( a ) && Array.isArray( b ) ) {
		return (
			a.length === b.length &&
			a.every( ( item, index ) => sameJson( item, b[ index ] ) )
		);
	}
	if ( isJsonObject( a ) && isJsonObject( b ) ) {
		const keys = Object.keys( a );
		return (
			keys.length === Object.keys( b ).length &&
			keys.every(
				( key ) =>
					Object.prototype.hasOwnProperty.call( b, key ) &&
					sameJson( a[ key ], b[ key ] )
			)
		);
	}
	return false;
}

/**
 * Strings of a JSON array (anything else is ignored): the action lists of the draft.
 *
 * @param value The draft's value at some path.
 */
export function stringList( value: Json | undefined ): string[] {
	return Array.isArray( value )
		? value.filter( ( item ): item is string => typeof item === 'string' )
		: [];
}

/**
 * The only module that calls apiFetch. Fetchers (agents.ts, tokens.ts, audit.ts…) call
 * `getJson` / `sendJson` / `getCollection` and return `parse( schema, data )`.
 */

/**
 * External dependencies
 */
import { z } from 'zod';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { addQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import {
	ApiError,
	INVALID_RESPONSE,
	invalidResponseError,
	isResponseLike,
	toApiError,
} from './errors';
import { coercePhpEmptyObjects } from './php-json';

export const NAMESPACE = 'agent-guard/v1';

export type QueryArgs = Record< string, string | number | undefined >;

/**
 * `/agent-guard/v1/<route>?<args>`; undefined and empty args are left out, so the path
 * matches the ones Assets.php preloads.
 *
 * @param route Route under the namespace, without leading slash.
 * @param args  Query arguments.
 */
export function apiPath( route: string, args: QueryArgs = {} ): string {
	const present = Object.fromEntries(
		Object.entries( args ).filter(
			( [ , value ] ) => value !== undefined && value !== ''
		)
	);
	return addQueryArgs( `/${ NAMESPACE }/${ route }`, present );
}

/**
 * Parses decoded JSON with a schema (after undoing PHP's `[]`-for-`{}`); a mismatch
 * becomes an ApiError naming the field.
 *
 * @param schema The schema of the answer.
 * @param data   The decoded JSON.
 */
export function parse< S extends z.ZodTypeAny >(
	schema: S,
	data: unknown
): z.output< S > {
	const result = schema.safeParse( coercePhpEmptyObjects( schema, data ) );
	if ( ! result.success ) {
		throw invalidResponseError( result.error );
	}
	return result.data;
}

interface RequestOptions {
	signal?: AbortSignal;
}

/**
 * GET, decoded JSON (unknown until parsed).
 *
 * @param path    Path from apiPath().
 * @param options Abort signal.
 */
export async function getJson(
	path: string,
	options: RequestOptions = {}
): Promise< unknown > {
	try {
		return await apiFetch< unknown >( { path, signal: options.signal } );
	} catch ( error ) {
		throw await toApiError( error );
	}
}

/**
 * POST / PUT / DELETE with a JSON body, decoded JSON answer.
 *
 * @param method HTTP method.
 * @param path   Path from apiPath().
 * @param data   JSON body.
 */
export async function sendJson(
	method: 'POST' | 'PUT' | 'DELETE',
	path: string,
	data?: Record< string, unknown >
): Promise< unknown > {
	try {
		return await apiFetch< unknown >( { path, method, data } );
	} catch ( error ) {
		throw await toApiError( error );
	}
}

export interface Collection< T > {
	items: T[];
	/** X-WP-Total: items matching the filters, over all pages. */
	total: number;
	/** X-WP-TotalPages. */
	totalPages: number;
}

function headerInt( value: string | null ): number | null {
	if ( value === null || ! /^\d+$/.test( value.trim() ) ) {
		return null;
	}
	return Number( value.trim() );
}

/** A decoded JSON answer with its status and headers. */
export interface JsonResponse {
	body: unknown;
	status: number;
	header: ( name: string ) => string | null;
}

/**
 * GET, decoded JSON plus the headers (apiFetch with parse: false), for answers whose
 * headers matter: collections (X-WP-Total) and downloads (X-Agent-Guard-Filename).
 *
 * @param path    Path from apiPath().
 * @param options Abort signal.
 */
export async function getJsonResponse(
	path: string,
	options: RequestOptions = {}
): Promise< JsonResponse > {
	let response: unknown;
	try {
		response = await apiFetch< unknown >( {
			path,
			parse: false,
			signal: options.signal,
		} );
	} catch ( error ) {
		throw await toApiError( error );
	}
	if ( ! isResponseLike( response ) ) {
		throw new ApiError( {
			code: INVALID_RESPONSE,
			message: 'apiFetch( { parse: false } ) did not return a Response.',
		} );
	}
	let body: unknown;
	try {
		body = await response.json();
	} catch {
		throw new ApiError( {
			code: 'invalid_json',
			message: 'The response is not a valid JSON response.',
			status: response.status,
		} );
	}
	const { headers } = response;
	return {
		body,
		status: response.status,
		header: ( name ) => headers.get( name ),
	};
}

/**
 * GET a collection route: its items parsed with the item schema, plus X-WP-Total and
 * X-WP-TotalPages.
 *
 * @param itemSchema Schema of one item.
 * @param path       Path from apiPath().
 * @param options    Abort signal.
 */
export async function getCollection< S extends z.ZodTypeAny >(
	itemSchema: S,
	path: string,
	options: RequestOptions = {}
): Promise< Collection< z.output< S > > > {
	const response = await getJsonResponse( path, options );
	const items = parse( z.array( itemSchema ), response.body );
	const total = headerInt( response.header( 'X-WP-Total' ) );
	const totalPages = headerInt( response.header( 'X-WP-TotalPages' ) );
	return {
		items,
		total: total ?? items.length,
		totalPages: totalPages ?? 1,
	};
}

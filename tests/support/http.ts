/**
 * Raw HTTP for the agent's-view suites: exact headers and bodies (duplicate JSON keys, wrong
 * content types, method overrides), plus WooCommerce's OAuth 1.0a one-legged signatures.
 */
import crypto from 'node:crypto';

export interface RawResponse {
	status: number;
	headers: Headers;
	text: string;
	json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function raw(
	url: string,
	init: {
		method?: string;
		headers?: Record< string, string >;
		body?: string;
	} = {}
): Promise< RawResponse > {
	const response = await fetch( url, {
		method: init.method ?? 'GET',
		headers: init.headers,
		body: init.body,
		redirect: 'manual',
	} );
	const text = await response.text();
	let json: unknown = null;
	try {
		json = JSON.parse( text );
	} catch {}
	return { status: response.status, headers: response.headers, text, json };
}

export function bearer(
	token: string,
	extra: Record< string, string > = {}
): Record< string, string > {
	return { Authorization: `Bearer ${ token }`, ...extra };
}

export function jsonHeaders(
	token: string,
	extra: Record< string, string > = {}
): Record< string, string > {
	return bearer( token, { 'Content-Type': 'application/json', ...extra } );
}

/**
 * A request with a Bearer token and a JSON body (PUT unless told otherwise).
 *
 * @param url             Full address.
 * @param token           The agent's token.
 * @param body            Sent as JSON.
 * @param options         Method and further headers.
 * @param options.method  HTTP method (PUT by default).
 * @param options.headers Further headers.
 */
export function sendJson(
	url: string,
	token: string,
	body: unknown,
	options: { method?: string; headers?: Record< string, string > } = {}
): Promise< RawResponse > {
	return raw( url, {
		method: options.method ?? 'PUT',
		headers: jsonHeaders( token, options.headers ),
		body: JSON.stringify( body ),
	} );
}

/**
 * A GET with a Bearer token.
 *
 * @param url   Full address.
 * @param token The agent's token.
 * @param extra Further headers.
 */
export function getAs(
	url: string,
	token: string,
	extra: Record< string, string > = {}
): Promise< RawResponse > {
	return raw( url, { headers: bearer( token, extra ) } );
}

const encode = ( value: string ) =>
	encodeURIComponent( value ).replace(
		/[!'()*]/g,
		( c ) => '%' + c.charCodeAt( 0 ).toString( 16 ).toUpperCase()
	);

/**
 * Signs a request the way WooCommerce checks OAuth 1.0a over plain HTTP (HMAC-SHA256,
 * parameters in the query string).
 */
export function oauthUrl(
	method: string,
	url: string,
	consumerKey: string,
	consumerSecret: string
): string {
	const parsed = new URL( url );
	const params: Record< string, string > = {};
	parsed.searchParams.forEach( ( value, key ) => ( params[ key ] = value ) );
	Object.assign( params, {
		oauth_consumer_key: consumerKey,
		oauth_nonce: crypto.randomBytes( 16 ).toString( 'hex' ),
		oauth_signature_method: 'HMAC-SHA256',
		oauth_timestamp: String( Math.floor( Date.now() / 1000 ) ),
	} );
	const normalized = Object.keys( params )
		.sort()
		.map(
			( key ) =>
				`${ encode( key ) }%3D${ encode(
					encode( params[ key ] ?? '' )
				) }`
		)
		.join( '%26' );
	const base = `${ method.toUpperCase() }&${ encode(
		parsed.origin + parsed.pathname
	) }&${ normalized }`;
	const signature = crypto
		.createHmac( 'sha256', consumerSecret + '&' )
		.update( base )
		.digest( 'base64' );
	const query = new URLSearchParams( {
		...params,
		oauth_signature: signature,
	} );
	return `${ parsed.origin }${ parsed.pathname }?${ query.toString() }`;
}

/** WooCommerce REST API keys, as WooCommerce issues them. */
export interface WooCommerceKey {
	key_id: number;
	consumer_key: string;
	consumer_secret: string;
}

/**
 * A request signed with WooCommerce REST API keys (OAuth 1.0a over plain HTTP); a body is sent
 * as JSON.
 *
 * @param method HTTP method.
 * @param url    Full address.
 * @param key    The keys, as WooCommerce issued them.
 * @param body   JSON body, if any.
 */
export function rawWithKey(
	method: string,
	url: string,
	key: Pick< WooCommerceKey, 'consumer_key' | 'consumer_secret' >,
	body?: unknown
): Promise< RawResponse > {
	const signed = oauthUrl(
		method,
		url,
		key.consumer_key,
		key.consumer_secret
	);
	if ( body === undefined ) {
		return raw( signed, { method } );
	}
	return raw( signed, {
		method,
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify( body ),
	} );
}

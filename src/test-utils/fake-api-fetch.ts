/**
 * A stand-in for apiFetch in unit tests (the network boundary): routes by method and
 * path, answers like apiFetch does — the decoded body, or with `parse: false` a
 * Response-like object; errors thrown the same two ways.
 *
 *     jest.mocked( apiFetch as ApiFetchCall ).mockImplementation( fakeApiFetch( {
 *         'GET /agent-guard/v1/agents': () => reply( [ makeAgent() ], { total: 1 } ),
 *     } ) );
 */

/**
 * WordPress dependencies
 */
import type { APIFetchOptions } from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import type { ResponseLike } from '../api/errors';

export interface FakeReply {
	status: number;
	body: unknown;
	headers: Record< string, string >;
}

export type FakeRoute = ( options: APIFetchOptions ) => FakeReply;

/** apiFetch's call signature, for `jest.mocked( apiFetch as ApiFetchCall )`. */
export type ApiFetchCall = ( options: APIFetchOptions ) => Promise< unknown >;

/**
 * A 2xx answer; `total` sets X-WP-Total (and X-WP-TotalPages = 1).
 *
 * @param body           The JSON body.
 * @param options        Status and total.
 * @param options.status
 * @param options.total
 */
export function reply(
	body: unknown,
	options: { status?: number; total?: number } = {}
): FakeReply {
	const headers: Record< string, string > = {};
	if ( options.total !== undefined ) {
		headers[ 'X-WP-Total' ] = String( options.total );
		headers[ 'X-WP-TotalPages' ] = '1';
	}
	return { status: options.status ?? 200, body, headers };
}

/**
 * A WordPress REST error answer.
 *
 * @param status  HTTP status.
 * @param code    Error code.
 * @param message Message.
 * @param path    The field it is about.
 */
export function wpError(
	status: number,
	code: string,
	message: string,
	path?: string
): FakeReply {
	return {
		status,
		body: { code, message, data: path ? { status, path } : { status } },
		headers: {},
	};
}

export function responseLike( answer: FakeReply ): ResponseLike {
	const headers = Object.fromEntries(
		Object.entries( answer.headers ).map( ( [ name, value ] ) => [
			name.toLowerCase(),
			value,
		] )
	);
	return {
		status: answer.status,
		headers: {
			get: ( name: string ) => headers[ name.toLowerCase() ] ?? null,
		},
		json: async () => answer.body,
	};
}

/**
 * An apiFetch implementation answering from `routes` ("METHOD /path", query ignored).
 * An unknown route fails the test loudly.
 *
 * @param routes Route => answer.
 */
export function fakeApiFetch(
	routes: Record< string, FakeRoute >
): ApiFetchCall {
	return async ( options ) => {
		const method = options.method ?? 'GET';
		const path = ( options.path ?? '' ).split( '?' )[ 0 ];
		const route = routes[ `${ method } ${ path }` ];
		if ( ! route ) {
			throw new Error(
				`No fake answer for ${ method } ${ options.path }`
			);
		}
		const answer = route( options );
		const parse = options.parse ?? true;
		if ( answer.status >= 400 ) {
			throw parse ? answer.body : responseLike( answer );
		}
		return parse ? answer.body : responseLike( answer );
	};
}

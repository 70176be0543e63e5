/**
 * External dependencies
 */
import { z } from 'zod';

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

interface ApiErrorFields {
	code: string;
	message: string;
	status?: number | null;
	path?: string | null;
	data?: Record< string, unknown >;
}

/**
 * Every failure of the API client: a WordPress REST error (`code`, `message`,
 * `data.status`, `data.path`), no network, or an answer that did not match its schema.
 */
export class ApiError extends Error {
	readonly code: string;
	readonly status: number | null;
	readonly path: string | null;
	/** The error's whole `data` member (e.g. `open_items` of agent_guard_checklist_open). */
	readonly data: Record< string, unknown >;

	constructor( {
		code,
		message,
		status = null,
		path = null,
		data = {},
	}: ApiErrorFields ) {
		super( message );
		this.name = 'ApiError';
		this.code = code;
		this.status = status;
		this.path = path;
		this.data = data;
	}

	/** A refusal the same request would meet again (4xx): not worth retrying. */
	get isClientError(): boolean {
		return this.status !== null && this.status >= 400 && this.status < 500;
	}
}

/** Code of an answer that did not have the shape its schema promises. */
export const INVALID_RESPONSE = 'agent_guard_invalid_response';

const wpRestErrorSchema = z.object( {
	code: z.string(),
	message: z.string(),
	data: z
		.object( {
			status: z.number().int().optional(),
			path: z.string().optional(),
		} )
		.passthrough()
		.nullish(),
} );

/** What `apiFetch( { parse: false } )` resolves to or throws: a fetch Response. */
export interface ResponseLike {
	status: number;
	headers: { get: ( name: string ) => string | null };
	json: () => Promise< unknown >;
}

export function isResponseLike( value: unknown ): value is ResponseLike {
	if ( typeof value !== 'object' || value === null ) {
		return false;
	}
	const candidate = value as Partial< Record< keyof ResponseLike, unknown > >;
	return (
		typeof candidate.status === 'number' &&
		typeof candidate.json === 'function' &&
		typeof candidate.headers === 'object' &&
		candidate.headers !== null
	);
}

/**
 * Turns a schema mismatch into an ApiError that names the first field that was wrong.
 *
 * @param error The zod error.
 */
export function invalidResponseError( error: z.ZodError ): ApiError {
	const issue = error.issues[ 0 ];
	const path = issue ? issue.path.join( '.' ) : '';
	return new ApiError( {
		code: INVALID_RESPONSE,
		message: sprintf(
			/* translators: 1: field path such as "0.metadata", 2: what was wrong. */
			__(
				'The server answered in an unexpected shape (%1$s: %2$s).',
				'agent-guard'
			),
			path || __( 'the whole answer', 'agent-guard' ),
			issue ? issue.message : ''
		),
		path: path || null,
	} );
}

/**
 * A server message as plain text. WordPress's fatal-error handler answers REST requests
 * with HTML in `message` ("<p>There has been a critical error…</p>"); the app shows
 * messages as text, so the markup is reduced to its words here (parsed inertly, never
 * inserted into the page).
 *
 * @param message The message as sent.
 */
export function plainText( message: string ): string {
	if ( ! /<[a-z/!]/i.test( message ) || typeof DOMParser === 'undefined' ) {
		return message;
	}
	const doc = new DOMParser().parseFromString( message, 'text/html' );
	doc.querySelectorAll( 'p, br, li, div' ).forEach( ( element ) =>
		element.append( ' ' )
	);
	return ( doc.body.textContent ?? '' ).replace( /\s+/g, ' ' ).trim();
}

function fromWpRestError( body: unknown, status: number | null ): ApiError {
	const parsed = wpRestErrorSchema.safeParse( body );
	if ( ! parsed.success ) {
		return new ApiError( {
			code: 'unknown_error',
			message:
				status === null
					? __( 'An unknown error occurred.', 'agent-guard' )
					: sprintf(
							/* translators: %d: HTTP status code. */
							__(
								'The server answered with HTTP %d.',
								'agent-guard'
							),
							status
					  ),
			status,
		} );
	}
	const { code, message, data } = parsed.data;
	return new ApiError( {
		code,
		message: plainText( message ),
		status: data?.status ?? status,
		path: data?.path ?? null,
		data: data ?? {},
	} );
}

/**
 * Normalises whatever apiFetch threw into an ApiError: the parsed error body (parse: true),
 * a Response (parse: false), a zod error, or anything else.
 *
 * @param error What was thrown.
 */
export async function toApiError( error: unknown ): Promise< ApiError > {
	if ( error instanceof ApiError ) {
		return error;
	}
	if ( error instanceof z.ZodError ) {
		return invalidResponseError( error );
	}
	if ( isResponseLike( error ) ) {
		let body: unknown = null;
		try {
			body = await error.json();
		} catch {
			body = null;
		}
		return fromWpRestError( body, error.status );
	}
	if ( wpRestErrorSchema.safeParse( error ).success ) {
		return fromWpRestError( error, null );
	}
	if ( error instanceof Error ) {
		return new ApiError( { code: error.name, message: error.message } );
	}
	return fromWpRestError( error, null );
}

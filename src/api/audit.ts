/**
 * Fetchers of `audit`, `audit/<id>` and `audit/verify`, and the address of `audit/export`.
 */

/**
 * External dependencies
 */
import { z } from 'zod';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import {
	auditEventSchema,
	auditVerifySchema,
	type AuditEvent,
	type AuditVerify,
} from '../schemas';
import {
	apiPath,
	getCollection,
	getJson,
	parse,
	type Collection,
	type QueryArgs,
} from './client';

/** The filters GET audit accepts (all optional; `from` / `to` are ISO 8601). */
export interface AuditFilters {
	agent_id?: number;
	action?: string;
	decision?: string;
	event_type?: string;
	target_type?: string;
	target_id?: string;
	approval_id?: number;
	from?: string;
	to?: string;
	before_id?: number;
	page?: number;
	per_page?: number;
	/** 0: no X-WP-Total (spares a count over millions of rows). */
	count?: 0 | 1;
}

/** The filters that select events, without paging (what GET audit/export accepts too). */
export type AuditSelection = Omit<
	AuditFilters,
	'before_id' | 'page' | 'per_page' | 'count'
>;

/** The event type of a request an agent made (AgentRequestLog::EVENT_TYPE). */
export const AGENT_REQUEST = 'agent_request';

/** GET audit's largest `per_page` (RestController::paging_args()). */
export const AUDIT_MAX_PER_PAGE = 100;

export function fetchAuditEvents(
	filters: AuditFilters = {},
	signal?: AbortSignal
): Promise< Collection< AuditEvent > > {
	return getCollection(
		auditEventSchema,
		apiPath( 'audit', { ...filters } ),
		{
			signal,
		}
	);
}

/** One page of the log, newest first, read by id (keyset) rather than by offset. */
export interface AuditPage {
	items: AuditEvent[];
	/**
	 * The `before_id` of the next, older page; null when this page holds the oldest
	 * matching event.
	 */
	nextBeforeId: number | null;
}

/**
 * A page of `size` events older than `beforeId` (the newest ones without it). One more
 * event than shown is asked for, so whether older ones exist is known without counting
 * the matching rows; X-WP-Total is not read.
 *
 * @param selection The filters.
 * @param beforeId  The id of the last event already shown, or undefined for the first page.
 * @param size      Events per page (at most AUDIT_MAX_PER_PAGE - 1).
 * @param signal    Abort signal.
 */
export async function fetchAuditPage(
	selection: AuditSelection,
	beforeId: number | undefined,
	size: number,
	signal?: AbortSignal
): Promise< AuditPage > {
	const perPage = Math.min( Math.max( 1, size ) + 1, AUDIT_MAX_PER_PAGE );
	const page = await fetchAuditEvents(
		{ ...selection, before_id: beforeId, per_page: perPage, count: 0 },
		signal
	);
	const shown = page.items.slice( 0, perPage - 1 );
	const last = shown[ shown.length - 1 ];
	return {
		items: shown,
		nextBeforeId:
			page.items.length === perPage && last !== undefined
				? last.id
				: null,
	};
}

/**
 * One event with its states and details (needs agent_guard_audit).
 *
 * @param id     The event id.
 * @param signal Abort signal.
 */
export async function fetchAuditEvent(
	id: number,
	signal?: AbortSignal
): Promise< AuditEvent > {
	const data = await getJson( apiPath( `audit/${ id }` ), { signal } );
	return parse( auditEventSchema, data );
}

/**
 * Verifies the hash chain of the whole log, oldest first (needs agent_guard_audit). Reads
 * every row: slow over a large log.
 *
 * @param signal Abort signal.
 */
export async function verifyAuditLog(
	signal?: AbortSignal
): Promise< AuditVerify > {
	const data = await getJson( apiPath( 'audit/verify' ), { signal } );
	return parse( auditVerifySchema, data );
}

export type AuditExportFormat = 'csv' | 'jsonl';

/** How many events one export file holds (AuditController's default `limit`). */
export const AUDIT_EXPORT_LIMIT = 10000;

/**
 * The REST nonce apiFetch sends as X-WP-Nonce. WordPress puts it in
 * `wp.apiFetch.nonceMiddleware` (script-loader.php) and apiFetch replaces it there when it
 * fetches a fresh one, so this is read when needed, not once.
 *
 * @param source Where the nonce middleware lives (apiFetch).
 * @return The nonce, or null when the page has none.
 */
export function currentRestNonce( source: unknown = apiFetch ): string | null {
	const middleware = member( source, 'nonceMiddleware' );
	const nonce = z
		.string()
		.min( 1 )
		.safeParse( member( middleware, 'nonce' ) );
	return nonce.success ? nonce.data : null;
}

/**
 * A property of an object or of a function (apiFetch and its middlewares are functions
 * with properties, which z.object() does not accept).
 *
 * @param holder The object or function.
 * @param name   The property.
 */
function member( holder: unknown, name: string ): unknown {
	if (
		typeof holder === 'function' ||
		( typeof holder === 'object' && holder !== null )
	) {
		return ( holder as Record< string, unknown > )[ name ];
	}
	return undefined;
}

/**
 * A REST path under the site's REST root, the way apiFetch's root URL middleware joins
 * them (with plain permalinks the root is `…/?rest_route=/` and the path's `?` becomes `&`).
 *
 * @param restUrl The REST root (initial state `restUrl`, ends with a slash).
 * @param path    A path from apiPath() (starts with a slash).
 */
export function restUrlFor( restUrl: string, path: string ): string {
	let relative = path.replace( /^\//, '' );
	if ( restUrl.includes( '?' ) ) {
		relative = relative.replace( '?', '&' );
	}
	return restUrl + relative;
}

/**
 * The address of GET audit/export for the filters on screen. A browser download cannot
 * send X-WP-Nonce, so the cookie's nonce travels as `_wpnonce`, which WordPress's REST
 * server accepts the same way. The file holds the oldest AUDIT_EXPORT_LIMIT matching
 * events, oldest first.
 *
 * @param options           What to export.
 * @param options.restUrl   The REST root.
 * @param options.nonce     The REST nonce (currentRestNonce()).
 * @param options.format    CSV or JSON Lines.
 * @param options.selection The filters.
 */
export function auditExportUrl( {
	restUrl,
	nonce,
	format,
	selection,
}: {
	restUrl: string;
	nonce: string;
	format: AuditExportFormat;
	selection: AuditSelection;
} ): string {
	const args: QueryArgs = { format, ...selection, _wpnonce: nonce };
	return restUrlFor( restUrl, apiPath( 'audit/export', args ) );
}

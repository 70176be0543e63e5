/**
 * The log's filters live in the URL, so a filtered view can be linked and survives a
 * reload: `&agent=4&event_type=agent_request&decision=deny&agent_action=products:update
 * &target_type=product&target_id=12&approval=9&from=2026-11-21T06:00:00Z&to=…`, plus
 * `&event=<id>` for the open event. (`action` itself is not used: wp-admin/admin.php
 * treats `?action=` as an admin action.) A value the REST API would refuse reads as no
 * filter.
 */

/**
 * WordPress dependencies
 */
import { useCallback } from '@wordpress/element';
import { addQueryArgs, removeQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import type { AuditSelection } from '../../../api/audit';
import { useQueryArg } from '../../../hooks/use-query-arg';

/** The filters as the screen holds them; null is "any". */
export interface AuditScreenFilters {
	agentId: number | null;
	eventType: string | null;
	decision: string | null;
	action: string | null;
	targetType: string | null;
	targetId: string | null;
	approvalId: number | null;
	/** ISO 8601 (UTC). */
	from: string | null;
	/** ISO 8601 (UTC). */
	to: string | null;
}

export const NO_FILTERS: AuditScreenFilters = {
	agentId: null,
	eventType: null,
	decision: null,
	action: null,
	targetType: null,
	targetId: null,
	approvalId: null,
	from: null,
	to: null,
};

/** Filter => query argument of the admin page. */
export const FILTER_ARGS: Record< keyof AuditScreenFilters, string > = {
	agentId: 'agent',
	eventType: 'event_type',
	decision: 'decision',
	action: 'agent_action',
	targetType: 'target_type',
	targetId: 'target_id',
	approvalId: 'approval',
	from: 'from',
	to: 'to',
};

/** The open event's query argument. */
export const EVENT_ARG = 'event';

// The patterns AuditController::filter_args() enforces.
const EVENT_TYPE = /^[a-z_]{1,40}$/;
const DECISION = /^[a-z_]{1,24}$/;
const ACTION = /^[a-z_]+:[a-z_]+$/;
const TARGET_TYPE = /^[a-z_]{1,30}$/;
export const TARGET_ID_MAX = 64;

/**
 * A positive integer id, or null.
 *
 * @param value The query argument.
 */
export function parseId( value: string | undefined ): number | null {
	if ( value === undefined || ! /^[1-9]\d{0,15}$/.test( value ) ) {
		return null;
	}
	return Number( value );
}

function matching( pattern: RegExp, value: string | undefined ) {
	return value !== undefined && pattern.test( value ) ? value : null;
}

export const parseEventType = ( value: string | undefined ) =>
	matching( EVENT_TYPE, value );
export const parseDecision = ( value: string | undefined ) =>
	matching( DECISION, value );
export const parseAction = ( value: string | undefined ) =>
	matching( ACTION, value );
export const parseTargetType = ( value: string | undefined ) =>
	matching( TARGET_TYPE, value );

export function parseTargetId( value: string | undefined ): string | null {
	const trimmed = value?.trim() ?? '';
	return trimmed !== '' && trimmed.length <= TARGET_ID_MAX ? trimmed : null;
}

/**
 * An ISO 8601 time normalised to UTC without milliseconds, or null.
 *
 * @param value The query argument.
 */
export function parseTime( value: string | undefined ): string | null {
	if ( value === undefined || ! /^\d{4}-\d{2}-\d{2}T/.test( value ) ) {
		return null;
	}
	const time = Date.parse( value );
	return Number.isNaN( time ) ? null : toIsoSeconds( time );
}

function toIsoSeconds( time: number ): string {
	return new Date( time ).toISOString().replace( /\.\d{3}Z$/, 'Z' );
}

function pad( value: number ): string {
	return String( value ).padStart( 2, '0' );
}

/**
 * An ISO time as the value of an `<input type="datetime-local">`, in the reader's time
 * zone, to the minute.
 *
 * @param iso ISO 8601 time, or null.
 */
export function isoToLocalInput( iso: string | null ): string {
	if ( iso === null ) {
		return '';
	}
	const time = new Date( iso );
	if ( Number.isNaN( time.getTime() ) ) {
		return '';
	}
	return `${ time.getFullYear() }-${ pad( time.getMonth() + 1 ) }-${ pad(
		time.getDate()
	) }T${ pad( time.getHours() ) }:${ pad( time.getMinutes() ) }`;
}

/**
 * The value of an `<input type="datetime-local">` (the reader's time zone) as ISO 8601
 * UTC. The end of a range covers the whole minute it names.
 *
 * @param value       `YYYY-MM-DDTHH:mm`, or ''.
 * @param endOfMinute Whether to add 59 seconds (the `to` of a range).
 * @return ISO 8601, null for '', undefined when the value is not a time.
 */
export function localInputToIso(
	value: string,
	endOfMinute = false
): string | null | undefined {
	if ( value.trim() === '' ) {
		return null;
	}
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(
		value.trim()
	);
	if ( ! match ) {
		return undefined;
	}
	const [ , year, month, day, hours, minutes, seconds ] = match;
	let second = endOfMinute ? 59 : 0;
	if ( seconds !== undefined ) {
		second = Number( seconds );
	}
	const time = new Date(
		Number( year ),
		Number( month ) - 1,
		Number( day ),
		Number( hours ),
		Number( minutes ),
		second
	).getTime();
	return Number.isNaN( time ) ? undefined : toIsoSeconds( time );
}

/**
 * The filters from the page's query arguments.
 *
 * @param read Reads one query argument.
 */
export function filtersFromArgs(
	read: ( arg: string ) => string | undefined
): AuditScreenFilters {
	return {
		agentId: parseId( read( FILTER_ARGS.agentId ) ),
		eventType: parseEventType( read( FILTER_ARGS.eventType ) ),
		decision: parseDecision( read( FILTER_ARGS.decision ) ),
		action: parseAction( read( FILTER_ARGS.action ) ),
		targetType: parseTargetType( read( FILTER_ARGS.targetType ) ),
		targetId: parseTargetId( read( FILTER_ARGS.targetId ) ),
		approvalId: parseId( read( FILTER_ARGS.approvalId ) ),
		from: parseTime( read( FILTER_ARGS.from ) ),
		to: parseTime( read( FILTER_ARGS.to ) ),
	};
}

/**
 * The page URL with these filters (and without an open event).
 *
 * @param href    The current URL.
 * @param filters The filters to show.
 */
export function urlWithFilters(
	href: string,
	filters: AuditScreenFilters
): string {
	const keys = Object.keys( FILTER_ARGS ) as Array<
		keyof AuditScreenFilters
	>;
	const cleared = removeQueryArgs(
		href,
		EVENT_ARG,
		...keys.map( ( key ) => FILTER_ARGS[ key ] )
	);
	const present: Record< string, string > = {};
	for ( const key of keys ) {
		const value = filters[ key ];
		if ( value !== null ) {
			present[ FILTER_ARGS[ key ] ] = String( value );
		}
	}
	return Object.keys( present ).length > 0
		? addQueryArgs( cleared, present )
		: cleared;
}

export function hasFilters( filters: AuditScreenFilters ): boolean {
	return Object.values( filters ).some( ( value ) => value !== null );
}

/**
 * What GET audit and GET audit/export are asked for.
 *
 * @param filters The screen's filters.
 */
export function toSelection( filters: AuditScreenFilters ): AuditSelection {
	return {
		agent_id: filters.agentId ?? undefined,
		event_type: filters.eventType ?? undefined,
		decision: filters.decision ?? undefined,
		action: filters.action ?? undefined,
		target_type: filters.targetType ?? undefined,
		target_id: filters.targetId ?? undefined,
		approval_id: filters.approvalId ?? undefined,
		from: filters.from ?? undefined,
		to: filters.to ?? undefined,
	};
}

/**
 * The filters from the URL and a setter that writes them all as one history entry (so
 * the back button undoes one "Apply", not one field at a time).
 */
export function useAuditFilters(): {
	filters: AuditScreenFilters;
	setFilters: ( filters: AuditScreenFilters ) => void;
} {
	const [ agent ] = useQueryArg( FILTER_ARGS.agentId );
	const [ eventType ] = useQueryArg( FILTER_ARGS.eventType );
	const [ decision ] = useQueryArg( FILTER_ARGS.decision );
	const [ action ] = useQueryArg( FILTER_ARGS.action );
	const [ targetType ] = useQueryArg( FILTER_ARGS.targetType );
	const [ targetId ] = useQueryArg( FILTER_ARGS.targetId );
	const [ approval ] = useQueryArg( FILTER_ARGS.approvalId );
	const [ from ] = useQueryArg( FILTER_ARGS.from );
	const [ to ] = useQueryArg( FILTER_ARGS.to );
	const values: Record< string, string | undefined > = {
		[ FILTER_ARGS.agentId ]: agent,
		[ FILTER_ARGS.eventType ]: eventType,
		[ FILTER_ARGS.decision ]: decision,
		[ FILTER_ARGS.action ]: action,
		[ FILTER_ARGS.targetType ]: targetType,
		[ FILTER_ARGS.targetId ]: targetId,
		[ FILTER_ARGS.approvalId ]: approval,
		[ FILTER_ARGS.from ]: from,
		[ FILTER_ARGS.to ]: to,
	};
	const setFilters = useCallback( ( next: AuditScreenFilters ) => {
		window.history.pushState(
			null,
			'',
			urlWithFilters( window.location.href, next )
		);
		// useQueryArg listens to popstate (the back button): the same signal tells every
		// reader of the URL at once.
		window.dispatchEvent( new PopStateEvent( 'popstate' ) );
	}, [] );
	return {
		filters: filtersFromArgs( ( arg ) => values[ arg ] ),
		setFilters,
	};
}

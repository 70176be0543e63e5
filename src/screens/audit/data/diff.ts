/**
 * Reading an event's stored states and details as changes a person can scan: which field
 * of which target went from what to what. States are keyed by target (`product:12`) for
 * agent requests, flat for registry acts (an agent's summary, the settings).
 */

/** Stands for a field a state does not have (created, removed), unlike a null value. */
export const ABSENT = Symbol( 'absent' );

export type FieldValue = unknown;

export interface FieldChange {
	/** `product:12`, or '' for a flat state. */
	target: string;
	field: string;
	before: FieldValue | typeof ABSENT;
	after: FieldValue | typeof ABSENT;
	/** Relative change of a numeric price-like field, in percent. */
	changePercent: number | null;
}

type Json = Record< string, unknown >;

export function isRecord( value: unknown ): value is Json {
	return (
		typeof value === 'object' && value !== null && ! Array.isArray( value )
	);
}

const TARGET_KEY = /^[a-z_]+:[^\s]+$/;

/**
 * Whether a state is keyed by target: every member is `type:id` (or `response`, the
 * answer of a write that names no target) and holds an object.
 *
 * @param state A stored state.
 */
function isKeyedByTarget( state: Json ): boolean {
	const entries = Object.entries( state );
	return (
		entries.length > 0 &&
		entries.every(
			( [ key, value ] ) =>
				( TARGET_KEY.test( key ) || key === 'response' ) &&
				( isRecord( value ) || value === null )
		)
	);
}

/**
 * Stable JSON (object members sorted), to compare values whatever their member order.
 *
 * @param value Any JSON value.
 */
export function canonicalJson( value: unknown ): string {
	if ( Array.isArray( value ) ) {
		return `[${ value.map( canonicalJson ).join( ',' ) }]`;
	}
	if ( isRecord( value ) ) {
		return `{${ Object.keys( value )
			.sort()
			.map(
				( key ) =>
					`${ JSON.stringify( key ) }:${ canonicalJson(
						value[ key ]
					) }`
			)
			.join( ',' ) }}`;
	}
	return JSON.stringify( value ) ?? 'null';
}

function numeric( value: unknown ): number | null {
	if ( typeof value === 'number' && Number.isFinite( value ) ) {
		return value;
	}
	if ( typeof value === 'string' && /^-?\d+(\.\d+)?$/.test( value.trim() ) ) {
		return Number( value );
	}
	return null;
}

/**
 * The relative change of a price-like field (`regular_price` 10.00 → 12.00 is +20 %);
 * null for other fields, non-numbers and a zero start.
 *
 * @param field  The field name.
 * @param before Its value before.
 * @param after  Its value after.
 */
export function priceChangePercent(
	field: string,
	before: unknown,
	after: unknown
): number | null {
	if ( ! /price|amount|total/.test( field ) ) {
		return null;
	}
	const from = numeric( before );
	const to = numeric( after );
	if ( from === null || to === null || from === 0 ) {
		return null;
	}
	return Math.round( ( ( to - from ) / Math.abs( from ) ) * 10000 ) / 100;
}

function fieldChanges(
	target: string,
	before: Json | null,
	after: Json | null
): FieldChange[] {
	const fields = [
		...Object.keys( before ?? {} ),
		...Object.keys( after ?? {} ).filter(
			( field ) => ! before || ! ( field in before )
		),
	];
	const changes: FieldChange[] = [];
	for ( const field of fields ) {
		const hasBefore = before !== null && field in before;
		const hasAfter = after !== null && field in after;
		const from = hasBefore ? before[ field ] : ABSENT;
		const to = hasAfter ? after[ field ] : ABSENT;
		if (
			hasBefore &&
			hasAfter &&
			canonicalJson( from ) === canonicalJson( to )
		) {
			continue;
		}
		changes.push( {
			target,
			field,
			before: from,
			after: to,
			changePercent:
				hasBefore && hasAfter
					? priceChangePercent( field, from, to )
					: null,
		} );
	}
	return changes;
}

/**
 * The fields that differ between the state before and after, per target. A target only
 * after was created; only before, deleted. Nothing when the event has no state after (a
 * refused, queued or observed request changed nothing).
 *
 * @param before The stored state before (null when none or hidden).
 * @param after  The stored state after.
 */
export function stateChanges(
	before: Json | null,
	after: Json | null
): FieldChange[] {
	if ( after === null ) {
		return [];
	}
	const keyed =
		isKeyedByTarget( after ) &&
		( before === null || isKeyedByTarget( before ) );
	if ( ! keyed ) {
		return fieldChanges( '', before, after );
	}
	const targets = [
		...Object.keys( before ?? {} ),
		...Object.keys( after ).filter(
			( key ) => ! before || ! ( key in before )
		),
	];
	return targets.flatMap( ( target ) => {
		const from = before?.[ target ];
		const to = after[ target ];
		return fieldChanges(
			target,
			isRecord( from ) ? from : null,
			isRecord( to ) ? to : null
		);
	} );
}

/**
 * The changes an agent asked for, from `details.diff.units` (queued, refused or observed
 * requests; the same shape as an approval's diff).
 *
 * @param details The event's details.
 */
export function proposedChanges( details: Json ): FieldChange[] {
	const diff = details.diff;
	if ( ! isRecord( diff ) || ! Array.isArray( diff.units ) ) {
		return [];
	}
	return diff.units.flatMap( ( unit: unknown ) => {
		if ( ! isRecord( unit ) || ! isRecord( unit.changes ) ) {
			return [];
		}
		const target =
			typeof unit.target === 'string' && unit.target !== ''
				? unit.target
				: String( unit.item ?? '' );
		return Object.entries( unit.changes ).map( ( [ field, change ] ) => {
			const entry = isRecord( change ) ? change : {};
			const before = 'before' in entry ? entry.before : ABSENT;
			const after = 'after' in entry ? entry.after : ABSENT;
			return {
				target,
				field,
				before,
				after,
				changePercent:
					typeof entry.change_percent === 'number'
						? entry.change_percent
						: priceChangePercent( field, before, after ),
			};
		} );
	} );
}

/**
 * The policy paths a policy change touched (`details.diff` of policy_saved, mode_changed,
 * canary_changed: a list of `{ path, before, after }`).
 *
 * @param details The event's details.
 */
export function policyChanges( details: Json ): FieldChange[] {
	const diff = details.diff;
	if ( ! Array.isArray( diff ) ) {
		return [];
	}
	return diff.flatMap( ( entry: unknown ) =>
		isRecord( entry ) && typeof entry.path === 'string'
			? [
					{
						target: '',
						field: entry.path,
						before: 'before' in entry ? entry.before : ABSENT,
						after: 'after' in entry ? entry.after : ABSENT,
						changePercent: null,
					},
			  ]
			: []
	);
}

/**
 * The target's name as its state says (`name`), when the event stored one.
 *
 * @param target The target key (`product:12`).
 * @param states The states before and after.
 */
export function targetName(
	target: string,
	...states: Array< Json | null >
): string | null {
	for ( const state of states ) {
		const entry = state?.[ target ];
		if ( isRecord( entry ) && typeof entry.name === 'string' ) {
			return entry.name;
		}
	}
	return null;
}

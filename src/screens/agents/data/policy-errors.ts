/**
 * Where a policy error belongs. The schema (client side, before sending) and the server
 * (`data.path` of agent_guard_invalid_policy) both name the bad value by its dot path;
 * the form shows each message at the field that edits that path, or at the nearest
 * section that contains it, and lists what it cannot place at the top.
 */

/**
 * External dependencies
 */
import { z } from 'zod';

/**
 * WordPress dependencies
 */
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ApiError } from '../../../api/errors';
import { policySchema, type Policy } from '../../../schemas';
import { getAt, type Json } from './policy-draft';

export interface PolicyError {
	/** Dot path of the value, '' for the document as a whole. */
	path: string;
	message: string;
}

/** Error codes of a refused document that name the bad field in `data.path`. */
const POLICY_ERROR_CODES = [
	'agent_guard_invalid_policy',
	'agent_guard_policy_version_unsupported',
];

/**
 * The field error in a refused save or import, or null for any other failure.
 *
 * @param error What the request failed with.
 */
export function serverPolicyError( error: unknown ): PolicyError | null {
	if (
		! ( error instanceof ApiError ) ||
		! POLICY_ERROR_CODES.includes( error.code )
	) {
		return null;
	}
	return { path: error.path ?? '', message: error.message };
}

function describe( value: Json | undefined ): string {
	if ( value === undefined ) {
		return '';
	}
	return typeof value === 'string' ? value : JSON.stringify( value );
}

/**
 * One schema complaint in words a store owner reads. The draft gives the value that was
 * refused where zod does not say it.
 *
 * @param issue The zod issue.
 * @param draft The document that was validated.
 */
export function issueMessage( issue: z.ZodIssue, draft: Json ): string {
	const value = () => describe( getAt( draft, issue.path.join( '.' ) ) );
	switch ( issue.code ) {
		case 'invalid_type':
			if ( issue.received === 'undefined' ) {
				return __( 'This is required.', 'agent-guard' );
			}
			if ( issue.expected === 'integer' ) {
				return __( 'Enter a whole number.', 'agent-guard' );
			}
			if ( issue.expected === 'number' ) {
				return __( 'Enter a number.', 'agent-guard' );
			}
			if ( issue.expected === 'array' ) {
				return __( 'This must be a list.', 'agent-guard' );
			}
			if ( issue.expected === 'object' ) {
				return __( 'This must be an object.', 'agent-guard' );
			}
			return sprintf(
				/* translators: 1: expected JSON type, 2: the type found. */
				__( 'Expected %1$s, found %2$s.', 'agent-guard' ),
				issue.expected,
				issue.received
			);
		case 'too_small':
			if ( issue.type === 'number' && issue.inclusive ) {
				return sprintf(
					/* translators: %s: the smallest value allowed. */
					__( 'Enter %s or more.', 'agent-guard' ),
					String( issue.minimum )
				);
			}
			if ( issue.type === 'number' ) {
				return sprintf(
					/* translators: %s: the bound, not allowed itself. */
					__( 'Enter more than %s.', 'agent-guard' ),
					String( issue.minimum )
				);
			}
			if ( issue.type === 'string' ) {
				return Number( issue.minimum ) <= 1
					? __( 'This cannot be empty.', 'agent-guard' )
					: sprintf(
							/* translators: %d: minimum number of characters. */
							__(
								'Enter at least %d characters.',
								'agent-guard'
							),
							Number( issue.minimum )
					  );
			}
			return sprintf(
				/* translators: %d: minimum number of entries. */
				_n(
					'List at least %d entry.',
					'List at least %d entries.',
					Number( issue.minimum ),
					'agent-guard'
				),
				Number( issue.minimum )
			);
		case 'too_big':
			if ( issue.type === 'number' && issue.inclusive ) {
				return sprintf(
					/* translators: %s: the largest value allowed. */
					__( 'Enter %s or less.', 'agent-guard' ),
					String( issue.maximum )
				);
			}
			if ( issue.type === 'number' ) {
				return sprintf(
					/* translators: %s: the bound, not allowed itself. */
					__( 'Enter less than %s.', 'agent-guard' ),
					String( issue.maximum )
				);
			}
			if ( issue.type === 'string' ) {
				return sprintf(
					/* translators: %d: maximum number of characters. */
					__( 'Use at most %d characters.', 'agent-guard' ),
					Number( issue.maximum )
				);
			}
			return sprintf(
				/* translators: %d: maximum number of entries. */
				_n(
					'List at most %d entry.',
					'List at most %d entries.',
					Number( issue.maximum ),
					'agent-guard'
				),
				Number( issue.maximum )
			);
		case 'invalid_enum_value':
		case 'invalid_literal':
			return sprintf(
				/* translators: %s: the value that was refused. */
				__( '“%s” is not one of the allowed values.', 'agent-guard' ),
				value()
			);
		case 'invalid_string':
			if ( issue.validation === 'email' ) {
				return sprintf(
					/* translators: %s: the value that was refused. */
					__( '“%s” is not an e-mail address.', 'agent-guard' ),
					value()
				);
			}
			return sprintf(
				/* translators: %s: the value that was refused. */
				__(
					'“%s” has characters that are not allowed here.',
					'agent-guard'
				),
				value()
			);
		case 'unrecognized_keys':
			return sprintf(
				/* translators: %s: field names. */
				_n(
					'%s is not a known field.',
					'%s are not known fields.',
					issue.keys.length,
					'agent-guard'
				),
				issue.keys.join( ', ' )
			);
		case 'custom':
			return issue.message === 'Items must be unique.'
				? __( 'Each entry may appear only once.', 'agent-guard' )
				: issue.message;
		default:
			return issue.message;
	}
}

export type PolicyValidation =
	| { ok: true; policy: Policy }
	| { ok: false; errors: PolicyError[] };

/**
 * Checks a draft with the generated policy schema, before it is sent. Every problem is
 * reported (one per path), by the path the server would name.
 *
 * @param draft The document.
 */
export function validatePolicy( draft: Json ): PolicyValidation {
	const result = policySchema.safeParse( draft );
	if ( result.success ) {
		return { ok: true, policy: result.data };
	}
	const errors: PolicyError[] = [];
	const seen = new Set< string >();
	for ( const issue of result.error.issues ) {
		const path =
			issue.code === 'unrecognized_keys' && issue.keys.length === 1
				? [ ...issue.path, issue.keys[ 0 ] ].join( '.' )
				: issue.path.join( '.' );
		if ( ! seen.has( path ) ) {
			seen.add( path );
			errors.push( { path, message: issueMessage( issue, draft ) } );
		}
	}
	return { ok: false, errors };
}

export interface PlacedErrors {
	/** Field path => messages shown at that field. */
	byField: Record< string, string[] >;
	/** Errors no field or section claims (shown at the top). */
	unplaced: PolicyError[];
}

/**
 * The field (or section) an error path belongs to: the longest of `fields` that is the
 * path itself or one of its parents, on dot boundaries (`actions.allow.2` →
 * `actions.allow`; `actions.fields.products:update.6` → `actions.fields.products:update`).
 *
 * @param path   The error's dot path.
 * @param fields The paths the form edits.
 */
export function fieldForPath(
	path: string,
	fields: readonly string[]
): string | null {
	if ( path === '' ) {
		return null;
	}
	let best: string | null = null;
	for ( const field of fields ) {
		if (
			( path === field || path.startsWith( `${ field }.` ) ) &&
			( best === null || field.length > best.length )
		) {
			best = field;
		}
	}
	return best;
}

/**
 * Groups errors by the field that shows them.
 *
 * @param errors From validatePolicy() or serverPolicyError().
 * @param fields The paths the form edits (fields and sections).
 */
export function placeErrors(
	errors: readonly PolicyError[],
	fields: readonly string[]
): PlacedErrors {
	const byField: Record< string, string[] > = {};
	const unplaced: PolicyError[] = [];
	for ( const error of errors ) {
		const field = fieldForPath( error.path, fields );
		if ( field === null ) {
			unplaced.push( error );
		} else {
			byField[ field ] = [ ...( byField[ field ] ?? [] ), error.message ];
		}
	}
	return { byField, unplaced };
}

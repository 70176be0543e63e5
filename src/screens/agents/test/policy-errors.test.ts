/**
 * Where policy errors are shown: the schema's complaints in words, and the server's
 * `data.path` (or the schema's path) mapped to the form field that edits it.
 */

/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';

/**
 * Internal dependencies
 */
import { parse } from '../../../api/client';
import { ApiError } from '../../../api/errors';
import { policyRecordSchema, policyTemplateSchema } from '../../../schemas';
import recordedPolicy from '../../../test-utils/fixtures/policy.json';
import recordedTemplates from '../../../test-utils/fixtures/templates.json';
import {
	isJsonObject,
	setAt,
	toJson,
	type Json,
	type JsonObject,
} from '../data/policy-draft';
import {
	fieldForPath,
	placeErrors,
	serverPolicyError,
	validatePolicy,
} from '../data/policy-errors';
import { policyFieldLabel, policyFieldPaths } from '../data/policy-layout';

function supportPolicy(): JsonObject {
	const json = toJson( parse( policyRecordSchema, recordedPolicy ).policy );
	if ( ! isJsonObject( json ) ) {
		throw new Error( 'The fixture is not an object.' );
	}
	return json;
}

function errorsFor( path: string, value: Json | undefined ) {
	const result = validatePolicy( setAt( supportPolicy(), path, value ) );
	return result.ok ? [] : result.errors;
}

describe( 'validatePolicy', () => {
	it( 'accepts the policies the site sends (every template, a saved policy)', () => {
		const templates = parse(
			z.array( policyTemplateSchema ),
			recordedTemplates
		);
		expect( templates ).toHaveLength( 5 );
		for ( const template of templates ) {
			expect( validatePolicy( toJson( template.policy ) ).ok ).toBe(
				true
			);
		}
		expect( validatePolicy( supportPolicy() ).ok ).toBe( true );
	} );

	it.each( [
		[ 0, 'Enter 1 or more.' ],
		[ 5000, 'Enter 1000 or less.' ],
		[ 2.5, 'Enter a whole number.' ],
		[ 'abc', 'Enter a number.' ],
		[ undefined, 'This is required.' ],
	] )(
		'writes per minute %p: “%s” at limits.writes_per_minute',
		( value, message ) => {
			expect(
				errorsFor(
					'limits.writes_per_minute',
					value as Json | undefined
				)
			).toEqual( [ { path: 'limits.writes_per_minute', message } ] );
		}
	);

	it( 'names the list entry that is refused, with its value', () => {
		expect(
			errorsFor( 'actions.allow', [ 'orders:note', 'orders:teleport' ] )
		).toEqual( [
			{
				path: 'actions.allow.1',
				message: '“orders:teleport” is not one of the allowed values.',
			},
		] );
		expect(
			errorsFor( 'launch.alert_emails', [ 'ops@example.com', 'nope' ] )
		).toEqual( [
			{
				path: 'launch.alert_emails.1',
				message: '“nope” is not an e-mail address.',
			},
		] );
	} );

	it( 'refuses duplicates, unknown fields and bad field names', () => {
		expect(
			errorsFor( 'actions.deny', [ 'orders:delete', 'orders:delete' ] )
		).toEqual( [
			{
				path: 'actions.deny',
				message: 'Each entry may appear only once.',
			},
		] );
		expect( errorsFor( 'limits.per_hour', 10 ) ).toEqual( [
			{
				path: 'limits.per_hour',
				message: 'per_hour is not a known field.',
			},
		] );
		expect(
			errorsFor( 'actions.fields.orders:update', [
				'status',
				'Bad Field',
			] )
		).toEqual( [
			{
				path: 'actions.fields.orders:update.1',
				message:
					'“Bad Field” has characters that are not allowed here.',
			},
		] );
	} );

	it( 'reports every problem, once per path', () => {
		let draft = setAt( supportPolicy(), 'limits.writes_per_minute', 0 );
		draft = setAt( draft, 'limits.items_per_batch', 500 );
		draft = setAt( draft, 'canary.percent', -1 );

		const result = validatePolicy( draft );

		expect( result.ok ? [] : result.errors.map( ( e ) => e.path ) ).toEqual(
			[
				'limits.writes_per_minute',
				'limits.items_per_batch',
				'canary.percent',
			]
		);
	} );
} );

describe( 'fieldForPath and placeErrors', () => {
	const fields = policyFieldPaths( supportPolicy() );

	it.each( [
		[ 'limits.writes_per_minute', 'limits.writes_per_minute' ],
		[ 'actions.allow.0', 'actions.allow' ],
		[ 'actions.deny', 'actions.deny' ],
		[ 'actions.fields.orders:update.6', 'actions.fields.orders:update' ],
		[ 'launch.alert_emails.0', 'launch.alert_emails' ],
		[ 'launch.callback_url', 'launch.callback_url' ],
		[
			'approvals.price.max_change_minor',
			'approvals.price.max_change_minor',
		],
		[ 'approvals.price.surprise', 'approvals.price' ],
		[ 'data_access.resources.orders', 'data_access.resources.orders' ],
		[ 'data_access.resources.spaceships', 'data_access.resources' ],
		[ 'circuit_breakers.per_hour', 'circuit_breakers' ],
		[ 'canary.percent', 'canary.percent' ],
	] )( 'the server’s %s is shown at %s', ( path, field ) => {
		expect( fieldForPath( path, fields ) ).toBe( field );
	} );

	it( 'does not mistake a field for its longer-named sibling', () => {
		expect( fieldForPath( 'limits.writes_per_minute_extra', fields ) ).toBe(
			'limits'
		);
	} );

	it( 'leaves what no field edits for the summary', () => {
		expect( fieldForPath( '', fields ) ).toBeNull();
		expect( fieldForPath( 'schema_version', fields ) ).toBeNull();
		expect( fieldForPath( 'mode', fields ) ).toBeNull();
	} );

	it( 'groups messages by field', () => {
		const placed = placeErrors(
			[
				{ path: 'actions.allow.0', message: 'A' },
				{ path: 'actions.allow.3', message: 'B' },
				{ path: 'schema_version', message: 'C' },
			],
			fields
		);

		expect( placed.byField ).toEqual( { 'actions.allow': [ 'A', 'B' ] } );
		expect( placed.unplaced ).toEqual( [
			{ path: 'schema_version', message: 'C' },
		] );
	} );

	it( 'knows the label of each field it places errors at', () => {
		expect( policyFieldLabel( 'limits.writes_per_minute' ) ).toBe(
			'Writes per minute'
		);
		expect( policyFieldLabel( 'approvals.price' ) ).toBe(
			'Approval thresholds › Prices'
		);
		expect( policyFieldLabel( 'nowhere' ) ).toBeNull();
	} );

	it( 'offers a fields-per-action input for each allowed action', () => {
		const withCoupons = setAt( supportPolicy(), 'actions.allow', [
			'coupons:create',
		] );

		expect( policyFieldPaths( withCoupons ) ).toContain(
			'actions.fields.coupons:create'
		);
		// Still listed: the draft names fields for it.
		expect( policyFieldPaths( withCoupons ) ).toContain(
			'actions.fields.orders:update'
		);
	} );
} );

describe( 'serverPolicyError', () => {
	it( 'takes the path and message of a refused document', () => {
		const refused = new ApiError( {
			code: 'agent_guard_invalid_policy',
			message:
				'limits.writes_per_minute must be between 1 (inclusive) and 1000 (inclusive)',
			status: 400,
			path: 'limits.writes_per_minute',
		} );

		expect( serverPolicyError( refused ) ).toEqual( {
			path: 'limits.writes_per_minute',
			message:
				'limits.writes_per_minute must be between 1 (inclusive) and 1000 (inclusive)',
		} );
	} );

	it( 'ignores every other failure', () => {
		expect(
			serverPolicyError(
				new ApiError( {
					code: 'agent_guard_version_conflict',
					message:
						'The policy is now at version 3; reload it before saving.',
					status: 409,
				} )
			)
		).toBeNull();
		expect( serverPolicyError( new Error( 'offline' ) ) ).toBeNull();
	} );
} );

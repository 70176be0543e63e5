/**
 * The policy form, declared: its sections (one per layer) and the fields each edits, by
 * dot path. The form renders from this, and the same paths decide where an error is
 * shown (placeErrors() in policy-errors.ts). Labels are built when called, so call it at
 * render time.
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ACTIONS, RESOURCES } from '../../../schemas';
import {
	getAt,
	isJsonObject,
	stringList,
	type JsonObject,
} from './policy-draft';

interface FieldBase {
	path: string;
	label: string;
	help?: string;
}

export type FieldSpec =
	| ( FieldBase & {
			type: 'integer' | 'number';
			nullable?: boolean;
			unit?: string;
	  } )
	| ( FieldBase & { type: 'money' } )
	| ( FieldBase & { type: 'boolean' } )
	| ( FieldBase & {
			type: 'choice';
			options: Array< { value: string | number; label: string } >;
	  } )
	| ( FieldBase & { type: 'text'; multiline?: boolean; maxLength?: number } )
	| ( FieldBase & {
			type: 'list';
			items: 'integer' | 'string';
			multiline?: boolean;
			removeWhenEmpty?: boolean;
	  } )
	| ( FieldBase & { type: 'actions' } );

export interface FieldGroup {
	/** Path of the group (errors about the group as a whole land here). */
	path?: string;
	title?: string;
	fields: FieldSpec[];
}

export interface SectionSpec {
	/** The layer's path: `data_access`, `actions`, `approvals`… */
	path: string;
	title: string;
	description: string;
	/** Parts the form draws itself (the resources grid, the allow/deny table…). */
	special?: 'data_access' | 'actions';
	groups: FieldGroup[];
}

const offHelp = () =>
	__( 'Leave empty to turn this threshold off.', 'agent-guard' );

export function policySections(): SectionSpec[] {
	return [
		{
			path: 'data_access',
			title: __( 'Data access', 'agent-guard' ),
			description: __(
				'What the agent may read. Anything not marked is hidden from it.',
				'agent-guard'
			),
			special: 'data_access',
			groups: [
				{
					fields: [
						{
							type: 'choice',
							path: 'data_access.pii',
							label: __( 'Customer details', 'agent-guard' ),
							help: __(
								'E-mail, phone and addresses in the orders and customers the agent reads.',
								'agent-guard'
							),
							options: [
								{
									value: 'redacted',
									label: __( 'Redacted', 'agent-guard' ),
								},
								{
									value: 'shown',
									label: __( 'Shown', 'agent-guard' ),
								},
							],
						},
					],
				},
			],
		},
		{
			path: 'actions',
			title: __( 'Actions', 'agent-guard' ),
			description: __(
				'What the agent may do. Anything not allowed is denied; a denial wins over an allowance.',
				'agent-guard'
			),
			special: 'actions',
			groups: [
				{
					path: 'actions.constraints',
					title: __( 'Only on these objects', 'agent-guard' ),
					fields: [
						{
							type: 'list',
							items: 'integer',
							removeWhenEmpty: true,
							path: 'actions.constraints.product_categories',
							label: __( 'Product category IDs', 'agent-guard' ),
							help: __(
								'Comma-separated. Empty: every category.',
								'agent-guard'
							),
						},
						{
							type: 'list',
							items: 'integer',
							removeWhenEmpty: true,
							path: 'actions.constraints.product_ids',
							label: __( 'Product IDs', 'agent-guard' ),
							help: __(
								'Comma-separated. Empty: every product.',
								'agent-guard'
							),
						},
						{
							type: 'list',
							items: 'string',
							removeWhenEmpty: true,
							path: 'actions.constraints.order_statuses',
							label: __( 'Order statuses', 'agent-guard' ),
							help: __(
								'Comma-separated slugs such as processing, on-hold. Empty: every status.',
								'agent-guard'
							),
						},
					],
				},
			],
		},
		{
			path: 'approvals',
			title: __( 'Approval thresholds', 'agent-guard' ),
			description: __(
				'Which allowed writes need a person first. A write over a threshold is queued for approval.',
				'agent-guard'
			),
			groups: [
				{
					path: 'approvals.price',
					title: __( 'Prices', 'agent-guard' ),
					fields: [
						{
							type: 'number',
							nullable: true,
							unit: '%',
							path: 'approvals.price.max_change_percent_24h',
							label: __(
								'Largest price change in 24 hours',
								'agent-guard'
							),
							help: offHelp(),
						},
						{
							type: 'money',
							path: 'approvals.price.max_change_minor',
							label: __(
								'Largest price change per write',
								'agent-guard'
							),
							help: offHelp(),
						},
						{
							type: 'number',
							nullable: true,
							unit: '%',
							path: 'approvals.price.max_cumulative_percent_7d',
							label: __(
								'Largest cumulative change in 7 days',
								'agent-guard'
							),
							help: offHelp(),
						},
						{
							type: 'boolean',
							path: 'approvals.price.sale_dates_need_approval',
							label: __(
								'Sale dates need approval',
								'agent-guard'
							),
						},
					],
				},
				{
					path: 'approvals.stock',
					title: __( 'Stock', 'agent-guard' ),
					fields: [
						{
							type: 'boolean',
							path: 'approvals.stock.require_expected',
							label: __(
								'Stock writes must state the count they expect',
								'agent-guard'
							),
							help: __(
								'A write whose expected_stock_quantity differs from the stored count is refused with 409.',
								'agent-guard'
							),
						},
						{
							type: 'integer',
							nullable: true,
							path: 'approvals.stock.max_change_units',
							label: __(
								'Largest stock change (units)',
								'agent-guard'
							),
							help: offHelp(),
						},
					],
				},
				{
					path: 'approvals.coupons',
					title: __( 'Coupons', 'agent-guard' ),
					fields: [
						{
							type: 'number',
							nullable: true,
							unit: '%',
							path: 'approvals.coupons.max_percent',
							label: __(
								'Largest percentage discount',
								'agent-guard'
							),
							help: offHelp(),
						},
						{
							type: 'money',
							path: 'approvals.coupons.max_fixed_minor',
							label: __(
								'Largest fixed discount',
								'agent-guard'
							),
							help: offHelp(),
						},
					],
				},
				{
					title: __( 'Refunds, deletes and batches', 'agent-guard' ),
					fields: [
						{
							type: 'money',
							path: 'approvals.refund_over_minor',
							label: __(
								'Refunds above this amount',
								'agent-guard'
							),
							help: __(
								'0 sends every refund to a person; empty turns this off.',
								'agent-guard'
							),
						},
						{
							type: 'boolean',
							path: 'approvals.deletes',
							label: __(
								'Every delete needs approval',
								'agent-guard'
							),
						},
						{
							type: 'integer',
							nullable: true,
							path: 'approvals.bulk_over_items',
							label: __(
								'Batches with more items than',
								'agent-guard'
							),
							help: offHelp(),
						},
						{
							type: 'actions',
							path: 'approvals.always',
							label: __(
								'Actions that always need approval',
								'agent-guard'
							),
						},
						{
							type: 'money',
							path: 'approvals.second_approver_over_minor',
							label: __(
								'Second approver for changes worth more than',
								'agent-guard'
							),
							help: offHelp(),
						},
						{
							type: 'integer',
							path: 'approvals.expires_hours',
							label: __(
								'Queued requests expire after (hours)',
								'agent-guard'
							),
						},
					],
				},
			],
		},
		{
			path: 'limits',
			title: __( 'Limits', 'agent-guard' ),
			description: __(
				'Per agent, shared by all its tokens. Requests over a limit are refused with 429.',
				'agent-guard'
			),
			groups: [
				{
					fields: [
						{
							type: 'integer',
							path: 'limits.writes_per_minute',
							label: __( 'Writes per minute', 'agent-guard' ),
							help: __( 'From 1 to 1000.', 'agent-guard' ),
						},
						{
							type: 'integer',
							path: 'limits.actions_per_day',
							label: __( 'Actions per day', 'agent-guard' ),
						},
						{
							type: 'integer',
							path: 'limits.items_per_batch',
							label: __( 'Items per batch', 'agent-guard' ),
							help: __( 'From 1 to 100.', 'agent-guard' ),
						},
					],
				},
			],
		},
		{
			path: 'canary',
			title: __( 'Canary', 'agent-guard' ),
			description: __(
				'In canary mode only a fixed share of targets is open to the agent.',
				'agent-guard'
			),
			groups: [
				{
					fields: [
						{
							type: 'number',
							unit: '%',
							path: 'canary.percent',
							label: __( 'Share of targets', 'agent-guard' ),
							help: __(
								'From 0 to 100, at most two decimals.',
								'agent-guard'
							),
						},
						{
							type: 'choice',
							path: 'canary.outside',
							label: __(
								'Requests outside the share',
								'agent-guard'
							),
							options: [
								{
									value: 'refuse',
									label: __( 'Refuse them', 'agent-guard' ),
								},
								{
									value: 'queue',
									label: __(
										'Queue them for approval',
										'agent-guard'
									),
								},
							],
						},
					],
				},
			],
		},
		{
			path: 'tokens',
			title: __( 'Token lifetimes', 'agent-guard' ),
			description: __(
				'How long new tokens of this agent live.',
				'agent-guard'
			),
			groups: [
				{
					fields: [
						{
							type: 'integer',
							path: 'tokens.lifetime_days',
							label: __(
								'Standard tokens (days)',
								'agent-guard'
							),
							help: __( 'From 1 to 365.', 'agent-guard' ),
						},
						{
							type: 'actions',
							path: 'tokens.critical_actions',
							label: __(
								'Actions that need a short-lived critical token',
								'agent-guard'
							),
						},
						{
							type: 'choice',
							path: 'tokens.critical_lifetime_hours',
							label: __( 'Critical tokens live', 'agent-guard' ),
							options: [
								{
									value: 1,
									label: __( '1 hour', 'agent-guard' ),
								},
								{
									value: 2,
									label: __( '2 hours', 'agent-guard' ),
								},
							],
						},
					],
				},
			],
		},
		{
			path: 'circuit_breakers',
			title: __( 'Circuit breakers', 'agent-guard' ),
			description: __(
				'The agent is halted, and its owner told, when it crosses one of these.',
				'agent-guard'
			),
			groups: [
				{
					fields: [
						{
							type: 'integer',
							nullable: true,
							path: 'circuit_breakers.failures_per_5_minutes',
							label: __(
								'Failed actions in 5 minutes',
								'agent-guard'
							),
							help: offHelp(),
						},
						{
							type: 'integer',
							nullable: true,
							path: 'circuit_breakers.writes_per_minute',
							label: __( 'Writes in a minute', 'agent-guard' ),
							help: offHelp(),
						},
						{
							type: 'integer',
							nullable: true,
							path: 'circuit_breakers.burst_writes',
							label: __( 'Writes in a burst', 'agent-guard' ),
							help: offHelp(),
						},
						{
							type: 'integer',
							path: 'circuit_breakers.burst_window_minutes',
							label: __(
								'Burst window (minutes)',
								'agent-guard'
							),
						},
						{
							type: 'number',
							nullable: true,
							unit: '%',
							path: 'circuit_breakers.canary_max_failure_rate_percent',
							label: __( 'Canary failure rate', 'agent-guard' ),
							help: offHelp(),
						},
						{
							type: 'number',
							nullable: true,
							unit: '%',
							path: 'circuit_breakers.canary_max_revert_rate_percent',
							label: __( 'Canary revert rate', 'agent-guard' ),
							help: offHelp(),
						},
					],
				},
			],
		},
		{
			path: 'launch',
			title: __( 'Launch', 'agent-guard' ),
			description: __(
				'What the pre-launch checklist reads besides the rules above.',
				'agent-guard'
			),
			groups: [
				{
					fields: [
						{
							type: 'list',
							items: 'string',
							multiline: true,
							path: 'launch.integrations',
							label: __( 'Integrations', 'agent-guard' ),
							help: __(
								'One a line: the systems this agent is part of.',
								'agent-guard'
							),
						},
						{
							type: 'text',
							multiline: true,
							maxLength: 2000,
							path: 'launch.rollback_plan',
							label: __( 'Rollback plan', 'agent-guard' ),
						},
						{
							type: 'list',
							items: 'string',
							path: 'launch.alert_emails',
							label: __( 'Alert e-mails', 'agent-guard' ),
							help: __( 'Comma-separated.', 'agent-guard' ),
						},
						{
							type: 'text',
							maxLength: 200,
							path: 'launch.on_call',
							label: __( 'On call', 'agent-guard' ),
						},
						{
							type: 'text',
							maxLength: 500,
							path: 'launch.callback_url',
							label: __( 'Callback URL', 'agent-guard' ),
							help: __(
								'Optional: receives a signed notice when a queued request of this agent is decided.',
								'agent-guard'
							),
						},
					],
				},
			],
		},
	];
}

/**
 * The actions the allow list names, in vocabulary order (then unknown ones).
 *
 * @param draft The draft.
 */
export function allowedActions( draft: JsonObject ): string[] {
	const allowed = stringList( getAt( draft, 'actions.allow' ) );
	return [
		...ACTIONS.filter( ( action ) => allowed.includes( action ) ),
		...allowed.filter(
			( action ) => ! ( ACTIONS as readonly string[] ).includes( action )
		),
	];
}

/**
 * The actions that get a "fields it may change" input: the allowed ones and any the
 * draft already lists fields for.
 *
 * @param draft The draft.
 */
export function fieldListActions( draft: JsonObject ): string[] {
	const fields = getAt( draft, 'actions.fields' );
	const listed = isJsonObject( fields ) ? Object.keys( fields ) : [];
	const allowed = allowedActions( draft );
	return [
		...allowed,
		...listed.filter( ( action ) => ! allowed.includes( action ) ),
	];
}

/**
 * Every path the form shows errors at: sections, groups, fields, and the parts drawn
 * by hand (resources, allow/deny, fields per action).
 *
 * @param draft The draft (the fields-per-action inputs depend on it).
 */
export function policyFieldPaths( draft: JsonObject ): string[] {
	const paths: string[] = [];
	for ( const section of policySections() ) {
		paths.push( section.path );
		for ( const group of section.groups ) {
			if ( group.path ) {
				paths.push( group.path );
			}
			paths.push( ...group.fields.map( ( field ) => field.path ) );
		}
	}
	paths.push(
		'data_access.resources',
		...RESOURCES.map(
			( resource ) => `data_access.resources.${ resource }`
		),
		'actions.allow',
		'actions.deny',
		'actions.fields',
		...fieldListActions( draft ).map(
			( action ) => `actions.fields.${ action }`
		)
	);
	return paths;
}

/**
 * A field's label by its path, for the error summary; null for paths the layout does not
 * name.
 *
 * @param path A path from policyFieldPaths().
 */
export function policyFieldLabel( path: string ): string | null {
	for ( const section of policySections() ) {
		if ( section.path === path ) {
			return section.title;
		}
		for ( const group of section.groups ) {
			if ( group.path === path && group.title ) {
				return `${ section.title } › ${ group.title }`;
			}
			const field = group.fields.find( ( f ) => f.path === path );
			if ( field ) {
				return field.label;
			}
		}
	}
	return null;
}

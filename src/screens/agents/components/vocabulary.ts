/**
 * Words for the codes of the Agents screen: resources and actions of the policy
 * vocabulary, checklist items, audit event types, credential kinds. Call at render time
 * so translations are in place; an unknown code is shown as it came.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { eventTypeLabel } from '../../../components/labels';
import {
	ACTIONS,
	RESOURCES,
	type Action,
	type Resource,
} from '../../../schemas';

export function resourceLabel( resource: string ): string {
	switch ( resource ) {
		case 'products':
			return __( 'Products', 'agent-guard' );
		case 'product_categories':
			return __( 'Product categories', 'agent-guard' );
		case 'orders':
			return __( 'Orders', 'agent-guard' );
		case 'customers':
			return __( 'Customers', 'agent-guard' );
		case 'coupons':
			return __( 'Coupons', 'agent-guard' );
		case 'webhooks':
			return __( 'Webhooks', 'agent-guard' );
		case 'reports':
			return __( 'Reports', 'agent-guard' );
		case 'settings':
			return __( 'Settings', 'agent-guard' );
		case 'posts':
			return __( 'Posts', 'agent-guard' );
		case 'pages':
			return __( 'Pages', 'agent-guard' );
		case 'media':
			return __( 'Media', 'agent-guard' );
		case 'comments':
			return __( 'Comments', 'agent-guard' );
		default:
			return resource;
	}
}

function verbLabel( verb: string ): string {
	switch ( verb ) {
		case 'create':
			return __( 'create', 'agent-guard' );
		case 'update':
			return __( 'update', 'agent-guard' );
		case 'delete':
			return __( 'delete', 'agent-guard' );
		case 'batch':
			return __( 'batch changes', 'agent-guard' );
		case 'refund':
			return __( 'refund', 'agent-guard' );
		case 'note':
			return __( 'add notes', 'agent-guard' );
		default:
			return verb;
	}
}

/**
 * "Products: update" for `products:update`.
 *
 * @param action An action of the vocabulary.
 */
export function actionLabel( action: string ): string {
	const [ resource, verb ] = action.split( ':' );
	if ( ! resource || ! verb ) {
		return action;
	}
	return sprintf(
		/* translators: 1: resource such as "Products", 2: verb such as "update". */
		__( '%1$s: %2$s', 'agent-guard' ),
		resourceLabel( resource ),
		verbLabel( verb )
	);
}

export function verbOf( action: string ): string {
	return verbLabel( action.split( ':' )[ 1 ] ?? action );
}

/** The vocabulary's actions grouped by resource, in vocabulary order. */
export function actionsByResource(): Array< {
	resource: Resource | string;
	actions: Action[];
} > {
	const groups = new Map< string, Action[] >();
	for ( const action of ACTIONS ) {
		const resource = action.split( ':' )[ 0 ] ?? action;
		groups.set( resource, [ ...( groups.get( resource ) ?? [] ), action ] );
	}
	return [ ...groups ].map( ( [ resource, actions ] ) => ( {
		resource,
		actions,
	} ) );
}

export { RESOURCES };

export function checklistItemLabel( key: string, fallback: string ): string {
	switch ( key ) {
		case 'data_access':
			return __( 'Data access written', 'agent-guard' );
		case 'action_lists':
			return __( 'Action allow/deny list', 'agent-guard' );
		case 'approval_thresholds':
			return __( 'Approval thresholds', 'agent-guard' );
		case 'audit_on':
			return __( 'Audit on', 'agent-guard' );
		case 'approval_checkpoints':
			return __( 'Someone can approve', 'agent-guard' );
		case 'integrations_listed':
			return __( 'Integrations listed', 'agent-guard' );
		case 'kill_switch_tested':
			return __( 'Kill switch tested', 'agent-guard' );
		case 'rollback_defined':
			return __( 'Rollback defined', 'agent-guard' );
		case 'alerts_set':
			return __( 'Alerts set', 'agent-guard' );
		case 'on_call_named':
			return __( 'On-call named', 'agent-guard' );
		default:
			return fallback || key;
	}
}

/**
 * Where in the policy form an open checklist item is fixed, if there.
 * @param key
 */
export function checklistPolicyPath( key: string ): string | null {
	switch ( key ) {
		case 'data_access':
			return 'data_access';
		case 'action_lists':
			return 'actions';
		case 'approval_thresholds':
			return 'approvals';
		case 'integrations_listed':
			return 'launch.integrations';
		case 'rollback_defined':
			return 'launch.rollback_plan';
		case 'alerts_set':
			return 'launch.alert_emails';
		case 'on_call_named':
			return 'launch.on_call';
		default:
			return null;
	}
}

/**
 * What to do about an open checklist item.
 *
 * @param key The item's key.
 */
export function checklistAdvice( key: string ): string {
	switch ( key ) {
		case 'data_access':
			return __(
				'In the policy’s data access layer, mark what the agent may read.',
				'agent-guard'
			);
		case 'action_lists':
			return __(
				'In the policy’s actions layer, allow what the agent does and deny what it must never do.',
				'agent-guard'
			);
		case 'approval_thresholds':
			return __(
				'Set at least one approval threshold (price change, refund amount, batch size…) so risky writes reach a person.',
				'agent-guard'
			);
		case 'audit_on':
			return __( 'Audit is always on; nothing to do.', 'agent-guard' );
		case 'approval_checkpoints':
			return __(
				'Give at least one person the “approve” capability (shop managers have it by default) so queued requests can be decided.',
				'agent-guard'
			);
		case 'integrations_listed':
			return __(
				'List the systems this agent is part of (its model provider, the job that runs it) under Launch in the policy.',
				'agent-guard'
			);
		case 'kill_switch_tested':
			return __(
				'Test that halting this agent refuses its very next request: the test halts it, sends a request, and resumes it. A passed test counts for 30 days.',
				'agent-guard'
			);
		case 'rollback_defined':
			return __(
				'Write down how to undo what the agent did under Launch → Rollback plan.',
				'agent-guard'
			);
		case 'alerts_set':
			return __(
				'Add the e-mail addresses that are told when the agent is halted or misbehaves under Launch → Alert e-mails.',
				'agent-guard'
			);
		case 'on_call_named':
			return __(
				'Name the person or rota on call for this agent under Launch → On call.',
				'agent-guard'
			);
		default:
			return '';
	}
}

/** The event types an agent's activity names in words; others are shown as their code. */
const ACTIVITY_EVENT_TYPES: readonly string[] = [
	'agent_request',
	'agent_created',
	'agent_updated',
	'agent_archived',
	'policy_saved',
	'mode_changed',
	'canary_changed',
	'checklist_overridden',
	'token_issued',
	'token_rotated',
	'token_revoked',
	'credential_adopted',
	'credential_released',
	'kill_switch_tested',
];

/**
 * An event type in an agent's activity: the audit log's words, except that on the
 * agent's own page `agent_updated` is just "Details changed".
 *
 * @param type The event's event_type.
 */
export function activityEventLabel( type: string ): string {
	if ( type === 'agent_updated' ) {
		return __( 'Details changed', 'agent-guard' );
	}
	return ACTIVITY_EVENT_TYPES.includes( type )
		? eventTypeLabel( type )
		: type;
}

export function credentialKindLabel( kind: string ): string {
	switch ( kind ) {
		case 'wc_key':
			return __( 'WooCommerce API key', 'agent-guard' );
		case 'app_password':
			return __( 'Application password', 'agent-guard' );
		default:
			return kind;
	}
}

export function permissionsLabel( permissions: string ): string {
	switch ( permissions ) {
		case 'read':
			return __( 'Read', 'agent-guard' );
		case 'write':
			return __( 'Write', 'agent-guard' );
		case 'read_write':
			return __( 'Read/write', 'agent-guard' );
		case 'user':
			return __( 'As its user', 'agent-guard' );
		default:
			return permissions;
	}
}

/**
 * Words for the audit log's codes: event types, the decisions of approval events, actors,
 * targets. Call at render time so the translations are in place; an unknown code is
 * shown as it came.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { decisionLabel } from '../../../components/labels';
import { formatPercent } from '../../../components/percent';
import type { AuditEvent } from '../../../schemas';

/**
 * The event types the plugin writes (AgentRequestLog::EVENT_TYPE and every
 * AuditEvent::for_user_act() / ApprovalService::record() call), for the filter.
 */
export const EVENT_TYPES = [
	'agent_request',
	'agent_created',
	'agent_updated',
	'agent_archived',
	'checklist_overridden',
	'policy_saved',
	'mode_changed',
	'canary_changed',
	'token_issued',
	'token_rotated',
	'token_revoked',
	'credential_adopted',
	'credential_released',
	'settings_changed',
	'approval_first_approval',
	'approval_approved',
	'approval_rejected',
	'approval_expired',
	'approval_waiting',
	'approval_executed',
	'approval_failed',
	'approval_conflict',
	'halt_all',
	'resume_all',
	'halt_agent',
	'resume_agent',
	'breaker_tripped',
	'canary_paused',
	'incident_closed',
	'kill_switch_tested',
	'kill_switch_test_failed',
] as const;

/** Decisions recorded on agent requests (Decision.php, RestGate) and approval events. */
export const DECISIONS = [
	'allow',
	'deny',
	'queue',
	'observe',
	'error',
	'halted',
	'rate_limited',
	'outside_canary',
	'invalid',
	'conflict',
	'unavailable',
	'refused',
	'replay',
	'approved',
	'first_approval',
	'rejected',
	'expired',
	'waiting',
	'executed',
	'failed',
] as const;

export function eventTypeLabel( type: string ): string {
	switch ( type ) {
		case 'agent_request':
			return __( 'Agent request', 'agent-guard' );
		case 'agent_created':
			return __( 'Agent registered', 'agent-guard' );
		case 'agent_updated':
			return __( 'Agent details changed', 'agent-guard' );
		case 'agent_archived':
			return __( 'Agent archived', 'agent-guard' );
		case 'checklist_overridden':
			return __( 'Checklist overridden', 'agent-guard' );
		case 'policy_saved':
			return __( 'Policy saved', 'agent-guard' );
		case 'mode_changed':
			return __( 'Mode changed', 'agent-guard' );
		case 'canary_changed':
			return __( 'Canary share changed', 'agent-guard' );
		case 'token_issued':
			return __( 'Token issued', 'agent-guard' );
		case 'token_rotated':
			return __( 'Token rotated', 'agent-guard' );
		case 'token_revoked':
			return __( 'Token revoked', 'agent-guard' );
		case 'credential_adopted':
			return __( 'Credential adopted', 'agent-guard' );
		case 'credential_released':
			return __( 'Credential released', 'agent-guard' );
		case 'settings_changed':
			return __( 'Settings changed', 'agent-guard' );
		case 'approval_first_approval':
			return __( 'First of two approvals', 'agent-guard' );
		case 'approval_approved':
			return __( 'Request approved', 'agent-guard' );
		case 'approval_rejected':
			return __( 'Request rejected', 'agent-guard' );
		case 'approval_expired':
			return __( 'Request expired', 'agent-guard' );
		case 'approval_waiting':
			return __( 'Approved request waiting', 'agent-guard' );
		case 'approval_executed':
			return __( 'Approved request executed', 'agent-guard' );
		case 'approval_failed':
			return __( 'Approved request failed', 'agent-guard' );
		case 'approval_conflict':
			return __( 'Approved request in conflict', 'agent-guard' );
		case 'halt_all':
			return __( 'All agents halted', 'agent-guard' );
		case 'resume_all':
			return __( 'All agents resumed', 'agent-guard' );
		case 'halt_agent':
			return __( 'Agent halted', 'agent-guard' );
		case 'resume_agent':
			return __( 'Agent resumed', 'agent-guard' );
		case 'breaker_tripped':
			return __( 'Circuit breaker tripped', 'agent-guard' );
		case 'canary_paused':
			return __( 'Canary paused', 'agent-guard' );
		case 'incident_closed':
			return __( 'Incident closed', 'agent-guard' );
		case 'kill_switch_tested':
			return __( 'Kill switch tested', 'agent-guard' );
		case 'kill_switch_test_failed':
			return __( 'Kill switch test failed', 'agent-guard' );
		default:
			return type;
	}
}

/**
 * A decision code in words: agent requests' outcomes from the shared labels, plus the
 * outcomes of approval events.
 *
 * @param decision The event's decision.
 */
export function auditDecisionLabel( decision: string ): string {
	switch ( decision ) {
		case 'replay':
			return __( 'Replayed answer', 'agent-guard' );
		case 'approved':
			return __( 'Approved', 'agent-guard' );
		case 'first_approval':
			return __( 'First approval', 'agent-guard' );
		case 'rejected':
			return __( 'Rejected', 'agent-guard' );
		case 'expired':
			return __( 'Expired', 'agent-guard' );
		case 'waiting':
			return __( 'Waiting', 'agent-guard' );
		case 'executed':
			return __( 'Executed', 'agent-guard' );
		case 'failed':
			return __( 'Failed', 'agent-guard' );
		default:
			return decisionLabel( decision );
	}
}

export function agentLabel( event: AuditEvent ): string {
	if ( event.agent_id === 0 ) {
		return '';
	}
	return (
		event.agent_name ||
		sprintf(
			/* translators: %d: agent id. */
			__( 'Agent #%d', 'agent-guard' ),
			event.agent_id
		)
	);
}

/**
 * Who acted: the agent, a person (by name, else by id) or Agent Guard itself.
 *
 * @param event The event.
 */
export function actorLabel( event: AuditEvent ): string {
	switch ( event.actor_type ) {
		case 'agent':
			return event.actor_name || agentLabel( event );
		case 'user':
			return (
				event.actor_name ||
				sprintf(
					/* translators: %d: user id. */
					__( 'User #%d', 'agent-guard' ),
					event.actor_id
				)
			);
		default:
			return __( 'Agent Guard', 'agent-guard' );
	}
}

export function actorTypeLabel( type: string ): string {
	switch ( type ) {
		case 'agent':
			return __( 'Agent', 'agent-guard' );
		case 'user':
			return __( 'Person', 'agent-guard' );
		case 'system':
			return __( 'Automatic', 'agent-guard' );
		default:
			return type;
	}
}

/**
 * A target key or type and id in words: `product:12` → "product #12"; a collection read
 * (type only) → "orders".
 *
 * @param type The target type.
 * @param id   The target id ('' for a collection).
 */
export function targetLabel( type: string, id: string ): string {
	if ( type === '' ) {
		return '';
	}
	if ( id === '' ) {
		return type;
	}
	return sprintf(
		/* translators: 1: target type such as "product", 2: its id. */
		__( '%1$s #%2$s', 'agent-guard' ),
		type,
		id
	);
}

/**
 * `product:12` in words.
 *
 * @param key A state's target key.
 */
export function targetKeyLabel( key: string ): string {
	if ( key === 'response' ) {
		return __( 'The store’s answer', 'agent-guard' );
	}
	const at = key.indexOf( ':' );
	return at > 0
		? targetLabel( key.slice( 0, at ), key.slice( at + 1 ) )
		: key;
}

/**
 * The agent's confidence (X-Agent-Confidence: `0.82` or `82`) as a percentage.
 *
 * @param value As stored.
 */
export function formatConfidence( value: string ): string {
	const number = Number( value );
	if ( value.trim() === '' || ! Number.isFinite( number ) ) {
		return value;
	}
	return formatPercent( number <= 1 ? number * 100 : number );
}

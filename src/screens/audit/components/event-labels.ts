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
import {
	agentName,
	decisionLabel,
	personName,
} from '../../../components/labels';
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
	return agentName( event.agent_name, event.agent_id );
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
			return personName( event.actor_name, event.actor_id );
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

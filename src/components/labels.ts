/**
 * Translated words for the values the REST API sends as codes. Call at render time (not
 * at module load) so the translations are in place.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Agent, AgentMode, RiskTier, Token } from '../schemas';

export type Tone = 'success' | 'warning' | 'error' | 'info' | 'neutral';

/**
 * A person's name, or "User #3" when there is none (the account is gone).
 *
 * @param name The name as the server sent it.
 * @param id   The user id.
 */
export function personName(
	name: string | null | undefined,
	id: number
): string {
	return (
		name ||
		sprintf(
			/* translators: %d: user id. */
			__( 'User #%d', 'agent-guard' ),
			id
		)
	);
}

/**
 * An agent's name, or "Agent #7" when there is none.
 *
 * @param name The name as the server sent it.
 * @param id   The agent id.
 */
export function agentName(
	name: string | null | undefined,
	id: number
): string {
	return (
		name ||
		sprintf(
			/* translators: %d: agent id. */
			__( 'Agent #%d', 'agent-guard' ),
			id
		)
	);
}

export function modeLabel( mode: AgentMode, canaryPercent?: number ): string {
	switch ( mode ) {
		case 'observe':
			return __( 'Observe only', 'agent-guard' );
		case 'canary':
			return canaryPercent === undefined
				? __( 'Canary', 'agent-guard' )
				: sprintf(
						/* translators: %s: share of targets open to the agent, e.g. "5". */
						__( 'Canary (%s %%)', 'agent-guard' ),
						String( canaryPercent )
				  );
		case 'active':
			return __( 'Active', 'agent-guard' );
		case 'paused':
			return __( 'Paused', 'agent-guard' );
	}
}

export function modeTone( mode: AgentMode ): Tone {
	switch ( mode ) {
		case 'active':
			return 'success';
		case 'canary':
			return 'info';
		case 'paused':
			return 'warning';
		case 'observe':
			return 'neutral';
	}
}

export function riskLabel( risk: RiskTier ): string {
	switch ( risk ) {
		case 'low':
			return __( 'Low', 'agent-guard' );
		case 'medium':
			return __( 'Medium', 'agent-guard' );
		case 'high':
			return __( 'High', 'agent-guard' );
	}
}

export function agentStatusLabel( status: Agent[ 'status' ] ): string {
	return status === 'archived'
		? __( 'Archived', 'agent-guard' )
		: __( 'Registered', 'agent-guard' );
}

export function tokenStatusLabel( status: Token[ 'status' ] ): string {
	switch ( status ) {
		case 'active':
			return __( 'Active', 'agent-guard' );
		case 'expiring':
			return __( 'Expiring soon', 'agent-guard' );
		case 'grace':
			return __( 'Rotated (grace period)', 'agent-guard' );
		case 'expired':
			return __( 'Expired', 'agent-guard' );
		case 'revoked':
			return __( 'Revoked', 'agent-guard' );
	}
}

export function tokenStatusTone( status: Token[ 'status' ] ): Tone {
	switch ( status ) {
		case 'active':
			return 'success';
		case 'expiring':
		case 'grace':
			return 'warning';
		case 'expired':
		case 'revoked':
			return 'neutral';
	}
}

export function tokenScopeLabel( scope: Token[ 'scope' ] ): string {
	return scope === 'critical'
		? __( 'Critical (short-lived)', 'agent-guard' )
		: __( 'Standard', 'agent-guard' );
}

/**
 * The decision recorded for an agent request: includes/Domain/Decision/Decision.php's
 * outcomes plus `error` (allowed, but the store answered with an error). An unknown code
 * is shown as it came.
 *
 * @param decision The audit event's decision.
 */
export function decisionLabel( decision: string ): string {
	switch ( decision ) {
		case 'allow':
			return __( 'Allowed', 'agent-guard' );
		case 'error':
			return __( 'Allowed, store error', 'agent-guard' );
		case 'deny':
			return __( 'Denied', 'agent-guard' );
		case 'queue':
			return __( 'Queued for approval', 'agent-guard' );
		case 'observe':
			return __( 'Observed only', 'agent-guard' );
		case 'halted':
			return __( 'Halted', 'agent-guard' );
		case 'rate_limited':
			return __( 'Rate limited', 'agent-guard' );
		case 'outside_canary':
			return __( 'Outside the canary', 'agent-guard' );
		case 'invalid':
			return __( 'Invalid request', 'agent-guard' );
		case 'conflict':
			return __( 'Conflict', 'agent-guard' );
		case 'unavailable':
			return __( 'Guard unavailable', 'agent-guard' );
		case 'refused':
			return __( 'Refused', 'agent-guard' );
		case '':
			return __( 'Not recorded', 'agent-guard' );
		default:
			return decision;
	}
}

export function decisionTone( decision: string ): Tone {
	switch ( decision ) {
		case 'allow':
			return 'success';
		case 'deny':
		case 'error':
		case 'halted':
		case 'invalid':
		case 'unavailable':
		case 'refused':
			return 'error';
		case 'queue':
		case 'rate_limited':
		case 'outside_canary':
		case 'conflict':
			return 'warning';
		case 'observe':
			return 'info';
		default:
			return 'neutral';
	}
}

/**
 * An audit event type in words (agent requests, people's acts on agents, approvals,
 * halts, breakers, incidents). An unknown type is shown as it came.
 *
 * @param type The event's event_type.
 */
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

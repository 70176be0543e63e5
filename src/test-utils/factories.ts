/**
 * Builders of valid API objects for tests; each takes overrides.
 */

/**
 * Internal dependencies
 */
import type { InitialState } from '../app/initial-state';
import type { Agent, AuditEvent, IssuedToken, Token } from '../schemas';

export function makeAgent( overrides: Partial< Agent > = {} ): Agent {
	return {
		id: 7,
		name: 'Nightly repricer',
		purpose: 'Keeps prices in line with the supplier feed.',
		owner_user_id: 1,
		owner_name: 'admin',
		service_user_id: 12,
		risk_tier: 'medium',
		mode: 'observe',
		status: 'active',
		notes: '',
		policy_version: 1,
		canary_percent: 0,
		halted: false,
		halt_reason: '',
		halted_at: null,
		halted_by: null,
		created_at: '2026-11-20T08:00:00Z',
		updated_at: '2026-11-20T08:00:00Z',
		last_activity_at: null,
		tokens_active: 0,
		tokens_expiring_soon: 0,
		checklist_open: 5,
		version: 1,
		...overrides,
	};
}

export function makeAuditEvent(
	overrides: Partial< AuditEvent > = {}
): AuditEvent {
	return {
		id: 101,
		occurred_at: '2026-11-21T06:43:46Z',
		event_type: 'agent_request',
		actor_type: 'agent',
		actor_id: 7,
		actor_name: 'Nightly repricer',
		agent_id: 7,
		agent_name: 'Nightly repricer',
		action: '',
		target_type: '',
		target_id: '',
		decision: 'allow',
		rule: '',
		method: 'GET',
		route: '/wc/v3/products',
		status: 200,
		duration_ms: 14,
		approval_id: 0,
		incident_id: 0,
		metadata: { rationale: 'Checking prices before the sale.' },
		before: null,
		after: null,
		details: {},
		hash: 'a'.repeat( 64 ),
		prev_hash: 'b'.repeat( 64 ),
		...overrides,
	};
}

export function makeToken( overrides: Partial< Token > = {} ): Token {
	return {
		id: 3,
		agent_id: 7,
		prefix: 'agk_9u73v05Iufh5',
		label: 'repricer on server A',
		scope: 'standard',
		created_at: '2026-11-21T06:43:46Z',
		expires_at: '2026-12-21T06:43:46Z',
		last_used_at: null,
		revoked_at: null,
		status: 'active',
		...overrides,
	};
}

export function makeIssuedToken(
	overrides: Partial< IssuedToken > = {}
): IssuedToken {
	return {
		...makeToken(),
		secret: 'agk_9u73v05Iufh5Ztvg4thAcwTKv3KqYdISyehIKcbchH5Q',
		...overrides,
	};
}

export function makeInitialState(
	overrides: Partial< InitialState > = {}
): InitialState {
	return {
		version: '0.1.0',
		namespace: 'agent-guard/v1',
		restUrl: 'http://store.test/wp-json/',
		user: { id: 1, name: 'admin', isAdmin: true },
		caps: { manage: true, approve: true, halt: true, audit: true },
		pages: {
			overview: 'http://store.test/wp-admin/admin.php?page=agent-guard',
			agents: 'http://store.test/wp-admin/admin.php?page=agent-guard-agents',
			approvals:
				'http://store.test/wp-admin/admin.php?page=agent-guard-approvals',
			audit: 'http://store.test/wp-admin/admin.php?page=agent-guard-audit',
			canary: 'http://store.test/wp-admin/admin.php?page=agent-guard-canary',
		},
		currency: 'USD',
		priceDecimals: 2,
		...overrides,
	};
}

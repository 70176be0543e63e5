/**
 * Builders of the kill switch, incident, canary and metrics answers for tests; each takes
 * overrides.
 */

/**
 * Internal dependencies
 */
import type { Canary } from '../api/canary';
import type { AgentControl, HaltState, KillSwitchTest } from '../api/halt';
import type { Incident, IncidentAction } from '../api/incidents';
import type { ActivityHour, Metrics } from '../api/metrics';

export function makeHaltState(
	overrides: Partial< HaltState > = {}
): HaltState {
	return {
		halted: false,
		by_constant: false,
		reason: '',
		halted_by: 0,
		halted_by_name: '',
		halted_at: null,
		epoch: 1,
		...overrides,
	};
}

/**
 * The global switch as someone threw it two minutes before 2026-11-21T06:44:00Z.
 * @param overrides
 */
export function makeHaltedState(
	overrides: Partial< HaltState > = {}
): HaltState {
	return makeHaltState( {
		halted: true,
		reason: 'Supplier feed is broken',
		halted_by: 1,
		halted_by_name: 'Ada Ops',
		halted_at: '2026-11-21T06:42:00Z',
		epoch: 2,
		...overrides,
	} );
}

export function makeAgentControl(
	overrides: Partial< AgentControl > = {}
): AgentControl {
	return {
		id: 7,
		name: 'Nightly repricer',
		mode: 'active',
		halted: false,
		halt_reason: '',
		halted_at: null,
		halted_by_name: '',
		canary_percent: 0,
		canary_next: null,
		...overrides,
	};
}

export function makeIncidentAction(
	overrides: Partial< IncidentAction > = {}
): IncidentAction {
	return {
		id: 15,
		occurred_at: '2026-11-21T06:40:00Z',
		action: 'products:update',
		target_type: 'product',
		target_id: '12',
		decision: 'error',
		rule: '',
		method: 'PUT',
		route: '/wc/v3/products/12',
		status: 500,
		...overrides,
	};
}

export function makeIncident( overrides: Partial< Incident > = {} ): Incident {
	return {
		id: 3,
		agent_id: 7,
		agent_name: 'Nightly repricer',
		kind: 'breaker.failures',
		state: 'open',
		summary: 'Circuit breaker: 21 failed actions in 5 minutes (limit 20).',
		evidence: {
			counts: { attempts: 4, failures: 21, burst: 4 },
			recent_actions: [ makeIncidentAction() ],
		},
		audit_event_id: 16,
		opened_at: '2026-11-21T06:41:00Z',
		closed_at: null,
		closed_by: 0,
		closed_by_name: '',
		close_note: '',
		...overrides,
	};
}

export function makeCanary( overrides: Partial< Canary > = {} ): Canary {
	return {
		agent_id: 7,
		mode: 'canary',
		percent: 5,
		next_step: 20,
		cohort: { size: 3, total: 60 },
		limits: { failure_rate_percent: 2, revert_rate_percent: 0.5 },
		since_event_id: 40,
		actions: 12,
		outside: 30,
		failures: 0,
		reverts: 0,
		failure_rate: 0,
		revert_rate: 0,
		series: [
			{ hour: '2026-11-21T05:00:00Z', inside: 4, outside: 10 },
			{ hour: '2026-11-21T06:00:00Z', inside: 8, outside: 20 },
		],
		...overrides,
	};
}

export function makeKillSwitchTest(
	overrides: Partial< KillSwitchTest > = {}
): KillSwitchTest {
	return {
		ms: 3.21,
		refused: true,
		tested_at: '2026-11-21T06:43:30Z',
		...overrides,
	};
}

/**
 * 24 hours ending with the hour of 2026-11-21T06:00:00Z; `counts` sets some of them by
 * index (0 = oldest).
 *
 * @param counts Index => counts of that hour.
 */
export function makeActivity(
	counts: Record< number, Partial< Omit< ActivityHour, 'hour' > > > = {}
): ActivityHour[] {
	const last = Date.parse( '2026-11-21T06:00:00Z' );
	return Array.from( { length: 24 }, ( _, index ) => ( {
		hour: new Date( last - ( 23 - index ) * 3600_000 )
			.toISOString()
			.replace( '.000Z', 'Z' ),
		allowed: 0,
		refused: 0,
		queued: 0,
		...counts[ index ],
	} ) );
}

export function makeMetrics( overrides: Partial< Metrics > = {} ): Metrics {
	return {
		halt: makeHaltState(),
		agents: [ makeAgentControl() ],
		approvals: { pending: 0 },
		incidents: { open: 0 },
		activity: makeActivity(),
		...overrides,
	};
}

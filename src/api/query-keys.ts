/**
 * Query key prefixes, one per screen: `[ 'agent-guard', '<screen>', … ] as const`.
 * A mutation invalidates the prefixes whose data it changes.
 */
export const AGENT_GUARD_KEY = [ 'agent-guard' ] as const;
export const OVERVIEW_KEY = [ ...AGENT_GUARD_KEY, 'overview' ] as const;
export const AGENTS_KEY = [ ...AGENT_GUARD_KEY, 'agents' ] as const;
export const APPROVALS_KEY = [ ...AGENT_GUARD_KEY, 'approvals' ] as const;
export const AUDIT_KEY = [ ...AGENT_GUARD_KEY, 'audit' ] as const;
export const CANARY_KEY = [ ...AGENT_GUARD_KEY, 'canary' ] as const;

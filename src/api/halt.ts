/**
 * Fetchers of the kill switch: `halt` (global), `agents/<id>/halt` and
 * `agents/<id>/kill-switch-test`.
 */

/**
 * Internal dependencies
 */
import {
	agentControlSchema,
	type AgentControl,
} from '../schemas/generated/agent-control';
import {
	haltStateSchema,
	type HaltState,
} from '../schemas/generated/halt-state';
import {
	killSwitchTestSchema,
	type KillSwitchTest,
} from '../schemas/generated/kill-switch-test';
import { apiPath, getJson, parse, sendJson } from './client';

export type { AgentControl, HaltState, KillSwitchTest };

/** The body of POST halt and POST agents/<id>/halt. */
export interface HaltChange {
	halted: boolean;
	/** Why (shown to everyone); at most 500 characters, ignored when resuming. */
	reason?: string;
}

export async function fetchHaltState(
	signal?: AbortSignal
): Promise< HaltState > {
	const data = await getJson( apiPath( 'halt' ), { signal } );
	return parse( haltStateSchema, data );
}

/**
 * Halts or resumes every agent (needs agent_guard_halt). Effective on the very next
 * agent request; audited.
 *
 * @param change Halted or not, and why.
 */
export async function setGlobalHalt(
	change: HaltChange
): Promise< HaltState > {
	const data = await sendJson( 'POST', apiPath( 'halt' ), { ...change } );
	return parse( haltStateSchema, data );
}

/**
 * Halts or resumes one agent (needs agent_guard_halt).
 *
 * @param agentId The agent.
 * @param change  Halted or not, and why.
 */
export async function setAgentHalt(
	agentId: number,
	change: HaltChange
): Promise< AgentControl > {
	const data = await sendJson(
		'POST',
		apiPath( `agents/${ agentId }/halt` ),
		{ ...change }
	);
	return parse( agentControlSchema, data );
}

/**
 * Halts the agent, measures how long until its next request is refused, and resumes it
 * (needs agent_guard_manage). The result is audited and ticks the pre-launch checklist.
 *
 * @param agentId The agent.
 */
export async function testKillSwitch(
	agentId: number
): Promise< KillSwitchTest > {
	const data = await sendJson(
		'POST',
		apiPath( `agents/${ agentId }/kill-switch-test` )
	);
	return parse( killSwitchTestSchema, data );
}

/**
 * Fetchers of `agents/<id>/canary`: the dial's figures (GET) and moving the dial (POST).
 */

/**
 * Internal dependencies
 */
import { agentSchema, type Agent } from '../schemas';
import { canarySchema, type Canary } from '../schemas/generated/canary';
import { apiPath, getJson, parse, sendJson } from './client';

export type { Canary };

/** The usual steps of the dial (Breakers::next_step()). */
export const CANARY_STEPS = [ 1, 5, 20, 100 ] as const;

export async function fetchCanary(
	agentId: number,
	signal?: AbortSignal
): Promise< Canary > {
	const data = await getJson( apiPath( `agents/${ agentId }/canary` ), {
		signal,
	} );
	return parse( canarySchema, data );
}

/**
 * Moves the canary dial (agent_guard_manage): an audited act that stores a new policy
 * version and starts the canary's counts again.
 *
 * @param agentId The agent.
 * @param percent 0 to 100, at most two decimals.
 */
export async function moveCanaryDial(
	agentId: number,
	percent: number
): Promise< Agent > {
	const data = await sendJson(
		'POST',
		apiPath( `agents/${ agentId }/canary` ),
		{ percent }
	);
	return parse( agentSchema, data );
}

/**
 * Fetchers of `incidents`, `incidents/<id>` and `incidents/<id>/close`.
 */

/**
 * Internal dependencies
 */
import { incidentSchema, type Incident } from '../schemas/generated/incident';
import {
	apiPath,
	getCollection,
	getJson,
	parse,
	sendJson,
	type Collection,
} from './client';

export type { Incident };

export type IncidentState = 'open' | 'closed' | 'all';

/** One of the agent's latest actions kept as an incident's evidence. */
export type IncidentAction = NonNullable<
	Incident[ 'evidence' ][ 'recent_actions' ]
>[ number ];

export function fetchIncidents(
	state: IncidentState = 'open',
	signal?: AbortSignal
): Promise< Collection< Incident > > {
	return getCollection( incidentSchema, apiPath( 'incidents', { state } ), {
		signal,
	} );
}

/**
 * One incident, open or closed.
 *
 * @param id     The incident.
 * @param signal Abort signal.
 */
export async function fetchIncident(
	id: number,
	signal?: AbortSignal
): Promise< Incident > {
	const data = await getJson( apiPath( `incidents/${ id }` ), { signal } );
	return parse( incidentSchema, data );
}

/**
 * Closes an incident (agent_guard_halt or agent_guard_manage). The note is required: what
 * happened and what was done. The agent stays halted or paused; resuming it is a separate
 * act.
 *
 * @param id   The incident.
 * @param note What happened and what was done.
 */
export async function closeIncident(
	id: number,
	note: string
): Promise< Incident > {
	const data = await sendJson( 'POST', apiPath( `incidents/${ id }/close` ), {
		note,
	} );
	return parse( incidentSchema, data );
}

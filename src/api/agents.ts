/**
 * Fetchers of `agents`, `agents/<id>` and `templates`.
 */

/**
 * External dependencies
 */
import { z } from 'zod';

/**
 * Internal dependencies
 */
import {
	agentSchema,
	checklistSchema,
	policyTemplateSchema,
	type Agent,
	type AgentMode,
	type Checklist,
	type PolicyTemplate,
	type RiskTier,
} from '../schemas';
import { ApiError } from './errors';
import {
	apiPath,
	getCollection,
	getJson,
	parse,
	sendJson,
	type Collection,
} from './client';

/** The filters GET agents accepts. */
export interface AgentFilters {
	status?: 'active' | 'archived' | 'all';
	mode?: AgentMode;
	risk_tier?: RiskTier;
	search?: string;
}

/** The body of POST agents (a template or a full policy; the template wins here). */
export interface NewAgent {
	name: string;
	purpose?: string;
	/** Omitted: the person creating it. */
	owner_user_id?: number;
	risk_tier?: RiskTier;
	notes?: string;
	template?: string;
}

/** The body of POST agents/<id>: the registry fields, and the version they were read at. */
export interface AgentChanges {
	name?: string;
	purpose?: string;
	owner_user_id?: number;
	risk_tier?: RiskTier;
	notes?: string;
	/** The agent's `version` when the form was loaded; a newer one answers 409. */
	version?: number;
}

/** The body of POST agents/<id>/mode. */
export interface ModeChange {
	mode: AgentMode;
	/** Required (10 characters or more) to leave observe mode with open checklist items. */
	override_reason?: string;
}

/** The error code of a mode change refused because the checklist has open items. */
export const CHECKLIST_OPEN = 'agent_guard_checklist_open';

/**
 * The open checklist items a refused mode change names (`data.open_items` of
 * agent_guard_checklist_open), or null for any other error.
 *
 * @param error What the mutation failed with.
 */
export function openChecklistItems( error: unknown ): string[] | null {
	if ( ! ( error instanceof ApiError ) || error.code !== CHECKLIST_OPEN ) {
		return null;
	}
	const items = error.data.open_items;
	return Array.isArray( items )
		? items.filter( ( item ): item is string => typeof item === 'string' )
		: [];
}

export function fetchAgents(
	filters: AgentFilters = {},
	signal?: AbortSignal
): Promise< Collection< Agent > > {
	return getCollection( agentSchema, apiPath( 'agents', { ...filters } ), {
		signal,
	} );
}

export async function fetchAgent(
	id: number,
	signal?: AbortSignal
): Promise< Agent > {
	const data = await getJson( apiPath( `agents/${ id }` ), { signal } );
	return parse( agentSchema, data );
}

export async function createAgent( input: NewAgent ): Promise< Agent > {
	const data = await sendJson( 'POST', apiPath( 'agents' ), { ...input } );
	return parse( agentSchema, data );
}

export async function fetchTemplates(
	signal?: AbortSignal
): Promise< PolicyTemplate[] > {
	const data = await getJson( apiPath( 'templates' ), { signal } );
	return parse( z.array( policyTemplateSchema ), data );
}

export async function updateAgent(
	id: number,
	changes: AgentChanges
): Promise< Agent > {
	const data = await sendJson( 'POST', apiPath( `agents/${ id }` ), {
		...changes,
	} );
	return parse( agentSchema, data );
}

/**
 * Archives an agent (DELETE): its tokens are revoked, its history is kept.
 *
 * @param id The agent.
 */
export async function archiveAgent( id: number ): Promise< Agent > {
	const data = await sendJson( 'DELETE', apiPath( `agents/${ id }` ) );
	return parse( agentSchema, data );
}

export async function changeMode(
	id: number,
	change: ModeChange
): Promise< Agent > {
	const data = await sendJson( 'POST', apiPath( `agents/${ id }/mode` ), {
		...change,
	} );
	return parse( agentSchema, data );
}

export async function fetchChecklist(
	id: number,
	signal?: AbortSignal
): Promise< Checklist > {
	const data = await getJson( apiPath( `agents/${ id }/checklist` ), {
		signal,
	} );
	return parse( checklistSchema, data );
}

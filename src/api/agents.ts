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
	policyTemplateSchema,
	type Agent,
	type AgentMode,
	type PolicyTemplate,
	type RiskTier,
} from '../schemas';
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
	risk_tier?: RiskTier;
	notes?: string;
	template?: string;
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

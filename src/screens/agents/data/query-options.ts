/**
 * The Agents screen's queries, all under AGENTS_KEY so one invalidation refreshes them.
 */

/**
 * External dependencies
 */
import { queryOptions } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import {
	fetchAgent,
	fetchAgents,
	fetchTemplates,
	type AgentFilters,
} from '../../../api/agents';
import { AGENTS_KEY } from '../../../api/query-keys';
import { fetchTokens } from '../../../api/tokens';

export { AGENTS_KEY };

export const agentsListQuery = ( filters: AgentFilters = {} ) =>
	queryOptions( {
		queryKey: [ ...AGENTS_KEY, 'list', filters ] as const,
		queryFn: ( { signal } ) => fetchAgents( filters, signal ),
	} );

export const agentQuery = ( agentId: number ) =>
	queryOptions( {
		queryKey: [ ...AGENTS_KEY, 'detail', agentId ] as const,
		queryFn: ( { signal } ) => fetchAgent( agentId, signal ),
	} );

export const agentTokensQuery = ( agentId: number ) =>
	queryOptions( {
		queryKey: [ ...AGENTS_KEY, 'detail', agentId, 'tokens' ] as const,
		queryFn: ( { signal } ) => fetchTokens( agentId, signal ),
	} );

/** The policy templates only change with the plugin. */
export const templatesQuery = () =>
	queryOptions( {
		queryKey: [ ...AGENTS_KEY, 'templates' ] as const,
		queryFn: ( { signal } ) => fetchTemplates( signal ),
		staleTime: Infinity,
	} );

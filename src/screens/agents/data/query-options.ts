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
	fetchChecklist,
	fetchTemplates,
	type AgentFilters,
} from '../../../api/agents';
import { fetchAuditEvents } from '../../../api/audit';
import { fetchInventory, fetchSettings } from '../../../api/inventory';
import {
	fetchPolicy,
	fetchPolicyVersion,
	fetchPolicyVersions,
} from '../../../api/policy';
import { AGENTS_KEY } from '../../../api/query-keys';
import { fetchTokens } from '../../../api/tokens';
import { fetchOwnerCandidates } from '../../../api/users';
import { LIVE_REFRESH_MS } from '../../../app/query-client';

export { AGENTS_KEY };

/** How many of an agent's latest audit events its Activity tab lists. */
export const AGENT_ACTIVITY_LIMIT = 20;

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

export const checklistQuery = ( agentId: number ) =>
	queryOptions( {
		queryKey: [ ...AGENTS_KEY, 'detail', agentId, 'checklist' ] as const,
		queryFn: ( { signal } ) => fetchChecklist( agentId, signal ),
	} );

export const policyQuery = ( agentId: number ) =>
	queryOptions( {
		queryKey: [ ...AGENTS_KEY, 'detail', agentId, 'policy' ] as const,
		queryFn: ( { signal } ) => fetchPolicy( agentId, signal ),
	} );

export const policyVersionsQuery = ( agentId: number ) =>
	queryOptions( {
		queryKey: [
			...AGENTS_KEY,
			'detail',
			agentId,
			'policy-versions',
		] as const,
		queryFn: ( { signal } ) => fetchPolicyVersions( agentId, signal ),
	} );

/**
 * A saved version never changes.
 * @param agentId
 * @param version
 */
export const policyVersionQuery = ( agentId: number, version: number ) =>
	queryOptions( {
		queryKey: [
			...AGENTS_KEY,
			'detail',
			agentId,
			'policy-versions',
			version,
		] as const,
		queryFn: ( { signal } ) =>
			fetchPolicyVersion( agentId, version, signal ),
		staleTime: Infinity,
	} );

/**
 * The agent's latest audit events (its requests and what people did to it), live.
 * @param agentId
 */
export const agentActivityQuery = ( agentId: number ) =>
	queryOptions( {
		queryKey: [
			...AGENTS_KEY,
			'detail',
			agentId,
			'activity',
			{ per_page: AGENT_ACTIVITY_LIMIT },
		] as const,
		queryFn: ( { signal } ) =>
			fetchAuditEvents(
				{ agent_id: agentId, per_page: AGENT_ACTIVITY_LIMIT },
				signal
			),
		refetchInterval: LIVE_REFRESH_MS,
		refetchIntervalInBackground: false,
	} );

/** The policy templates only change with the plugin. */
export const templatesQuery = () =>
	queryOptions( {
		queryKey: [ ...AGENTS_KEY, 'templates' ] as const,
		queryFn: ( { signal } ) => fetchTemplates( signal ),
		staleTime: Infinity,
	} );

export const ownersQuery = () =>
	queryOptions( {
		queryKey: [ ...AGENTS_KEY, 'owners' ] as const,
		queryFn: ( { signal } ) => fetchOwnerCandidates( signal ),
		staleTime: 5 * 60_000,
	} );

export const inventoryQuery = () =>
	queryOptions( {
		queryKey: [ ...AGENTS_KEY, 'inventory' ] as const,
		queryFn: ( { signal } ) => fetchInventory( signal ),
	} );

export const settingsQuery = () =>
	queryOptions( {
		queryKey: [ ...AGENTS_KEY, 'settings' ] as const,
		queryFn: ( { signal } ) => fetchSettings( signal ),
	} );

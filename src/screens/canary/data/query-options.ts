/**
 * The Canary screen's queries, all under CANARY_KEY. The dial's figures refresh every few
 * seconds while the tab is visible, as the agent keeps acting.
 */

/**
 * External dependencies
 */
import { queryOptions } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import { fetchAgents } from '../../../api/agents';
import { fetchCanary } from '../../../api/canary';
import { CANARY_KEY } from '../../../api/query-keys';
import { LIVE_REFRESH_MS } from '../../../app/query-client';

export { CANARY_KEY };

/** The registered agents, for the picker (and whether the chosen one is halted). */
export const canaryAgentsQuery = () =>
	queryOptions( {
		queryKey: [ ...CANARY_KEY, 'agents' ] as const,
		queryFn: ( { signal } ) => fetchAgents( {}, signal ),
		refetchInterval: LIVE_REFRESH_MS,
		refetchIntervalInBackground: false,
	} );

export const canaryQuery = ( agentId: number ) =>
	queryOptions( {
		queryKey: [ ...CANARY_KEY, 'detail', agentId ] as const,
		queryFn: ( { signal } ) => fetchCanary( agentId, signal ),
		refetchInterval: LIVE_REFRESH_MS,
		refetchIntervalInBackground: false,
	} );

/**
 * The Overview's queries. All refresh every few seconds while the tab is visible
 * (react-query pauses refetchInterval in a hidden tab); agents, requests and metrics match
 * the paths Assets.php preloads, so the first paint needs no request.
 */

/**
 * External dependencies
 */
import { queryOptions } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import { fetchAgents } from '../../../api/agents';
import { AGENT_REQUEST, fetchAuditEvents } from '../../../api/audit';
import { fetchIncidents } from '../../../api/incidents';
import { fetchMetrics } from '../../../api/metrics';
import { OVERVIEW_KEY } from '../../../api/query-keys';
import { LIVE_REFRESH_MS } from '../../../app/query-client';

export { OVERVIEW_KEY };

/** How many of the latest agent requests the Overview lists (Assets.php preloads 20). */
export const RECENT_REQUESTS_LIMIT = 20;

export const overviewAgentsQuery = () =>
	queryOptions( {
		queryKey: [ ...OVERVIEW_KEY, 'agents' ] as const,
		queryFn: ( { signal } ) => fetchAgents( {}, signal ),
		refetchInterval: LIVE_REFRESH_MS,
		refetchIntervalInBackground: false,
	} );

export const recentAgentRequestsQuery = () =>
	queryOptions( {
		queryKey: [
			...OVERVIEW_KEY,
			'recent-agent-requests',
			{ per_page: RECENT_REQUESTS_LIMIT },
		] as const,
		queryFn: ( { signal } ) =>
			fetchAuditEvents(
				{ event_type: AGENT_REQUEST, per_page: RECENT_REQUESTS_LIMIT },
				signal
			),
		refetchInterval: LIVE_REFRESH_MS,
		refetchIntervalInBackground: false,
	} );

/** Halt state, agents halted or paused, counts, canary stages and activity by hour. */
export const metricsQuery = () =>
	queryOptions( {
		queryKey: [ ...OVERVIEW_KEY, 'metrics' ] as const,
		queryFn: ( { signal } ) => fetchMetrics( signal ),
		refetchInterval: LIVE_REFRESH_MS,
		refetchIntervalInBackground: false,
	} );

/** Incidents nobody has closed yet, newest first. */
export const openIncidentsQuery = () =>
	queryOptions( {
		queryKey: [ ...OVERVIEW_KEY, 'incidents', { state: 'open' } ] as const,
		queryFn: ( { signal } ) => fetchIncidents( 'open', signal ),
		refetchInterval: LIVE_REFRESH_MS,
		refetchIntervalInBackground: false,
	} );

/**
 * The Overview: the agents and what they just did, refreshed every few seconds.
 */

/**
 * External dependencies
 */
import { useQuery } from '@tanstack/react-query';

/**
 * WordPress dependencies
 */
import { __, _n, sprintf } from '@wordpress/i18n';
import { addQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import { PageHeader } from '../../components/page-header';
import { QueryView } from '../../components/query-view';
import { Section } from '../../components/section';
import { useInitialState } from '../../app/initial-state-context';
import { AgentsOverviewTable } from './components/agents-overview-table';
import { OverviewLayout } from './components/overview-layout';
import { RecentActivityTable } from './components/recent-activity-table';
import { LastUpdated } from './components/last-updated';
import {
	overviewAgentsQuery,
	recentAgentRequestsQuery,
} from './data/query-options';

export default function OverviewScreen() {
	const { caps, pages } = useInitialState();
	const agents = useQuery( overviewAgentsQuery() );
	const requests = useQuery( recentAgentRequestsQuery() );
	const now =
		Math.max( agents.dataUpdatedAt, requests.dataUpdatedAt ) || Date.now();
	const agentUrl = caps.manage
		? ( id: number ) => addQueryArgs( pages.agents, { agent: id } )
		: undefined;

	return (
		<>
			<PageHeader title={ __( 'Overview', 'agent-guard' ) } />
			<OverviewLayout
				agents={
					<Section
						title={ __( 'Agents', 'agent-guard' ) }
						meta={
							agents.data
								? sprintf(
										/* translators: %d: number of agents. */
										_n(
											'%d agent',
											'%d agents',
											agents.data.total,
											'agent-guard'
										),
										agents.data.total
								  )
								: null
						}
					>
						<QueryView
							query={ agents }
							loadingLabel={ __(
								'Loading the agents…',
								'agent-guard'
							) }
							errorTitle={ __(
								'Could not load the agents.',
								'agent-guard'
							) }
						>
							{ ( data ) => (
								<AgentsOverviewTable
									agents={ data.items }
									now={ now }
									agentUrl={ agentUrl }
									addAgentUrl={
										caps.manage ? pages.agents : undefined
									}
								/>
							) }
						</QueryView>
					</Section>
				}
				recentActivity={
					<Section
						title={ __( 'Recent agent requests', 'agent-guard' ) }
						meta={ <LastUpdated at={ requests.dataUpdatedAt } /> }
					>
						<QueryView
							query={ requests }
							loadingLabel={ __(
								'Loading the latest requests…',
								'agent-guard'
							) }
							errorTitle={ __(
								'Could not load the latest requests.',
								'agent-guard'
							) }
						>
							{ ( data ) => (
								<RecentActivityTable
									events={ data.items }
									now={ now }
								/>
							) }
						</QueryView>
					</Section>
				}
			/>
		</>
	);
}

/**
 * The Overview: the halt state first, then what needs a person (stopped agents, open
 * incidents, pending approvals), the canary stages, the agents and what they just did;
 * refreshed every few seconds.
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
import { canaryPageUrl } from '../../components/page-urls';
import { QueryView } from '../../components/query-view';
import { Section } from '../../components/section';
import { useInitialState } from '../../app/initial-state-context';
import { ActivityChart } from './components/activity-chart';
import { AgentsOverviewTable } from './components/agents-overview-table';
import { CanaryStagesTable } from './components/canary-stages-table';
import { OverviewLayout } from './components/overview-layout';
import { PendingApprovals } from './components/pending-approvals';
import { RecentActivityTable } from './components/recent-activity-table';
import { LastUpdated } from './components/last-updated';
import { stoppedAgents } from './components/stopped-agents-table';
import {
	metricsQuery,
	openIncidentsQuery,
	overviewAgentsQuery,
	recentAgentRequestsQuery,
} from './data/query-options';
import { HaltStateView } from './views/halt-state-view';
import { IncidentsView } from './views/incidents-view';
import { StoppedAgentsView } from './views/stopped-agents-view';

export default function OverviewScreen() {
	const { caps, pages } = useInitialState();
	const agents = useQuery( overviewAgentsQuery() );
	const requests = useQuery( recentAgentRequestsQuery() );
	const metrics = useQuery( metricsQuery() );
	const incidents = useQuery( openIncidentsQuery() );
	const now =
		Math.max(
			agents.dataUpdatedAt,
			requests.dataUpdatedAt,
			metrics.dataUpdatedAt,
			incidents.dataUpdatedAt
		) || Date.now();
	const agentUrl = caps.manage
		? ( id: number ) => addQueryArgs( pages.agents, { agent: id } )
		: undefined;
	const stopped = metrics.data ? stoppedAgents( metrics.data.agents ) : [];

	return (
		<>
			<PageHeader title={ __( 'Overview', 'agent-guard' ) } />
			<OverviewLayout
				haltState={
					<QueryView
						query={ metrics }
						loadingLabel={ __(
							'Loading the halt state…',
							'agent-guard'
						) }
						errorTitle={ __(
							'Could not load the halt state.',
							'agent-guard'
						) }
					>
						{ ( data ) => (
							<HaltStateView state={ data.halt } now={ now } />
						) }
					</QueryView>
				}
				stoppedAgents={
					metrics.data && stopped.length > 0 ? (
						<Section
							title={ __(
								'Agents halted or paused',
								'agent-guard'
							) }
						>
							<StoppedAgentsView
								agents={ metrics.data.agents }
								now={ now }
								globallyHalted={ metrics.data.halt.halted }
							/>
						</Section>
					) : null
				}
				alerts={
					<Section
						title={ __( 'Open incidents', 'agent-guard' ) }
						meta={
							incidents.data
								? sprintf(
										/* translators: %d: number of open incidents. */
										_n(
											'%d open',
											'%d open',
											incidents.data.total,
											'agent-guard'
										),
										incidents.data.total
								  )
								: null
						}
					>
						<QueryView
							query={ incidents }
							loadingLabel={ __(
								'Loading the incidents…',
								'agent-guard'
							) }
							errorTitle={ __(
								'Could not load the incidents.',
								'agent-guard'
							) }
						>
							{ ( data ) => (
								<IncidentsView
									incidents={ data.items }
									now={ now }
								/>
							) }
						</QueryView>
					</Section>
				}
				pendingApprovals={
					metrics.data ? (
						<Section
							title={ __( 'Pending approvals', 'agent-guard' ) }
						>
							<PendingApprovals
								pending={ metrics.data.approvals.pending }
								approvalsUrl={
									caps.approve ? pages.approvals : undefined
								}
							/>
						</Section>
					) : null
				}
				canary={
					metrics.data ? (
						<Section title={ __( 'Canary stages', 'agent-guard' ) }>
							<CanaryStagesTable
								agents={ metrics.data.agents }
								canaryUrl={ ( id ) =>
									canaryPageUrl( pages, id )
								}
							/>
						</Section>
					) : null
				}
				activity={
					metrics.data ? (
						<Section
							title={ __(
								'Activity over the last 24 hours',
								'agent-guard'
							) }
							meta={
								<LastUpdated at={ metrics.dataUpdatedAt } />
							}
						>
							<ActivityChart hours={ metrics.data.activity } />
						</Section>
					) : null
				}
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

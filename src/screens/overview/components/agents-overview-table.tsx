/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { HaltedBadge, ModeBadge } from '../../../components/agent-badges';
import { DataTable } from '../../../components/data-table';
import { EmptyState } from '../../../components/empty-state';
import { agentStatusLabel, riskLabel } from '../../../components/labels';
import { RelativeTime } from '../../../components/relative-time';
import type { Agent } from '../../../schemas';

interface AgentsOverviewTableProps {
	agents: Agent[];
	now: number;
	/** The agent's page in the registry, or undefined when the reader may not open it. */
	agentUrl?: ( id: number ) => string;
	/** Where to register the first agent (shown in the empty state), if the reader may. */
	addAgentUrl?: string;
}

/**
 * The agents at a glance: mode, whether they are halted, risk, and when they last acted.
 *
 * @param props             Props.
 * @param props.agents
 * @param props.now
 * @param props.agentUrl
 * @param props.addAgentUrl
 */
export function AgentsOverviewTable( {
	agents,
	now,
	agentUrl,
	addAgentUrl,
}: AgentsOverviewTableProps ) {
	return (
		<DataTable
			caption={ __( 'Registered agents', 'agent-guard' ) }
			columns={ [
				__( 'Agent', 'agent-guard' ),
				__( 'Mode', 'agent-guard' ),
				__( 'Halted', 'agent-guard' ),
				__( 'Status', 'agent-guard' ),
				__( 'Risk', 'agent-guard' ),
				__( 'Last activity', 'agent-guard' ),
			] }
			rows={ agents }
			empty={
				<EmptyState
					message={ __(
						'No agent is registered yet.',
						'agent-guard'
					) }
				>
					{ addAgentUrl ? (
						<a href={ addAgentUrl }>
							{ __( 'Register an agent', 'agent-guard' ) }
						</a>
					) : null }
				</EmptyState>
			}
			renderRow={ ( agent ) => (
				<tr key={ agent.id } data-agent-id={ agent.id }>
					<th scope="row">
						{ agentUrl ? (
							<a href={ agentUrl( agent.id ) }>{ agent.name }</a>
						) : (
							agent.name
						) }
					</th>
					<td>
						<ModeBadge
							mode={ agent.mode }
							canaryPercent={ agent.canary_percent }
						/>
					</td>
					<td>
						{ agent.halted ? (
							<HaltedBadge reason={ agent.halt_reason } />
						) : (
							__( 'No', 'agent-guard' )
						) }
						{ agent.halted && agent.halt_reason ? (
							<span className="agent-guard-table__note">
								{ agent.halt_reason }
							</span>
						) : null }
					</td>
					<td>{ agentStatusLabel( agent.status ) }</td>
					<td>{ riskLabel( agent.risk_tier ) }</td>
					<td>
						<RelativeTime
							value={ agent.last_activity_at }
							now={ now }
							fallback={ __( 'No request yet', 'agent-guard' ) }
						/>
					</td>
				</tr>
			) }
		/>
	);
}

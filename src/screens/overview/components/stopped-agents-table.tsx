/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AgentControl } from '../../../api/halt';
import { Badge } from '../../../components/badge';
import { ActionsHeading, DataTable } from '../../../components/data-table';
import { EmptyState } from '../../../components/empty-state';
import { RelativeTime } from '../../../components/relative-time';

interface StoppedAgentsTableProps {
	/** Every agent; the table shows those halted or paused. */
	agents: AgentControl[];
	now: number;
	/** Asks to resume a halted agent; undefined when the reader may not (agent_guard_halt). */
	onResume?: ( agent: AgentControl ) => void;
	/** Where a paused agent's mode is changed, when the reader may (agent_guard_manage). */
	agentUrl?: ( id: number ) => string;
}

/**
 * The agents whose requests are refused by their own switch or their mode.
 * @param agents
 */
export function stoppedAgents( agents: AgentControl[] ): AgentControl[] {
	return agents.filter(
		( agent ) => agent.halted || agent.mode === 'paused'
	);
}

/**
 * Agents halted one by one (by a person or a circuit breaker) or paused (by a canary
 * condition or a person): why, by whom, since when, and how to resume them.
 *
 * @param props          Props.
 * @param props.agents
 * @param props.now
 * @param props.onResume
 * @param props.agentUrl
 */
export function StoppedAgentsTable( {
	agents,
	now,
	onResume,
	agentUrl,
}: StoppedAgentsTableProps ) {
	const stopped = stoppedAgents( agents );
	return (
		<DataTable
			caption={ __( 'Agents halted or paused', 'agent-guard' ) }
			columns={ [
				__( 'Agent', 'agent-guard' ),
				__( 'State', 'agent-guard' ),
				__( 'Reason', 'agent-guard' ),
				__( 'Since', 'agent-guard' ),
				<ActionsHeading key="actions" />,
			] }
			rows={ stopped }
			empty={
				<EmptyState
					message={ __(
						'No agent is halted or paused.',
						'agent-guard'
					) }
				/>
			}
			renderRow={ ( agent ) => (
				<tr key={ agent.id } data-agent-id={ agent.id }>
					<th scope="row">
						<bdi>{ agent.name }</bdi>
					</th>
					<td>
						{ agent.halted ? (
							<Badge tone="error">
								{ __( 'Halted', 'agent-guard' ) }
							</Badge>
						) : null }
						{ agent.halted && agent.mode === 'paused' ? ' ' : null }
						{ agent.mode === 'paused' ? (
							<Badge tone="warning">
								{ __( 'Paused', 'agent-guard' ) }
							</Badge>
						) : null }
					</td>
					<td>
						{ agent.halted ? (
							<>
								<bdi>
									{ agent.halt_reason ||
										__( 'No reason given', 'agent-guard' ) }
								</bdi>
								{ agent.halted_by_name ? (
									<span className="agent-guard-table__note">
										{ sprintf(
											/* translators: %s: who halted the agent (a person, or "Agent Guard" for a circuit breaker). */
											__( 'by %s', 'agent-guard' ),
											agent.halted_by_name
										) }
									</span>
								) : null }
							</>
						) : (
							__(
								'Its mode is paused: every request is refused until its mode is changed.',
								'agent-guard'
							)
						) }
					</td>
					<td>
						{ agent.halted ? (
							<RelativeTime
								value={ agent.halted_at }
								now={ now }
								fallback={ __( 'Unknown', 'agent-guard' ) }
							/>
						) : (
							'—'
						) }
					</td>
					<td>
						{ agent.halted && onResume ? (
							<Button
								variant="secondary"
								onClick={ () => onResume( agent ) }
								aria-label={ sprintf(
									/* translators: %s: agent name. */
									__( 'Resume %s', 'agent-guard' ),
									agent.name
								) }
							>
								{ __( 'Resume', 'agent-guard' ) }
							</Button>
						) : null }
						{ ! agent.halted &&
						agent.mode === 'paused' &&
						agentUrl ? (
							<a href={ agentUrl( agent.id ) }>
								{ __( 'Change its mode', 'agent-guard' ) }
							</a>
						) : null }
					</td>
				</tr>
			) }
		/>
	);
}

/**
 * External dependencies
 */
import type { ReactNode } from 'react';

interface OverviewLayoutProps {
	/** The global kill switch: halted (why, who, when, resume) or running (halt). */
	haltState?: ReactNode;
	/** Agents halted one by one or paused, with a way to resume them. */
	stoppedAgents?: ReactNode;
	/** Open incidents: circuit breakers and canary conditions that stopped an agent. */
	alerts?: ReactNode;
	/** Requests waiting for a human (count, link to Approvals). */
	pendingApprovals?: ReactNode;
	/** The canary stage of each agent, linking to the Canary screen. */
	canary?: ReactNode;
	/** The agents, with their mode, risk and own halt flag. */
	agents: ReactNode;
	/** Agent requests per hour over the last 24 hours. */
	activity?: ReactNode;
	/** The latest requests agents made, and what Agent Guard decided. */
	recentActivity: ReactNode;
}

/**
 * Where each part of the Overview goes, in reading order: what needs attention first
 * (halt state, stopped agents, incidents, approvals), then the agents and what they did. A
 * region without content is left out rather than shown empty.
 *
 * @param props                  Props.
 * @param props.haltState
 * @param props.stoppedAgents
 * @param props.alerts
 * @param props.pendingApprovals
 * @param props.canary
 * @param props.agents
 * @param props.activity
 * @param props.recentActivity
 */
export function OverviewLayout( {
	haltState,
	stoppedAgents,
	alerts,
	pendingApprovals,
	canary,
	agents,
	activity,
	recentActivity,
}: OverviewLayoutProps ) {
	const region = ( name: string, content: ReactNode ) =>
		content ? (
			<div className={ `agent-guard-overview__${ name }` }>
				{ content }
			</div>
		) : null;
	return (
		<div className="agent-guard-overview">
			{ region( 'halt-state', haltState ) }
			{ region( 'stopped-agents', stoppedAgents ) }
			{ region( 'alerts', alerts ) }
			{ region( 'pending-approvals', pendingApprovals ) }
			{ region( 'canary', canary ) }
			{ region( 'agents', agents ) }
			{ region( 'activity', activity ) }
			{ region( 'recent-activity', recentActivity ) }
		</div>
	);
}

/**
 * External dependencies
 */
import type { ReactNode } from 'react';

interface OverviewLayoutProps {
	/**
	 * The global kill switch: who halted all agents, when, why, and the button to resume.
	 * Empty until the `halt` REST route exists.
	 */
	haltState?: ReactNode;
	/** The agents, with their mode, risk and own halt flag. */
	agents: ReactNode;
	/**
	 * Requests waiting for a human (count, oldest first, link to Approvals). Empty until
	 * the `approvals` REST route exists.
	 */
	pendingApprovals?: ReactNode;
	/**
	 * Circuit breakers that fired, tokens about to expire, checklists left open. Empty
	 * until the `metrics` REST route exists.
	 */
	alerts?: ReactNode;
	/** The latest requests agents made, and what Agent Guard decided. */
	recentActivity: ReactNode;
}

/**
 * Where each part of the Overview goes, in reading order: what needs attention first
 * (halt state, alerts, approvals), then the agents and what they did. A region without
 * content is left out rather than shown empty.
 *
 * @param props                  Props.
 * @param props.haltState
 * @param props.agents
 * @param props.pendingApprovals
 * @param props.alerts
 * @param props.recentActivity
 */
export function OverviewLayout( {
	haltState,
	agents,
	pendingApprovals,
	alerts,
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
			{ region( 'alerts', alerts ) }
			{ region( 'pending-approvals', pendingApprovals ) }
			{ region( 'agents', agents ) }
			{ region( 'recent-activity', recentActivity ) }
		</div>
	);
}

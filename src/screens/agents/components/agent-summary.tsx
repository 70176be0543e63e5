/**
 * WordPress dependencies
 */
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ModeBadge } from '../../../components/agent-badges';
import { Badge } from '../../../components/badge';
import {
	agentStatusLabel,
	personName,
	riskLabel,
} from '../../../components/labels';
import { RelativeTime } from '../../../components/relative-time';
import type { Agent } from '../../../schemas';

interface AgentSummaryProps {
	agent: Agent;
	now: number;
}

/**
 * The facts of one agent, as a description list.
 *
 * @param props       Props.
 * @param props.agent
 * @param props.now
 */
export function AgentSummary( { agent, now }: AgentSummaryProps ) {
	return (
		<dl className="agent-guard-facts">
			<dt>{ __( 'Purpose', 'agent-guard' ) }</dt>
			<dd>{ agent.purpose || __( 'Not stated', 'agent-guard' ) }</dd>

			<dt>{ __( 'Mode', 'agent-guard' ) }</dt>
			<dd>
				<ModeBadge
					mode={ agent.mode }
					canaryPercent={ agent.canary_percent }
				/>
			</dd>

			<dt>{ __( 'Halted', 'agent-guard' ) }</dt>
			<dd>
				{ agent.halted ? (
					<>
						<Badge tone="error">
							{ __( 'Halted', 'agent-guard' ) }
						</Badge>{ ' ' }
						{ agent.halt_reason }
					</>
				) : (
					__( 'No', 'agent-guard' )
				) }
			</dd>

			<dt>{ __( 'Risk', 'agent-guard' ) }</dt>
			<dd>{ riskLabel( agent.risk_tier ) }</dd>

			<dt>{ __( 'Status', 'agent-guard' ) }</dt>
			<dd>{ agentStatusLabel( agent.status ) }</dd>

			<dt>{ __( 'Owner', 'agent-guard' ) }</dt>
			<dd>{ personName( agent.owner_name, agent.owner_user_id ) }</dd>

			<dt>{ __( 'Policy version', 'agent-guard' ) }</dt>
			<dd>{ agent.policy_version }</dd>

			<dt>{ __( 'Launch checklist', 'agent-guard' ) }</dt>
			<dd>
				{ agent.checklist_open === 0
					? __( 'Complete', 'agent-guard' )
					: sprintf(
							/* translators: %d: open checklist items. */
							_n(
								'%d item open',
								'%d items open',
								agent.checklist_open,
								'agent-guard'
							),
							agent.checklist_open
					  ) }
			</dd>

			{ agent.notes ? (
				<>
					<dt>{ __( 'Notes', 'agent-guard' ) }</dt>
					<dd className="agent-guard-facts__notes">
						{ agent.notes }
					</dd>
				</>
			) : null }

			<dt>{ __( 'Last activity', 'agent-guard' ) }</dt>
			<dd>
				<RelativeTime
					value={ agent.last_activity_at }
					now={ now }
					fallback={ __( 'No request yet', 'agent-guard' ) }
				/>
			</dd>
		</dl>
	);
}

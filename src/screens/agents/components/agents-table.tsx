/**
 * WordPress dependencies
 */
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { HaltedBadge, ModeBadge } from '../../../components/agent-badges';
import { Badge } from '../../../components/badge';
import { DataTable } from '../../../components/data-table';
import {
	agentStatusLabel,
	personName,
	riskLabel,
} from '../../../components/labels';
import { RelativeTime } from '../../../components/relative-time';
import type { Agent } from '../../../schemas';

interface AgentsTableProps {
	agents: Agent[];
	now: number;
	/** A real URL for each agent (new tab, copy link). */
	agentUrl: ( id: number ) => string;
	/** Opens the agent in place. */
	onOpen: ( id: number ) => void;
}

/**
 * The owner's name, or "User #3" when the user is gone.
 *
 * @param agent The agent.
 */
export function ownerName( agent: Agent ): string {
	return personName( agent.owner_name, agent.owner_user_id );
}

/**
 * The registry: one row per agent, its name opening the agent's page. Tokens that expire
 * within 7 days and open checklist items stand out.
 *
 * @param props          Props.
 * @param props.agents
 * @param props.now
 * @param props.agentUrl
 * @param props.onOpen
 */
export function AgentsTable( {
	agents,
	now,
	agentUrl,
	onOpen,
}: AgentsTableProps ) {
	return (
		<DataTable
			caption={ __( 'Registered agents', 'agent-guard' ) }
			columns={ [
				__( 'Agent', 'agent-guard' ),
				__( 'Status', 'agent-guard' ),
				__( 'Mode', 'agent-guard' ),
				__( 'Risk', 'agent-guard' ),
				__( 'Owner', 'agent-guard' ),
				__( 'Tokens', 'agent-guard' ),
				__( 'Checklist', 'agent-guard' ),
				__( 'Last activity', 'agent-guard' ),
			] }
			rows={ agents }
			renderRow={ ( agent ) => (
				<tr key={ agent.id } data-agent-id={ agent.id }>
					<th scope="row">
						<a
							href={ agentUrl( agent.id ) }
							onClick={ ( event ) => {
								if (
									event.metaKey ||
									event.ctrlKey ||
									event.shiftKey ||
									event.button !== 0
								) {
									return;
								}
								event.preventDefault();
								onOpen( agent.id );
							} }
						>
							{ agent.name }
						</a>
						{ agent.purpose ? (
							<span className="agent-guard-table__note">
								{ agent.purpose }
							</span>
						) : null }
					</th>
					<td>
						{ agent.status === 'archived' ? (
							<Badge>{ agentStatusLabel( agent.status ) }</Badge>
						) : (
							agentStatusLabel( agent.status )
						) }
					</td>
					<td>
						<ModeBadge
							mode={ agent.mode }
							canaryPercent={ agent.canary_percent }
						/>{ ' ' }
						{ agent.halted ? (
							<HaltedBadge reason={ agent.halt_reason } />
						) : null }
					</td>
					<td>{ riskLabel( agent.risk_tier ) }</td>
					<td>{ ownerName( agent ) }</td>
					<td>
						{ sprintf(
							/* translators: %d: active tokens. */
							__( '%d active', 'agent-guard' ),
							agent.tokens_active
						) }
						{ agent.tokens_expiring_soon > 0 ? (
							<>
								{ ' ' }
								<Badge
									tone="warning"
									title={ __(
										'Expires within 7 days: rotate it or issue a new one.',
										'agent-guard'
									) }
								>
									{ sprintf(
										/* translators: %d: tokens that expire within 7 days. */
										_n(
											'%d expiring soon',
											'%d expiring soon',
											agent.tokens_expiring_soon,
											'agent-guard'
										),
										agent.tokens_expiring_soon
									) }
								</Badge>
							</>
						) : null }
					</td>
					<td>
						{ agent.checklist_open > 0 ? (
							<Badge tone="warning">
								{ sprintf(
									/* translators: %d: open checklist items. */
									_n(
										'%d open',
										'%d open',
										agent.checklist_open,
										'agent-guard'
									),
									agent.checklist_open
								) }
							</Badge>
						) : (
							__( 'Complete', 'agent-guard' )
						) }
					</td>
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

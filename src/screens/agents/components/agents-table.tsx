/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { Badge } from '../../../components/badge';
import { modeLabel, modeTone, riskLabel } from '../../../components/labels';
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
 * The registry: one row per agent, its name opening the agent's page.
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
		<table className="widefat striped agent-guard-table">
			<caption className="screen-reader-text">
				{ __( 'Registered agents', 'agent-guard' ) }
			</caption>
			<thead>
				<tr>
					<th scope="col">{ __( 'Agent', 'agent-guard' ) }</th>
					<th scope="col">{ __( 'Mode', 'agent-guard' ) }</th>
					<th scope="col">{ __( 'Risk', 'agent-guard' ) }</th>
					<th scope="col">{ __( 'Tokens', 'agent-guard' ) }</th>
					<th scope="col">
						{ __( 'Last activity', 'agent-guard' ) }
					</th>
				</tr>
			</thead>
			<tbody>
				{ agents.map( ( agent ) => (
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
							<Badge tone={ modeTone( agent.mode ) }>
								{ modeLabel(
									agent.mode,
									agent.canary_percent
								) }
							</Badge>{ ' ' }
							{ agent.halted ? (
								<Badge
									tone="error"
									title={ agent.halt_reason || undefined }
								>
									{ __( 'Halted', 'agent-guard' ) }
								</Badge>
							) : null }
						</td>
						<td>{ riskLabel( agent.risk_tier ) }</td>
						<td>
							{ agent.tokens_expiring_soon > 0
								? sprintf(
										/* translators: 1: active tokens, 2: of which expire within 7 days. */
										__(
											'%1$d active (%2$d expiring soon)',
											'agent-guard'
										),
										agent.tokens_active,
										agent.tokens_expiring_soon
								  )
								: sprintf(
										/* translators: %d: active tokens. */
										__( '%d active', 'agent-guard' ),
										agent.tokens_active
								  ) }
						</td>
						<td>
							<RelativeTime
								value={ agent.last_activity_at }
								now={ now }
								fallback={ __(
									'No request yet',
									'agent-guard'
								) }
							/>
						</td>
					</tr>
				) ) }
			</tbody>
		</table>
	);
}

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { Badge } from '../../../components/badge';
import { DataTable } from '../../../components/data-table';
import { EmptyState } from '../../../components/empty-state';
import {
	agentName,
	decisionLabel,
	decisionTone,
} from '../../../components/labels';
import { RelativeTime } from '../../../components/relative-time';
import type { AuditEvent } from '../../../schemas';

interface RecentActivityTableProps {
	events: AuditEvent[];
	now: number;
}

/**
 * The rationale the agent sent (X-Agent-Rationale), if any.
 *
 * @param event An agent_request audit event.
 */
export function rationaleOf( event: AuditEvent ): string | null {
	const { rationale } = event.metadata;
	return typeof rationale === 'string' && rationale !== '' ? rationale : null;
}

/**
 * The latest requests agents made: what they asked, what Agent Guard decided and which
 * rule decided it, how the store answered, and the agent's stated reason.
 *
 * @param props        Props.
 * @param props.events
 * @param props.now
 */
export function RecentActivityTable( {
	events,
	now,
}: RecentActivityTableProps ) {
	return (
		<DataTable
			className="agent-guard-activity"
			caption={ __( 'Latest agent requests', 'agent-guard' ) }
			columns={ [
				__( 'Time', 'agent-guard' ),
				__( 'Agent', 'agent-guard' ),
				__( 'Request', 'agent-guard' ),
				__( 'Decision', 'agent-guard' ),
				__( 'Rule', 'agent-guard' ),
				__( 'HTTP status', 'agent-guard' ),
				__( 'Duration', 'agent-guard' ),
				__( 'Rationale', 'agent-guard' ),
			] }
			rows={ events }
			empty={
				<EmptyState
					message={ __(
						'No agent has made a request yet.',
						'agent-guard'
					) }
				/>
			}
			renderRow={ ( event ) => {
				const rationale = rationaleOf( event );
				return (
					<tr key={ event.id } data-event-id={ event.id }>
						<td>
							<RelativeTime
								value={ event.occurred_at }
								now={ now }
							/>
						</td>
						<td>
							{ agentName( event.agent_name, event.agent_id ) }
						</td>
						<td>
							<code>
								{ event.method } { event.route }
							</code>
						</td>
						<td>
							<Badge tone={ decisionTone( event.decision ) }>
								{ decisionLabel( event.decision ) }
							</Badge>
						</td>
						<td>
							{ event.rule ? <code>{ event.rule }</code> : '—' }
						</td>
						<td>{ event.status > 0 ? event.status : '—' }</td>
						<td>
							{ sprintf(
								/* translators: %d: milliseconds. */
								__( '%d ms', 'agent-guard' ),
								event.duration_ms
							) }
						</td>
						<td className="agent-guard-activity__rationale">
							{ rationale !== null ? (
								<bdi>{ rationale }</bdi>
							) : (
								<span className="agent-guard-muted">
									{ __( 'None given', 'agent-guard' ) }
								</span>
							) }
						</td>
					</tr>
				);
			} }
		/>
	);
}

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { Badge } from '../../../components/badge';
import { DataTable } from '../../../components/data-table';
import { EmptyState } from '../../../components/empty-state';
import { decisionLabel, decisionTone } from '../../../components/labels';
import { RelativeTime } from '../../../components/relative-time';
import type { AuditEvent } from '../../../schemas';
import { activityEventLabel } from './vocabulary';

interface ActivityTableProps {
	events: AuditEvent[];
	now: number;
}

function what( event: AuditEvent ): string {
	if ( event.method || event.route ) {
		return [ event.method, event.route ].filter( Boolean ).join( ' ' );
	}
	if ( event.target_type ) {
		return [ event.target_type, event.target_id ]
			.filter( Boolean )
			.join( ' #' );
	}
	return '';
}

/**
 * One agent's latest audit events, newest first: its requests with their decisions, and
 * what people did to it (policy saves, mode changes, tokens).
 *
 * @param props        Props.
 * @param props.events
 * @param props.now
 */
export function ActivityTable( { events, now }: ActivityTableProps ) {
	return (
		<DataTable
			caption={ __( 'Latest activity of this agent', 'agent-guard' ) }
			columns={ [
				__( 'When', 'agent-guard' ),
				__( 'Event', 'agent-guard' ),
				__( 'By', 'agent-guard' ),
				__( 'What', 'agent-guard' ),
				__( 'Decision', 'agent-guard' ),
			] }
			rows={ events }
			empty={
				<EmptyState
					message={ __(
						'Nothing recorded for this agent yet.',
						'agent-guard'
					) }
				/>
			}
			renderRow={ ( event ) => (
				<tr key={ event.id } data-event-id={ event.id }>
					<td>
						<RelativeTime value={ event.occurred_at } now={ now } />
					</td>
					<th scope="row">
						{ activityEventLabel( event.event_type ) }
						{ event.action ? (
							<span className="agent-guard-table__note">
								<code>{ event.action }</code>
							</span>
						) : null }
					</th>
					<td>{ event.actor_name }</td>
					<td>
						{ what( event ) }
						{ event.status ? (
							<span className="agent-guard-table__note">
								{ `HTTP ${ event.status }` }
							</span>
						) : null }
					</td>
					<td>
						{ event.decision ? (
							<Badge
								tone={ decisionTone( event.decision ) }
								title={ event.rule || undefined }
							>
								{ decisionLabel( event.decision ) }
							</Badge>
						) : (
							'—'
						) }
					</td>
				</tr>
			) }
		/>
	);
}

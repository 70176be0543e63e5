/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { Fragment } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { actionLabel } from '../../../components/approval-labels';
import { Badge } from '../../../components/badge';
import { DataTable } from '../../../components/data-table';
import { decisionTone, eventTypeLabel } from '../../../components/labels';
import { formatDateTime } from '../../../components/relative-time';
import type { AuditEvent } from '../../../schemas';
import {
	actorLabel,
	actorTypeLabel,
	agentLabel,
	auditDecisionLabel,
	targetLabel,
} from './event-labels';

const COLUMNS = 8;

interface AuditTableProps {
	events: AuditEvent[];
	/** The event whose details are open. */
	openId: number | null;
	onToggle: ( id: number ) => void;
	/** Renders the open event's details under its row. */
	renderDetails: ( event: AuditEvent ) => ReactNode;
}

export function detailsId( id: number ): string {
	return `agent-guard-audit-event-${ id }-details`;
}

/**
 * The decision with the rule that decided it; nothing for acts that decide nothing
 * (a token issued, a policy saved).
 *
 * @param props       Props.
 * @param props.event The event.
 */
export function DecisionCell( { event }: { event: AuditEvent } ) {
	if ( event.decision === '' && event.rule === '' ) {
		return <span className="agent-guard-muted">—</span>;
	}
	return (
		<>
			{ event.decision !== '' ? (
				<Badge tone={ decisionTone( event.decision ) }>
					{ auditDecisionLabel( event.decision ) }
				</Badge>
			) : null }
			{ event.rule !== '' ? (
				<span className="agent-guard-table__note">
					<code>{ event.rule }</code>
				</span>
			) : null }
		</>
	);
}

/**
 * The log, newest first: one row per event with who did what to which target and what
 * was decided; a row's details open under it.
 *
 * @param props               Props.
 * @param props.events
 * @param props.openId
 * @param props.onToggle
 * @param props.renderDetails
 */
export function AuditTable( {
	events,
	openId,
	onToggle,
	renderDetails,
}: AuditTableProps ) {
	return (
		<DataTable
			className="agent-guard-audit-table"
			caption={ __( 'Audit events, newest first', 'agent-guard' ) }
			columns={ [
				__( 'Time', 'agent-guard' ),
				__( 'Agent', 'agent-guard' ),
				__( 'Actor', 'agent-guard' ),
				__( 'Event', 'agent-guard' ),
				__( 'Action', 'agent-guard' ),
				__( 'Target', 'agent-guard' ),
				__( 'Decision', 'agent-guard' ),
				__( 'Status', 'agent-guard' ),
			] }
			rows={ events }
			renderRow={ ( event ) => {
				const open = openId === event.id;
				return (
					<Fragment key={ event.id }>
						<tr
							data-event-id={ event.id }
							className={ open ? 'is-expanded' : undefined }
						>
							<th scope="row">
								<time
									dateTime={ event.occurred_at }
									title={ event.occurred_at }
								>
									{ formatDateTime( event.occurred_at ) }
								</time>
								<span className="agent-guard-table__note">
									#{ event.id }
								</span>
								<Button
									variant="link"
									onClick={ () => onToggle( event.id ) }
									aria-expanded={ open }
									aria-controls={
										open ? detailsId( event.id ) : undefined
									}
									aria-label={
										open
											? sprintf(
													/* translators: %d: audit event id. */
													__(
														'Hide details of event #%d',
														'agent-guard'
													),
													event.id
											  )
											: sprintf(
													/* translators: %d: audit event id. */
													__(
														'Show details of event #%d',
														'agent-guard'
													),
													event.id
											  )
									}
								>
									{ open
										? __( 'Hide details', 'agent-guard' )
										: __( 'Details', 'agent-guard' ) }
								</Button>
							</th>
							<td>
								{ agentLabel( event ) || (
									<span className="agent-guard-muted">—</span>
								) }
							</td>
							<td>
								{ actorLabel( event ) }
								<span className="agent-guard-table__note">
									{ actorTypeLabel( event.actor_type ) }
								</span>
							</td>
							<td>{ eventTypeLabel( event.event_type ) }</td>
							<td>
								{ event.action !== '' ? (
									actionLabel( event.action )
								) : (
									<span className="agent-guard-muted">—</span>
								) }
								{ event.method !== '' ? (
									<span className="agent-guard-table__note">
										<code>
											{ event.method } { event.route }
										</code>
									</span>
								) : null }
							</td>
							<td>
								{ targetLabel(
									event.target_type,
									event.target_id
								) || (
									<span className="agent-guard-muted">—</span>
								) }
							</td>
							<td>
								<DecisionCell event={ event } />
							</td>
							<td>
								{ event.status > 0 ? (
									event.status
								) : (
									<span className="agent-guard-muted">—</span>
								) }
							</td>
						</tr>
						{ open ? (
							<tr
								id={ detailsId( event.id ) }
								className="agent-guard-audit-table__details-row"
							>
								<td colSpan={ COLUMNS }>
									{ renderDetails( event ) }
								</td>
							</tr>
						) : null }
					</Fragment>
				);
			} }
		/>
	);
}

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { Fragment } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Incident, IncidentAction } from '../../../api/incidents';
import { Badge } from '../../../components/badge';
import { DataTable } from '../../../components/data-table';
import { EmptyState } from '../../../components/empty-state';
import {
	agentName,
	decisionLabel,
	decisionTone,
} from '../../../components/labels';
import { RelativeTime } from '../../../components/relative-time';
import { incidentCountLabel, incidentKindLabel } from './incident-labels';

interface IncidentsListProps {
	incidents: Incident[];
	now: number;
	/** Opens the close dialog; undefined when the reader may not close incidents. */
	onClose?: ( incident: Incident ) => void;
}

function EvidenceActions( {
	actions,
	now,
}: {
	actions: IncidentAction[];
	now: number;
} ) {
	return (
		<DataTable
			caption={ __( 'The agent’s last actions', 'agent-guard' ) }
			columns={ [
				__( 'Time', 'agent-guard' ),
				__( 'Request', 'agent-guard' ),
				__( 'Target', 'agent-guard' ),
				__( 'Decision', 'agent-guard' ),
				__( 'Rule', 'agent-guard' ),
				__( 'HTTP status', 'agent-guard' ),
			] }
			rows={ actions }
			renderRow={ ( action ) => (
				<tr key={ action.id } data-event-id={ action.id }>
					<td>
						<RelativeTime
							value={ action.occurred_at }
							now={ now }
						/>
					</td>
					<td>
						{ action.method ? (
							<code>
								{ action.method } { action.route }
							</code>
						) : (
							<span className="agent-guard-muted">
								{ __( 'Not a request', 'agent-guard' ) }
							</span>
						) }
					</td>
					<td>
						{ action.target_type
							? `${ action.target_type } ${ action.target_id }`
							: '—' }
					</td>
					<td>
						{ action.decision ? (
							<Badge tone={ decisionTone( action.decision ) }>
								{ decisionLabel( action.decision ) }
							</Badge>
						) : (
							'—'
						) }
					</td>
					<td>
						{ action.rule ? <code>{ action.rule }</code> : '—' }
					</td>
					<td>{ action.status > 0 ? action.status : '—' }</td>
				</tr>
			) }
		/>
	);
}

/**
 * Open incidents: what tripped, for which agent, since when, the evidence (the counts and
 * the agent's last actions) behind a disclosure, and a way to close each one.
 *
 * @param props           Props.
 * @param props.incidents
 * @param props.now
 * @param props.onClose
 */
export function IncidentsList( {
	incidents,
	now,
	onClose,
}: IncidentsListProps ) {
	if ( incidents.length === 0 ) {
		return (
			<EmptyState
				message={ __( 'No incident is open.', 'agent-guard' ) }
			/>
		);
	}
	return (
		<ul className="agent-guard-incidents">
			{ incidents.map( ( incident ) => {
				const actions = incident.evidence.recent_actions ?? [];
				const counts = Object.entries( incident.evidence.counts ?? {} );
				return (
					<li
						key={ incident.id }
						className="agent-guard-incident"
						data-incident-id={ incident.id }
					>
						<p className="agent-guard-incident__summary">
							<strong>
								<bdi>{ incident.summary }</bdi>
							</strong>
						</p>
						<p className="agent-guard-incident__meta">
							<Badge tone="error">
								{ incidentKindLabel( incident.kind ) }
							</Badge>{ ' ' }
							<bdi>
								{ agentName(
									incident.agent_name,
									incident.agent_id
								) }
							</bdi>{ ' ' }
							· { __( 'opened', 'agent-guard' ) }{ ' ' }
							<RelativeTime
								value={ incident.opened_at }
								now={ now }
							/>
						</p>
						<details className="agent-guard-incident__evidence">
							<summary>
								{ sprintf(
									/* translators: %d: number of actions kept as evidence. */
									_n(
										'Evidence: the agent’s last %d action',
										'Evidence: the agent’s last %d actions',
										actions.length,
										'agent-guard'
									),
									actions.length
								) }
							</summary>
							{ counts.length > 0 ? (
								<dl className="agent-guard-facts">
									{ counts.map( ( [ key, value ] ) => (
										<Fragment key={ key }>
											<dt>
												{ incidentCountLabel( key ) }
											</dt>
											<dd>{ value }</dd>
										</Fragment>
									) ) }
								</dl>
							) : null }
							{ actions.length > 0 ? (
								<EvidenceActions
									actions={ actions }
									now={ now }
								/>
							) : (
								<p className="agent-guard-muted">
									{ __(
										'No action was kept as evidence.',
										'agent-guard'
									) }
								</p>
							) }
						</details>
						{ onClose ? (
							<p>
								<Button
									variant="secondary"
									onClick={ () => onClose( incident ) }
									aria-label={ sprintf(
										/* translators: %s: the incident's summary. */
										__(
											'Close incident: %s',
											'agent-guard'
										),
										incident.summary
									) }
								>
									{ __( 'Close incident…', 'agent-guard' ) }
								</Button>
							</p>
						) : null }
					</li>
				);
			} ) }
		</ul>
	);
}

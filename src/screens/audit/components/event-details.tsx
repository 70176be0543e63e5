/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import { Button, Notice } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { eventTypeLabel, personName } from '../../../components/labels';
import type { Incident } from '../../../api/incidents';
import { actionLabel } from '../../../components/approval-labels';
import { Badge } from '../../../components/badge';
import { formatDateTime } from '../../../components/relative-time';
import type { Approval, AuditEvent } from '../../../schemas';
import {
	isRecord,
	policyChanges,
	proposedChanges,
	stateChanges,
	targetName,
	type FieldChange,
} from '../data/diff';
import { ChangesTable, formatValue } from './changes-table';
import { DecisionCell } from './audit-table';
import {
	actorLabel,
	actorTypeLabel,
	agentLabel,
	formatConfidence,
	targetLabel,
} from './event-labels';

/** Something the details show that is fetched on its own. */
export type Lookup< T > =
	| { status: 'loading' }
	| { status: 'error'; error: Error }
	| { status: 'missing' }
	| { status: 'found'; value: T };

export interface EventLinks {
	/** The Approvals screen opened on one request; null when the reader cannot open it. */
	approval: ( ( id: number ) => string ) | null;
	/** The Overview, where open incidents are closed. */
	overview: string;
	/** The Canary screen opened on one agent. */
	canary: ( agentId: number ) => string;
}

interface EventDetailsProps {
	event: AuditEvent;
	/** Whether the reader holds agent_guard_audit (states and details are shown). */
	canAudit: boolean;
	/** The incident the event opened or closed; undefined when none. */
	incident?: Lookup< Incident >;
	/** The request the event belongs to; undefined when none. */
	approval?: Lookup< Approval >;
	links: EventLinks;
	/** Opens another event of the log. */
	onShowEvent: ( id: number ) => void;
	/** Shows the log filtered to one approval request. */
	onShowApprovalEvents: ( approvalId: number ) => void;
}

function text( value: unknown ): string | null {
	return typeof value === 'string' && value !== '' ? value : null;
}

function Fact( { term, children }: { term: string; children: ReactNode } ) {
	return (
		<>
			<dt>{ term }</dt>
			<dd>{ children }</dd>
		</>
	);
}

function Part( { title, children }: { title: string; children: ReactNode } ) {
	return (
		<div className="agent-guard-audit-details__part">
			<h3>{ title }</h3>
			{ children }
		</div>
	);
}

interface Reason {
	rule: string;
	message: string;
	target: string;
	field: string;
}

function reasonsOf( details: Record< string, unknown > ): Reason[] {
	const reasons = details.reasons;
	if ( ! Array.isArray( reasons ) ) {
		return [];
	}
	return reasons.flatMap( ( reason: unknown ) =>
		isRecord( reason )
			? [
					{
						rule: text( reason.rule ) ?? '',
						message: text( reason.message ) ?? '',
						target: text( reason.target ) ?? '',
						field: text( reason.field ) ?? '',
					},
			  ]
			: []
	);
}

/**
 * The person who signed the event: the user who acted, or (for an agent request run
 * after approval) the approver named in `details.approved_by`, by name when the request
 * is at hand.
 *
 * @param event    The event.
 * @param approval The request it belongs to, if fetched.
 */
export function signerOf(
	event: AuditEvent,
	approval: Lookup< Approval > | undefined
): string | null {
	if ( event.actor_type === 'user' ) {
		return actorLabel( event );
	}
	const approvedBy = event.details.approved_by;
	if ( typeof approvedBy !== 'number' || approvedBy <= 0 ) {
		return null;
	}
	const decision =
		approval?.status === 'found'
			? approval.value.approvals.find(
					( item ) =>
						item.user_id === approvedBy &&
						item.decision === 'approve'
			  )
			: undefined;
	return personName( decision?.user_name, approvedBy );
}

function ChangesPart( { event }: { event: AuditEvent } ) {
	const before = event.before;
	const after = event.after;
	const names: Record< string, string > = {};
	const collect = ( changes: FieldChange[] ) => {
		for ( const change of changes ) {
			const name = targetName( change.target, before, after );
			if ( name !== null ) {
				names[ change.target ] = name;
			}
		}
		return changes;
	};
	const applied = collect( stateChanges( before, after ) );
	if ( applied.length > 0 ) {
		return (
			<Part title={ __( 'What changed', 'agent-guard' ) }>
				<ChangesTable
					changes={ applied }
					names={ names }
					caption={ __(
						'Fields that changed, before and after',
						'agent-guard'
					) }
				/>
			</Part>
		);
	}
	const proposed = collect( proposedChanges( event.details ) );
	if ( proposed.length > 0 ) {
		return (
			<Part
				title={ __(
					'What the agent asked to change (not applied by this event)',
					'agent-guard'
				) }
			>
				<ChangesTable
					changes={ proposed }
					names={ names }
					caption={ __(
						'Changes the request asked for',
						'agent-guard'
					) }
				/>
			</Part>
		);
	}
	const policy = policyChanges( event.details );
	if ( policy.length > 0 ) {
		return (
			<Part title={ __( 'Policy changes', 'agent-guard' ) }>
				<ChangesTable
					changes={ policy }
					caption={ __(
						'Policy settings that changed',
						'agent-guard'
					) }
				/>
			</Part>
		);
	}
	if ( after !== null && before !== null ) {
		return (
			<Part title={ __( 'What changed', 'agent-guard' ) }>
				<p className="agent-guard-muted">
					{ __(
						'The state after is the same as before.',
						'agent-guard'
					) }
				</p>
			</Part>
		);
	}
	return null;
}

function MetadataPart( { metadata }: { metadata: AuditEvent[ 'metadata' ] } ) {
	const rationale = text( metadata.rationale );
	const confidence = text( metadata.confidence );
	const model = text( metadata.model );
	const promptVersion = text( metadata.prompt_version );
	const runId = text( metadata.run_id );
	if (
		! rationale &&
		! confidence &&
		! model &&
		! promptVersion &&
		! runId
	) {
		return null;
	}
	return (
		<Part title={ __( 'What the agent said', 'agent-guard' ) }>
			<dl className="agent-guard-facts">
				{ rationale ? (
					<Fact term={ __( 'Rationale', 'agent-guard' ) }>
						<bdi>{ rationale }</bdi>
					</Fact>
				) : null }
				{ confidence ? (
					<Fact term={ __( 'Confidence', 'agent-guard' ) }>
						{ formatConfidence( confidence ) }
					</Fact>
				) : null }
				{ model ? (
					<Fact term={ __( 'Model', 'agent-guard' ) }>
						<bdi>{ model }</bdi>
					</Fact>
				) : null }
				{ promptVersion ? (
					<Fact term={ __( 'Prompt version', 'agent-guard' ) }>
						<bdi>{ promptVersion }</bdi>
					</Fact>
				) : null }
				{ runId ? (
					<Fact term={ __( 'Run id', 'agent-guard' ) }>
						<code>{ runId }</code>
					</Fact>
				) : null }
			</dl>
		</Part>
	);
}

function ApprovalPart( {
	event,
	approval,
	links,
	onShowApprovalEvents,
}: {
	event: AuditEvent;
	approval: Lookup< Approval > | undefined;
	links: EventLinks;
	onShowApprovalEvents: ( approvalId: number ) => void;
} ) {
	const id = event.approval_id;
	return (
		<Part title={ __( 'Approval', 'agent-guard' ) }>
			<p>
				{ links.approval ? (
					<a href={ links.approval( id ) }>
						{ sprintf(
							/* translators: %d: approval request id. */
							__(
								'Request #%d on the Approvals screen',
								'agent-guard'
							),
							id
						) }
					</a>
				) : (
					sprintf(
						/* translators: %d: approval request id. */
						__( 'Request #%d', 'agent-guard' ),
						id
					)
				) }{ ' ' }
				<Button
					variant="link"
					onClick={ () => onShowApprovalEvents( id ) }
				>
					{ sprintf(
						/* translators: %d: approval request id. */
						__( 'Show every event of request #%d', 'agent-guard' ),
						id
					) }
				</Button>
			</p>
			{ approval?.status === 'loading' ? (
				<p className="agent-guard-muted">
					{ __( 'Loading the request…', 'agent-guard' ) }
				</p>
			) : null }
			{ approval?.status === 'error' ? (
				<p className="agent-guard-muted">
					{ sprintf(
						/* translators: %s: the server's message. */
						__( 'Could not load the request: %s', 'agent-guard' ),
						approval.error.message
					) }
				</p>
			) : null }
			{ approval?.status === 'found' &&
			approval.value.approvals.length > 0 ? (
				<ul className="agent-guard-audit-details__signers">
					{ approval.value.approvals.map( ( decision ) => (
						<li key={ `${ decision.user_id }-${ decision.at }` }>
							{ sprintf(
								/* translators: 1: person's name, 2: "approved" or "rejected", 3: date and time. */
								__( '%1$s %2$s it on %3$s', 'agent-guard' ),
								personName(
									decision.user_name,
									decision.user_id
								),
								decision.decision === 'approve'
									? __( 'approved', 'agent-guard' )
									: __( 'rejected', 'agent-guard' ),
								formatDateTime( decision.at )
							) }
							{ decision.comment ? (
								<>
									{ ': ' }
									<q>
										<bdi>{ decision.comment }</bdi>
									</q>
								</>
							) : null }
						</li>
					) ) }
				</ul>
			) : null }
		</Part>
	);
}

function IncidentPart( {
	event,
	incident,
	links,
	onShowEvent,
}: {
	event: AuditEvent;
	incident: Lookup< Incident > | undefined;
	links: EventLinks;
	onShowEvent: ( id: number ) => void;
} ) {
	const id = event.incident_id;
	return (
		<Part title={ __( 'Incident', 'agent-guard' ) }>
			<p>
				<strong>
					{ sprintf(
						/* translators: %d: incident id. */
						__( 'Incident #%d', 'agent-guard' ),
						id
					) }
				</strong>{ ' ' }
				{ incident?.status === 'found' ? (
					<Badge
						tone={
							incident.value.state === 'open'
								? 'error'
								: 'neutral'
						}
					>
						{ incident.value.state === 'open'
							? __( 'Open', 'agent-guard' )
							: __( 'Closed', 'agent-guard' ) }
					</Badge>
				) : null }
			</p>
			{ incident?.status === 'loading' ? (
				<p className="agent-guard-muted">
					{ __( 'Loading the incident…', 'agent-guard' ) }
				</p>
			) : null }
			{ incident?.status === 'error' ? (
				<p className="agent-guard-muted">
					{ sprintf(
						/* translators: %s: the server's message. */
						__( 'Could not load the incident: %s', 'agent-guard' ),
						incident.error.message
					) }
				</p>
			) : null }
			{ incident?.status === 'missing' ? (
				<p className="agent-guard-muted">
					{ __(
						'The incident is no longer on record.',
						'agent-guard'
					) }
				</p>
			) : null }
			{ incident?.status === 'found' ? (
				<dl className="agent-guard-facts">
					<Fact term={ __( 'Summary', 'agent-guard' ) }>
						{ incident.value.summary }
					</Fact>
					<Fact term={ __( 'Opened', 'agent-guard' ) }>
						{ formatDateTime( incident.value.opened_at ) }
						{ incident.value.audit_event_id > 0 &&
						incident.value.audit_event_id !== event.id ? (
							<>
								{ ' ' }
								<Button
									variant="link"
									onClick={ () =>
										onShowEvent(
											incident.value.audit_event_id
										)
									}
								>
									{ sprintf(
										/* translators: %d: audit event id. */
										__(
											'Show event #%d that opened it',
											'agent-guard'
										),
										incident.value.audit_event_id
									) }
								</Button>
							</>
						) : null }
					</Fact>
					{ incident.value.state === 'closed' ? (
						<>
							<Fact term={ __( 'Closed', 'agent-guard' ) }>
								{ incident.value.closed_at
									? formatDateTime( incident.value.closed_at )
									: '—' }
								{ incident.value.closed_by_name
									? ` · ${ incident.value.closed_by_name }`
									: '' }
							</Fact>
							<Fact term={ __( 'Close note', 'agent-guard' ) }>
								<bdi>{ incident.value.close_note || '—' }</bdi>
							</Fact>
						</>
					) : (
						<Fact term={ __( 'What to do', 'agent-guard' ) }>
							<a href={ links.overview }>
								{ __(
									'Close it on the Overview once it is dealt with',
									'agent-guard'
								) }
							</a>
						</Fact>
					) }
				</dl>
			) : null }
		</Part>
	);
}

/** Members of `details` shown in their own place above. */
const SHOWN_DETAILS = [
	'message',
	'reasons',
	'diff',
	'credential',
	'approved_by',
	'prices_before',
];

/**
 * The rest of the details as recorded (a halt's reason, a decision's comment, a breaker's
 * counts, what an observed request would have done…), by their stored names.
 *
 * @param props         Props.
 * @param props.details The event's details.
 */
function OtherDetailsPart( { details }: { details: AuditEvent[ 'details' ] } ) {
	const rest = Object.entries( details ).filter(
		( [ key, value ] ) =>
			! SHOWN_DETAILS.includes( key ) &&
			value !== null &&
			value !== '' &&
			! ( isRecord( value ) && Object.keys( value ).length === 0 )
	);
	if ( rest.length === 0 ) {
		return null;
	}
	return (
		<Part title={ __( 'Recorded details', 'agent-guard' ) }>
			<dl className="agent-guard-facts agent-guard-audit-details__recorded">
				{ rest.map( ( [ key, value ] ) => (
					<Fact key={ key } term={ key }>
						<bdi>{ formatValue( value ) }</bdi>
					</Fact>
				) ) }
			</dl>
		</Part>
	);
}

/**
 * Everything one event records: who did what to which target, the decision and why, the
 * change before → after, what the agent said, the approval and incident it belongs to,
 * the person who signed it, and its place in the hash chain.
 *
 * @param props                      Props.
 * @param props.event
 * @param props.canAudit
 * @param props.incident
 * @param props.approval
 * @param props.links
 * @param props.onShowEvent
 * @param props.onShowApprovalEvents
 */
export function EventDetails( {
	event,
	canAudit,
	incident,
	approval,
	links,
	onShowEvent,
	onShowApprovalEvents,
}: EventDetailsProps ) {
	const details = event.details;
	const message = text( details.message );
	const reasons = reasonsOf( details );
	const signer = signerOf( event, approval );
	const credential = text( details.credential );
	const hasStored =
		event.before !== null ||
		event.after !== null ||
		Object.keys( details ).length > 0;
	return (
		<div className="agent-guard-audit-details">
			{ ! canAudit ? (
				<Notice status="info" isDismissible={ false }>
					{ __(
						'You see the outline of this event. Its states before and after and its details need the agent_guard_audit capability.',
						'agent-guard'
					) }
				</Notice>
			) : null }
			<dl className="agent-guard-facts">
				<Fact term={ __( 'Event', 'agent-guard' ) }>
					{ eventTypeLabel( event.event_type ) }{ ' ' }
					<code>{ event.event_type }</code> · #{ event.id }
				</Fact>
				<Fact term={ __( 'Time', 'agent-guard' ) }>
					<time dateTime={ event.occurred_at }>
						{ formatDateTime( event.occurred_at ) }
					</time>{ ' ' }
					<span className="agent-guard-muted">
						({ event.occurred_at })
					</span>
				</Fact>
				<Fact term={ __( 'Actor', 'agent-guard' ) }>
					{ actorLabel( event ) } (
					{ actorTypeLabel( event.actor_type ) })
				</Fact>
				{ event.agent_id > 0 ? (
					<Fact term={ __( 'Agent', 'agent-guard' ) }>
						{ agentLabel( event ) }
					</Fact>
				) : null }
				{ signer !== null ? (
					<Fact term={ __( 'Signed by', 'agent-guard' ) }>
						{ signer }
					</Fact>
				) : null }
				{ event.method !== '' ? (
					<Fact term={ __( 'Request', 'agent-guard' ) }>
						<code>
							{ event.method } { event.route }
						</code>
					</Fact>
				) : null }
				{ event.action !== '' ? (
					<Fact term={ __( 'Action', 'agent-guard' ) }>
						{ actionLabel( event.action ) }{ ' ' }
						<code>{ event.action }</code>
					</Fact>
				) : null }
				{ event.target_type !== '' ? (
					<Fact term={ __( 'Target', 'agent-guard' ) }>
						{ targetLabel( event.target_type, event.target_id ) }
					</Fact>
				) : null }
				<Fact term={ __( 'Decision', 'agent-guard' ) }>
					<DecisionCell event={ event } />
				</Fact>
				{ event.status > 0 ? (
					<Fact term={ __( 'HTTP status', 'agent-guard' ) }>
						{ sprintf(
							/* translators: 1: HTTP status, 2: milliseconds. */
							__( '%1$d in %2$d ms', 'agent-guard' ),
							event.status,
							event.duration_ms
						) }
					</Fact>
				) : null }
				{ credential ? (
					<Fact term={ __( 'Credential', 'agent-guard' ) }>
						<code>{ credential }</code>
					</Fact>
				) : null }
			</dl>

			{ message || reasons.length > 0 ? (
				<Part title={ __( 'Why', 'agent-guard' ) }>
					{ message ? <p>{ message }</p> : null }
					{ reasons.length > 0 ? (
						<ul className="agent-guard-audit-details__reasons">
							{ reasons.map( ( reason, index ) => (
								<li key={ index }>
									<code>{ reason.rule }</code>{ ' ' }
									{ reason.message }
									{ reason.field ? (
										<span className="agent-guard-table__note">
											{ sprintf(
												/* translators: %s: field path. */
												__(
													'Field: %s',
													'agent-guard'
												),
												reason.field
											) }
										</span>
									) : null }
								</li>
							) ) }
						</ul>
					) : null }
				</Part>
			) : null }

			<ChangesPart event={ event } />
			<MetadataPart metadata={ event.metadata } />
			<OtherDetailsPart details={ details } />

			{ event.approval_id > 0 ? (
				<ApprovalPart
					event={ event }
					approval={ approval }
					links={ links }
					onShowApprovalEvents={ onShowApprovalEvents }
				/>
			) : null }
			{ event.incident_id > 0 ? (
				<IncidentPart
					event={ event }
					incident={ incident }
					links={ links }
					onShowEvent={ onShowEvent }
				/>
			) : null }
			{ event.event_type === 'canary_paused' && event.agent_id > 0 ? (
				<p>
					<a href={ links.canary( event.agent_id ) }>
						{ __( 'Open the agent’s canary dial', 'agent-guard' ) }
					</a>
				</p>
			) : null }

			<Part title={ __( 'Hash chain', 'agent-guard' ) }>
				<dl className="agent-guard-facts agent-guard-audit-details__hashes">
					<Fact term={ __( 'Hash', 'agent-guard' ) }>
						<code>{ event.hash }</code>
					</Fact>
					<Fact term={ __( 'Previous hash', 'agent-guard' ) }>
						<code>{ event.prev_hash }</code>
					</Fact>
				</dl>
			</Part>

			{ hasStored ? (
				<details className="agent-guard-audit-details__raw">
					<summary>
						{ __(
							'Stored states and details (JSON)',
							'agent-guard'
						) }
					</summary>
					<pre>
						{ JSON.stringify(
							{
								before: event.before,
								after: event.after,
								details: event.details,
							},
							null,
							2
						) }
					</pre>
				</details>
			) : null }
		</div>
	);
}

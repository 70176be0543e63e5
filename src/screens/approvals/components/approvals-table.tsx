/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { Fragment } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { agentName } from '../../../components/labels';
import { Badge } from '../../../components/badge';
import {
	actionLabel,
	approvalStateLabel,
	approvalStateTone,
} from '../../../components/approval-labels';
import { RelativeTime } from '../../../components/relative-time';
import type { Approval } from '../../../schemas';
import { editableFields } from '../data/edit';
import { formatConfidence, targetLabel } from '../data/format';
import { ApprovalProgress } from './approval-progress';
import { ChangeSummary } from './change-summary';
import { ExposureSummary } from './exposure';

export type Decision = 'approve' | 'reject';

interface ApprovalsTableProps {
	approvals: Approval[];
	now: number;
	/** The reader's user id, to say "you approved it". */
	userId: number;
	/** Whether the reader may decide this item now (capability and `can_decide`). */
	canDecide: ( approval: Approval ) => boolean;
	/** Ids of the selected items (for bulk decisions). */
	selected: number[];
	onSelect: ( ids: number[], checked: boolean ) => void;
	/** The item whose details are open. */
	expandedId: number | null;
	onToggleDetails: ( id: number ) => void;
	/** Renders the open item's details. */
	renderDetails: ( approval: Approval ) => ReactNode;
	onDecide: (
		approval: Approval,
		decision: Decision,
		withEdit: boolean
	) => void;
}

/**
 * Decide buttons for one item: Approve, Edit before approving (single price, stock or
 * amount changes), Reject. Each names its item for screen readers.
 *
 * @param props          Props.
 * @param props.approval
 * @param props.onDecide
 */
export function DecideButtons( {
	approval,
	onDecide,
}: {
	approval: Approval;
	onDecide: ApprovalsTableProps[ 'onDecide' ];
} ) {
	return (
		<div className="agent-guard-decide">
			<Button
				variant="primary"
				size="compact"
				onClick={ () => onDecide( approval, 'approve', false ) }
				aria-label={ sprintf(
					/* translators: %d: request id. */
					__( 'Approve request #%d', 'agent-guard' ),
					approval.id
				) }
			>
				{ __( 'Approve', 'agent-guard' ) }
			</Button>
			{ editableFields( approval ).length > 0 ? (
				<Button
					variant="secondary"
					size="compact"
					onClick={ () => onDecide( approval, 'approve', true ) }
					aria-label={ sprintf(
						/* translators: %d: request id. */
						__(
							'Edit before approving request #%d',
							'agent-guard'
						),
						approval.id
					) }
				>
					{ __( 'Edit before approving', 'agent-guard' ) }
				</Button>
			) : null }
			<Button
				variant="secondary"
				isDestructive
				size="compact"
				onClick={ () => onDecide( approval, 'reject', false ) }
				aria-label={ sprintf(
					/* translators: %d: request id. */
					__( 'Reject request #%d', 'agent-guard' ),
					approval.id
				) }
			>
				{ __( 'Reject', 'agent-guard' ) }
			</Button>
		</div>
	);
}

/**
 * Why the reader cannot decide a pending item, when it is worth saying.
 *
 * @param approval The item.
 * @param userId   The reader.
 */
function waitingNote( approval: Approval, userId: number ): string | null {
	if ( approval.state !== 'pending' ) {
		return null;
	}
	const mine = approval.approvals.some(
		( decision ) =>
			decision.user_id === userId && decision.decision === 'approve'
	);
	return mine
		? __(
				'You approved it; another person must approve it too.',
				'agent-guard'
		  )
		: null;
}

function StateCell( {
	approval,
	now,
	userId,
}: {
	approval: Approval;
	now: number;
	userId: number;
} ) {
	const note = waitingNote( approval, userId );
	return (
		<>
			<Badge tone={ approvalStateTone( approval.state ) }>
				{ approvalStateLabel( approval.state ) }
			</Badge>
			{ approval.required_approvals > 1 ? (
				<span className="agent-guard-table__note">
					<ApprovalProgress approval={ approval } />
				</span>
			) : null }
			<span className="agent-guard-table__note">
				{ __( 'Queued', 'agent-guard' ) }{ ' ' }
				<RelativeTime value={ approval.created_at } now={ now } />
			</span>
			{ approval.state === 'pending' ? (
				<span className="agent-guard-table__note">
					{ __( 'Expires', 'agent-guard' ) }{ ' ' }
					<RelativeTime value={ approval.expires_at } now={ now } />
				</span>
			) : null }
			{ approval.state !== 'pending' && approval.finished_at ? (
				<span className="agent-guard-table__note">
					{ __( 'Finished', 'agent-guard' ) }{ ' ' }
					<RelativeTime value={ approval.finished_at } now={ now } />
				</span>
			) : null }
			{ note ? (
				<span className="agent-guard-table__note">{ note }</span>
			) : null }
		</>
	);
}

/**
 * The queue: one row per request with what it changes, what is at stake, why it waits
 * and what the agent said; details open under the row. Only items the reader may decide
 * can be selected and get decide buttons.
 *
 * @param props                 Props.
 * @param props.approvals
 * @param props.now
 * @param props.userId
 * @param props.canDecide
 * @param props.selected
 * @param props.onSelect
 * @param props.expandedId
 * @param props.onToggleDetails
 * @param props.renderDetails
 * @param props.onDecide
 */
export function ApprovalsTable( {
	approvals,
	now,
	userId,
	canDecide,
	selected,
	onSelect,
	expandedId,
	onToggleDetails,
	renderDetails,
	onDecide,
}: ApprovalsTableProps ) {
	const decidable = approvals.filter( canDecide ).map( ( a ) => a.id );
	const allSelected =
		decidable.length > 0 &&
		decidable.every( ( id ) => selected.includes( id ) );
	const columns = decidable.length > 0 ? 8 : 7;
	return (
		<table className="widefat striped agent-guard-table agent-guard-approvals">
			<caption className="screen-reader-text">
				{ __( 'Queued requests', 'agent-guard' ) }
			</caption>
			<thead>
				<tr>
					{ decidable.length > 0 ? (
						<td className="check-column">
							<input
								type="checkbox"
								checked={ allSelected }
								onChange={ ( event ) =>
									onSelect( decidable, event.target.checked )
								}
								aria-label={ __(
									'Select all requests you can decide',
									'agent-guard'
								) }
							/>
						</td>
					) : null }
					<th scope="col">{ __( 'Request', 'agent-guard' ) }</th>
					<th scope="col">{ __( 'Change', 'agent-guard' ) }</th>
					<th scope="col">{ __( 'At stake', 'agent-guard' ) }</th>
					<th scope="col">{ __( 'Why', 'agent-guard' ) }</th>
					<th scope="col">
						{ __( 'Agent’s rationale', 'agent-guard' ) }
					</th>
					<th scope="col">{ __( 'State', 'agent-guard' ) }</th>
					<th scope="col">{ __( 'Decide', 'agent-guard' ) }</th>
				</tr>
			</thead>
			<tbody>
				{ approvals.map( ( approval ) => {
					const mayDecide = canDecide( approval );
					const expanded = expandedId === approval.id;
					const detailsId = `agent-guard-approval-${ approval.id }-details`;
					const extraReasons = Math.max(
						approval.reasons.length - 1,
						0
					);
					return (
						<Fragment key={ approval.id }>
							<tr
								data-approval-id={ approval.id }
								className={
									expanded ? 'is-expanded' : undefined
								}
							>
								{ decidable.length > 0 ? (
									<th scope="row" className="check-column">
										{ mayDecide ? (
											<input
												type="checkbox"
												checked={ selected.includes(
													approval.id
												) }
												onChange={ ( event ) =>
													onSelect(
														[ approval.id ],
														event.target.checked
													)
												}
												aria-label={ sprintf(
													/* translators: %d: request id. */
													__(
														'Select request #%d',
														'agent-guard'
													),
													approval.id
												) }
											/>
										) : null }
									</th>
								) : null }
								<td className="agent-guard-approvals__request">
									<strong>{ targetLabel( approval ) }</strong>
									{ approval.target_sku ? (
										<span className="agent-guard-table__note">
											{ sprintf(
												/* translators: %s: product SKU. */
												__( 'SKU %s', 'agent-guard' ),
												approval.target_sku
											) }
										</span>
									) : null }
									<span className="agent-guard-table__note">
										{ actionLabel( approval.action ) } ·{ ' ' }
										{ agentName(
											approval.agent_name,
											approval.agent_id
										) }{ ' ' }
										· #{ approval.id }
									</span>
									<Button
										variant="link"
										onClick={ () =>
											onToggleDetails( approval.id )
										}
										aria-expanded={ expanded }
										aria-controls={
											expanded ? detailsId : undefined
										}
										aria-label={
											expanded
												? sprintf(
														/* translators: %d: request id. */
														__(
															'Hide details of request #%d',
															'agent-guard'
														),
														approval.id
												  )
												: sprintf(
														/* translators: %d: request id. */
														__(
															'Show details of request #%d',
															'agent-guard'
														),
														approval.id
												  )
										}
									>
										{ expanded
											? __(
													'Hide details',
													'agent-guard'
											  )
											: __( 'Details', 'agent-guard' ) }
									</Button>
								</td>
								<td>
									<ChangeSummary approval={ approval } />
								</td>
								<td>
									<ExposureSummary approval={ approval } />
								</td>
								<td className="agent-guard-approvals__why">
									<code>{ approval.rule }</code>
									<span className="agent-guard-table__note">
										{ approval.reasons[ 0 ]?.message ??
											approval.reason }
									</span>
									{ extraReasons > 0 ? (
										<span className="agent-guard-table__note">
											{ sprintf(
												/* translators: %d: number of further reasons. */
												_n(
													'and %d more reason',
													'and %d more reasons',
													extraReasons,
													'agent-guard'
												),
												extraReasons
											) }
										</span>
									) : null }
								</td>
								<td className="agent-guard-approvals__rationale">
									{ approval.metadata.rationale ? (
										<bdi>
											{ approval.metadata.rationale }
										</bdi>
									) : (
										<span className="agent-guard-muted">
											{ __(
												'None given',
												'agent-guard'
											) }
										</span>
									) }
									{ approval.metadata.confidence ? (
										<span className="agent-guard-table__note">
											{ sprintf(
												/* translators: %s: confidence such as "82%". */
												__(
													'Confidence: %s',
													'agent-guard'
												),
												formatConfidence(
													approval.metadata.confidence
												)
											) }
										</span>
									) : null }
								</td>
								<td>
									<StateCell
										approval={ approval }
										now={ now }
										userId={ userId }
									/>
								</td>
								<td>
									{ mayDecide ? (
										<DecideButtons
											approval={ approval }
											onDecide={ onDecide }
										/>
									) : (
										<span className="agent-guard-muted">
											—
										</span>
									) }
								</td>
							</tr>
							{ expanded ? (
								<tr
									id={ detailsId }
									className="agent-guard-approvals__details-row"
								>
									<td colSpan={ columns }>
										{ renderDetails( approval ) }
									</td>
								</tr>
							) : null }
						</Fragment>
					);
				} ) }
			</tbody>
		</table>
	);
}

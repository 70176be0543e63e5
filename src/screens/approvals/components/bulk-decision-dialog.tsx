/**
 * WordPress dependencies
 */
import { Button, Flex, Modal, TextareaControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { Badge } from '../../../components/badge';
import { DataTable } from '../../../components/data-table';
import {
	approvalStateLabel,
	approvalStateTone,
} from '../../../components/approval-labels';
import { FieldAlert, Form, FormActions } from '../../../components/form';
import type { Approval, ApprovalBulkResult } from '../../../schemas';
import { targetLabel } from '../data/format';
import type { Decision } from './approvals-table';
import { ChangeSummary } from './change-summary';

interface BulkDecisionDialogProps {
	decision: Decision;
	/** The selected items, as the reader saw them (their versions are sent). */
	approvals: Approval[];
	onConfirm: ( comment: string ) => void;
	onClose: () => void;
	isBusy: boolean;
	error: Error | null;
	/** The server's answer: once present, the dialog shows it item by item. */
	result?: ApprovalBulkResult;
}

function BulkResults( {
	approvals,
	result,
	onClose,
}: {
	approvals: Approval[];
	result: ApprovalBulkResult;
	onClose: () => void;
} ) {
	const done = result.results.filter( ( item ) => item.ok ).length;
	return (
		<div className="agent-guard-bulk-results">
			<p role="status">
				<strong>
					{ sprintf(
						/* translators: 1: requests decided, 2: requests sent. */
						_n(
							'%1$d of %2$d request was decided.',
							'%1$d of %2$d requests were decided.',
							result.results.length,
							'agent-guard'
						),
						done,
						result.results.length
					) }
				</strong>
			</p>
			<DataTable
				caption={ __( 'What happened to each request', 'agent-guard' ) }
				columns={ [
					__( 'Request', 'agent-guard' ),
					__( 'Outcome', 'agent-guard' ),
				] }
				rows={ result.results }
				renderRow={ ( item ) => {
					const approval = approvals.find(
						( a ) => a.id === item.id
					);
					return (
						<tr key={ item.id } data-approval-id={ item.id }>
							<td>
								#{ item.id }{ ' ' }
								{ approval ? targetLabel( approval ) : '' }
							</td>
							<td>
								{ item.ok && item.state ? (
									<Badge
										tone={ approvalStateTone( item.state ) }
									>
										{ approvalStateLabel( item.state ) }
									</Badge>
								) : null }
								{ ! item.ok ? (
									<>
										<Badge tone="error">
											{ __(
												'Not decided',
												'agent-guard'
											) }
										</Badge>{ ' ' }
										{ item.message ?? item.code ?? '' }
									</>
								) : null }
							</td>
						</tr>
					);
				} }
			/>
			<Flex justify="flex-end">
				<Button variant="primary" onClick={ onClose }>
					{ __( 'Done', 'agent-guard' ) }
				</Button>
			</Flex>
		</div>
	);
}

/**
 * One confirmation for several requests — the list of what will be decided and one
 * comment (required to reject) — then what happened to each of them.
 *
 * @param props           Props.
 * @param props.decision
 * @param props.approvals
 * @param props.onConfirm
 * @param props.onClose
 * @param props.isBusy
 * @param props.error
 * @param props.result
 */
export function BulkDecisionDialog( {
	decision,
	approvals,
	onConfirm,
	onClose,
	isBusy,
	error,
	result,
}: BulkDecisionDialogProps ) {
	const [ comment, setComment ] = useState( '' );
	const [ commentMissing, setCommentMissing ] = useState( false );
	const count = approvals.length;
	let title = __( 'Bulk decision: results', 'agent-guard' );
	let confirmLabel = '';
	if ( decision === 'approve' ) {
		confirmLabel = sprintf(
			/* translators: %d: number of requests. */
			_n(
				'Approve %d request',
				'Approve %d requests',
				count,
				'agent-guard'
			),
			count
		);
	} else {
		confirmLabel = sprintf(
			/* translators: %d: number of requests. */
			_n(
				'Reject %d request',
				'Reject %d requests',
				count,
				'agent-guard'
			),
			count
		);
	}
	if ( ! result ) {
		title = sprintf(
			/* translators: %s: "Approve 3 requests" or "Reject 3 requests". */
			__( '%s?', 'agent-guard' ),
			confirmLabel
		);
	}

	const submit = () => {
		if ( decision === 'reject' && comment.trim() === '' ) {
			setCommentMissing( true );
			return;
		}
		onConfirm( comment.trim() );
	};

	return (
		<Modal
			title={ title }
			onRequestClose={ onClose }
			size="medium"
			shouldCloseOnClickOutside={ ! isBusy }
		>
			{ result ? (
				<BulkResults
					approvals={ approvals }
					result={ result }
					onClose={ onClose }
				/>
			) : (
				<Form
					onSubmit={ submit }
					isBusy={ isBusy }
					error={ error }
					errorTitle={ __( 'Nothing was decided.', 'agent-guard' ) }
				>
					<p className="agent-guard-form__note">
						{ decision === 'approve'
							? __(
									'Each request is approved on its own and runs at once, as its agent; a request whose target changed is not written. Requests that need a second person wait for one.',
									'agent-guard'
							  )
							: __(
									'Nothing is written. Each agent sees your comment when it checks its request.',
									'agent-guard'
							  ) }
					</p>
					<ul className="agent-guard-bulk-list">
						{ approvals.map( ( approval ) => (
							<li key={ approval.id }>
								<strong>
									#{ approval.id } { targetLabel( approval ) }
								</strong>{ ' ' }
								<span className="agent-guard-muted">
									{ approval.agent_name }
								</span>
								<ChangeSummary
									approval={ approval }
									limit={ 1 }
								/>
							</li>
						) ) }
					</ul>
					<TextareaControl
						label={
							decision === 'reject'
								? __(
										'Why do you reject them? (required)',
										'agent-guard'
								  )
								: __( 'Comment (optional)', 'agent-guard' )
						}
						help={ __(
							'The same comment goes with every request, into the audit log.',
							'agent-guard'
						) }
						value={ comment }
						onChange={ ( value: string ) => {
							setComment( value );
							setCommentMissing( false );
						} }
						maxLength={ 1000 }
						rows={ 3 }
						required={ decision === 'reject' }
						aria-invalid={ commentMissing }
						__nextHasNoMarginBottom
					/>
					<FieldAlert
						message={
							commentMissing
								? __(
										'Say why you reject these requests; the agents and the audit log get your comment.',
										'agent-guard'
								  )
								: null
						}
					/>
					<FormActions
						submitLabel={ confirmLabel }
						onCancel={ onClose }
						isBusy={ isBusy }
						isDestructive={ decision === 'reject' }
					/>
				</Form>
			) }
		</Modal>
	);
}

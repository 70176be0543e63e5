/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import { useId } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { agentName, personName } from '../../../components/labels';
import { Badge } from '../../../components/badge';
import {
	actionLabel,
	approvalStateLabel,
	approvalStateTone,
} from '../../../components/approval-labels';
import {
	RelativeTime,
	formatDateTime,
} from '../../../components/relative-time';
import type { Approval } from '../../../schemas';
import { formatConfidence, targetLabel } from '../data/format';
import { ApprovalProgress } from './approval-progress';
import { ApprovalResult } from './approval-result';
import { DiffTable } from './diff-table';
import { ExposureDetails } from './exposure';

function DetailSection( {
	title,
	children,
}: {
	title: string;
	children: ReactNode;
} ) {
	const id = useId();
	return (
		<section
			className="agent-guard-details__section"
			aria-labelledby={ id }
		>
			<h3 id={ id } className="agent-guard-details__title">
				{ title }
			</h3>
			{ children }
		</section>
	);
}

function AgentAccount( { metadata }: { metadata: Approval[ 'metadata' ] } ) {
	const facts: Array< [ string, ReactNode ] > = [];
	if ( metadata.rationale ) {
		facts.push( [
			__( 'Rationale', 'agent-guard' ),
			<bdi key="rationale">{ metadata.rationale }</bdi>,
		] );
	}
	if ( metadata.confidence ) {
		facts.push( [
			__( 'Confidence', 'agent-guard' ),
			formatConfidence( metadata.confidence ),
		] );
	}
	if ( metadata.model ) {
		facts.push( [ __( 'Model', 'agent-guard' ), metadata.model ] );
	}
	if ( metadata.prompt_version ) {
		facts.push( [
			__( 'Prompt version', 'agent-guard' ),
			metadata.prompt_version,
		] );
	}
	if ( metadata.run_id ) {
		facts.push( [
			__( 'Run', 'agent-guard' ),
			<code key="run">{ metadata.run_id }</code>,
		] );
	}
	if ( facts.length === 0 ) {
		return (
			<p className="agent-guard-muted">
				{ __(
					'The agent sent no rationale, confidence or model with this request.',
					'agent-guard'
				) }
			</p>
		);
	}
	return (
		<dl className="agent-guard-facts">
			{ facts.map( ( [ term, value ] ) => [
				<dt key={ `${ term }-t` }>{ term }</dt>,
				<dd key={ `${ term }-d` }>{ value }</dd>,
			] ) }
		</dl>
	);
}

function Decisions( { approval, now }: { approval: Approval; now: number } ) {
	if ( approval.approvals.length === 0 ) {
		return (
			<p className="agent-guard-muted">
				{ approval.required_approvals > 1
					? sprintf(
							/* translators: %d: approvals needed. */
							__(
								'Nobody has decided yet. It needs %d different people to approve it.',
								'agent-guard'
							),
							approval.required_approvals
					  )
					: __( 'Nobody has decided yet.', 'agent-guard' ) }
			</p>
		);
	}
	return (
		<>
			<p>
				<ApprovalProgress approval={ approval } />
			</p>
			<ol className="agent-guard-decisions">
				{ approval.approvals.map( ( decision, index ) => (
					<li key={ `${ decision.user_id }-${ index }` }>
						<strong>
							{ personName(
								decision.user_name,
								decision.user_id
							) }
						</strong>{ ' ' }
						{ decision.decision === 'approve'
							? __( 'approved', 'agent-guard' )
							: __( 'rejected', 'agent-guard' ) }{ ' ' }
						<RelativeTime value={ decision.at } now={ now } />
						{ decision.edit
							? Object.entries( decision.edit ).map(
									( [ field, value ] ) => (
										<span
											key={ field }
											className="agent-guard-table__note"
										>
											{ sprintf(
												/* translators: 1: field name, 2: the value it was lowered to. */
												__(
													'Lowered %1$s to %2$s before approving.',
													'agent-guard'
												),
												field,
												String( value )
											) }
										</span>
									)
							  )
							: null }
						{ decision.comment ? (
							<blockquote className="agent-guard-decisions__comment">
								<bdi>{ decision.comment }</bdi>
							</blockquote>
						) : null }
					</li>
				) ) }
			</ol>
		</>
	);
}

interface ApprovalDetailsProps {
	approval: Approval;
	now: number;
	/** Decide buttons, when the reader may decide. */
	actions?: ReactNode;
}

/**
 * Everything about one queued request: the whole diff, why it was queued, what is at
 * stake, what the agent said, who decided so far, and what happened when it ran.
 *
 * @param props          Props.
 * @param props.approval
 * @param props.now
 * @param props.actions
 */
export function ApprovalDetails( {
	approval,
	now,
	actions,
}: ApprovalDetailsProps ) {
	const decided = approval.state !== 'pending';
	return (
		<div className="agent-guard-details">
			<dl className="agent-guard-facts">
				<dt>{ __( 'State', 'agent-guard' ) }</dt>
				<dd>
					<Badge tone={ approvalStateTone( approval.state ) }>
						{ approvalStateLabel( approval.state ) }
					</Badge>{ ' ' }
					<ApprovalProgress approval={ approval } />
				</dd>
				<dt>{ __( 'Agent', 'agent-guard' ) }</dt>
				<dd>{ agentName( approval.agent_name, approval.agent_id ) }</dd>
				<dt>{ __( 'Action', 'agent-guard' ) }</dt>
				<dd>
					{ actionLabel( approval.action ) }{ ' ' }
					<code>{ approval.action }</code>
				</dd>
				<dt>{ __( 'Target', 'agent-guard' ) }</dt>
				<dd>
					{ targetLabel( approval ) }
					{ approval.target_sku ? ` (${ approval.target_sku })` : '' }
				</dd>
				<dt>{ __( 'Request', 'agent-guard' ) }</dt>
				<dd>
					<code>
						{ approval.method } { approval.route }
					</code>
				</dd>
				<dt>{ __( 'Queued', 'agent-guard' ) }</dt>
				<dd>
					<RelativeTime value={ approval.created_at } now={ now } />{ ' ' }
					{ approval.queued_by === 'canary'
						? __( '(outside the canary share)', 'agent-guard' )
						: __( '(over a threshold)', 'agent-guard' ) }
				</dd>
				<dt>
					{ decided
						? __( 'Expiry', 'agent-guard' )
						: __( 'Expires', 'agent-guard' ) }
				</dt>
				<dd>
					{ decided ? (
						formatDateTime( approval.expires_at )
					) : (
						<RelativeTime
							value={ approval.expires_at }
							now={ now }
						/>
					) }
				</dd>
				{ approval.decided_at ? (
					<>
						<dt>{ __( 'Decided', 'agent-guard' ) }</dt>
						<dd>
							<RelativeTime
								value={ approval.decided_at }
								now={ now }
							/>
						</dd>
					</>
				) : null }
				{ approval.finished_at ? (
					<>
						<dt>{ __( 'Finished', 'agent-guard' ) }</dt>
						<dd>
							<RelativeTime
								value={ approval.finished_at }
								now={ now }
							/>
						</dd>
					</>
				) : null }
			</dl>
			{ actions ? (
				<div className="agent-guard-details__actions">{ actions }</div>
			) : null }
			{ decided ? (
				<DetailSection title={ __( 'Result', 'agent-guard' ) }>
					<ApprovalResult approval={ approval } />
				</DetailSection>
			) : null }
			<DetailSection title={ __( 'Changes', 'agent-guard' ) }>
				<DiffTable approval={ approval } />
			</DetailSection>
			<DetailSection
				title={ __( 'Why it needs a person', 'agent-guard' ) }
			>
				<ul className="agent-guard-reasons">
					{ ( approval.reasons.length > 0
						? approval.reasons
						: [ { rule: approval.rule, message: approval.reason } ]
					).map( ( reason, index ) => (
						<li key={ `${ reason.rule }-${ index }` }>
							<code>{ reason.rule }</code> { reason.message }
						</li>
					) ) }
				</ul>
			</DetailSection>
			<DetailSection title={ __( 'What is at stake', 'agent-guard' ) }>
				<ExposureDetails approval={ approval } />
			</DetailSection>
			<DetailSection title={ __( 'What the agent said', 'agent-guard' ) }>
				<AgentAccount metadata={ approval.metadata } />
			</DetailSection>
			<DetailSection title={ __( 'Decisions', 'agent-guard' ) }>
				<Decisions approval={ approval } now={ now } />
			</DetailSection>
			<DetailSection
				title={ __( 'Request as it will run', 'agent-guard' ) }
			>
				<pre className="agent-guard-details__params">
					{ JSON.stringify( approval.params, null, 2 ) }
				</pre>
				<p className="agent-guard-muted">
					{ sprintf(
						/* translators: %s: SHA-256 hash. */
						__( 'Payload hash: %s', 'agent-guard' ),
						approval.payload_hash
					) }
				</p>
				{ approval.edited_by > 0 ? (
					<p>
						{ __(
							'An approver lowered a proposed value: the parameters above are what runs, the changes show what the agent asked for.',
							'agent-guard'
						) }
					</p>
				) : null }
			</DetailSection>
		</div>
	);
}

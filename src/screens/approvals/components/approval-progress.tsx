/**
 * WordPress dependencies
 */
import { _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Approval } from '../../../schemas';

/**
 * How many different people approved so far.
 *
 * @param approval The request.
 */
export function approvalCount( approval: Approval ): number {
	return new Set(
		approval.approvals
			.filter( ( decision ) => decision.decision === 'approve' )
			.map( ( decision ) => decision.user_id )
	).size;
}

/**
 * "1 of 2 approvals": shown for requests that need more than one person.
 *
 * @param props          Props.
 * @param props.approval
 */
export function ApprovalProgress( { approval }: { approval: Approval } ) {
	if ( approval.required_approvals < 2 ) {
		return null;
	}
	return (
		<span className="agent-guard-approval-progress">
			{ sprintf(
				/* translators: 1: approvals given, 2: approvals needed. */
				_n(
					'%1$d of %2$d approval',
					'%1$d of %2$d approvals',
					approval.required_approvals,
					'agent-guard'
				),
				approvalCount( approval ),
				approval.required_approvals
			) }
		</span>
	);
}

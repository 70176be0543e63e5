/**
 * What the screen says after a decision: one sentence per outcome, with the server's
 * words where it gave any.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Approval } from '../../../schemas';
import { approvalCount } from '../components/approval-progress';
import { targetLabel } from './format';

export interface ScreenNotice {
	id: number;
	status: 'success' | 'info' | 'warning' | 'error';
	message: string;
}

/**
 * The notice for a decision the server accepted, by the state the item ended in.
 *
 * @param item The item as the server answered it.
 */
export function decisionOutcome( item: Approval ): Omit< ScreenNotice, 'id' > {
	const name = sprintf(
		/* translators: 1: request id, 2: what it is about. */
		__( 'Request #%1$d (%2$s)', 'agent-guard' ),
		item.id,
		targetLabel( item )
	);
	switch ( item.state ) {
		case 'executed':
			return {
				status: 'success',
				message: sprintf(
					/* translators: 1: "Request #12 (Ceramic Mug)", 2: HTTP status. */
					__(
						'%1$s was approved and applied: the store answered HTTP %2$d.',
						'agent-guard'
					),
					name,
					item.result_status
				),
			};
		case 'pending':
			return {
				status: 'info',
				message: sprintf(
					/* translators: 1: "Request #12 (Ceramic Mug)", 2: approvals given, 3: approvals needed. */
					__(
						'Your approval of %1$s is recorded (%2$d of %3$d approvals). Another person must approve it before it runs.',
						'agent-guard'
					),
					name,
					approvalCount( item ),
					item.required_approvals
				),
			};
		case 'approved':
		case 'executing':
			return {
				status: 'info',
				message: sprintf(
					/* translators: %s: "Request #12 (Ceramic Mug)". */
					__(
						'%s was approved. Agents are halted: it runs once they are resumed.',
						'agent-guard'
					),
					name
				),
			};
		case 'conflict':
			return {
				status: 'warning',
				message: sprintf(
					/* translators: 1: "Request #12 (Ceramic Mug)", 2: the server's explanation. */
					__(
						'%1$s was approved but not applied. %2$s',
						'agent-guard'
					),
					name,
					item.result.message ??
						__(
							'The target changed since the request was queued; nothing was written.',
							'agent-guard'
						)
				),
			};
		case 'failed':
			return {
				status: 'error',
				message: sprintf(
					/* translators: 1: "Request #12 (Ceramic Mug)", 2: HTTP status, 3: the server's explanation. */
					__(
						'%1$s was approved but failed (HTTP %2$d). %3$s',
						'agent-guard'
					),
					name,
					item.result_status,
					item.result.message ?? item.result.reason ?? ''
				).trim(),
			};
		case 'rejected':
			return {
				status: 'success',
				message: sprintf(
					/* translators: %s: "Request #12 (Ceramic Mug)". */
					__(
						'%s was rejected; the agent sees your comment.',
						'agent-guard'
					),
					name
				),
			};
		case 'expired':
			return {
				status: 'warning',
				message: sprintf(
					/* translators: %s: "Request #12 (Ceramic Mug)". */
					__( '%s had expired; nothing was written.', 'agent-guard' ),
					name
				),
			};
	}
}

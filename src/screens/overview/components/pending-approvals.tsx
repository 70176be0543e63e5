/**
 * WordPress dependencies
 */
import { __, _n, sprintf } from '@wordpress/i18n';

interface PendingApprovalsProps {
	pending: number;
	/** The Approvals page, when the reader may approve (agent_guard_approve). */
	approvalsUrl?: string;
}

/**
 * How many agent requests wait for a human, and the way to the queue.
 *
 * @param props              Props.
 * @param props.pending
 * @param props.approvalsUrl
 */
export function PendingApprovals( {
	pending,
	approvalsUrl,
}: PendingApprovalsProps ) {
	if ( pending === 0 ) {
		return (
			<p className="agent-guard-count">
				{ __( 'No request waits for approval.', 'agent-guard' ) }
			</p>
		);
	}
	return (
		<p className="agent-guard-count">
			<strong className="agent-guard-count__number">{ pending }</strong>{ ' ' }
			{ _n(
				'request waits for a human.',
				'requests wait for a human.',
				pending,
				'agent-guard'
			) }{ ' ' }
			{ approvalsUrl ? (
				<a href={ approvalsUrl }>
					{ sprintf(
						/* translators: %d: number of pending approvals. */
						_n(
							'Review %d pending approval',
							'Review %d pending approvals',
							pending,
							'agent-guard'
						),
						pending
					) }
				</a>
			) : null }
		</p>
	);
}

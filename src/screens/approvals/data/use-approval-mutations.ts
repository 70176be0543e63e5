/**
 * Deciding: approve, reject, and both in bulk. Each success invalidates the queue, the
 * Overview and the audit log; a refusal that means "this item changed since you loaded
 * it" (409) reloads the queue too, so the person decides on what is there now. Other
 * errors are left for the dialog to show (at the field the server names).
 */

/**
 * External dependencies
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import {
	approveApproval,
	decideApprovals,
	isStaleDecision,
	rejectApproval,
	type ApproveInput,
	type BulkDecisionInput,
	type RejectInput,
} from '../../../api/approvals';
import type { Approval, ApprovalBulkResult } from '../../../schemas';
import { invalidateApprovalQueries } from './invalidate';
import { approvalQuery } from './query-options';

export type ApproveVariables = ApproveInput & { id: number };
export type RejectVariables = RejectInput & { id: number };

function useDecisionCallbacks() {
	const queryClient = useQueryClient();
	return {
		onSuccess: async ( item: Approval ) => {
			queryClient.setQueryData( approvalQuery( item.id ).queryKey, item );
			await invalidateApprovalQueries( queryClient );
		},
		onError: async ( error: Error ) => {
			if ( isStaleDecision( error ) ) {
				await invalidateApprovalQueries( queryClient );
			}
		},
	};
}

export function useApproveApproval() {
	const callbacks = useDecisionCallbacks();
	return useMutation< Approval, Error, ApproveVariables >( {
		mutationFn: ( { id, ...input } ) => approveApproval( id, input ),
		...callbacks,
	} );
}

export function useRejectApproval() {
	const callbacks = useDecisionCallbacks();
	return useMutation< Approval, Error, RejectVariables >( {
		mutationFn: ( { id, ...input } ) => rejectApproval( id, input ),
		...callbacks,
	} );
}

/**
 * One decision for several items; the answer reports each item. Whatever happened to
 * each, the queue is reloaded.
 */
export function useBulkDecision() {
	const queryClient = useQueryClient();
	return useMutation< ApprovalBulkResult, Error, BulkDecisionInput >( {
		mutationFn: decideApprovals,
		onSuccess: () => invalidateApprovalQueries( queryClient ),
	} );
}

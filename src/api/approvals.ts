/**
 * Fetchers of `approvals`, `approvals/<id>`, `approvals/<id>/approve`,
 * `approvals/<id>/reject` and `approvals/bulk`.
 */

/**
 * Internal dependencies
 */
import {
	approvalBulkResultSchema,
	approvalSchema,
	type Approval,
	type ApprovalBulkResult,
} from '../schemas';
import { ApiError } from './errors';
import {
	apiPath,
	getCollection,
	getJson,
	parse,
	sendJson,
	type Collection,
} from './client';

export type ApprovalState = Approval[ 'state' ];

/** The `state` filter of GET approvals: one state, or `decided` (the history), or `all`. */
export type ApprovalStateFilter = ApprovalState | 'decided' | 'all';

export type ApprovalOrder = 'oldest' | 'newest' | 'exposure' | 'expiring';

/** The filters GET approvals accepts (all optional; the server lists pending, oldest first). */
export interface ApprovalFilters {
	state?: ApprovalStateFilter;
	agent_id?: number;
	action?: string;
	order?: ApprovalOrder;
	page?: number;
	per_page?: number;
}

/** Fields an approver may lower before approving (ApprovalService::EDITABLE). */
export const EDITABLE_FIELDS = [
	'regular_price',
	'sale_price',
	'stock_quantity',
	'amount',
] as const;
export type EditableField = ( typeof EDITABLE_FIELDS )[ number ];

/** The body of POST approvals/<id>/approve. */
export interface ApproveInput {
	/** The item's `version` the person decided on; a newer one answers 409. */
	version: number;
	comment?: string;
	/** Lowered values (single writes only): prices and amounts as strings, stock as integer. */
	edit?: Partial< Record< EditableField, string | number > >;
}

/** The body of POST approvals/<id>/reject: the comment is required. */
export interface RejectInput {
	version: number;
	comment: string;
}

/** The body of POST approvals/bulk. */
export interface BulkDecisionInput {
	decision: 'approve' | 'reject';
	items: Array< { id: number; version: number } >;
	comment?: string;
}

/**
 * Refusals that mean "what you saw is no longer the item": it was decided, expired or
 * changed meanwhile, or you already approved it. The screen reloads the queue.
 */
export const STALE_CODES = [
	'agent_guard_version_conflict',
	'agent_guard_approval_decided',
	'agent_guard_approval_expired',
	'agent_guard_second_approver_required',
] as const;

/**
 * Whether a decision failed because the item changed since it was loaded (409).
 *
 * @param error What the mutation failed with.
 */
export function isStaleDecision( error: unknown ): boolean {
	return (
		error instanceof ApiError &&
		( error.status === 409 ||
			( STALE_CODES as readonly string[] ).includes( error.code ) )
	);
}

/**
 * The field a refused decision names (`comment`, `edit.regular_price`), or null.
 *
 * @param error What the mutation failed with.
 */
export function refusedField( error: unknown ): string | null {
	return error instanceof ApiError && error.status === 400 && error.path
		? error.path
		: null;
}

export function fetchApprovals(
	filters: ApprovalFilters = {},
	signal?: AbortSignal
): Promise< Collection< Approval > > {
	return getCollection(
		approvalSchema,
		apiPath( 'approvals', { ...filters } ),
		{
			signal,
		}
	);
}

export async function fetchApproval(
	id: number,
	signal?: AbortSignal
): Promise< Approval > {
	const data = await getJson( apiPath( `approvals/${ id }` ), { signal } );
	return parse( approvalSchema, data );
}

/**
 * Approves an item. The answer is the item after the decision: usually already
 * `executed` (or `conflict` / `failed`), `pending` while a second approver is needed, or
 * `approved` while agents are halted.
 *
 * @param id    The item.
 * @param input Version, comment, lowered values.
 */
export async function approveApproval(
	id: number,
	input: ApproveInput
): Promise< Approval > {
	const data = await sendJson(
		'POST',
		apiPath( `approvals/${ id }/approve` ),
		{
			...input,
		}
	);
	return parse( approvalSchema, data );
}

export async function rejectApproval(
	id: number,
	input: RejectInput
): Promise< Approval > {
	const data = await sendJson(
		'POST',
		apiPath( `approvals/${ id }/reject` ),
		{
			...input,
		}
	);
	return parse( approvalSchema, data );
}

/**
 * Decides several items with one comment; each is decided on its own and reported on
 * its own (a refusal of one does not stop the others).
 *
 * @param input Decision, items with their versions, comment.
 */
export async function decideApprovals(
	input: BulkDecisionInput
): Promise< ApprovalBulkResult > {
	const data = await sendJson( 'POST', apiPath( 'approvals/bulk' ), {
		...input,
	} );
	return parse( approvalBulkResultSchema, data );
}

/**
 * The queue's filters live in the URL (`&state=decided&agent=4&agent_action=orders:refund
 * &sort=exposure`), so reloads, the back button and shared links keep them. Anything
 * that is not a valid value reads as its default.
 */

/**
 * Internal dependencies
 */
import type {
	ApprovalFilters,
	ApprovalOrder,
	ApprovalStateFilter,
} from '../../../api/approvals';
import { useQueryArg } from '../../../hooks/use-query-arg';

export const STATE_FILTERS: ApprovalStateFilter[] = [
	'pending',
	'decided',
	'all',
	'approved',
	'executing',
	'executed',
	'failed',
	'conflict',
	'rejected',
	'expired',
];

export const ORDERS: ApprovalOrder[] = [
	'oldest',
	'newest',
	'exposure',
	'expiring',
];

/** The filters as the screen shows them (defaults filled in). */
export interface ScreenFilters {
	state: ApprovalStateFilter;
	agentId: number | null;
	action: string | null;
	order: ApprovalOrder;
}

export function parseStateFilter(
	value: string | undefined
): ApprovalStateFilter {
	return STATE_FILTERS.find( ( state ) => state === value ) ?? 'pending';
}

export function parseOrder( value: string | undefined ): ApprovalOrder {
	return ORDERS.find( ( order ) => order === value ) ?? 'oldest';
}

/**
 * A positive integer id from the URL, or null.
 *
 * @param value The query argument.
 */
export function parseId( value: string | undefined ): number | null {
	if ( value === undefined || ! /^[1-9]\d{0,15}$/.test( value ) ) {
		return null;
	}
	return Number( value );
}

export function parseAction( value: string | undefined ): string | null {
	return value !== undefined && /^[a-z_]+:[a-z_]+$/.test( value )
		? value
		: null;
}

/**
 * The REST filters of one page of the queue.
 *
 * @param filters The screen's filters.
 * @param page    The page (1-based).
 * @param perPage Items per page.
 */
export function toApiFilters(
	filters: ScreenFilters,
	page: number,
	perPage: number
): ApprovalFilters {
	return {
		state: filters.state,
		agent_id: filters.agentId ?? undefined,
		action: filters.action ?? undefined,
		order: filters.order,
		page,
		per_page: perPage,
	};
}

/**
 * The filters from the URL and setters that write them back (a default value leaves the
 * URL without the argument).
 */
export function useApprovalFilters(): {
	filters: ScreenFilters;
	setState: ( state: ApprovalStateFilter ) => void;
	setAgentId: ( id: number | null ) => void;
	setAction: ( action: string | null ) => void;
	setOrder: ( order: ApprovalOrder ) => void;
} {
	const [ state, writeState ] = useQueryArg( 'state' );
	const [ agent, writeAgent ] = useQueryArg( 'agent' );
	const [ action, writeAction ] = useQueryArg( 'agent_action' );
	const [ order, writeOrder ] = useQueryArg( 'sort' );
	return {
		filters: {
			state: parseStateFilter( state ),
			agentId: parseId( agent ),
			action: parseAction( action ),
			order: parseOrder( order ),
		},
		setState: ( next ) =>
			writeState( next === 'pending' ? undefined : next ),
		setAgentId: ( next ) =>
			writeAgent( next === null ? undefined : String( next ) ),
		setAction: ( next ) => writeAction( next ?? undefined ),
		setOrder: ( next ) =>
			writeOrder( next === 'oldest' ? undefined : next ),
	};
}

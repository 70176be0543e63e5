/**
 * WordPress dependencies
 */
import { SelectControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type {
	ApprovalOrder,
	ApprovalStateFilter,
} from '../../../api/approvals';
import {
	actionLabel,
	approvalStateLabel,
} from '../../../components/approval-labels';
import type { ScreenFilters } from '../data/filters';
import { ORDERS, STATE_FILTERS } from '../data/filters';

interface ApprovalFiltersProps {
	filters: ScreenFilters;
	/** The agents to filter by (id, name). */
	agents: Array< { id: number; name: string } >;
	/** The actions to filter by. */
	actions: readonly string[];
	onStateChange: ( state: ApprovalStateFilter ) => void;
	onAgentChange: ( id: number | null ) => void;
	onActionChange: ( action: string | null ) => void;
	onOrderChange: ( order: ApprovalOrder ) => void;
}

function stateFilterLabel( state: ApprovalStateFilter ): string {
	switch ( state ) {
		case 'decided':
			return __( 'Decided (history)', 'agent-guard' );
		case 'all':
			return __( 'All requests', 'agent-guard' );
		default:
			return approvalStateLabel( state );
	}
}

function orderLabel( order: ApprovalOrder ): string {
	switch ( order ) {
		case 'oldest':
			return __( 'Oldest first', 'agent-guard' );
		case 'newest':
			return __( 'Newest first', 'agent-guard' );
		case 'exposure':
			return __( 'Most at stake first', 'agent-guard' );
		case 'expiring':
			return __( 'Expiring soonest first', 'agent-guard' );
	}
}

/**
 * The queue's filters (state, agent, action) and its order, as labelled selects.
 *
 * @param props                Props.
 * @param props.filters
 * @param props.agents
 * @param props.actions
 * @param props.onStateChange
 * @param props.onAgentChange
 * @param props.onActionChange
 * @param props.onOrderChange
 */
export function ApprovalFilters( {
	filters,
	agents,
	actions,
	onStateChange,
	onAgentChange,
	onActionChange,
	onOrderChange,
}: ApprovalFiltersProps ) {
	const knownAgent =
		filters.agentId === null ||
		agents.some( ( agent ) => agent.id === filters.agentId );
	return (
		<div
			className="agent-guard-filters"
			role="group"
			aria-label={ __( 'Filter and sort the requests', 'agent-guard' ) }
		>
			<SelectControl
				label={ __( 'Show', 'agent-guard' ) }
				value={ filters.state }
				options={ STATE_FILTERS.map( ( state ) => ( {
					value: state,
					label: stateFilterLabel( state ),
				} ) ) }
				onChange={ ( value: string ) => {
					const state = STATE_FILTERS.find( ( s ) => s === value );
					if ( state ) {
						onStateChange( state );
					}
				} }
				__nextHasNoMarginBottom
			/>
			<SelectControl
				label={ __( 'Agent', 'agent-guard' ) }
				value={
					filters.agentId === null ? '' : String( filters.agentId )
				}
				options={ [
					{ value: '', label: __( 'All agents', 'agent-guard' ) },
					...agents.map( ( agent ) => ( {
						value: String( agent.id ),
						label: agent.name,
					} ) ),
					...( knownAgent
						? []
						: [
								{
									value: String( filters.agentId ),
									label: `#${ filters.agentId }`,
								},
						  ] ),
				] }
				onChange={ ( value: string ) =>
					onAgentChange( value === '' ? null : Number( value ) )
				}
				__nextHasNoMarginBottom
			/>
			<SelectControl
				label={ __( 'Action', 'agent-guard' ) }
				value={ filters.action ?? '' }
				options={ [
					{ value: '', label: __( 'All actions', 'agent-guard' ) },
					...actions.map( ( action ) => ( {
						value: action,
						label:
							actionLabel( action ) === action
								? action
								: `${ actionLabel( action ) } (${ action })`,
					} ) ),
				] }
				onChange={ ( value: string ) =>
					onActionChange( value === '' ? null : value )
				}
				__nextHasNoMarginBottom
			/>
			<SelectControl
				label={ __( 'Sort', 'agent-guard' ) }
				value={ filters.order }
				options={ ORDERS.map( ( order ) => ( {
					value: order,
					label: orderLabel( order ),
				} ) ) }
				onChange={ ( value: string ) => {
					const order = ORDERS.find( ( o ) => o === value );
					if ( order ) {
						onOrderChange( order );
					}
				} }
				__nextHasNoMarginBottom
			/>
		</div>
	);
}

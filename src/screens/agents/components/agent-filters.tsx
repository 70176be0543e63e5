/**
 * External dependencies
 */
import type { FormEvent } from 'react';

/**
 * WordPress dependencies
 */
import { Button, SelectControl, TextControl } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AgentFilters } from '../../../api/agents';
import { modeLabel, riskLabel } from '../../../components/labels';
import type { AgentMode, RiskTier } from '../../../schemas';

const MODES: AgentMode[] = [ 'observe', 'canary', 'active', 'paused' ];
const RISKS: RiskTier[] = [ 'low', 'medium', 'high' ];
const STATUSES: Array< NonNullable< AgentFilters[ 'status' ] > > = [
	'active',
	'archived',
	'all',
];

/**
 * Reads filters from URL values, ignoring anything the API would refuse.
 *
 * @param raw           The query arguments.
 * @param raw.status
 * @param raw.mode
 * @param raw.risk_tier
 * @param raw.search
 */
export function parseAgentFilters( raw: {
	status?: string;
	mode?: string;
	risk_tier?: string;
	search?: string;
} ): AgentFilters {
	const filters: AgentFilters = {};
	const status = STATUSES.find( ( s ) => s === raw.status );
	if ( status && status !== 'active' ) {
		filters.status = status;
	}
	const mode = MODES.find( ( m ) => m === raw.mode );
	if ( mode ) {
		filters.mode = mode;
	}
	const risk = RISKS.find( ( r ) => r === raw.risk_tier );
	if ( risk ) {
		filters.risk_tier = risk;
	}
	const search = raw.search?.trim().slice( 0, 100 );
	if ( search ) {
		filters.search = search;
	}
	return filters;
}

export function hasFilters( filters: AgentFilters ): boolean {
	return Object.keys( filters ).length > 0;
}

interface AgentFiltersBarProps {
	filters: AgentFilters;
	onChange: ( name: keyof AgentFilters, value: string | undefined ) => void;
	onClear: () => void;
}

/**
 * Status, mode and risk filters and a search box over the registry. The search is sent
 * when submitted (Enter or the button), the selects at once.
 *
 * @param props          Props.
 * @param props.filters
 * @param props.onChange
 * @param props.onClear
 */
export function AgentFiltersBar( {
	filters,
	onChange,
	onClear,
}: AgentFiltersBarProps ) {
	const [ search, setSearch ] = useState( filters.search ?? '' );
	useEffect( () => setSearch( filters.search ?? '' ), [ filters.search ] );
	const submit = ( event: FormEvent ) => {
		event.preventDefault();
		onChange( 'search', search.trim() || undefined );
	};
	return (
		<form
			className="agent-guard-filters"
			role="search"
			aria-label={ __( 'Filter agents', 'agent-guard' ) }
			onSubmit={ submit }
		>
			<SelectControl
				label={ __( 'Status', 'agent-guard' ) }
				value={ filters.status ?? 'active' }
				options={ [
					{
						value: 'active',
						label: __( 'Registered', 'agent-guard' ),
					},
					{
						value: 'archived',
						label: __( 'Archived', 'agent-guard' ),
					},
					{ value: 'all', label: __( 'All', 'agent-guard' ) },
				] }
				onChange={ ( value: string ) =>
					onChange( 'status', value === 'active' ? undefined : value )
				}
				__nextHasNoMarginBottom
			/>
			<SelectControl
				label={ __( 'Mode', 'agent-guard' ) }
				value={ filters.mode ?? '' }
				options={ [
					{ value: '', label: __( 'All modes', 'agent-guard' ) },
					...MODES.map( ( mode ) => ( {
						value: mode,
						label: modeLabel( mode ),
					} ) ),
				] }
				onChange={ ( value: string ) =>
					onChange( 'mode', value || undefined )
				}
				__nextHasNoMarginBottom
			/>
			<SelectControl
				label={ __( 'Risk', 'agent-guard' ) }
				value={ filters.risk_tier ?? '' }
				options={ [
					{ value: '', label: __( 'All risks', 'agent-guard' ) },
					...RISKS.map( ( risk ) => ( {
						value: risk,
						label: riskLabel( risk ),
					} ) ),
				] }
				onChange={ ( value: string ) =>
					onChange( 'risk_tier', value || undefined )
				}
				__nextHasNoMarginBottom
			/>
			<TextControl
				label={ __( 'Search agents', 'agent-guard' ) }
				type="search"
				value={ search }
				onChange={ setSearch }
				maxLength={ 100 }
				__nextHasNoMarginBottom
			/>
			<div className="agent-guard-filters__buttons">
				<Button variant="secondary" type="submit">
					{ __( 'Search', 'agent-guard' ) }
				</Button>
				{ hasFilters( filters ) ? (
					<Button variant="tertiary" onClick={ onClear }>
						{ __( 'Clear filters', 'agent-guard' ) }
					</Button>
				) : null }
			</div>
		</form>
	);
}

/**
 * External dependencies
 */
import { useQuery } from '@tanstack/react-query';

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AgentFilters } from '../../../api/agents';
import { useInitialState } from '../../../app/initial-state-context';
import { EmptyState } from '../../../components/empty-state';
import { PageHeader } from '../../../components/page-header';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import { useQueryArg } from '../../../hooks/use-query-arg';
import {
	AgentFiltersBar,
	hasFilters,
	parseAgentFilters,
} from '../components/agent-filters';
import { AgentsTable } from '../components/agents-table';
import { agentsListQuery } from '../data/query-options';
import { AddAgentModal } from './add-agent-modal';
import { CredentialsSection } from './credentials-section';

interface AgentListViewProps {
	agentUrl: ( id: number ) => string;
	onOpen: ( id: number ) => void;
}

/**
 * The filters of the list, kept in the URL (`status`, `mode`, `risk`, `search`).
 */
function useAgentFilters(): [
	AgentFilters,
	( name: keyof AgentFilters, value: string | undefined ) => void,
	() => void,
] {
	const [ status, setStatus ] = useQueryArg( 'status' );
	const [ mode, setMode ] = useQueryArg( 'mode' );
	const [ risk, setRisk ] = useQueryArg( 'risk' );
	const [ search, setSearch ] = useQueryArg( 'search' );
	const filters = parseAgentFilters( {
		status,
		mode,
		risk_tier: risk,
		search,
	} );
	const setters = {
		status: setStatus,
		mode: setMode,
		risk_tier: setRisk,
		search: setSearch,
	};
	return [
		filters,
		( name, value ) => setters[ name ]( value ),
		() => {
			setStatus( undefined );
			setMode( undefined );
			setRisk( undefined );
			setSearch( undefined );
		},
	];
}

export function AgentListView( { agentUrl, onOpen }: AgentListViewProps ) {
	const { caps } = useInitialState();
	const [ filters, setFilter, clearFilters ] = useAgentFilters();
	const agents = useQuery( agentsListQuery( filters ) );
	const [ adding, setAdding ] = useState( false );
	const addButton = caps.manage ? (
		<Button variant="secondary" onClick={ () => setAdding( true ) }>
			{ __( 'Add agent', 'agent-guard' ) }
		</Button>
	) : null;
	const filtered = hasFilters( filters );

	return (
		<>
			<PageHeader
				title={ __( 'Agents', 'agent-guard' ) }
				actions={ addButton }
			/>
			<div className="agent-guard-agents">
				<Section
					title={ __( 'Registry', 'agent-guard' ) }
					meta={
						agents.data
							? sprintf(
									/* translators: %d: number of agents shown. */
									_n(
										'%d agent',
										'%d agents',
										agents.data.total,
										'agent-guard'
									),
									agents.data.total
							  )
							: null
					}
				>
					<AgentFiltersBar
						filters={ filters }
						onChange={ setFilter }
						onClear={ clearFilters }
					/>
					<QueryView
						query={ agents }
						loadingLabel={ __(
							'Loading the agents…',
							'agent-guard'
						) }
						errorTitle={ __(
							'Could not load the agents.',
							'agent-guard'
						) }
					>
						{ ( data ) => {
							if ( data.items.length > 0 ) {
								return (
									<AgentsTable
										agents={ data.items }
										now={
											agents.dataUpdatedAt || Date.now()
										}
										agentUrl={ agentUrl }
										onOpen={ onOpen }
									/>
								);
							}
							return filtered ? (
								<EmptyState
									message={ __(
										'No agent matches these filters.',
										'agent-guard'
									) }
								>
									<Button
										variant="secondary"
										onClick={ clearFilters }
									>
										{ __( 'Clear filters', 'agent-guard' ) }
									</Button>
								</EmptyState>
							) : (
								<EmptyState
									message={ __(
										'No agent is registered yet. Add one to give it a policy and a token.',
										'agent-guard'
									) }
								/>
							);
						} }
					</QueryView>
				</Section>
				{ caps.manage ? (
					<CredentialsSection agentUrl={ agentUrl } />
				) : null }
			</div>
			{ adding ? (
				<AddAgentModal
					onClose={ () => setAdding( false ) }
					onCreated={ ( agent ) => {
						setAdding( false );
						onOpen( agent.id );
					} }
				/>
			) : null }
		</>
	);
}

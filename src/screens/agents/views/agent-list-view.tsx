/**
 * External dependencies
 */
import { useQuery } from '@tanstack/react-query';

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { useInitialState } from '../../../app/initial-state-context';
import { EmptyState } from '../../../components/empty-state';
import { PageHeader } from '../../../components/page-header';
import { QueryView } from '../../../components/query-view';
import { AgentsTable } from '../components/agents-table';
import { agentsListQuery } from '../data/query-options';
import { AddAgentModal } from './add-agent-modal';

interface AgentListViewProps {
	agentUrl: ( id: number ) => string;
	onOpen: ( id: number ) => void;
}

export function AgentListView( { agentUrl, onOpen }: AgentListViewProps ) {
	const { caps } = useInitialState();
	const agents = useQuery( agentsListQuery() );
	const [ adding, setAdding ] = useState( false );
	const addButton = caps.manage ? (
		<Button variant="secondary" onClick={ () => setAdding( true ) }>
			{ __( 'Add agent', 'agent-guard' ) }
		</Button>
	) : null;

	return (
		<>
			<PageHeader
				title={ __( 'Agents', 'agent-guard' ) }
				actions={ addButton }
			/>
			<QueryView
				query={ agents }
				loadingLabel={ __( 'Loading the agents…', 'agent-guard' ) }
				errorTitle={ __( 'Could not load the agents.', 'agent-guard' ) }
			>
				{ ( data ) =>
					data.items.length === 0 ? (
						<EmptyState
							message={ __(
								'No agent is registered yet. Add one to give it a policy and a token.',
								'agent-guard'
							) }
						/>
					) : (
						<AgentsTable
							agents={ data.items }
							now={ agents.dataUpdatedAt || Date.now() }
							agentUrl={ agentUrl }
							onOpen={ onOpen }
						/>
					)
				}
			</QueryView>
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

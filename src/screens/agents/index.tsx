/**
 * The Agents screen: the registry, and one agent at `&agent=<id>` (kept in the URL so
 * reloads and links work).
 */

/**
 * WordPress dependencies
 */
import { addQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import { useInitialState } from '../../app/initial-state-context';
import { useQueryArg } from '../../hooks/use-query-arg';
import { AgentDetailView } from './views/agent-detail-view';
import { AgentListView } from './views/agent-list-view';

/**
 * A positive integer id from the URL, or null.
 *
 * @param value The query argument.
 */
export function parseAgentId( value: string | undefined ): number | null {
	if ( value === undefined || ! /^[1-9]\d{0,18}$/.test( value ) ) {
		return null;
	}
	return Number( value );
}

export default function AgentsScreen() {
	const { pages } = useInitialState();
	const [ agentArg, setAgentArg ] = useQueryArg( 'agent' );
	const agentId = parseAgentId( agentArg );
	const agentUrl = ( id: number ) =>
		addQueryArgs( pages.agents, { agent: id } );

	if ( agentId !== null ) {
		return (
			<AgentDetailView
				key={ agentId }
				agentId={ agentId }
				listUrl={ pages.agents }
				onBack={ () => setAgentArg( undefined ) }
			/>
		);
	}
	return (
		<AgentListView
			agentUrl={ agentUrl }
			onOpen={ ( id ) => setAgentArg( String( id ) ) }
		/>
	);
}

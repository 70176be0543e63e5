/**
 * The Canary screen: one agent's dial (at `&agent=<id>`, kept in the URL so reloads and
 * links work), what happened inside and outside its cohort, and the kill-switch test.
 */

/**
 * External dependencies
 */
import { useQuery } from '@tanstack/react-query';

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { QueryView } from '../../components/query-view';
import { useQueryArg } from '../../hooks/use-query-arg';
import { AgentPicker } from './components/agent-picker';
import { canaryAgentsQuery } from './data/query-options';
import { CanaryAgentView } from './views/canary-agent-view';

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

export default function CanaryScreen() {
	const [ agentArg, setAgentArg ] = useQueryArg( 'agent' );
	const agentId = parseAgentId( agentArg );
	const agents = useQuery( canaryAgentsQuery() );

	return (
		<>
			<PageHeader title={ __( 'Canary', 'agent-guard' ) } />
			<div className="agent-guard-canary">
				<QueryView
					query={ agents }
					loadingLabel={ __( 'Loading the agents…', 'agent-guard' ) }
					errorTitle={ __(
						'Could not load the agents.',
						'agent-guard'
					) }
				>
					{ ( data ) =>
						data.items.length === 0 ? (
							<EmptyState
								message={ __(
									'No agent is registered yet.',
									'agent-guard'
								) }
							/>
						) : (
							<div className="agent-guard-canary__picker">
								<AgentPicker
									agents={ data.items }
									selected={ agentId }
									onSelect={ ( id ) =>
										setAgentArg(
											id === null
												? undefined
												: String( id )
										)
									}
								/>
							</div>
						)
					}
				</QueryView>
				{ agentId === null ? (
					<EmptyState
						message={ __(
							'Choose an agent to see its canary dial.',
							'agent-guard'
						) }
					/>
				) : (
					<CanaryAgentView
						key={ agentId }
						agentId={ agentId }
						agent={ agents.data?.items.find(
							( item ) => item.id === agentId
						) }
					/>
				) }
			</div>
		</>
	);
}

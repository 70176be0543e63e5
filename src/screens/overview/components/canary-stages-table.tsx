/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ModeBadge } from '../../../components/agent-badges';
import type { AgentControl } from '../../../api/halt';
import { DataTable } from '../../../components/data-table';
import { EmptyState } from '../../../components/empty-state';
import { formatPercent } from '../../../components/percent';

interface CanaryStagesTableProps {
	agents: AgentControl[];
	/** The Canary screen opened on an agent. */
	canaryUrl: ( id: number ) => string;
}

/**
 * The share of targets open to an agent, in words.
 *
 * @param agent The agent.
 */
export function canaryStage( agent: AgentControl ): string {
	switch ( agent.mode ) {
		case 'canary':
			return formatPercent( agent.canary_percent );
		case 'active':
			return __( 'All targets (active)', 'agent-guard' );
		case 'observe':
			return __( 'None: observe only', 'agent-guard' );
		case 'paused':
			return __( 'None: paused', 'agent-guard' );
	}
}

/**
 * Where each agent stands on the way from observe to active: its mode, the share of
 * targets open to it and the next usual step of the dial, linking to the Canary screen.
 *
 * @param props           Props.
 * @param props.agents
 * @param props.canaryUrl
 */
export function CanaryStagesTable( {
	agents,
	canaryUrl,
}: CanaryStagesTableProps ) {
	return (
		<DataTable
			caption={ __( 'Canary stage of each agent', 'agent-guard' ) }
			columns={ [
				__( 'Agent', 'agent-guard' ),
				__( 'Mode', 'agent-guard' ),
				__( 'Open to the agent', 'agent-guard' ),
				__( 'Next step', 'agent-guard' ),
			] }
			rows={ agents }
			empty={
				<EmptyState
					message={ __(
						'No agent is registered yet.',
						'agent-guard'
					) }
				/>
			}
			renderRow={ ( agent ) => (
				<tr key={ agent.id } data-agent-id={ agent.id }>
					<th scope="row">
						<a href={ canaryUrl( agent.id ) }>
							<bdi>{ agent.name }</bdi>
						</a>
					</th>
					<td>
						<ModeBadge mode={ agent.mode } />
					</td>
					<td>{ canaryStage( agent ) }</td>
					<td>
						{ agent.canary_next !== null
							? formatPercent( agent.canary_next )
							: '—' }
					</td>
				</tr>
			) }
		/>
	);
}

/**
 * External dependencies
 */
import { useQuery } from '@tanstack/react-query';

/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import { addQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import { useInitialState } from '../../../app/initial-state-context';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import type { Agent } from '../../../schemas';
import { CanaryChart } from '../components/canary-chart';
import { CanaryDial } from '../components/canary-dial';
import { CanaryFigures } from '../components/canary-figures';
import { KillSwitchTestPanel } from '../components/kill-switch-test-panel';
import { ModeHint } from '../components/mode-hint';
import { canaryQuery } from '../data/query-options';
import {
	useKillSwitchTest,
	useMoveCanaryDial,
} from '../data/use-canary-mutations';

interface CanaryAgentViewProps {
	agentId: number;
	/** The agent from the registry list, when it is there (for its halt state). */
	agent: Agent | undefined;
}

/**
 * One agent's canary: its mode, the dial, what happened inside and outside the cohort,
 * and the kill-switch test.
 *
 * @param props         Props.
 * @param props.agentId
 * @param props.agent
 */
export function CanaryAgentView( { agentId, agent }: CanaryAgentViewProps ) {
	const { caps, pages } = useInitialState();
	const canary = useQuery( canaryQuery( agentId ) );
	const move = useMoveCanaryDial( agentId );
	const test = useKillSwitchTest( agentId );
	const now = canary.dataUpdatedAt || Date.now();

	return (
		<QueryView
			query={ canary }
			loadingLabel={ __( 'Loading the canary…', 'agent-guard' ) }
			errorTitle={ __(
				'Could not load this agent’s canary.',
				'agent-guard'
			) }
		>
			{ ( data ) => (
				<div className="agent-guard-canary__agent">
					<ModeHint
						mode={ data.mode }
						agentUrl={
							caps.manage
								? addQueryArgs( pages.agents, {
										agent: agentId,
								  } )
								: undefined
						}
					/>
					{ agent?.halted ? (
						<Notice status="error" isDismissible={ false }>
							{ sprintf(
								/* translators: %s: why the agent was halted. */
								__( 'This agent is halted: %s', 'agent-guard' ),
								agent.halt_reason ||
									__( 'no reason given', 'agent-guard' )
							) }
						</Notice>
					) : null }
					<Section title={ __( 'Canary dial', 'agent-guard' ) }>
						<CanaryDial
							percent={ data.percent }
							nextStep={ data.next_step }
							canMove={ caps.manage }
							onMove={ ( percent ) =>
								move.mutateAsync( percent )
							}
							isBusy={ move.isPending }
							error={ move.error }
							onCancel={ () => move.reset() }
						/>
					</Section>
					<Section title={ __( 'Inside the canary', 'agent-guard' ) }>
						<CanaryFigures canary={ data } />
					</Section>
					<Section
						title={ __(
							'Writes inside and outside the cohort',
							'agent-guard'
						) }
					>
						<CanaryChart series={ data.series } />
					</Section>
					<Section title={ __( 'Kill switch test', 'agent-guard' ) }>
						<KillSwitchTestPanel
							onTest={
								caps.manage ? () => test.mutate() : undefined
							}
							isBusy={ test.isPending }
							result={ test.data ?? null }
							error={ test.error }
							now={ now }
						/>
					</Section>
				</div>
			) }
		</QueryView>
	);
}

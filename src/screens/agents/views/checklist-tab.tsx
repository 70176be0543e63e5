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
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import type { Agent } from '../../../schemas';
import { ChecklistList } from '../components/checklist-list';
import { checklistQuery } from '../data/query-options';
import { useTestKillSwitch } from '../data/use-agent-mutations';

interface ChecklistTabProps {
	agent: Agent;
	/** Opens the policy at a field; absent for read-only readers. */
	onFix?: ( path: string ) => void;
	/** May run the kill-switch test (agent_guard_manage). */
	canTest: boolean;
}

export function ChecklistTab( { agent, onFix, canTest }: ChecklistTabProps ) {
	const checklist = useQuery( checklistQuery( agent.id ) );
	const test = useTestKillSwitch( agent.id );
	return (
		<Section title={ __( 'Pre-launch checklist', 'agent-guard' ) }>
			<QueryView
				query={ checklist }
				loadingLabel={ __( 'Loading the checklist…', 'agent-guard' ) }
				errorTitle={ __(
					'Could not load the checklist.',
					'agent-guard'
				) }
			>
				{ ( data ) => (
					<ChecklistList
						items={ data.items }
						onFix={ onFix }
						killSwitch={
							canTest && agent.status !== 'archived'
								? {
										onTest: () => test.mutate(),
										isBusy: test.isPending,
										result: test.data,
										error: test.error,
								  }
								: undefined
						}
					/>
				) }
			</QueryView>
		</Section>
	);
}

/**
 * WordPress dependencies
 */
import { useState } from '@wordpress/element';
import { addQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import type { AgentControl } from '../../../api/halt';
import { useInitialState } from '../../../app/initial-state-context';
import { AgentHaltDialog } from '../../../components/agent-halt-dialog';
import { StoppedAgentsTable } from '../components/stopped-agents-table';
import { useSetAgentHalt } from '../data/use-halt-mutations';

interface StoppedAgentsViewProps {
	agents: AgentControl[];
	now: number;
	/** The global switch is on too: resuming one agent does not let it act yet. */
	globallyHalted: boolean;
}

/**
 * Agents halted or paused, with a confirmed per-agent resume for those who may halt.
 *
 * @param props                Props.
 * @param props.agents
 * @param props.now
 * @param props.globallyHalted
 */
export function StoppedAgentsView( {
	agents,
	now,
	globallyHalted,
}: StoppedAgentsViewProps ) {
	const { caps, pages } = useInitialState();
	const resume = useSetAgentHalt();
	const [ resuming, setResuming ] = useState< AgentControl | null >( null );

	return (
		<>
			<StoppedAgentsTable
				agents={ agents }
				now={ now }
				onResume={ caps.halt ? setResuming : undefined }
				agentUrl={
					caps.manage
						? ( id ) => addQueryArgs( pages.agents, { agent: id } )
						: undefined
				}
			/>
			{ resuming ? (
				<AgentHaltDialog
					agent={ resuming }
					globallyHalted={ globallyHalted }
					isBusy={ resume.isPending }
					error={ resume.error }
					onCancel={ () => {
						resume.reset();
						setResuming( null );
					} }
					onConfirm={ () =>
						resume.mutate(
							{ agentId: resuming.id, halted: false },
							{ onSuccess: () => setResuming( null ) }
						)
					}
				/>
			) : null }
		</>
	);
}

/**
 * External dependencies
 */
import { useQuery } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import { openChecklistItems } from '../../../api/agents';
import { useInitialState } from '../../../app/initial-state-context';
import type { Agent, AgentMode } from '../../../schemas';
import { ModeDialog, type OpenItem } from '../components/mode-dialog';
import { checklistItemLabel } from '../components/vocabulary';
import { checklistQuery } from '../data/query-options';
import { useChangeMode } from '../data/use-agent-mutations';

interface ChangeModeModalProps {
	agent: Agent;
	initialMode?: AgentMode;
	onClose: () => void;
	onChanged: ( agent: Agent ) => void;
	onShowChecklist: () => void;
}

/**
 * The mode dialog with its data: the open checklist items (read ahead when the agent is
 * in observe mode with open items, or taken from the server's 409), and the mutation.
 *
 * @param props                 Props.
 * @param props.agent
 * @param props.initialMode
 * @param props.onClose
 * @param props.onChanged
 * @param props.onShowChecklist
 */
export function ChangeModeModal( {
	agent,
	initialMode,
	onClose,
	onChanged,
	onShowChecklist,
}: ChangeModeModalProps ) {
	const { user } = useInitialState();
	const change = useChangeMode( agent.id );
	const checklist = useQuery( {
		...checklistQuery( agent.id ),
		enabled: agent.mode === 'observe' && agent.checklist_open > 0,
	} );
	const refusedWith = openChecklistItems( change.error );
	const labels = new Map(
		( checklist.data?.items ?? [] ).map( ( item ) => [
			item.key,
			checklistItemLabel( item.key, item.label ),
		] )
	);
	let openItems: OpenItem[] = [];
	if ( refusedWith !== null ) {
		openItems = refusedWith.map( ( key ) => ( {
			key,
			label: labels.get( key ) ?? checklistItemLabel( key, key ),
		} ) );
	} else if ( agent.mode === 'observe' && agent.checklist_open > 0 ) {
		openItems = checklist.data
			? checklist.data.items
					.filter( ( item ) => ! item.done )
					.map( ( item ) => ( {
						key: item.key,
						label: checklistItemLabel( item.key, item.label ),
					} ) )
			: [ { key: 'unknown', label: '…' } ];
	}
	const close = () => {
		change.reset();
		onClose();
	};
	return (
		<ModeDialog
			agent={ agent }
			initialMode={ initialMode }
			openItems={ openItems }
			isAdmin={ user.isAdmin }
			isBusy={ change.isPending }
			error={ refusedWith === null ? change.error : null }
			onCancel={ close }
			onShowChecklist={ () => {
				close();
				onShowChecklist();
			} }
			onSubmit={ ( input ) =>
				change.mutate( input, {
					onSuccess: ( updated ) => {
						change.reset();
						onChanged( updated );
					},
				} )
			}
		/>
	);
}

/**
 * WordPress dependencies
 */
import { SelectControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { modeLabel } from '../../../components/labels';
import type { Agent } from '../../../schemas';

interface AgentPickerProps {
	agents: Agent[];
	/** The chosen agent's id, or null. */
	selected: number | null;
	onSelect: ( id: number | null ) => void;
}

/**
 * Chooses the agent whose canary is shown; agents in canary mode come first.
 *
 * @param props          Props.
 * @param props.agents
 * @param props.selected
 * @param props.onSelect
 */
export function AgentPicker( {
	agents,
	selected,
	onSelect,
}: AgentPickerProps ) {
	const sorted = [ ...agents ].sort(
		( a, b ) =>
			Number( b.mode === 'canary' ) - Number( a.mode === 'canary' ) ||
			a.name.localeCompare( b.name )
	);
	const known = agents.some( ( agent ) => agent.id === selected );
	return (
		<SelectControl
			label={ __( 'Agent', 'agent-guard' ) }
			value={ selected !== null && known ? String( selected ) : '' }
			options={ [
				{ value: '', label: __( 'Choose an agent', 'agent-guard' ) },
				...sorted.map( ( agent ) => ( {
					value: String( agent.id ),
					label: sprintf(
						/* translators: 1: agent name, 2: its mode such as "Canary (5 %)". */
						__( '%1$s — %2$s', 'agent-guard' ),
						agent.name,
						modeLabel( agent.mode, agent.canary_percent )
					),
				} ) ),
			] }
			onChange={ ( value: string ) =>
				onSelect( value === '' ? null : Number( value ) )
			}
			__nextHasNoMarginBottom
		/>
	);
}

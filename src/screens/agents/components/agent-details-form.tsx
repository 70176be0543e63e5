/**
 * WordPress dependencies
 */
import { TextareaControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AgentChanges } from '../../../api/agents';
import { Form, FormActions } from '../../../components/form';
import type { Agent, RiskTier, User } from '../../../schemas';
import {
	AgentNameField,
	AgentPurposeField,
	RiskTierSelect,
} from './agent-fields';
import { OwnerSelect } from './owner-select';

interface AgentDetailsFormProps {
	agent: Agent;
	owners: User[];
	currentUser: { id: number; name: string };
	onSubmit: ( changes: AgentChanges ) => void;
	onCancel: () => void;
	isSubmitting: boolean;
	error: Error | null;
}

/**
 * The registry fields of an agent. Sends only what changed, with the version it was read
 * at, so a change made meanwhile by someone else is refused instead of overwritten.
 *
 * @param props              Props.
 * @param props.agent
 * @param props.owners
 * @param props.currentUser
 * @param props.onSubmit
 * @param props.onCancel
 * @param props.isSubmitting
 * @param props.error
 */
export function AgentDetailsForm( {
	agent,
	owners,
	currentUser,
	onSubmit,
	onCancel,
	isSubmitting,
	error,
}: AgentDetailsFormProps ) {
	const [ name, setName ] = useState( agent.name );
	const [ purpose, setPurpose ] = useState( agent.purpose );
	const [ owner, setOwner ] = useState( agent.owner_user_id );
	const [ risk, setRisk ] = useState< RiskTier >( agent.risk_tier );
	const [ notes, setNotes ] = useState( agent.notes );
	const [ nameMissing, setNameMissing ] = useState( false );

	const submit = () => {
		if ( name.trim() === '' ) {
			setNameMissing( true );
			return;
		}
		const changes: AgentChanges = { version: agent.version };
		if ( name.trim() !== agent.name ) {
			changes.name = name.trim();
		}
		if ( purpose.trim() !== agent.purpose ) {
			changes.purpose = purpose.trim();
		}
		if ( owner !== agent.owner_user_id ) {
			changes.owner_user_id = owner;
		}
		if ( risk !== agent.risk_tier ) {
			changes.risk_tier = risk;
		}
		if ( notes.trim() !== agent.notes ) {
			changes.notes = notes.trim();
		}
		onSubmit( changes );
	};

	return (
		<Form
			onSubmit={ submit }
			isBusy={ isSubmitting }
			error={ error }
			errorTitle={ __( 'The details were not saved.', 'agent-guard' ) }
		>
			<AgentNameField
				value={ name }
				onChange={ ( value: string ) => {
					setName( value );
					setNameMissing( false );
				} }
				missing={ nameMissing }
			/>
			<AgentPurposeField value={ purpose } onChange={ setPurpose } />
			<OwnerSelect
				owners={ owners }
				currentUser={ currentUser }
				value={ owner }
				valueName={ agent.owner_name }
				onChange={ setOwner }
			/>
			<RiskTierSelect value={ risk } onChange={ setRisk } />
			<TextareaControl
				label={ __( 'Notes', 'agent-guard' ) }
				value={ notes }
				onChange={ setNotes }
				maxLength={ 5000 }
				rows={ 4 }
				__nextHasNoMarginBottom
			/>
			<FormActions
				submitLabel={ __( 'Save details', 'agent-guard' ) }
				onCancel={ onCancel }
				isBusy={ isSubmitting }
			/>
		</Form>
	);
}

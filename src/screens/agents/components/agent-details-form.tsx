/**
 * External dependencies
 */
import type { FormEvent } from 'react';

/**
 * WordPress dependencies
 */
import {
	Button,
	Flex,
	SelectControl,
	TextControl,
	TextareaControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AgentChanges } from '../../../api/agents';
import { ErrorNotice } from '../../../components/error-notice';
import { riskLabel } from '../../../components/labels';
import type { Agent, RiskTier, User } from '../../../schemas';
import { OwnerSelect } from './owner-select';

const RISK_TIERS: RiskTier[] = [ 'low', 'medium', 'high' ];

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

	const submit = ( event: FormEvent ) => {
		event.preventDefault();
		if ( isSubmitting ) {
			return;
		}
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
		<form className="agent-guard-form" onSubmit={ submit } noValidate>
			{ error ? (
				<ErrorNotice
					error={ error }
					title={ __( 'The details were not saved.', 'agent-guard' ) }
				/>
			) : null }
			<TextControl
				label={ __( 'Name', 'agent-guard' ) }
				value={ name }
				onChange={ ( value: string ) => {
					setName( value );
					setNameMissing( false );
				} }
				aria-invalid={ nameMissing || undefined }
				maxLength={ 100 }
				required
				__nextHasNoMarginBottom
			/>
			{ nameMissing ? (
				<p className="agent-guard-field-error" role="alert">
					{ __( 'Give the agent a name.', 'agent-guard' ) }
				</p>
			) : null }
			<TextareaControl
				label={ __( 'Purpose', 'agent-guard' ) }
				value={ purpose }
				onChange={ setPurpose }
				maxLength={ 1000 }
				rows={ 3 }
				__nextHasNoMarginBottom
			/>
			<OwnerSelect
				owners={ owners }
				currentUser={ currentUser }
				value={ owner }
				valueName={ agent.owner_name }
				onChange={ setOwner }
			/>
			<SelectControl
				label={ __( 'Risk', 'agent-guard' ) }
				value={ risk }
				options={ RISK_TIERS.map( ( tier ) => ( {
					value: tier,
					label: riskLabel( tier ),
				} ) ) }
				onChange={ ( value: string ) => {
					const tier = RISK_TIERS.find( ( t ) => t === value );
					if ( tier ) {
						setRisk( tier );
					}
				} }
				__nextHasNoMarginBottom
			/>
			<TextareaControl
				label={ __( 'Notes', 'agent-guard' ) }
				value={ notes }
				onChange={ setNotes }
				maxLength={ 5000 }
				rows={ 4 }
				__nextHasNoMarginBottom
			/>
			<Flex justify="flex-end">
				<Button variant="tertiary" onClick={ onCancel }>
					{ __( 'Cancel', 'agent-guard' ) }
				</Button>
				<Button
					variant="primary"
					type="submit"
					isBusy={ isSubmitting }
					aria-disabled={ isSubmitting }
				>
					{ __( 'Save details', 'agent-guard' ) }
				</Button>
			</Flex>
		</form>
	);
}

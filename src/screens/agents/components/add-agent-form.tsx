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
import type { NewAgent } from '../../../api/agents';
import { ErrorNotice } from '../../../components/error-notice';
import { riskLabel } from '../../../components/labels';
import type { PolicyTemplate, RiskTier, User } from '../../../schemas';
import { OwnerSelect } from './owner-select';

interface AddAgentFormProps {
	templates: PolicyTemplate[];
	/** Who may own it; the person adding it is the default. */
	owners: User[];
	currentUser: { id: number; name: string };
	onSubmit: ( input: NewAgent ) => void;
	onCancel: () => void;
	isSubmitting: boolean;
	/** The server's refusal of the last attempt. */
	error: Error | null;
}

const RISK_TIERS: RiskTier[] = [ 'low', 'medium', 'high' ];

/**
 * Name, purpose, owner, risk and a policy template: enough to register an agent in
 * observe mode.
 * The policy itself is edited later.
 *
 * @param props              Props.
 * @param props.templates
 * @param props.owners
 * @param props.currentUser
 * @param props.onSubmit
 * @param props.onCancel
 * @param props.isSubmitting
 * @param props.error
 */
export function AddAgentForm( {
	templates,
	owners,
	currentUser,
	onSubmit,
	onCancel,
	isSubmitting,
	error,
}: AddAgentFormProps ) {
	const [ name, setName ] = useState( '' );
	const [ purpose, setPurpose ] = useState( '' );
	const [ riskTier, setRiskTier ] = useState< RiskTier >( 'medium' );
	const [ owner, setOwner ] = useState( currentUser.id );
	const [ template, setTemplate ] = useState(
		templates.find( ( t ) => t.name === 'read_only' )?.name ??
			templates[ 0 ]?.name ??
			''
	);
	const [ nameMissing, setNameMissing ] = useState( false );
	const chosen = templates.find( ( t ) => t.name === template );

	const submit = ( event: FormEvent ) => {
		event.preventDefault();
		if ( isSubmitting ) {
			return;
		}
		if ( name.trim() === '' ) {
			setNameMissing( true );
			return;
		}
		onSubmit( {
			name: name.trim(),
			purpose: purpose.trim(),
			owner_user_id: owner,
			risk_tier: riskTier,
			template: template || undefined,
		} );
	};

	return (
		<form className="agent-guard-form" onSubmit={ submit } noValidate>
			{ error ? (
				<ErrorNotice
					error={ error }
					title={ __( 'The agent was not created.', 'agent-guard' ) }
				/>
			) : null }
			<TextControl
				label={ __( 'Name', 'agent-guard' ) }
				help={ __(
					'How people will recognise it in the log, e.g. “Nightly repricer”.',
					'agent-guard'
				) }
				value={ name }
				onChange={ ( value: string ) => {
					setName( value );
					setNameMissing( false );
				} }
				aria-invalid={ nameMissing }
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
				help={ __(
					'What it is for and who relies on it.',
					'agent-guard'
				) }
				value={ purpose }
				onChange={ setPurpose }
				maxLength={ 1000 }
				rows={ 3 }
				__nextHasNoMarginBottom
			/>
			<SelectControl
				label={ __( 'Starting policy', 'agent-guard' ) }
				help={ chosen?.description }
				value={ template }
				options={ templates.map( ( t ) => ( {
					value: t.name,
					label: t.label,
				} ) ) }
				onChange={ setTemplate }
				__nextHasNoMarginBottom
			/>
			<OwnerSelect
				owners={ owners }
				currentUser={ currentUser }
				value={ owner }
				onChange={ setOwner }
			/>
			<SelectControl
				label={ __( 'Risk', 'agent-guard' ) }
				value={ riskTier }
				options={ RISK_TIERS.map( ( tier ) => ( {
					value: tier,
					label: riskLabel( tier ),
				} ) ) }
				onChange={ ( value: string ) => {
					const tier = RISK_TIERS.find( ( t ) => t === value );
					if ( tier ) {
						setRiskTier( tier );
					}
				} }
				__nextHasNoMarginBottom
			/>
			<p className="agent-guard-form__note">
				{ __(
					'Every new agent starts in observe mode: its requests are recorded, nothing is executed.',
					'agent-guard'
				) }
			</p>
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
					{ __( 'Add agent', 'agent-guard' ) }
				</Button>
			</Flex>
		</form>
	);
}

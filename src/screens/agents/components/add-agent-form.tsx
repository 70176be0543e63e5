/**
 * WordPress dependencies
 */
import { SelectControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { NewAgent } from '../../../api/agents';
import { Form, FormActions } from '../../../components/form';
import type { PolicyTemplate, RiskTier, User } from '../../../schemas';
import {
	AgentNameField,
	AgentPurposeField,
	RiskTierSelect,
} from './agent-fields';
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

	const submit = () => {
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
		<Form
			onSubmit={ submit }
			isBusy={ isSubmitting }
			error={ error }
			errorTitle={ __( 'The agent was not created.', 'agent-guard' ) }
		>
			<AgentNameField
				help={ __(
					'How people will recognise it in the log, e.g. “Nightly repricer”.',
					'agent-guard'
				) }
				value={ name }
				onChange={ ( value: string ) => {
					setName( value );
					setNameMissing( false );
				} }
				missing={ nameMissing }
			/>
			<AgentPurposeField
				help={ __(
					'What it is for and who relies on it.',
					'agent-guard'
				) }
				value={ purpose }
				onChange={ setPurpose }
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
			<RiskTierSelect value={ riskTier } onChange={ setRiskTier } />
			<p className="agent-guard-form__note">
				{ __(
					'Every new agent starts in observe mode: its requests are recorded, nothing is executed.',
					'agent-guard'
				) }
			</p>
			<FormActions
				submitLabel={ __( 'Add agent', 'agent-guard' ) }
				onCancel={ onCancel }
				isBusy={ isSubmitting }
			/>
		</Form>
	);
}

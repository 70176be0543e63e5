/**
 * WordPress dependencies
 */
import { Button, SelectControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { EmptyState } from '../../../components/empty-state';
import { Form, FormActions } from '../../../components/form';
import type { Agent, Credential } from '../../../schemas';
import { credentialKindLabel } from './vocabulary';

interface AdoptFormProps {
	credential: Credential;
	/** The agents it may be adopted by (registered ones). */
	agents: Agent[];
	onSubmit: ( agentId: number ) => void;
	onCancel: () => void;
	isSubmitting: boolean;
	error: Error | null;
}

/**
 * Choose the agent an existing credential becomes: from then on its requests are that
 * agent's and go through its policy.
 *
 * @param props              Props.
 * @param props.credential
 * @param props.agents
 * @param props.onSubmit
 * @param props.onCancel
 * @param props.isSubmitting
 * @param props.error
 */
export function AdoptForm( {
	credential,
	agents,
	onSubmit,
	onCancel,
	isSubmitting,
	error,
}: AdoptFormProps ) {
	const [ agentId, setAgentId ] = useState( agents[ 0 ]?.id ?? 0 );
	if ( agents.length === 0 ) {
		return (
			<EmptyState
				message={ __(
					'Register an agent first; a credential is adopted by an agent.',
					'agent-guard'
				) }
			>
				<Button variant="secondary" onClick={ onCancel }>
					{ __( 'Close', 'agent-guard' ) }
				</Button>
			</EmptyState>
		);
	}
	const submit = () => {
		if ( agentId > 0 ) {
			onSubmit( agentId );
		}
	};
	return (
		<Form
			onSubmit={ submit }
			isBusy={ isSubmitting }
			error={ error }
			errorTitle={ __(
				'The credential was not adopted.',
				'agent-guard'
			) }
		>
			<p className="agent-guard-form__note">
				{ sprintf(
					/* translators: 1: credential kind, 2: its description, 3: its user. */
					__(
						'%1$s “%2$s” of %3$s will act as the agent you choose: its requests are checked against that agent’s policy and recorded as the agent’s.',
						'agent-guard'
					),
					credentialKindLabel( credential.kind ),
					credential.label,
					credential.user_name
				) }
			</p>
			<SelectControl
				label={ __( 'Agent', 'agent-guard' ) }
				value={ String( agentId ) }
				options={ agents.map( ( agent ) => ( {
					value: String( agent.id ),
					label: agent.name,
				} ) ) }
				onChange={ ( value: string ) => setAgentId( Number( value ) ) }
				__nextHasNoMarginBottom
			/>
			<FormActions
				submitLabel={ __( 'Adopt', 'agent-guard' ) }
				onCancel={ onCancel }
				isBusy={ isSubmitting }
			/>
		</Form>
	);
}

/**
 * WordPress dependencies
 */
import { SelectControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { Form, FormActions } from '../../../components/form';
import type { Token } from '../../../schemas';

/** Grace periods offered, in seconds (the server accepts 0 to 7 days). */
export function graceOptions() {
	return [
		{
			value: '0',
			label: __( 'None: the old token stops now', 'agent-guard' ),
		},
		{ value: String( 3600 ), label: __( '1 hour', 'agent-guard' ) },
		{ value: String( 86400 ), label: __( '1 day', 'agent-guard' ) },
		{ value: String( 3 * 86400 ), label: __( '3 days', 'agent-guard' ) },
		{ value: String( 7 * 86400 ), label: __( '7 days', 'agent-guard' ) },
	];
}

interface RotateTokenFormProps {
	token: Token;
	onSubmit: ( graceSeconds: number ) => void;
	onCancel: () => void;
	isSubmitting: boolean;
	error: Error | null;
}

/**
 * Rotation: a new token replaces this one; the old one keeps working for the grace period
 * chosen, so the agent can switch without a gap.
 *
 * @param props              Props.
 * @param props.token
 * @param props.onSubmit
 * @param props.onCancel
 * @param props.isSubmitting
 * @param props.error
 */
export function RotateTokenForm( {
	token,
	onSubmit,
	onCancel,
	isSubmitting,
	error,
}: RotateTokenFormProps ) {
	const [ grace, setGrace ] = useState( String( 86400 ) );
	return (
		<Form
			onSubmit={ () => onSubmit( Number( grace ) ) }
			isBusy={ isSubmitting }
			error={ error }
			errorTitle={ __( 'The token was not rotated.', 'agent-guard' ) }
		>
			<p className="agent-guard-form__note">
				{ sprintf(
					/* translators: 1: token prefix, 2: token label. */
					__(
						'A new token replaces %1$s (“%2$s”), with the same label and scope. Give the agent the new one before the grace period ends.',
						'agent-guard'
					),
					token.prefix,
					token.label
				) }
			</p>
			<SelectControl
				label={ __( 'Grace period for the old token', 'agent-guard' ) }
				value={ grace }
				options={ graceOptions() }
				onChange={ setGrace }
				__nextHasNoMarginBottom
			/>
			<FormActions
				submitLabel={ __( 'Rotate token', 'agent-guard' ) }
				onCancel={ onCancel }
				isBusy={ isSubmitting }
			/>
		</Form>
	);
}

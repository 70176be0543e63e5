/**
 * WordPress dependencies
 */
import { Modal, TextareaControl } from '@wordpress/components';
import { useId, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Incident } from '../../../api/incidents';
import { Form, FormActions } from '../../../components/form';

interface CloseIncidentDialogProps {
	incident: Incident;
	/** Called with the trimmed note, never with an empty one. */
	onSubmit: ( note: string ) => void;
	onCancel: () => void;
	isBusy: boolean;
	error: Error | null;
}

/**
 * Closing an incident asks for a note (what happened, what was done); without one it
 * says so and sends nothing.
 *
 * @param props          Props.
 * @param props.incident
 * @param props.onSubmit
 * @param props.onCancel
 * @param props.isBusy
 * @param props.error
 */
export function CloseIncidentDialog( {
	incident,
	onSubmit,
	onCancel,
	isBusy,
	error,
}: CloseIncidentDialogProps ) {
	const [ note, setNote ] = useState( '' );
	const [ missing, setMissing ] = useState( false );
	const helpId = useId();
	const errorId = useId();

	const submit = () => {
		const trimmed = note.trim();
		if ( trimmed === '' ) {
			setMissing( true );
			return;
		}
		onSubmit( trimmed );
	};

	return (
		<Modal
			title={ __( 'Close this incident', 'agent-guard' ) }
			onRequestClose={ onCancel }
			size="medium"
		>
			<Form
				onSubmit={ submit }
				isBusy={ isBusy }
				error={ error }
				errorTitle={ __(
					'The incident was not closed.',
					'agent-guard'
				) }
			>
				<p className="agent-guard-form__note">
					<bdi>{ incident.summary }</bdi>
				</p>
				<TextareaControl
					label={ __( 'Note (required)', 'agent-guard' ) }
					value={ note }
					onChange={ ( value: string ) => {
						setNote( value );
						if ( value.trim() !== '' ) {
							setMissing( false );
						}
					} }
					maxLength={ 2000 }
					required
					aria-invalid={ missing }
					aria-describedby={
						missing ? `${ errorId } ${ helpId }` : helpId
					}
					__nextHasNoMarginBottom
				/>
				<p id={ helpId } className="agent-guard-form__note">
					{ __(
						'What happened and what was done. Recorded in the audit log. Closing does not resume the agent.',
						'agent-guard'
					) }
				</p>
				{ missing ? (
					<p id={ errorId } className="agent-guard-field-error">
						{ __(
							'Write what happened and what was done before closing the incident.',
							'agent-guard'
						) }
					</p>
				) : null }
				<FormActions
					submitLabel={ __( 'Close incident', 'agent-guard' ) }
					onCancel={ onCancel }
					isBusy={ isBusy }
				/>
			</Form>
		</Modal>
	);
}

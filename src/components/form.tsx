/**
 * The scaffolding the app's forms and dialogs share: the form element with the server's
 * refusal above the fields, an error announced under a field, and the Cancel / submit
 * footer. The fields themselves stay in each form.
 */

/**
 * External dependencies
 */
import type { FormEvent, ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import { Button, Flex } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ErrorNotice } from './error-notice';

interface FormProps {
	/** Called on submit, unless busy; the page never reloads. */
	onSubmit: () => void;
	/** While true a submit does nothing (the last attempt is still under way). */
	isBusy: boolean;
	/** The server's refusal of the last attempt, shown above the fields. */
	error: Error | null;
	/** What did not happen, e.g. "The token was not issued.". */
	errorTitle: string;
	/** Classes added to `agent-guard-form`. */
	className?: string;
	children: ReactNode;
}

/**
 * A form validated by the app (noValidate), with the last refusal above its fields.
 *
 * @param props            Props.
 * @param props.onSubmit
 * @param props.isBusy
 * @param props.error
 * @param props.errorTitle
 * @param props.className
 * @param props.children
 */
export function Form( {
	onSubmit,
	isBusy,
	error,
	errorTitle,
	className,
	children,
}: FormProps ) {
	const submit = ( event: FormEvent ) => {
		event.preventDefault();
		if ( ! isBusy ) {
			onSubmit();
		}
	};
	return (
		<form
			className={
				className
					? `agent-guard-form ${ className }`
					: 'agent-guard-form'
			}
			onSubmit={ submit }
			noValidate
		>
			{ error ? (
				<ErrorNotice error={ error } title={ errorTitle } />
			) : null }
			{ children }
		</form>
	);
}

interface FormActionsProps {
	/** The primary button's words ("Issue token"). */
	submitLabel: string;
	onCancel: () => void;
	isBusy: boolean;
	isDestructive?: boolean;
	/** Nothing can be sent (no change, or not allowed). */
	disabled?: boolean;
	/**
	 * Outside a form (a confirmation): the primary button calls this, unless busy,
	 * instead of submitting.
	 */
	onConfirm?: () => void;
}

/**
 * Cancel, then the primary button, at the end of a form or dialog.
 *
 * @param props               Props.
 * @param props.submitLabel
 * @param props.onCancel
 * @param props.isBusy
 * @param props.isDestructive
 * @param props.disabled
 * @param props.onConfirm
 */
export function FormActions( {
	submitLabel,
	onCancel,
	isBusy,
	isDestructive = false,
	disabled,
	onConfirm,
}: FormActionsProps ) {
	return (
		<Flex justify="flex-end">
			<Button variant="tertiary" onClick={ onCancel }>
				{ __( 'Cancel', 'agent-guard' ) }
			</Button>
			<Button
				variant="primary"
				type={ onConfirm ? 'button' : 'submit' }
				isDestructive={ isDestructive }
				isBusy={ isBusy }
				disabled={ disabled }
				aria-disabled={ isBusy }
				onClick={
					onConfirm
						? () => {
								if ( ! isBusy ) {
									onConfirm();
								}
						  }
						: undefined
				}
			>
				{ submitLabel }
			</Button>
		</Flex>
	);
}

/**
 * What is wrong with the field above, announced as it appears; nothing when all is well.
 *
 * @param props         Props.
 * @param props.message The error, if any.
 */
export function FieldAlert( { message }: { message?: string | null } ) {
	return message ? (
		<p className="agent-guard-field-error" role="alert">
			{ message }
		</p>
	) : null;
}

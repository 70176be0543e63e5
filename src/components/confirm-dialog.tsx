/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import { Modal } from '@wordpress/components';

/**
 * Internal dependencies
 */
import { ErrorNotice } from './error-notice';
import { FormActions } from './form';

interface ConfirmDialogProps {
	title: string;
	/** What will happen, in a sentence or two. */
	children: ReactNode;
	confirmLabel: string;
	onConfirm: () => void;
	onCancel: () => void;
	isBusy?: boolean;
	isDestructive?: boolean;
	/** Why the last attempt failed. */
	error?: Error | null;
}

/**
 * "Are you sure?" for a change that cannot be taken back.
 *
 * @param props               Props.
 * @param props.title
 * @param props.children
 * @param props.confirmLabel
 * @param props.onConfirm
 * @param props.onCancel
 * @param props.isBusy
 * @param props.isDestructive
 * @param props.error
 */
export function ConfirmDialog( {
	title,
	children,
	confirmLabel,
	onConfirm,
	onCancel,
	isBusy = false,
	isDestructive = false,
	error = null,
}: ConfirmDialogProps ) {
	return (
		<Modal title={ title } onRequestClose={ onCancel } size="medium">
			{ error ? <ErrorNotice error={ error } /> : null }
			<div className="agent-guard-confirm__body">{ children }</div>
			<FormActions
				submitLabel={ confirmLabel }
				onCancel={ onCancel }
				onConfirm={ onConfirm }
				isBusy={ isBusy }
				isDestructive={ isDestructive }
			/>
		</Modal>
	);
}

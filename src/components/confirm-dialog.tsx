/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import { Button, Flex, Modal } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ErrorNotice } from './error-notice';

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
			<Flex justify="flex-end">
				<Button variant="tertiary" onClick={ onCancel }>
					{ __( 'Cancel', 'agent-guard' ) }
				</Button>
				<Button
					variant="primary"
					isDestructive={ isDestructive }
					isBusy={ isBusy }
					aria-disabled={ isBusy }
					onClick={ () => {
						if ( ! isBusy ) {
							onConfirm();
						}
					} }
				>
					{ confirmLabel }
				</Button>
			</Flex>
		</Modal>
	);
}

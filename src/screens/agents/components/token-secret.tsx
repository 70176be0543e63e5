/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import { Button, Flex, Modal, Notice } from '@wordpress/components';
import { useId, useRef, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

interface TokenSecretProps {
	secret: string;
	/** The person has copied it (or given up): forget it. */
	onDone: () => void;
}

/**
 * Copies text: the Clipboard API where the page may use it (HTTPS, localhost), else the
 * selected input and the older copy command.
 *
 * @param text  What to copy.
 * @param input The input holding it, for the fallback.
 */
async function copyText(
	text: string,
	input: HTMLInputElement | null
): Promise< boolean > {
	try {
		if ( window.navigator.clipboard ) {
			await window.navigator.clipboard.writeText( text );
			return true;
		}
	} catch {
		// Fall through to the selection fallback.
	}
	if ( ! input ) {
		return false;
	}
	input.focus();
	input.select();
	try {
		return document.execCommand( 'copy' );
	} catch {
		return false;
	}
}

/**
 * The new token's secret, shown once: a read-only field, a copy button and the warning
 * that it cannot be shown again.
 *
 * @param props        Props.
 * @param props.secret
 * @param props.onDone
 */
export function TokenSecret( { secret, onDone }: TokenSecretProps ) {
	const inputId = useId();
	const inputRef = useRef< HTMLInputElement >( null );
	const [ copied, setCopied ] = useState< boolean | null >( null );

	const copy = async () => {
		setCopied( await copyText( secret, inputRef.current ) );
	};

	return (
		<div className="agent-guard-token-secret">
			<Notice status="warning" isDismissible={ false }>
				{ __(
					'Copy this token now. You will not see it again: Agent Guard keeps only a hash of it.',
					'agent-guard'
				) }
			</Notice>
			<label
				htmlFor={ inputId }
				className="agent-guard-token-secret__label"
			>
				{ __( 'Token', 'agent-guard' ) }
			</label>
			<input
				id={ inputId }
				ref={ inputRef }
				className="agent-guard-token-secret__value code"
				type="text"
				readOnly
				value={ secret }
				onFocus={ ( event ) => event.currentTarget.select() }
				spellCheck={ false }
				autoComplete="off"
			/>
			<p className="agent-guard-token-secret__usage">
				{ __(
					'The agent sends it with every request as “Authorization: Bearer <token>”.',
					'agent-guard'
				) }
			</p>
			<span role="status" className="agent-guard-token-secret__status">
				{ copied === true
					? __( 'Copied to the clipboard.', 'agent-guard' )
					: null }
				{ copied === false
					? __(
							'Could not copy. Select the token and copy it yourself.',
							'agent-guard'
					  )
					: null }
			</span>
			<Flex justify="flex-end">
				<Button variant="secondary" onClick={ copy }>
					{ __( 'Copy token', 'agent-guard' ) }
				</Button>
				<Button variant="primary" onClick={ onDone }>
					{ __( 'I have copied it', 'agent-guard' ) }
				</Button>
			</Flex>
		</div>
	);
}

interface TokenSecretModalProps {
	title: string;
	/** The new token's secret, once there is one; until then `children` (the form). */
	secret: string | undefined;
	/** Closing forgets the secret (the caller resets its mutation). */
	onClose: () => void;
	children: ReactNode;
}

/**
 * A modal that asks for a token, then shows its secret once. A click outside does not
 * close it while the secret is shown.
 *
 * @param props          Props.
 * @param props.title
 * @param props.secret
 * @param props.onClose
 * @param props.children
 */
export function TokenSecretModal( {
	title,
	secret,
	onClose,
	children,
}: TokenSecretModalProps ) {
	return (
		<Modal
			title={ title }
			onRequestClose={ onClose }
			size="medium"
			shouldCloseOnClickOutside={ secret === undefined }
		>
			{ secret === undefined ? (
				children
			) : (
				<TokenSecret secret={ secret } onDone={ onClose } />
			) }
		</Modal>
	);
}

/**
 * WordPress dependencies
 */
import { TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ConfirmDialog } from './confirm-dialog';

/** What the dialog needs of an agent (an Agent or an Overview row). */
interface HaltableAgent {
	name: string;
	halted: boolean;
}

interface AgentHaltDialogProps {
	agent: HaltableAgent;
	/** The whole store is halted too (resuming this agent does not let it act yet). */
	globallyHalted?: boolean;
	/** Halts the agent (with the reason given) when it runs, resumes it when halted. */
	onConfirm: ( reason: string ) => void;
	onCancel: () => void;
	isBusy: boolean;
	/** Why the last attempt failed. */
	error: Error | null;
}

/**
 * The kill switch of one agent: "Halt <name>?" with a reason (shown on the Overview and
 * recorded in the audit log), or "Resume <name>?" when it is halted.
 *
 * @param props                Props.
 * @param props.agent
 * @param props.globallyHalted
 * @param props.onConfirm
 * @param props.onCancel
 * @param props.isBusy
 * @param props.error
 */
export function AgentHaltDialog( {
	agent,
	globallyHalted = false,
	onConfirm,
	onCancel,
	isBusy,
	error,
}: AgentHaltDialogProps ) {
	const [ reason, setReason ] = useState( '' );
	if ( agent.halted ) {
		return (
			<ConfirmDialog
				title={ sprintf(
					/* translators: %s: agent name. */
					__( 'Resume %s?', 'agent-guard' ),
					agent.name
				) }
				confirmLabel={ __( 'Resume agent', 'agent-guard' ) }
				isBusy={ isBusy }
				error={ error }
				onCancel={ onCancel }
				onConfirm={ () => onConfirm( '' ) }
			>
				<p>
					{ __(
						'Its requests are checked against its policy again from the next one on.',
						'agent-guard'
					) }
				</p>
				{ globallyHalted ? (
					<p>
						{ __(
							'All agents are still halted by the global switch: this agent acts again only when they are resumed too.',
							'agent-guard'
						) }
					</p>
				) : null }
			</ConfirmDialog>
		);
	}
	return (
		<ConfirmDialog
			title={ sprintf(
				/* translators: %s: agent name. */
				__( 'Halt %s?', 'agent-guard' ),
				agent.name
			) }
			confirmLabel={ __( 'Halt agent', 'agent-guard' ) }
			isDestructive
			isBusy={ isBusy }
			error={ error }
			onCancel={ onCancel }
			onConfirm={ () => onConfirm( reason.trim() ) }
		>
			<p>
				{ __(
					'Its requests are refused (HTTP 503) from the next one on, and its approved changes wait, until someone resumes it. Other agents are not affected.',
					'agent-guard'
				) }
			</p>
			<TextControl
				label={ __( 'Reason for halting', 'agent-guard' ) }
				help={ __(
					'Shown on the Overview and recorded in the audit log.',
					'agent-guard'
				) }
				value={ reason }
				onChange={ setReason }
				maxLength={ 500 }
				__nextHasNoMarginBottom
			/>
		</ConfirmDialog>
	);
}

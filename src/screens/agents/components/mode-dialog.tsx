/**
 * WordPress dependencies
 */
import {
	Button,
	Modal,
	Notice,
	RadioControl,
	TextareaControl,
} from '@wordpress/components';
import { useRef, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ModeChange } from '../../../api/agents';
import { FieldAlert, Form, FormActions } from '../../../components/form';
import { modeLabel } from '../../../components/labels';
import type { Agent, AgentMode } from '../../../schemas';

/** The shortest override reason the server accepts. */
export const MIN_OVERRIDE_REASON = 10;

const MODES: AgentMode[] = [ 'observe', 'canary', 'active', 'paused' ];

function modeDescription( mode: AgentMode ): string {
	switch ( mode ) {
		case 'observe':
			return __(
				'Every request is recorded with what would have happened; nothing is executed.',
				'agent-guard'
			);
		case 'canary':
			return __(
				'Requests are executed on a fixed share of targets only; the rest are refused or queued.',
				'agent-guard'
			);
		case 'active':
			return __(
				'Requests are executed as the policy allows.',
				'agent-guard'
			);
		case 'paused':
			return __(
				'Every request is refused until the agent is resumed.',
				'agent-guard'
			);
	}
}

/**
 * Whether a move leaves observe mode for one that executes writes (the checklist gate).
 *
 * @param from Current mode.
 * @param to   Requested mode.
 */
export function leavesObserve( from: AgentMode, to: AgentMode ): boolean {
	return from === 'observe' && ( to === 'canary' || to === 'active' );
}

export interface OpenItem {
	key: string;
	label: string;
}

interface ModeDialogProps {
	agent: Agent;
	/** The mode to preselect (Resume preselects the last active one). */
	initialMode?: AgentMode;
	/**
	 * The checklist's open items when leaving observe mode would meet the gate (from the
	 * checklist, or from the server's 409); empty when there is no gate.
	 */
	openItems: OpenItem[];
	/** Only an administrator may override the checklist (initial state user.isAdmin). */
	isAdmin: boolean;
	isBusy: boolean;
	/** Why the last attempt failed (other than the gate itself). */
	error: Error | null;
	onSubmit: ( change: ModeChange ) => void;
	onCancel: () => void;
	/** Opens the checklist. */
	onShowChecklist?: () => void;
}

/**
 * Choose a mode. Leaving observe mode with open checklist items needs an administrator's
 * written reason (10 characters or more), which the audit log keeps; anyone else is told
 * to complete the checklist.
 *
 * @param props                 Props.
 * @param props.agent
 * @param props.initialMode
 * @param props.openItems
 * @param props.isAdmin
 * @param props.isBusy
 * @param props.error
 * @param props.onSubmit
 * @param props.onCancel
 * @param props.onShowChecklist
 */
export function ModeDialog( {
	agent,
	initialMode,
	openItems,
	isAdmin,
	isBusy,
	error,
	onSubmit,
	onCancel,
	onShowChecklist,
}: ModeDialogProps ) {
	const [ mode, setMode ] = useState< AgentMode >(
		initialMode ?? ( agent.mode === 'observe' ? 'canary' : agent.mode )
	);
	const [ reason, setReason ] = useState( '' );
	const [ reasonError, setReasonError ] = useState< string | null >( null );
	const reasonRef = useRef< HTMLTextAreaElement >( null );
	const gated = leavesObserve( agent.mode, mode ) && openItems.length > 0;
	const blocked = gated && ! isAdmin;
	const unchanged = mode === agent.mode;

	const submit = () => {
		if ( blocked || unchanged ) {
			return;
		}
		if ( gated ) {
			if ( reason.trim().length < MIN_OVERRIDE_REASON ) {
				setReasonError(
					sprintf(
						/* translators: %d: minimum number of characters. */
						__(
							'Write why the checklist may be skipped, in %d characters or more.',
							'agent-guard'
						),
						MIN_OVERRIDE_REASON
					)
				);
				reasonRef.current?.focus();
				return;
			}
			onSubmit( { mode, override_reason: reason.trim() } );
			return;
		}
		onSubmit( { mode } );
	};

	return (
		<Modal
			title={ sprintf(
				/* translators: %s: agent name. */
				__( 'Change the mode of %s', 'agent-guard' ),
				agent.name
			) }
			onRequestClose={ onCancel }
			size="medium"
		>
			<Form
				onSubmit={ submit }
				isBusy={ isBusy }
				error={ error }
				errorTitle={ __( 'The mode was not changed.', 'agent-guard' ) }
			>
				<RadioControl
					label={ __( 'Mode', 'agent-guard' ) }
					selected={ mode }
					options={ MODES.map( ( value ) => ( {
						value,
						label:
							value === agent.mode
								? sprintf(
										/* translators: %s: mode name. */
										__( '%s (current)', 'agent-guard' ),
										modeLabel( value )
								  )
								: modeLabel( value ),
					} ) ) }
					onChange={ ( value: string ) => {
						const next = MODES.find( ( m ) => m === value );
						if ( next ) {
							setMode( next );
						}
					} }
					help={ modeDescription( mode ) }
				/>
				{ mode === 'canary' && agent.canary_percent === 0 ? (
					<p className="agent-guard-form__note">
						{ __(
							'The canary share is 0 %: no target is open yet. Set the share on the Overview tab after switching.',
							'agent-guard'
						) }
					</p>
				) : null }
				{ gated ? (
					<Notice status="warning" isDismissible={ false }>
						<p>
							{ sprintf(
								/* translators: %d: number of open checklist items. */
								_n(
									'The pre-launch checklist has %d open item:',
									'The pre-launch checklist has %d open items:',
									openItems.length,
									'agent-guard'
								),
								openItems.length
							) }
						</p>
						<ul className="agent-guard-list">
							{ openItems.map( ( item ) => (
								<li key={ item.key }>{ item.label }</li>
							) ) }
						</ul>
						{ onShowChecklist ? (
							<p>
								<Button
									variant="link"
									onClick={ onShowChecklist }
								>
									{ __(
										'Open the checklist',
										'agent-guard'
									) }
								</Button>
							</p>
						) : null }
					</Notice>
				) : null }
				{ gated && isAdmin ? (
					<>
						<TextareaControl
							ref={ reasonRef }
							label={ __(
								'Reason for overriding the checklist',
								'agent-guard'
							) }
							help={ __(
								'Required, 10 characters or more. It is recorded in the audit log with your name.',
								'agent-guard'
							) }
							value={ reason }
							onChange={ ( value: string ) => {
								setReason( value );
								setReasonError( null );
							} }
							aria-invalid={ reasonError ? true : undefined }
							required
							rows={ 3 }
							maxLength={ 1000 }
							__nextHasNoMarginBottom
						/>
						<FieldAlert message={ reasonError } />
					</>
				) : null }
				{ blocked ? (
					<Notice status="error" isDismissible={ false }>
						{ __(
							'Only an administrator can override the checklist. Complete the open items first.',
							'agent-guard'
						) }
					</Notice>
				) : null }
				<FormActions
					submitLabel={
						gated
							? __( 'Override and change mode', 'agent-guard' )
							: __( 'Change mode', 'agent-guard' )
					}
					onCancel={ onCancel }
					isBusy={ isBusy }
					disabled={ blocked || unchanged }
				/>
			</Form>
		</Modal>
	);
}

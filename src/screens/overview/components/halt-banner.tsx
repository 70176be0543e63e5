/**
 * External dependencies
 */
import type { FormEvent } from 'react';

/**
 * WordPress dependencies
 */
import { Button, TextControl } from '@wordpress/components';
import { useId, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { HaltState } from '../../../api/halt';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { RelativeTime } from '../../../components/relative-time';

interface HaltBannerProps {
	state: HaltState;
	now: number;
	/** The reader may halt and resume agents (agent_guard_halt). */
	canHalt: boolean;
	/** Halts every agent; settles when the server has answered. */
	onHalt: ( reason: string ) => Promise< unknown >;
	/** Resumes every agent; settles when the server has answered. */
	onResume: () => Promise< unknown >;
	isBusy: boolean;
	/** Why the last halt or resume failed. */
	error: Error | null;
	/** The confirmation was cancelled (forget the last error). */
	onCancel?: () => void;
}

/** Halt (with its reason) or resume, waiting for confirmation. */
type Pending = { halt: true; reason: string } | { halt: false } | null;

/**
 * The global kill switch, first thing on the Overview: a red banner with the reason, who
 * and when while agents are halted (and a Resume button, or why there is none), or
 * "Agents running" with a Halt button and a reason. Both ask for confirmation.
 *
 * @param props          Props.
 * @param props.state
 * @param props.now
 * @param props.canHalt
 * @param props.onHalt
 * @param props.onResume
 * @param props.isBusy
 * @param props.error
 * @param props.onCancel
 */
export function HaltBanner( {
	state,
	now,
	canHalt,
	onHalt,
	onResume,
	isBusy,
	error,
	onCancel,
}: HaltBannerProps ) {
	const headingId = useId();
	const [ reason, setReason ] = useState( '' );
	const [ pending, setPending ] = useState< Pending >( null );

	const cancel = () => {
		setPending( null );
		onCancel?.();
	};
	const confirm = () => {
		if ( pending === null ) {
			return;
		}
		const done = pending.halt ? onHalt( pending.reason ) : onResume();
		done.then(
			() => {
				setPending( null );
				setReason( '' );
			},
			// The error arrives through the `error` prop; the dialog stays open.
			() => undefined
		);
	};
	const askToHalt = ( event: FormEvent ) => {
		event.preventDefault();
		setPending( { halt: true, reason: reason.trim() } );
	};

	const dialog =
		pending === null ? null : (
			<ConfirmDialog
				title={
					pending.halt
						? __( 'Halt all agents?', 'agent-guard' )
						: __( 'Resume all agents?', 'agent-guard' )
				}
				confirmLabel={
					pending.halt
						? __( 'Halt all agents', 'agent-guard' )
						: __( 'Resume agents', 'agent-guard' )
				}
				isDestructive={ pending.halt }
				isBusy={ isBusy }
				error={ error }
				onCancel={ cancel }
				onConfirm={ confirm }
			>
				{ pending.halt ? (
					<>
						<p>
							{ __(
								'Every agent’s requests are refused from the next one on, until someone resumes them.',
								'agent-guard'
							) }
						</p>
						<p>
							<strong>{ __( 'Reason:', 'agent-guard' ) }</strong>{ ' ' }
							{ pending.reason ? (
								<bdi>{ pending.reason }</bdi>
							) : (
								__( 'No reason given', 'agent-guard' )
							) }
						</p>
					</>
				) : (
					<p>
						{ __(
							'Agents’ requests are checked against their policies again from the next one on. Agents halted one by one stay halted.',
							'agent-guard'
						) }
					</p>
				) }
			</ConfirmDialog>
		);

	if ( state.halted ) {
		return (
			<section
				className="agent-guard-halt is-halted"
				aria-labelledby={ headingId }
			>
				<h2 id={ headingId } className="agent-guard-halt__title">
					{ __( 'All agents are halted', 'agent-guard' ) }
				</h2>
				<p>
					{ __(
						'Every agent request is refused (HTTP 503) until the agents are resumed.',
						'agent-guard'
					) }
				</p>
				{ state.by_constant ? (
					<p className="agent-guard-halt__constant">
						{ __(
							'AGENT_GUARD_HALT_ALL is set in wp-config.php. The agents stay halted until that line is removed from wp-config.php; there is no button to resume them here.',
							'agent-guard'
						) }
					</p>
				) : (
					<dl className="agent-guard-facts">
						<dt>{ __( 'Reason', 'agent-guard' ) }</dt>
						<dd>
							{ state.reason ? (
								<bdi>{ state.reason }</bdi>
							) : (
								__( 'No reason given', 'agent-guard' )
							) }
						</dd>
						<dt>{ __( 'Halted by', 'agent-guard' ) }</dt>
						<dd>
							{ state.halted_by_name ||
								__( 'Unknown', 'agent-guard' ) }
						</dd>
						<dt>{ __( 'Since', 'agent-guard' ) }</dt>
						<dd>
							<RelativeTime
								value={ state.halted_at }
								now={ now }
								fallback={ __( 'Unknown', 'agent-guard' ) }
							/>
						</dd>
					</dl>
				) }
				{ ! state.by_constant && canHalt ? (
					<p>
						<Button
							variant="primary"
							onClick={ () => setPending( { halt: false } ) }
						>
							{ __( 'Resume agents', 'agent-guard' ) }
						</Button>
					</p>
				) : null }
				{ ! state.by_constant && ! canHalt ? (
					<p className="agent-guard-muted">
						{ __(
							'Only people allowed to halt agents can resume them.',
							'agent-guard'
						) }
					</p>
				) : null }
				{ dialog }
			</section>
		);
	}

	return (
		<section
			className="agent-guard-halt is-running"
			aria-labelledby={ headingId }
		>
			<h2 id={ headingId } className="agent-guard-halt__title">
				{ __( 'Agents running', 'agent-guard' ) }
			</h2>
			<p>
				{ __(
					'Agent requests are checked against their policies. Halting refuses every agent’s next request at once.',
					'agent-guard'
				) }
			</p>
			{ canHalt ? (
				<form className="agent-guard-halt__form" onSubmit={ askToHalt }>
					<TextControl
						label={ __( 'Reason for halting', 'agent-guard' ) }
						help={ __(
							'Shown to everyone in the admin bar and recorded in the audit log.',
							'agent-guard'
						) }
						value={ reason }
						onChange={ setReason }
						maxLength={ 500 }
						__nextHasNoMarginBottom
					/>
					<Button variant="primary" isDestructive type="submit">
						{ __( 'Halt all agents', 'agent-guard' ) }
					</Button>
				</form>
			) : null }
			{ dialog }
		</section>
	);
}

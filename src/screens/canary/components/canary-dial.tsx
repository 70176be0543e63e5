/**
 * External dependencies
 */
import type { FormEvent } from 'react';

/**
 * WordPress dependencies
 */
import { Button, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { CANARY_STEPS } from '../../../api/canary';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { FieldAlert } from '../../../components/form';
import { formatPercent, parsePercent } from '../../../components/percent';

interface CanaryDialProps {
	/** Where the dial is now. */
	percent: number;
	/** The next usual step, or null at 100 %. */
	nextStep: number | null;
	/** The reader may move the dial (agent_guard_manage). */
	canMove: boolean;
	/** Moves the dial; settles when the server has answered. */
	onMove: ( percent: number ) => Promise< unknown >;
	isBusy: boolean;
	/** Why the last move failed. */
	error: Error | null;
	/** The confirmation was cancelled (forget the last error). */
	onCancel?: () => void;
}

/**
 * The canary dial: where it stands, the usual steps (1 → 5 → 20 → 100) as buttons, any
 * value from 0 to 100 with two decimals, and a confirmation before the audited move.
 *
 * @param props          Props.
 * @param props.percent
 * @param props.nextStep
 * @param props.canMove
 * @param props.onMove
 * @param props.isBusy
 * @param props.error
 * @param props.onCancel
 */
export function CanaryDial( {
	percent,
	nextStep,
	canMove,
	onMove,
	isBusy,
	error,
	onCancel,
}: CanaryDialProps ) {
	const [ text, setText ] = useState( '' );
	const [ invalid, setInvalid ] = useState< string | null >( null );
	const [ target, setTarget ] = useState< number | null >( null );

	const ask = ( value: number ) => {
		if ( value === percent ) {
			setInvalid(
				sprintf(
					/* translators: %s: a percentage such as "5 %". */
					__( 'The dial is already at %s.', 'agent-guard' ),
					formatPercent( percent )
				)
			);
			return;
		}
		setInvalid( null );
		setTarget( value );
	};
	const submit = ( event: FormEvent ) => {
		event.preventDefault();
		const parsed = parsePercent( text );
		if ( ! parsed.ok ) {
			setInvalid( parsed.message );
			return;
		}
		ask( parsed.value );
	};
	const cancel = () => {
		setTarget( null );
		onCancel?.();
	};
	const confirm = () => {
		if ( target === null ) {
			return;
		}
		onMove( target ).then(
			() => {
				setTarget( null );
				setText( '' );
			},
			// The error arrives through the `error` prop; the dialog stays open.
			() => undefined
		);
	};

	return (
		<div className="agent-guard-dial">
			<p className="agent-guard-dial__current">
				<span className="agent-guard-dial__label">
					{ __( 'Open to the agent:', 'agent-guard' ) }
				</span>{ ' ' }
				<strong className="agent-guard-dial__value">
					{ formatPercent( percent ) }
				</strong>
			</p>
			<p>
				{ nextStep !== null
					? sprintf(
							/* translators: %s: a percentage such as "20 %". */
							__( 'Next usual step: %s', 'agent-guard' ),
							formatPercent( nextStep )
					  )
					: sprintf(
							/* translators: %s: "100 %". */
							__(
								'The dial is at %s: every product is open to the agent.',
								'agent-guard'
							),
							formatPercent( 100 )
					  ) }
			</p>
			{ canMove ? (
				<>
					<div
						className="agent-guard-dial__steps"
						role="group"
						aria-label={ __( 'Usual steps', 'agent-guard' ) }
					>
						{ CANARY_STEPS.map( ( step ) => (
							<Button
								key={ step }
								variant={
									step === nextStep ? 'primary' : 'secondary'
								}
								isPressed={ step === percent }
								disabled={ step === percent }
								onClick={ () => ask( step ) }
							>
								{ formatPercent( step ) }
							</Button>
						) ) }
					</div>
					<form
						className="agent-guard-dial__form"
						onSubmit={ submit }
						noValidate
					>
						<TextControl
							label={ __(
								'Any share, 0 to 100 %',
								'agent-guard'
							) }
							help={ __(
								'Up to two decimals, such as 2.5.',
								'agent-guard'
							) }
							value={ text }
							onChange={ ( value: string ) => {
								setText( value );
								setInvalid( null );
							} }
							inputMode="decimal"
							autoComplete="off"
							aria-invalid={ invalid !== null }
							__nextHasNoMarginBottom
						/>
						<Button variant="secondary" type="submit">
							{ __( 'Move the dial', 'agent-guard' ) }
						</Button>
					</form>
					<FieldAlert message={ invalid } />
				</>
			) : (
				<p className="agent-guard-muted">
					{ __(
						'Only people who manage agents can move the dial.',
						'agent-guard'
					) }
				</p>
			) }
			{ target !== null ? (
				<ConfirmDialog
					title={ sprintf(
						/* translators: %s: a percentage such as "20 %". */
						__( 'Move the dial to %s?', 'agent-guard' ),
						formatPercent( target )
					) }
					confirmLabel={ __( 'Move the dial', 'agent-guard' ) }
					isBusy={ isBusy }
					error={ error }
					onCancel={ cancel }
					onConfirm={ confirm }
				>
					<p>
						{ sprintf(
							/* translators: 1: current percentage, 2: new percentage. */
							__(
								'From %1$s to %2$s of the products. The move is recorded in the audit log as a new policy version, and the canary’s counts start again.',
								'agent-guard'
							),
							formatPercent( percent ),
							formatPercent( target )
						) }
					</p>
					{ target < percent ? (
						<p>
							{ __(
								'Products leave the canary: the agent’s writes to them are refused or queued again.',
								'agent-guard'
							) }
						</p>
					) : null }
					{ target === 100 ? (
						<p>
							{ sprintf(
								/* translators: %s: "100 %". */
								__(
									'At %s every product is open to the agent.',
									'agent-guard'
								),
								formatPercent( 100 )
							) }
						</p>
					) : null }
				</ConfirmDialog>
			) : null }
		</div>
	);
}

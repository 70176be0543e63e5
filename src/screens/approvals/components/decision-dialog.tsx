/**
 * WordPress dependencies
 */
import {
	Button,
	Modal,
	TextControl,
	TextareaControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { refusedField, type EditableField } from '../../../api/approvals';
import { fieldLabel } from '../../../components/approval-labels';
import { FieldAlert, Form, FormActions } from '../../../components/form';
import { minorToAmount, parseMoney } from '../../../components/money';
import type { Approval } from '../../../schemas';
import { editRange, editableFields } from '../data/edit';
import { formatFieldValue, targetLabel, type StoreMoney } from '../data/format';
import { approvalCount } from './approval-progress';
import type { Decision } from './approvals-table';
import { ChangeSummary } from './change-summary';
import { useStoreMoney } from './store-money';

export interface DecisionInput {
	comment: string;
	edit?: Partial< Record< EditableField, string | number > >;
}

interface DecisionDialogProps {
	approval: Approval;
	decision: Decision;
	/** Open with the "lower the proposed value" fields shown. */
	withEdit?: boolean;
	onSubmit: ( input: DecisionInput ) => void;
	onCancel: () => void;
	isBusy: boolean;
	/** Why the last attempt was refused; shown at the field it names. */
	error: Error | null;
}

type EditParse =
	| { ok: true; value: string | number }
	| { ok: false; message: string };

/**
 * Reads a lowered value as typed: an amount in the store's format, or a whole number of
 * items for stock.
 *
 * @param field The field.
 * @param text  What was typed.
 * @param money The store's currency.
 */
function parseEdit(
	field: EditableField,
	text: string,
	money: StoreMoney
): EditParse {
	if ( field === 'stock_quantity' ) {
		return /^\s*-?\d+\s*$/.test( text )
			? { ok: true, value: Number( text.trim() ) }
			: {
					ok: false,
					message: __(
						'Enter a whole number of items.',
						'agent-guard'
					),
			  };
	}
	const parsed = parseMoney( text, money.decimals );
	if ( ! parsed.ok ) {
		return parsed;
	}
	if ( parsed.minor === null ) {
		return {
			ok: false,
			message: __( 'Enter an amount.', 'agent-guard' ),
		};
	}
	return { ok: true, value: minorToAmount( parsed.minor, money.decimals ) };
}

/**
 * What the decision will do, in a sentence.
 *
 * @param approval The request.
 * @param decision Approve or reject.
 */
function decisionNote( approval: Approval, decision: Decision ): string {
	if ( decision === 'reject' ) {
		return __(
			'Nothing is written. The agent sees your comment when it checks the request.',
			'agent-guard'
		);
	}
	const given = approvalCount( approval );
	if ( approval.required_approvals > given + 1 ) {
		return sprintf(
			/* translators: 1: approvals after this one, 2: approvals needed. */
			__(
				'Yours will be approval %1$d of %2$d: the request runs once another person approves it too.',
				'agent-guard'
			),
			given + 1,
			approval.required_approvals
		);
	}
	return __(
		'It runs at once, as the agent, unless the target changed since it was queued (then nothing is written and it comes back as a conflict).',
		'agent-guard'
	);
}

/**
 * Approve (comment optional, proposed values may be lowered) or reject (comment required)
 * one request. Refusals the server names a field for are shown at that field.
 *
 * @param props          Props.
 * @param props.approval
 * @param props.decision
 * @param props.withEdit
 * @param props.onSubmit
 * @param props.onCancel
 * @param props.isBusy
 * @param props.error
 */
export function DecisionDialog( {
	approval,
	decision,
	withEdit = false,
	onSubmit,
	onCancel,
	isBusy,
	error,
}: DecisionDialogProps ) {
	const money = useStoreMoney();
	const fields = decision === 'approve' ? editableFields( approval ) : [];
	const [ editing, setEditing ] = useState( withEdit && fields.length > 0 );
	const [ comment, setComment ] = useState( '' );
	const [ values, setValues ] = useState< Record< string, string > >( () =>
		Object.fromEntries(
			fields.map( ( field ) => [
				field,
				String( approval.params[ field ] ?? '' ),
			] )
		)
	);
	const [ localErrors, setLocalErrors ] = useState<
		Record< string, string >
	>( {} );
	const [ submitted, setSubmitted ] = useState< Error | null >( null );

	// A server error is shown until the person changes what it is about.
	const serverField =
		error && error !== submitted ? refusedField( error ) : null;
	const fieldError = ( name: string ): string | undefined =>
		localErrors[ name ] ??
		( serverField === name && error ? error.message : undefined );
	const generalError =
		error && error !== submitted && serverField === null ? error : null;

	const submit = () => {
		const errors: Record< string, string > = {};
		if ( decision === 'reject' && comment.trim() === '' ) {
			errors.comment = __(
				'Say why you reject this request; the agent and the audit log get your comment.',
				'agent-guard'
			);
		}
		const edit: Partial< Record< EditableField, string | number > > = {};
		if ( editing ) {
			for ( const field of fields ) {
				const parsed = parseEdit( field, values[ field ] ?? '', money );
				if ( ! parsed.ok ) {
					errors[ `edit.${ field }` ] = parsed.message;
				} else if (
					String( parsed.value ) !==
					String( approval.params[ field ] ?? '' )
				) {
					edit[ field ] = parsed.value;
				}
			}
		}
		setLocalErrors( errors );
		setSubmitted( null );
		if ( Object.keys( errors ).length > 0 ) {
			return;
		}
		onSubmit( {
			comment: comment.trim(),
			...( Object.keys( edit ).length > 0 ? { edit } : {} ),
		} );
	};

	const clearError = ( name: string ) => {
		setLocalErrors( ( current ) => {
			const next = { ...current };
			delete next[ name ];
			return next;
		} );
		if ( serverField === name && error ) {
			setSubmitted( error );
		}
	};

	const title =
		decision === 'approve'
			? sprintf(
					/* translators: %d: request id. */
					__( 'Approve request #%d', 'agent-guard' ),
					approval.id
			  )
			: sprintf(
					/* translators: %d: request id. */
					__( 'Reject request #%d', 'agent-guard' ),
					approval.id
			  );
	const commentError = fieldError( 'comment' );

	return (
		<Modal title={ title } onRequestClose={ onCancel } size="medium">
			<Form
				className="agent-guard-decision"
				onSubmit={ submit }
				isBusy={ isBusy }
				error={ generalError }
				errorTitle={
					decision === 'approve'
						? __( 'The request was not approved.', 'agent-guard' )
						: __( 'The request was not rejected.', 'agent-guard' )
				}
			>
				<div className="agent-guard-decision__summary">
					<p>
						<strong>{ targetLabel( approval ) }</strong>
						{ approval.target_sku
							? ` (${ approval.target_sku })`
							: '' }
						{ ' · ' }
						{ approval.agent_name }
					</p>
					<ChangeSummary approval={ approval } limit={ 4 } />
				</div>
				<p className="agent-guard-form__note">
					{ decisionNote( approval, decision ) }
				</p>
				{ editing
					? fields.map( ( field ) => {
							const range = editRange( approval, field );
							const name = `edit.${ field }`;
							const message = fieldError( name );
							return (
								<div key={ field }>
									<TextControl
										label={ sprintf(
											/* translators: %s: field name such as "Regular price". */
											__(
												'%s to approve',
												'agent-guard'
											),
											fieldLabel( field )
										) }
										help={ sprintf(
											/* translators: 1: current value, 2: value the agent proposed. */
											__(
												'Now %1$s; the agent proposed %2$s. Enter a value between the two: a smaller change.',
												'agent-guard'
											),
											formatFieldValue(
												field,
												range.current,
												approval,
												money
											),
											formatFieldValue(
												field,
												range.proposed,
												approval,
												money
											)
										) }
										value={ values[ field ] ?? '' }
										onChange={ ( value: string ) => {
											setValues( ( current ) => ( {
												...current,
												[ field ]: value,
											} ) );
											clearError( name );
										} }
										inputMode={
											field === 'stock_quantity'
												? 'numeric'
												: 'decimal'
										}
										aria-invalid={ message !== undefined }
										__nextHasNoMarginBottom
									/>
									<FieldAlert message={ message } />
								</div>
							);
					  } )
					: null }
				{ ! editing && fields.length > 0 ? (
					<p>
						<Button
							variant="link"
							onClick={ () => setEditing( true ) }
						>
							{ __(
								'Lower the proposed value first',
								'agent-guard'
							) }
						</Button>
					</p>
				) : null }
				<TextareaControl
					label={
						decision === 'reject'
							? __(
									'Why do you reject it? (required)',
									'agent-guard'
							  )
							: __( 'Comment (optional)', 'agent-guard' )
					}
					help={ __(
						'Kept in the audit log; the agent sees it when it checks the request.',
						'agent-guard'
					) }
					value={ comment }
					onChange={ ( value: string ) => {
						setComment( value );
						clearError( 'comment' );
					} }
					maxLength={ 1000 }
					rows={ 3 }
					required={ decision === 'reject' }
					aria-invalid={ commentError !== undefined }
					__nextHasNoMarginBottom
				/>
				<FieldAlert message={ commentError } />
				<FormActions
					submitLabel={
						decision === 'reject'
							? __( 'Reject', 'agent-guard' )
							: __( 'Approve', 'agent-guard' )
					}
					onCancel={ onCancel }
					isBusy={ isBusy }
					isDestructive={ decision === 'reject' }
				/>
			</Form>
		</Modal>
	);
}

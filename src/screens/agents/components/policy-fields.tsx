/**
 * The inputs of the policy form. Each edits one dot path of the draft and shows the
 * messages that belong to it (see data/policy-errors.ts). Inputs keep the text as typed
 * ("12." while typing "12.5"), and hand the draft the value it means — or the text itself
 * when it means nothing yet, for the schema to refuse at save.
 */

/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import {
	CheckboxControl,
	SelectControl,
	TextControl,
	TextareaControl,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { minorToAmount, parseMoney } from '../../../components/money';
import { sameJson, type Json } from '../data/policy-draft';

/**
 * The HTML id of the input that edits a path (the error summary links to it).
 *
 * @param path Dot path.
 */
export function fieldId( path: string ): string {
	return `agent-guard-policy-${ path.replace( /[^A-Za-z0-9_-]+/g, '-' ) }`;
}

interface FieldErrorProps {
	id: string;
	messages?: readonly string[];
}

/**
 * The messages of one field, under it; referenced by the input's aria-describedby.
 *
 * @param props          Props.
 * @param props.id       The input's id.
 * @param props.messages What is wrong.
 */
export function FieldError( { id, messages }: FieldErrorProps ) {
	if ( ! messages || messages.length === 0 ) {
		return null;
	}
	return (
		<p id={ `${ id }__error` } className="agent-guard-field-error">
			{ messages.join( ' ' ) }
		</p>
	);
}

/**
 * aria-describedby for an input with help text and maybe an error.
 *
 * @param id       The input's id.
 * @param hasHelp  Whether the control shows help.
 * @param hasError Whether an error is shown.
 */
function describedBy(
	id: string,
	hasHelp: boolean,
	hasError: boolean
): string | undefined {
	const ids = [
		hasHelp ? `${ id }__help` : null,
		hasError ? `${ id }__error` : null,
	].filter( Boolean );
	return ids.length ? ids.join( ' ' ) : undefined;
}

/**
 * Text state for an input whose value lives in the draft: follows the draft when it
 * changes from outside (the JSON view, a reload), not while the text already means it.
 *
 * @param value  The draft's value.
 * @param format Value → text.
 * @param read   Text → value.
 */
function useFieldText(
	value: Json | undefined,
	format: ( value: Json | undefined ) => string,
	read: ( text: string ) => Json | undefined
): [ string, ( text: string ) => Json | undefined ] {
	const [ text, setText ] = useState( () => format( value ) );
	useEffect( () => {
		setText( ( current ) =>
			sameJson( read( current ), value ) ? current : format( value )
		);
		// Only a new value from outside resets the text.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [ value ] );
	const update = ( next: string ) => {
		setText( next );
		return read( next );
	};
	return [ text, update ];
}

interface BaseFieldProps {
	path: string;
	label: string;
	help?: string;
	value: Json | undefined;
	/** undefined removes the member from the draft. */
	onChange: ( value: Json | undefined ) => void;
	errors?: readonly string[];
	disabled?: boolean;
}

/**
 * What a field's control gets from the field: its id, label, help, whether it is
 * disabled, and the ARIA attributes that tie it to its help and its messages.
 *
 * @param field    The field's props.
 * @param messages What is wrong with it (the field's errors unless said otherwise).
 * @param label    The label (the field's unless said otherwise).
 */
function controlProps(
	field: BaseFieldProps,
	messages: readonly string[] | undefined = field.errors,
	label: string = field.label
) {
	const id = fieldId( field.path );
	const hasError = !! messages?.length;
	return {
		id,
		label,
		help: field.help,
		disabled: field.disabled,
		'aria-invalid': hasError || undefined,
		'aria-describedby': describedBy( id, !! field.help, hasError ),
		__nextHasNoMarginBottom: true,
	};
}

/**
 * One field of the form: its control, then its messages.
 *
 * @param props          Props.
 * @param props.path     The path it edits.
 * @param props.messages What is wrong.
 * @param props.children The control.
 */
function PolicyField( {
	path,
	messages,
	children,
}: {
	path: string;
	messages?: readonly string[];
	children: ReactNode;
} ) {
	return (
		<div className="agent-guard-policy-field">
			{ children }
			<FieldError id={ fieldId( path ) } messages={ messages } />
		</div>
	);
}

/**
 * A one-line input, or with `multiline` a three-line textarea.
 *
 * @param props           Props.
 * @param props.multiline One entry a line.
 */
function TextInput( {
	multiline,
	...props
}: ReturnType< typeof controlProps > & {
	multiline: boolean;
	value: string;
	onChange: ( next: string ) => void;
	maxLength?: number;
} ) {
	return multiline ? (
		<TextareaControl { ...props } rows={ 3 } />
	) : (
		<TextControl { ...props } />
	);
}

interface NumberFieldProps extends BaseFieldProps {
	integer?: boolean;
	/** Empty means null (a threshold turned off) instead of "absent". */
	nullable?: boolean;
	/** Shown after the label, e.g. "%". */
	unit?: string;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

export function NumberField( {
	integer = false,
	nullable = false,
	unit,
	...field
}: NumberFieldProps ) {
	const [ text, update ] = useFieldText(
		field.value,
		( v ) => ( v === null || v === undefined ? '' : String( v ) ),
		( t ) => {
			const trimmed = t.trim();
			if ( trimmed === '' ) {
				return nullable ? null : undefined;
			}
			return NUMBER.test( trimmed ) ? Number( trimmed ) : trimmed;
		}
	);
	return (
		<PolicyField path={ field.path } messages={ field.errors }>
			<TextControl
				{ ...controlProps(
					field,
					field.errors,
					unit ? `${ field.label } (${ unit })` : field.label
				) }
				value={ text }
				inputMode={ integer ? 'numeric' : 'decimal' }
				onChange={ ( next: string ) =>
					field.onChange( update( next ) )
				}
			/>
		</PolicyField>
	);
}

interface MoneyFieldProps extends BaseFieldProps {
	currency: string;
	decimals: number;
}

/**
 * An amount in the store currency over a minor-units member; empty is null (off).
 *
 * @param props          Props.
 * @param props.currency
 * @param props.decimals
 */
export function MoneyField( {
	currency,
	decimals,
	...field
}: MoneyFieldProps ) {
	const [ text, update ] = useFieldText(
		field.value,
		( v ) => {
			if ( typeof v === 'number' ) {
				return minorToAmount( v, decimals );
			}
			return typeof v === 'string' ? v : '';
		},
		( t ) => {
			const parsed = parseMoney( t, decimals );
			return parsed.ok ? parsed.minor : t;
		}
	);
	const parsed = parseMoney( text, decimals );
	const messages = parsed.ok ? field.errors : [ parsed.message ];
	return (
		<PolicyField path={ field.path } messages={ messages }>
			<TextControl
				{ ...controlProps(
					field,
					messages,
					`${ field.label } (${ currency })`
				) }
				value={ text }
				inputMode="decimal"
				onChange={ ( next: string ) =>
					field.onChange( update( next ) )
				}
			/>
		</PolicyField>
	);
}

interface ListFieldProps extends BaseFieldProps {
	items: 'integer' | 'string';
	/** One entry a line (a textarea) instead of comma-separated. */
	multiline?: boolean;
	/** An empty list removes the member (no constraint) instead of writing []. */
	removeWhenEmpty?: boolean;
}

/**
 * A list typed as text: "12, 15" or one entry a line.
 *
 * @param props                 Props.
 * @param props.items
 * @param props.multiline
 * @param props.removeWhenEmpty
 */
export function ListField( {
	items,
	multiline = false,
	removeWhenEmpty = false,
	...field
}: ListFieldProps ) {
	const [ text, update ] = useFieldText(
		field.value,
		( v ) =>
			Array.isArray( v )
				? v
						.map( ( item ) => String( item ) )
						.join( multiline ? '\n' : ', ' )
				: '',
		( t ) => {
			const entries = ( multiline ? t.split( '\n' ) : t.split( ',' ) )
				.map( ( entry ) => entry.trim() )
				.filter( ( entry ) => entry !== '' );
			if ( entries.length === 0 ) {
				return removeWhenEmpty ? undefined : [];
			}
			return entries.map( ( entry ) =>
				items === 'integer' && /^\d+$/.test( entry )
					? Number( entry )
					: entry
			);
		}
	);
	return (
		<PolicyField path={ field.path } messages={ field.errors }>
			<TextInput
				{ ...controlProps( field ) }
				multiline={ multiline }
				value={ text }
				onChange={ ( next: string ) =>
					field.onChange( update( next ) )
				}
			/>
		</PolicyField>
	);
}

interface TextFieldProps extends BaseFieldProps {
	multiline?: boolean;
	maxLength?: number;
}

export function TextField( {
	multiline = false,
	maxLength,
	...field
}: TextFieldProps ) {
	return (
		<PolicyField path={ field.path } messages={ field.errors }>
			<TextInput
				{ ...controlProps( field ) }
				multiline={ multiline }
				value={ typeof field.value === 'string' ? field.value : '' }
				onChange={ ( next: string ) => field.onChange( next ) }
				maxLength={ maxLength }
			/>
		</PolicyField>
	);
}

export function BooleanField( field: BaseFieldProps ) {
	return (
		<PolicyField path={ field.path } messages={ field.errors }>
			<CheckboxControl
				{ ...controlProps( field ) }
				checked={ field.value === true }
				onChange={ ( checked: boolean ) => field.onChange( checked ) }
			/>
		</PolicyField>
	);
}

interface ChoiceFieldProps extends BaseFieldProps {
	options: Array< { value: string | number; label: string } >;
}

/**
 * One value among options; a value the options do not name stays shown as it is.
 *
 * @param props         Props.
 * @param props.options
 */
export function ChoiceField( { options, ...field }: ChoiceFieldProps ) {
	const { value, onChange } = field;
	const current =
		value === undefined || value === null ? '' : JSON.stringify( value );
	const choices = options.map( ( option ) => ( {
		value: JSON.stringify( option.value ),
		label: option.label,
	} ) );
	const known = choices.some( ( choice ) => choice.value === current );
	return (
		<PolicyField path={ field.path } messages={ field.errors }>
			<SelectControl
				id={ fieldId( field.path ) }
				label={ field.label }
				help={ field.help }
				value={ current }
				options={
					known
						? choices
						: [
								{
									value: current,
									label:
										current === ''
											? __( 'Not set', 'agent-guard' )
											: current,
								},
								...choices,
						  ]
				}
				onChange={ ( next: string ) => {
					const option = options.find(
						( o ) => JSON.stringify( o.value ) === next
					);
					if ( option ) {
						onChange( option.value );
					}
				} }
				disabled={ field.disabled }
				__nextHasNoMarginBottom
			/>
		</PolicyField>
	);
}

interface ActionsFieldProps extends BaseFieldProps {
	/** The actions to offer (the allowed ones); the draft's own entries are added. */
	offered: readonly string[];
	actionLabel: ( action: string ) => string;
	/** Shown when there is nothing to choose. */
	emptyMessage: string;
}

/**
 * A subset of actions as checkboxes (approvals.always, tokens.critical_actions).
 *
 * @param props              Props.
 * @param props.path
 * @param props.label
 * @param props.help
 * @param props.value
 * @param props.onChange
 * @param props.errors
 * @param props.disabled
 * @param props.offered
 * @param props.actionLabel
 * @param props.emptyMessage
 */
export function ActionsField( {
	path,
	label,
	help,
	value,
	onChange,
	errors,
	disabled,
	offered,
	actionLabel,
	emptyMessage,
}: ActionsFieldProps ) {
	const id = fieldId( path );
	const chosen = Array.isArray( value ) ? value : [];
	const options = [
		...offered,
		...chosen.filter(
			( item ): item is string =>
				typeof item === 'string' && ! offered.includes( item )
		),
	];
	const hasError = !! errors?.length;
	return (
		<fieldset
			className="agent-guard-policy-field agent-guard-actions-field"
			id={ id }
			aria-describedby={ describedBy( id, !! help, hasError ) }
		>
			<legend className="agent-guard-policy-field__legend">
				{ label }
			</legend>
			{ help ? (
				<p
					id={ `${ id }__help` }
					className="agent-guard-policy-field__help"
				>
					{ help }
				</p>
			) : null }
			{ options.length === 0 ? (
				<p className="agent-guard-muted">{ emptyMessage }</p>
			) : (
				options.map( ( action ) => (
					<CheckboxControl
						key={ action }
						label={ actionLabel( action ) }
						checked={ chosen.includes( action ) }
						disabled={ disabled }
						onChange={ ( checked: boolean ) =>
							onChange(
								checked
									? [ ...chosen, action ]
									: chosen.filter(
											( item ) => item !== action
									  )
							)
						}
						__nextHasNoMarginBottom
					/>
				) )
			) }
			<FieldError id={ id } messages={ errors } />
		</fieldset>
	);
}

/**
 * Brings the input (or section) that edits a path into view and gives it focus.
 *
 * @param path Dot path.
 * @return Whether it was found.
 */
export function focusField( path: string ): boolean {
	const target = document.getElementById( fieldId( path ) );
	if ( ! target ) {
		return false;
	}
	if ( typeof target.scrollIntoView === 'function' ) {
		target.scrollIntoView( { block: 'center' } );
	}
	target.focus();
	return true;
}

/**
 * WordPress dependencies
 */
import { SelectControl, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { NewToken } from '../../../api/tokens';
import { Form, FormActions } from '../../../components/form';

interface IssueTokenFormProps {
	onSubmit: ( input: NewToken ) => void;
	onCancel: () => void;
	isSubmitting: boolean;
	error: Error | null;
}

/**
 * Lifetime choices, in seconds; '' lets the agent's policy decide. A critical token lives
 * two hours at most.
 *
 * @param scope The token's scope.
 */
function lifetimeOptions( scope: 'standard' | 'critical' ) {
	const short = [
		{ value: '3600', label: __( '1 hour', 'agent-guard' ) },
		{ value: '7200', label: __( '2 hours', 'agent-guard' ) },
	];
	return [
		{ value: '', label: __( 'As the agent’s policy says', 'agent-guard' ) },
		...short,
		...( scope === 'critical'
			? []
			: [
					{
						value: String( 7 * 86400 ),
						label: __( '7 days', 'agent-guard' ),
					},
					{
						value: String( 30 * 86400 ),
						label: __( '30 days', 'agent-guard' ),
					},
					{
						value: String( 90 * 86400 ),
						label: __( '90 days', 'agent-guard' ),
					},
			  ] ),
	];
}

/**
 * Label, scope and lifetime of a new token.
 *
 * @param props              Props.
 * @param props.onSubmit
 * @param props.onCancel
 * @param props.isSubmitting
 * @param props.error
 */
export function IssueTokenForm( {
	onSubmit,
	onCancel,
	isSubmitting,
	error,
}: IssueTokenFormProps ) {
	const [ label, setLabel ] = useState( '' );
	const [ scope, setScope ] = useState< 'standard' | 'critical' >(
		'standard'
	);
	const [ lifetime, setLifetime ] = useState( '' );

	const submit = () =>
		onSubmit( {
			label: label.trim(),
			scope,
			lifetime_seconds: lifetime === '' ? undefined : Number( lifetime ),
		} );

	return (
		<Form
			onSubmit={ submit }
			isBusy={ isSubmitting }
			error={ error }
			errorTitle={ __( 'The token was not issued.', 'agent-guard' ) }
		>
			<TextControl
				label={ __( 'Label', 'agent-guard' ) }
				help={ __(
					'Where this token will be used, e.g. “repricer on server A”.',
					'agent-guard'
				) }
				value={ label }
				onChange={ setLabel }
				maxLength={ 100 }
				__nextHasNoMarginBottom
			/>
			<SelectControl
				label={ __( 'Scope', 'agent-guard' ) }
				help={
					scope === 'critical'
						? __(
								'For critical writes only; lives two hours at most.',
								'agent-guard'
						  )
						: undefined
				}
				value={ scope }
				options={ [
					{
						value: 'standard',
						label: __( 'Standard', 'agent-guard' ),
					},
					{
						value: 'critical',
						label: __( 'Critical (short-lived)', 'agent-guard' ),
					},
				] }
				onChange={ ( value: string ) => {
					const next = value === 'critical' ? 'critical' : 'standard';
					setScope( next );
					if (
						! lifetimeOptions( next ).some(
							( option ) => option.value === lifetime
						)
					) {
						setLifetime( '' );
					}
				} }
				__nextHasNoMarginBottom
			/>
			<SelectControl
				label={ __( 'Lifetime', 'agent-guard' ) }
				value={ lifetime }
				options={ lifetimeOptions( scope ) }
				onChange={ setLifetime }
				__nextHasNoMarginBottom
			/>
			<FormActions
				submitLabel={ __( 'Issue token', 'agent-guard' ) }
				onCancel={ onCancel }
				isBusy={ isSubmitting }
			/>
		</Form>
	);
}

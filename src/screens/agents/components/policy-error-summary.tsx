/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { fieldForPath, type PolicyError } from '../data/policy-errors';
import { policyFieldLabel } from '../data/policy-layout';
import { fieldId, focusField } from './policy-fields';

interface PolicyErrorSummaryProps {
	errors: readonly PolicyError[];
	/** The paths the form shows errors at. */
	fields: readonly string[];
	/** A sentence before the list ("The policy was not saved."). */
	title: string;
}

/**
 * The errors of a save, above the form: each links to the field it belongs to (or names
 * its path when no field shows it), so a keyboard user gets there in one step.
 *
 * @param props        Props.
 * @param props.errors
 * @param props.fields
 * @param props.title
 */
export function PolicyErrorSummary( {
	errors,
	fields,
	title,
}: PolicyErrorSummaryProps ) {
	if ( errors.length === 0 ) {
		return null;
	}
	return (
		<Notice status="error" isDismissible={ false }>
			<div role="alert">
				<p>
					<strong>{ title }</strong>{ ' ' }
					{ sprintf(
						/* translators: %d: number of problems. */
						_n(
							'%d problem:',
							'%d problems:',
							errors.length,
							'agent-guard'
						),
						errors.length
					) }
				</p>
				<ul className="agent-guard-list">
					{ errors.map( ( error ) => {
						const field = fieldForPath( error.path, fields );
						const label =
							( field && policyFieldLabel( field ) ) ||
							error.path ||
							__( 'The document', 'agent-guard' );
						return (
							<li key={ `${ error.path }:${ error.message }` }>
								{ field ? (
									<a
										href={ `#${ fieldId( field ) }` }
										onClick={ ( event ) => {
											if ( focusField( field ) ) {
												event.preventDefault();
											}
										} }
									>
										{ label }
									</a>
								) : (
									label
								) }
								{ ': ' }
								{ error.message }
								{ error.path && error.path !== field ? (
									<>
										{ ' ' }
										<code>{ error.path }</code>
									</>
								) : null }
							</li>
						);
					} ) }
				</ul>
			</div>
		</Notice>
	);
}

/**
 * WordPress dependencies
 */
import { TextareaControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { PolicyError } from '../data/policy-errors';

interface PolicyJsonViewProps {
	text: string;
	onChange: ( text: string ) => void;
	/** Why the text is not JSON, when it is not. */
	syntaxError: string | null;
	/** Schema or server errors, each with its path. */
	errors: readonly PolicyError[];
	readOnly?: boolean;
}

/**
 * Where a JSON.parse() error is, as "line 3, column 7", from V8's "at position N".
 *
 * @param text    The text that failed.
 * @param message The error's message.
 */
export function jsonErrorLocation( text: string, message: string ): string {
	const position = /position (\d+)/.exec( message )?.[ 1 ];
	if ( position === undefined ) {
		return message;
	}
	const before = text.slice( 0, Number( position ) );
	const line = before.split( '\n' ).length;
	const column = Number( position ) - before.lastIndexOf( '\n' );
	return `${ message } (line ${ line }, column ${ column })`;
}

/**
 * The policy as JSON for power users: the whole document in one text area, checked with
 * the same schema as the form; problems are listed by path.
 *
 * @param props             Props.
 * @param props.text
 * @param props.onChange
 * @param props.syntaxError
 * @param props.errors
 * @param props.readOnly
 */
export function PolicyJsonView( {
	text,
	onChange,
	syntaxError,
	errors,
	readOnly = false,
}: PolicyJsonViewProps ) {
	const problems = syntaxError !== null || errors.length > 0;
	return (
		<div className="agent-guard-policy-json">
			{ problems ? (
				<div className="agent-guard-policy-json__problems" role="alert">
					<p>
						<strong>
							{ __( 'Problems in the document:', 'agent-guard' ) }
						</strong>
					</p>
					<ul className="agent-guard-list">
						{ syntaxError !== null ? (
							<li>
								{ __( 'Not valid JSON:', 'agent-guard' ) }{ ' ' }
								{ syntaxError }
							</li>
						) : null }
						{ errors.map( ( error ) => (
							<li key={ `${ error.path }:${ error.message }` }>
								<code>
									{ error.path ||
										__( '(the document)', 'agent-guard' ) }
								</code>
								{ ': ' }
								{ error.message }
							</li>
						) ) }
					</ul>
				</div>
			) : null }
			<TextareaControl
				className="agent-guard-policy-json__text"
				label={ __( 'Policy (JSON)', 'agent-guard' ) }
				help={ __(
					'The whole policy document. Amounts are in minor units (cents). The mode is changed with the mode button, not here.',
					'agent-guard'
				) }
				value={ text }
				onChange={ onChange }
				readOnly={ readOnly }
				rows={ 28 }
				spellCheck={ false }
				aria-invalid={ problems || undefined }
				__nextHasNoMarginBottom
			/>
		</div>
	);
}

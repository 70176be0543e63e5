/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { fieldLabel } from '../../../components/approval-labels';
import { DataTable } from '../../../components/data-table';
import { formatPercent } from '../../../components/percent';
import { ABSENT, type FieldChange } from '../data/diff';
import { targetKeyLabel } from './event-labels';

/**
 * A stored value as text: strings as they are, "(empty)" for '', "null", JSON for lists
 * and objects, "(not set)" for a field the state did not have.
 *
 * @param value The value.
 */
export function formatValue( value: unknown ): string {
	if ( value === ABSENT ) {
		return __( '(not set)', 'agent-guard' );
	}
	if ( value === '' ) {
		return __( '(empty)', 'agent-guard' );
	}
	if ( typeof value === 'string' ) {
		return value;
	}
	if ( value === null ) {
		return 'null';
	}
	return JSON.stringify( value ) ?? String( value );
}

function signedPercent( value: number ): string {
	return value > 0 ? `+${ formatPercent( value ) }` : formatPercent( value );
}

interface ChangesTableProps {
	changes: FieldChange[];
	/** Names the table for screen readers. */
	caption: string;
	/** Target key => its name, when the states carry one. */
	names?: Record< string, string >;
}

/**
 * Field by field, before → after (and the relative change of prices). Values are shown
 * as text, whatever they contain.
 *
 * @param props         Props.
 * @param props.changes
 * @param props.caption
 * @param props.names
 */
export function ChangesTable( {
	changes,
	caption,
	names = {},
}: ChangesTableProps ) {
	const showTarget = changes.some( ( change ) => change.target !== '' );
	const showPercent = changes.some(
		( change ) => change.changePercent !== null
	);
	return (
		<DataTable
			className="agent-guard-audit-changes"
			caption={ caption }
			columns={ [
				showTarget ? __( 'Target', 'agent-guard' ) : null,
				__( 'Field', 'agent-guard' ),
				__( 'Before', 'agent-guard' ),
				__( 'After', 'agent-guard' ),
				showPercent ? __( 'Change', 'agent-guard' ) : null,
			] }
			rows={ changes }
			renderRow={ ( change ) => (
				<tr key={ `${ change.target }|${ change.field }` }>
					{ showTarget ? (
						<td>
							{ names[ change.target ] ??
								targetKeyLabel( change.target ) }
							{ names[ change.target ] ? (
								<span className="agent-guard-table__note">
									{ targetKeyLabel( change.target ) }
								</span>
							) : null }
						</td>
					) : null }
					<td>
						{ fieldLabel( change.field ) }
						{ fieldLabel( change.field ) !== change.field ? (
							<span className="agent-guard-table__note">
								<code>{ change.field }</code>
							</span>
						) : null }
					</td>
					<td className="agent-guard-audit-changes__value">
						{ formatValue( change.before ) }
					</td>
					<td className="agent-guard-audit-changes__value">
						{ formatValue( change.after ) }
					</td>
					{ showPercent ? (
						<td>
							{ change.changePercent === null
								? '—'
								: signedPercent( change.changePercent ) }
						</td>
					) : null }
				</tr>
			) }
		/>
	);
}

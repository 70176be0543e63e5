/**
 * WordPress dependencies
 */
import { Fragment } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { DataTable } from '../../../components/data-table';
import { EmptyState } from '../../../components/empty-state';
import { formatMoney } from '../../../components/money';
import type { PolicyChange } from '../../../schemas';

/**
 * A policy value for reading: amounts (`…_minor`) in the store currency, lists joined,
 * null as "not set".
 *
 * @param path     The value's dot path.
 * @param value    The value.
 * @param currency Store currency.
 * @param decimals Its decimals.
 */
export function formatPolicyValue(
	path: string,
	value: unknown,
	currency: string,
	decimals: number
): string {
	if ( value === null || value === undefined ) {
		return __( 'not set', 'agent-guard' );
	}
	if ( typeof value === 'number' && /_minor$/.test( path ) ) {
		return formatMoney( value, currency, decimals );
	}
	if ( Array.isArray( value ) ) {
		return value.length === 0
			? __( '(empty list)', 'agent-guard' )
			: value
					.map( ( item ) =>
						typeof item === 'string' ? item : JSON.stringify( item )
					)
					.join( ', ' );
	}
	if ( typeof value === 'object' ) {
		return JSON.stringify( value );
	}
	if ( typeof value === 'boolean' ) {
		return value ? __( 'yes', 'agent-guard' ) : __( 'no', 'agent-guard' );
	}
	return String( value );
}

interface PolicyDiffTableProps {
	changes: PolicyChange[];
	currency: string;
	decimals: number;
	/** Shown when nothing changes. */
	emptyMessage: string;
}

/**
 * What a policy document changes: path, before → after.
 *
 * @param props              Props.
 * @param props.changes
 * @param props.currency
 * @param props.decimals
 * @param props.emptyMessage
 */
export function PolicyDiffTable( {
	changes,
	currency,
	decimals,
	emptyMessage,
}: PolicyDiffTableProps ) {
	return (
		<DataTable
			className="agent-guard-diff"
			caption={ __( 'Changes to the policy', 'agent-guard' ) }
			columns={ [
				__( 'Setting', 'agent-guard' ),
				__( 'Before', 'agent-guard' ),
				<Fragment key="after">
					<span aria-hidden="true">→ </span>
					{ __( 'After', 'agent-guard' ) }
				</Fragment>,
			] }
			rows={ changes }
			empty={ <EmptyState message={ emptyMessage } /> }
			renderRow={ ( change ) => (
				<tr key={ change.path } data-path={ change.path }>
					<th scope="row">
						<code>{ change.path }</code>
					</th>
					<td className="agent-guard-diff__before">
						{ formatPolicyValue(
							change.path,
							change.before,
							currency,
							decimals
						) }
					</td>
					<td className="agent-guard-diff__after">
						{ formatPolicyValue(
							change.path,
							change.after,
							currency,
							decimals
						) }
					</td>
				</tr>
			) }
		/>
	);
}

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { fieldLabel } from '../../../components/approval-labels';
import { DataTable } from '../../../components/data-table';
import type { Approval } from '../../../schemas';
import {
	formatFieldValue,
	formatPercentChange,
	targetById,
	targetLabel,
} from '../data/format';
import { useStoreMoney } from './store-money';

type Unit = NonNullable< Approval[ 'diff' ][ 'units' ] >[ number ];

/**
 * The unit's target in words: its name and SKU, else "Product #12", else (a new
 * target) the request's target, else the batch position.
 *
 * @param unit     A unit of the diff.
 * @param approval The request.
 */
function unitTarget( unit: Unit, approval: Approval ): string {
	if ( unit.name ) {
		return unit.sku ? `${ unit.name } (${ unit.sku })` : unit.name;
	}
	const [ type, id ] = unit.target.split( ':' );
	if ( type && id ) {
		return targetById( type, id );
	}
	return ( approval.diff.units?.length ?? 0 ) > 1
		? unit.item
		: targetLabel( approval );
}

interface DiffTableProps {
	approval: Approval;
}

/**
 * The whole diff: every field of every unit (every item of a batch), before → after, and
 * the relative change of prices. Values are shown as text, whatever they contain.
 *
 * @param props          Props.
 * @param props.approval
 */
export function DiffTable( { approval }: DiffTableProps ) {
	const money = useStoreMoney();
	const units = approval.diff.units ?? [];
	const rows = units.flatMap( ( unit, index ) =>
		Object.entries( unit.changes ).map( ( [ field, change ] ) => ( {
			key: `${ index }:${ field }`,
			unit,
			field,
			change,
		} ) )
	);
	return (
		<DataTable
			className="agent-guard-diff"
			caption={ __( 'Changes the request makes', 'agent-guard' ) }
			columns={ [
				__( 'Target', 'agent-guard' ),
				__( 'Field', 'agent-guard' ),
				__( 'Before', 'agent-guard' ),
				__( 'After', 'agent-guard' ),
				__( 'Change', 'agent-guard' ),
			] }
			rows={ rows }
			empty={
				<p className="agent-guard-muted">
					{ __(
						'The request sends no field changes (a delete, or a request without a body).',
						'agent-guard'
					) }
				</p>
			}
			renderRow={ ( { key, unit, field, change } ) => (
				<tr key={ key }>
					<td>
						{ unitTarget( unit, approval ) }
						{ units.length > 1 ? (
							<span className="agent-guard-table__note">
								<code>{ unit.item }</code>
							</span>
						) : null }
					</td>
					<td>
						{ fieldLabel( field ) }
						{ fieldLabel( field ) !== field ? (
							<span className="agent-guard-table__note">
								<code>{ field }</code>
							</span>
						) : null }
					</td>
					<td className="agent-guard-diff__value">
						{ formatFieldValue(
							field,
							change.before,
							approval,
							money
						) }
					</td>
					<td className="agent-guard-diff__value">
						{ formatFieldValue(
							field,
							change.after,
							approval,
							money
						) }
					</td>
					<td>
						{ typeof change.change_percent === 'number'
							? formatPercentChange( change.change_percent )
							: '—' }
					</td>
				</tr>
			) }
		/>
	);
}

/**
 * WordPress dependencies
 */
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { fieldLabel } from '../../../components/approval-labels';
import type { Approval } from '../../../schemas';
import { formatFieldValue, formatPercentChange } from '../data/format';
import { useStoreMoney } from './store-money';

type Unit = NonNullable< Approval[ 'diff' ][ 'units' ] >[ number ];
type Change = Unit[ 'changes' ][ string ];

interface ChangeLineProps {
	approval: Approval;
	field: string;
	change: Change;
}

/**
 * One field's change: "Regular price: $12.00 → $14.40 (+20%)". A field the target did not
 * have (a new target, a refund) shows only its new value.
 *
 * @param props          Props.
 * @param props.approval
 * @param props.field
 * @param props.change
 */
export function ChangeLine( { approval, field, change }: ChangeLineProps ) {
	const money = useStoreMoney();
	const before =
		change.before === null || change.before === undefined
			? null
			: formatFieldValue( field, change.before, approval, money );
	const after = formatFieldValue( field, change.after, approval, money );
	return (
		<span className="agent-guard-change">
			<span className="agent-guard-change__field">
				{ fieldLabel( field ) }:
			</span>{ ' ' }
			{ before !== null ? (
				<>
					<del className="agent-guard-change__before">
						<span className="screen-reader-text">
							{ __( 'from', 'agent-guard' ) }{ ' ' }
						</span>
						{ before }
					</del>{ ' ' }
					<span aria-hidden="true">→</span>{ ' ' }
				</>
			) : null }
			<ins className="agent-guard-change__after">
				{ before !== null ? (
					<span className="screen-reader-text">
						{ __( 'to', 'agent-guard' ) }{ ' ' }
					</span>
				) : null }
				{ after }
			</ins>
			{ typeof change.change_percent === 'number' ? (
				<>
					{ ' ' }
					<span
						className={ `agent-guard-change__percent ${
							change.change_percent < 0 ? 'is-down' : 'is-up'
						}` }
					>
						({ formatPercentChange( change.change_percent ) })
					</span>
				</>
			) : null }
		</span>
	);
}

interface ChangeSummaryProps {
	approval: Approval;
	/** How many changes to show before "and N more". */
	limit?: number;
}

/**
 * What the request changes, in a line or two, for the queue: the first changes of the
 * diff and how many more there are.
 *
 * @param props          Props.
 * @param props.approval
 * @param props.limit
 */
export function ChangeSummary( { approval, limit = 2 }: ChangeSummaryProps ) {
	const lines = ( approval.diff.units ?? [] ).flatMap( ( unit ) =>
		Object.entries( unit.changes ).map( ( [ field, change ] ) => ( {
			key: `${ unit.item }:${ unit.target }:${ field }`,
			unit,
			field,
			change,
		} ) )
	);
	if ( lines.length === 0 ) {
		return (
			<span className="agent-guard-muted">
				{ approval.method === 'DELETE'
					? __( 'Deletes the target', 'agent-guard' )
					: __( 'No field changes recorded', 'agent-guard' ) }
			</span>
		);
	}
	const units = approval.diff.units?.length ?? 0;
	const shown = lines.slice( 0, limit );
	const rest = lines.length - shown.length;
	return (
		<ul className="agent-guard-change-list">
			{ shown.map( ( line ) => (
				<li key={ line.key }>
					{ units > 1 && line.unit.name ? (
						<span className="agent-guard-change__unit">
							{ line.unit.name }:{ ' ' }
						</span>
					) : null }
					<ChangeLine
						approval={ approval }
						field={ line.field }
						change={ line.change }
					/>
				</li>
			) ) }
			{ rest > 0 ? (
				<li className="agent-guard-muted">
					{ sprintf(
						/* translators: %d: number of further changes. */
						_n(
							'and %d more change',
							'and %d more changes',
							rest,
							'agent-guard'
						),
						rest
					) }
				</li>
			) : null }
		</ul>
	);
}

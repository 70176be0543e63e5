/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

interface DataTableProps< Row > {
	/** Read to screen-reader users before the table (hidden on screen). */
	caption: ReactNode;
	/** The column headings in order; null or false leaves a column out. */
	columns: ReadonlyArray< ReactNode >;
	rows: readonly Row[];
	/** One `<tr>` with its key. */
	renderRow: ( row: Row, index: number ) => ReactNode;
	/** Shown instead of the table when there is no row (else the table stays, empty). */
	empty?: ReactNode;
	/** Classes added to `widefat striped agent-guard-table`. */
	className?: string;
}

/**
 * A WordPress list table: hidden caption, column headings, one row per item, and what
 * to show instead when there is none.
 *
 * @param props           Props.
 * @param props.caption
 * @param props.columns
 * @param props.rows
 * @param props.renderRow
 * @param props.empty
 * @param props.className
 */
export function DataTable< Row >( {
	caption,
	columns,
	rows,
	renderRow,
	empty,
	className,
}: DataTableProps< Row > ) {
	if ( rows.length === 0 && empty !== undefined ) {
		return <>{ empty }</>;
	}
	return (
		<table
			className={
				className
					? `widefat striped agent-guard-table ${ className }`
					: 'widefat striped agent-guard-table'
			}
		>
			<caption className="screen-reader-text">{ caption }</caption>
			<thead>
				<tr>
					{ columns
						.filter(
							( column ) =>
								column !== null &&
								column !== false &&
								column !== undefined
						)
						.map( ( column, index ) => (
							<th scope="col" key={ index }>
								{ column }
							</th>
						) ) }
				</tr>
			</thead>
			<tbody>{ rows.map( renderRow ) }</tbody>
		</table>
	);
}

/** The heading of a column of buttons: read, not shown. */
export function ActionsHeading() {
	return (
		<span className="screen-reader-text">
			{ __( 'Actions', 'agent-guard' ) }
		</span>
	);
}

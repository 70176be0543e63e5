/**
 * WordPress dependencies
 */
import { useId } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { DataTable } from './data-table';
import { EmptyState } from './empty-state';

export interface ChartSeries {
	/** The member of each point's `values` this series reads. */
	key: string;
	/** Its name in the legend and the table ("Allowed"). */
	label: string;
	/** Fill colour; the legend and the table carry the meaning in words. */
	color: string;
}

export interface ChartPoint {
	/** Stable key (the hour, ISO 8601). */
	key: string;
	/** Short label under the bar ("14:00"). */
	label: string;
	/** Full label in the table and the bar's tooltip ("Nov 21, 14:00"). */
	longLabel: string;
	values: Record< string, number >;
}

interface StackedBarChartProps {
	/** What the chart shows; its accessible name and the table's caption. */
	title: string;
	series: ChartSeries[];
	points: ChartPoint[];
	/** Shown instead of the chart when every value is 0. */
	emptyMessage: string;
	/** Header of the table's first column ("Hour"). */
	pointHeader?: string;
}

const HEIGHT = 180;
const TOP = 12;
const BOTTOM = 24;
const LEFT = 36;
const SLOT = 28;

function valueOf( point: ChartPoint, key: string ): number {
	const value = point.values[ key ];
	return typeof value === 'number' && Number.isFinite( value ) && value > 0
		? value
		: 0;
}

/**
 * Counts per period as stacked bars, drawn as an SVG, with its text alternative: the
 * totals in the accessible name and the legend, and every number in a table a click away.
 *
 * @param props              Props.
 * @param props.title
 * @param props.series
 * @param props.points
 * @param props.emptyMessage
 * @param props.pointHeader
 */
export function StackedBarChart( {
	title,
	series,
	points,
	emptyMessage,
	pointHeader,
}: StackedBarChartProps ) {
	const descriptionId = useId();
	const totals = series.map( ( s ) =>
		points.reduce( ( sum, point ) => sum + valueOf( point, s.key ), 0 )
	);
	const grandTotal = totals.reduce( ( sum, total ) => sum + total, 0 );
	const totalsText = series
		.map( ( s, index ) =>
			sprintf(
				/* translators: 1: series name such as "Allowed", 2: its total. */
				__( '%1$s: %2$d', 'agent-guard' ),
				s.label,
				totals[ index ] ?? 0
			)
		)
		.join( ', ' );

	if ( grandTotal === 0 ) {
		return <EmptyState message={ emptyMessage } />;
	}

	const stackTotals = points.map( ( point ) =>
		series.reduce( ( sum, s ) => sum + valueOf( point, s.key ), 0 )
	);
	const max = Math.max( 1, ...stackTotals );
	// At least 24 slots wide, so a few bars keep the scale of a full day.
	const width = LEFT + Math.max( points.length, 24 ) * SLOT + 8;
	const plotHeight = HEIGHT - TOP - BOTTOM;
	const y = ( value: number ) =>
		TOP + plotHeight - ( value / max ) * plotHeight;
	const labelEvery = Math.max( 1, Math.ceil( points.length / 12 ) );
	const ticks = max >= 2 ? [ 0, Math.round( max / 2 ), max ] : [ 0, max ];

	return (
		<figure className="agent-guard-chart">
			<svg
				className="agent-guard-chart__svg"
				viewBox={ `0 0 ${ width } ${ HEIGHT }` }
				role="img"
				aria-label={ title }
				aria-describedby={ descriptionId }
				preserveAspectRatio="xMinYMid meet"
			>
				{ ticks.map( ( tick ) => (
					<g key={ tick }>
						<line
							x1={ LEFT }
							x2={ width - 4 }
							y1={ y( tick ) }
							y2={ y( tick ) }
							stroke="#dcdcde"
							strokeWidth={ 1 }
						/>
						<text
							x={ LEFT - 6 }
							y={ y( tick ) + 4 }
							textAnchor="end"
							fontSize={ 11 }
							fill="#50575e"
						>
							{ tick }
						</text>
					</g>
				) ) }
				{ points.map( ( point, index ) => {
					const x = LEFT + index * SLOT + SLOT * 0.15;
					let base = 0;
					return (
						<g key={ point.key }>
							{ series.map( ( s ) => {
								const value = valueOf( point, s.key );
								if ( value === 0 ) {
									return null;
								}
								const top = y( base + value );
								const height = y( base ) - top;
								base += value;
								return (
									<rect
										key={ s.key }
										x={ x }
										y={ top }
										width={ SLOT * 0.7 }
										height={ height }
										fill={ s.color }
									>
										<title>
											{ sprintf(
												/* translators: 1: period such as "Nov 21, 14:00", 2: series name, 3: count. */
												__(
													'%1$s — %2$s: %3$d',
													'agent-guard'
												),
												point.longLabel,
												s.label,
												value
											) }
										</title>
									</rect>
								);
							} ) }
							{ index % labelEvery === 0 ? (
								<text
									x={ x + SLOT * 0.35 }
									y={ HEIGHT - 6 }
									textAnchor="middle"
									fontSize={ 10 }
									fill="#50575e"
								>
									{ point.label }
								</text>
							) : null }
						</g>
					);
				} ) }
			</svg>
			<figcaption id={ descriptionId }>
				<ul className="agent-guard-chart__legend">
					{ series.map( ( s, index ) => (
						<li key={ s.key }>
							<svg
								width="12"
								height="12"
								aria-hidden="true"
								focusable="false"
							>
								<rect width="12" height="12" fill={ s.color } />
							</svg>{ ' ' }
							{ sprintf(
								/* translators: 1: series name such as "Allowed", 2: its total. */
								__( '%1$s: %2$d', 'agent-guard' ),
								s.label,
								totals[ index ] ?? 0
							) }
						</li>
					) ) }
				</ul>
			</figcaption>
			<details className="agent-guard-chart__table">
				<summary>{ __( 'Show the numbers', 'agent-guard' ) }</summary>
				<DataTable
					caption={ sprintf(
						/* translators: 1: chart title, 2: totals such as "Allowed: 3, Refused: 1". */
						__( '%1$s (%2$s)', 'agent-guard' ),
						title,
						totalsText
					) }
					columns={ [
						pointHeader ?? __( 'Hour', 'agent-guard' ),
						...series.map( ( s ) => s.label ),
					] }
					rows={ points }
					renderRow={ ( point ) => (
						<tr key={ point.key }>
							<th scope="row">{ point.longLabel }</th>
							{ series.map( ( s ) => (
								<td key={ s.key }>
									{ valueOf( point, s.key ) }
								</td>
							) ) }
						</tr>
					) }
				/>
			</details>
		</figure>
	);
}

/**
 * "14:00" and "Nov 21, 14:00" for an hour from the REST API, in the reader's time zone.
 *
 * @param iso ISO 8601 start of the hour.
 */
export function hourLabels( iso: string ): {
	label: string;
	longLabel: string;
} {
	const time = Date.parse( iso );
	if ( Number.isNaN( time ) ) {
		return { label: iso, longLabel: iso };
	}
	const lang =
		typeof document !== 'undefined'
			? document.documentElement.lang || undefined
			: undefined;
	return {
		label: new Intl.DateTimeFormat( lang, {
			hour: '2-digit',
			minute: '2-digit',
		} ).format( time ),
		longLabel: new Intl.DateTimeFormat( lang, {
			month: 'short',
			day: 'numeric',
			hour: '2-digit',
			minute: '2-digit',
		} ).format( time ),
	};
}

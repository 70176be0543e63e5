/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Canary } from '../../../api/canary';
import {
	StackedBarChart,
	hourLabels,
} from '../../../components/stacked-bar-chart';

/**
 * The agent's writes per hour inside the cohort (executed) and outside it (refused or
 * queued), since the dial last moved.
 *
 * @param props        Props.
 * @param props.series The canary's hourly series, oldest first.
 */
export function CanaryChart( { series }: { series: Canary[ 'series' ] } ) {
	return (
		<StackedBarChart
			title={ __(
				'Writes per hour inside and outside the cohort',
				'agent-guard'
			) }
			emptyMessage={ __(
				'The agent has not written anything since the dial last moved.',
				'agent-guard'
			) }
			series={ [
				{
					key: 'inside',
					label: __( 'Inside the cohort', 'agent-guard' ),
					color: '#2271b1',
				},
				{
					key: 'outside',
					label: __( 'Outside (refused or queued)', 'agent-guard' ),
					color: '#8c8f94',
				},
			] }
			points={ series.map( ( hour ) => ( {
				key: hour.hour,
				...hourLabels( hour.hour ),
				values: { inside: hour.inside, outside: hour.outside },
			} ) ) }
		/>
	);
}

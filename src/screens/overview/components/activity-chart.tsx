/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ActivityHour } from '../../../api/metrics';
import {
	StackedBarChart,
	hourLabels,
} from '../../../components/stacked-bar-chart';

/**
 * Agent requests per hour over the last 24 hours: allowed, refused, queued (queued or
 * observed only), as stacked bars with a table of the same numbers.
 *
 * @param props       Props.
 * @param props.hours The 24 hours of GET metrics' `activity`, oldest first.
 */
export function ActivityChart( { hours }: { hours: ActivityHour[] } ) {
	return (
		<StackedBarChart
			title={ __(
				'Agent requests per hour over the last 24 hours',
				'agent-guard'
			) }
			emptyMessage={ __(
				'No agent request in the last 24 hours.',
				'agent-guard'
			) }
			series={ [
				{
					key: 'allowed',
					label: __( 'Allowed', 'agent-guard' ),
					color: '#00a32a',
				},
				{
					key: 'refused',
					label: __( 'Refused', 'agent-guard' ),
					color: '#d63638',
				},
				{
					key: 'queued',
					label: __( 'Queued or observed', 'agent-guard' ),
					color: '#dba617',
				},
			] }
			points={ hours.map( ( hour ) => ( {
				key: hour.hour,
				...hourLabels( hour.hour ),
				values: {
					allowed: hour.allowed,
					refused: hour.refused,
					queued: hour.queued,
				},
			} ) ) }
		/>
	);
}

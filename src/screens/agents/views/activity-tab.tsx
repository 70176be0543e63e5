/**
 * External dependencies
 */
import { useQuery } from '@tanstack/react-query';

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import type { Agent } from '../../../schemas';
import { ActivityTable } from '../components/activity-table';
import { agentActivityQuery } from '../data/query-options';

export function ActivityTab( { agent }: { agent: Agent } ) {
	const activity = useQuery( agentActivityQuery( agent.id ) );
	return (
		<Section title={ __( 'Recent activity', 'agent-guard' ) }>
			<QueryView
				query={ activity }
				loadingLabel={ __( 'Loading the activity…', 'agent-guard' ) }
				errorTitle={ __(
					'Could not load the activity.',
					'agent-guard'
				) }
			>
				{ ( data ) => (
					<ActivityTable
						events={ data.items }
						now={ activity.dataUpdatedAt || Date.now() }
					/>
				) }
			</QueryView>
		</Section>
	);
}

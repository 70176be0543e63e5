/**
 * External dependencies
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import { closeIncident, type Incident } from '../../../api/incidents';
import { invalidateControlQueries } from './invalidate';

interface CloseVariables {
	id: number;
	note: string;
}

/**
 * Closes an incident with its note; the Overview's queries (open incidents, counts) are
 * invalidated. The agent stays as it is: resuming it is its own act.
 */
export function useCloseIncident() {
	const queryClient = useQueryClient();
	return useMutation< Incident, Error, CloseVariables >( {
		mutationFn: ( { id, note } ) => closeIncident( id, note ),
		onSuccess: async () => {
			await invalidateControlQueries( queryClient );
		},
	} );
}

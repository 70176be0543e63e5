/**
 * WordPress dependencies
 */
import { useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import type { Incident } from '../../../api/incidents';
import { useInitialState } from '../../../app/initial-state-context';
import { CloseIncidentDialog } from '../components/close-incident-dialog';
import { IncidentsList } from '../components/incidents-list';
import { useCloseIncident } from '../data/use-incident-mutations';

interface IncidentsViewProps {
	incidents: Incident[];
	now: number;
}

/**
 * Open incidents with the close dialog, for those who may halt or manage agents.
 *
 * @param props           Props.
 * @param props.incidents
 * @param props.now
 */
export function IncidentsView( { incidents, now }: IncidentsViewProps ) {
	const { caps } = useInitialState();
	const close = useCloseIncident();
	const [ closing, setClosing ] = useState< Incident | null >( null );

	return (
		<>
			<IncidentsList
				incidents={ incidents }
				now={ now }
				onClose={ caps.halt || caps.manage ? setClosing : undefined }
			/>
			{ closing ? (
				<CloseIncidentDialog
					incident={ closing }
					isBusy={ close.isPending }
					error={ close.error }
					onCancel={ () => {
						close.reset();
						setClosing( null );
					} }
					onSubmit={ ( note ) =>
						close.mutate(
							{ id: closing.id, note },
							{ onSuccess: () => setClosing( null ) }
						)
					}
				/>
			) : null }
		</>
	);
}

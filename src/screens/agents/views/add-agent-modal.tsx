/**
 * External dependencies
 */
import { useQuery } from '@tanstack/react-query';

/**
 * WordPress dependencies
 */
import { Modal } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { useInitialState } from '../../../app/initial-state-context';
import { QueryView } from '../../../components/query-view';
import type { Agent } from '../../../schemas';
import { AddAgentForm } from '../components/add-agent-form';
import { ownersQuery, templatesQuery } from '../data/query-options';
import { useCreateAgent } from '../data/use-agent-mutations';

interface AddAgentModalProps {
	onClose: () => void;
	onCreated: ( agent: Agent ) => void;
}

export function AddAgentModal( { onClose, onCreated }: AddAgentModalProps ) {
	const { user } = useInitialState();
	const templates = useQuery( templatesQuery() );
	// Without the user list (no list_users) the person adding it is the only choice.
	const owners = useQuery( ownersQuery() );
	const create = useCreateAgent();
	return (
		<Modal
			title={ __( 'Add agent', 'agent-guard' ) }
			onRequestClose={ onClose }
			size="medium"
		>
			<QueryView
				query={ templates }
				loadingLabel={ __(
					'Loading the policy templates…',
					'agent-guard'
				) }
				errorTitle={ __(
					'Could not load the policy templates.',
					'agent-guard'
				) }
			>
				{ ( data ) => (
					<AddAgentForm
						templates={ data }
						owners={ owners.data ?? [] }
						currentUser={ user }
						isSubmitting={ create.isPending }
						error={ create.error }
						onCancel={ onClose }
						onSubmit={ ( input ) =>
							create.mutate( input, { onSuccess: onCreated } )
						}
					/>
				) }
			</QueryView>
		</Modal>
	);
}

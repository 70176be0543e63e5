/**
 * External dependencies
 */
import { useQuery } from '@tanstack/react-query';

/**
 * WordPress dependencies
 */
import { Button, Modal } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { addQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import { useInitialState } from '../../../app/initial-state-context';
import { Section } from '../../../components/section';
import type { Agent } from '../../../schemas';
import { AgentDetailsForm } from '../components/agent-details-form';
import { AgentSummary } from '../components/agent-summary';
import { ownersQuery } from '../data/query-options';
import { useUpdateAgent } from '../data/use-agent-mutations';

interface OverviewTabProps {
	agent: Agent;
	now: number;
	canEdit: boolean;
}

function EditDetailsModal( {
	agent,
	onClose,
}: {
	agent: Agent;
	onClose: () => void;
} ) {
	const { user } = useInitialState();
	const owners = useQuery( ownersQuery() );
	const update = useUpdateAgent( agent.id );
	return (
		<Modal
			title={ __( 'Edit details', 'agent-guard' ) }
			onRequestClose={ onClose }
			size="medium"
		>
			<AgentDetailsForm
				agent={ agent }
				owners={ owners.data ?? [] }
				currentUser={ user }
				isSubmitting={ update.isPending }
				error={ update.error }
				onCancel={ onClose }
				onSubmit={ ( changes ) =>
					update.mutate( changes, { onSuccess: onClose } )
				}
			/>
		</Modal>
	);
}

/**
 * What the agent is, who owns it, and where its canary dial is (the Canary screen).
 *
 * @param props         Props.
 * @param props.agent
 * @param props.now
 * @param props.canEdit
 */
export function OverviewTab( { agent, now, canEdit }: OverviewTabProps ) {
	const [ editing, setEditing ] = useState( false );
	const { pages } = useInitialState();
	const canaryUrl = addQueryArgs( pages.canary, { agent: agent.id } );
	const editable = canEdit && agent.status !== 'archived';
	return (
		<div className="agent-guard-agent__stack">
			<Section
				title={ __( 'About this agent', 'agent-guard' ) }
				meta={
					editable ? (
						<Button
							variant="secondary"
							onClick={ () => setEditing( true ) }
						>
							{ __( 'Edit details', 'agent-guard' ) }
						</Button>
					) : null
				}
			>
				<AgentSummary agent={ agent } now={ now } />
			</Section>
			<Section title={ __( 'Canary', 'agent-guard' ) }>
				<p className="agent-guard-section__intro">
					{ sprintf(
						/* translators: %s: share of targets, e.g. "5". */
						__(
							'In canary mode %s %% of targets are open to this agent.',
							'agent-guard'
						),
						String( agent.canary_percent )
					) }
				</p>
				<p>
					<a href={ canaryUrl }>
						{ __(
							'Open the canary dial, its cohort and its rates',
							'agent-guard'
						) }
					</a>
				</p>
			</Section>
			{ editing ? (
				<EditDetailsModal
					agent={ agent }
					onClose={ () => setEditing( false ) }
				/>
			) : null }
		</div>
	);
}

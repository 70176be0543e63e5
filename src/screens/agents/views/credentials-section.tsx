/**
 * External dependencies
 */
import { useQuery } from '@tanstack/react-query';

/**
 * WordPress dependencies
 */
import { Modal, ToggleControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorNotice } from '../../../components/error-notice';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import type { Credential } from '../../../schemas';
import { AdoptForm } from '../components/adopt-form';
import { CredentialsTable } from '../components/credentials-table';
import { credentialKindLabel } from '../components/vocabulary';
import {
	agentsListQuery,
	inventoryQuery,
	settingsQuery,
} from '../data/query-options';
import {
	useAdoptCredential,
	useReleaseAdoption,
	useUpdateSettings,
} from '../data/use-credential-mutations';

interface CredentialsSectionProps {
	agentUrl: ( id: number ) => string;
}

function RefuseUnregisteredSetting() {
	const settings = useQuery( settingsQuery() );
	const update = useUpdateSettings();
	// What the person just chose, shown until the server has answered.
	const [ chosen, setChosen ] = useState< boolean | null >( null );
	return (
		<div className="agent-guard-setting">
			<QueryView
				query={ settings }
				loadingLabel={ __( 'Loading the settings…', 'agent-guard' ) }
				errorTitle={ __(
					'Could not load the settings.',
					'agent-guard'
				) }
			>
				{ ( data ) => (
					<>
						{ update.error ? (
							<ErrorNotice
								error={ update.error }
								title={ __(
									'The setting was not saved.',
									'agent-guard'
								) }
							/>
						) : null }
						<ToggleControl
							label={ __(
								'Refuse writes from API keys that are not registered as agents',
								'agent-guard'
							) }
							help={ __(
								'WooCommerce API keys and application passwords that no agent has adopted may still read; their writes are refused.',
								'agent-guard'
							) }
							checked={
								chosen ?? data.refuse_unregistered_key_writes
							}
							disabled={ update.isPending }
							onChange={ ( checked: boolean ) => {
								setChosen( checked );
								update.mutate(
									{ refuse_unregistered_key_writes: checked },
									{ onSettled: () => setChosen( null ) }
								);
							} }
							__nextHasNoMarginBottom
						/>
					</>
				) }
			</QueryView>
		</div>
	);
}

/**
 * The store's existing credentials (WooCommerce keys, application passwords), which an
 * agent can adopt, and the setting that refuses writes from the ones no agent adopted.
 * Only for people who manage agents.
 *
 * @param props          Props.
 * @param props.agentUrl
 */
export function CredentialsSection( { agentUrl }: CredentialsSectionProps ) {
	const inventory = useQuery( inventoryQuery() );
	const agents = useQuery( agentsListQuery( { status: 'all' } ) );
	const adopt = useAdoptCredential();
	const release = useReleaseAdoption();
	const [ adopting, setAdopting ] = useState< Credential | null >( null );
	const [ releasing, setReleasing ] = useState< Credential | null >( null );
	const agentNames = new Map(
		( agents.data?.items ?? [] ).map( ( agent ) => [
			agent.id,
			agent.name,
		] )
	);
	const registered = ( agents.data?.items ?? [] ).filter(
		( agent ) => agent.status === 'active'
	);

	return (
		<Section title={ __( 'API credentials', 'agent-guard' ) }>
			<p className="agent-guard-section__intro">
				{ __(
					'Agents that already call the store with a WooCommerce API key or an application password can keep it: adopt the credential for an agent and its requests follow that agent’s policy.',
					'agent-guard'
				) }
			</p>
			<RefuseUnregisteredSetting />
			<QueryView
				query={ inventory }
				loadingLabel={ __( 'Loading the credentials…', 'agent-guard' ) }
				errorTitle={ __(
					'Could not load the credentials.',
					'agent-guard'
				) }
			>
				{ ( data ) => (
					<CredentialsTable
						credentials={ data }
						agentNames={ agentNames }
						agentUrl={ agentUrl }
						now={ inventory.dataUpdatedAt || Date.now() }
						onAdopt={ setAdopting }
						onRelease={ setReleasing }
					/>
				) }
			</QueryView>
			{ adopting ? (
				<Modal
					title={ __( 'Adopt for an agent', 'agent-guard' ) }
					onRequestClose={ () => {
						adopt.reset();
						setAdopting( null );
					} }
					size="medium"
				>
					<AdoptForm
						credential={ adopting }
						agents={ registered }
						isSubmitting={ adopt.isPending }
						error={ adopt.error }
						onCancel={ () => {
							adopt.reset();
							setAdopting( null );
						} }
						onSubmit={ ( agentId ) =>
							adopt.mutate(
								{
									kind: adopting.kind,
									external_id: adopting.external_id,
									agent_id: agentId,
								},
								{ onSuccess: () => setAdopting( null ) }
							)
						}
					/>
				</Modal>
			) : null }
			{ releasing ? (
				<ConfirmDialog
					title={ __( 'Release this credential?', 'agent-guard' ) }
					confirmLabel={ __( 'Release', 'agent-guard' ) }
					isBusy={ release.isPending }
					error={ release.error }
					onCancel={ () => {
						release.reset();
						setReleasing( null );
					} }
					onConfirm={ () =>
						release.mutate( releasing.adoption_id, {
							onSuccess: () => setReleasing( null ),
						} )
					}
				>
					<p>
						{ sprintf(
							/* translators: 1: credential kind, 2: its description. */
							__(
								'%1$s “%2$s” will no longer act as an agent. Its requests are then ordinary store requests, refused for writes if the site refuses unregistered keys.',
								'agent-guard'
							),
							credentialKindLabel( releasing.kind ),
							releasing.label
						) }
					</p>
				</ConfirmDialog>
			) : null }
		</Section>
	);
}

/**
 * External dependencies
 */
import { useQuery } from '@tanstack/react-query';

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import type { Agent, Token } from '../../../schemas';
import { TokensTable } from '../components/tokens-table';
import { agentTokensQuery } from '../data/query-options';
import { useRevokeToken } from '../data/use-token-mutations';
import { IssueTokenModal } from './issue-token-modal';
import { RotateTokenModal } from './rotate-token-modal';

/**
 * An agent's tokens: issue, rotate with a grace period, revoke at once. Only for people
 * who manage agents (the REST API lists tokens to nobody else).
 *
 * @param props       Props.
 * @param props.agent
 */
export function TokensTab( { agent }: { agent: Agent } ) {
	const tokens = useQuery( agentTokensQuery( agent.id ) );
	const revoke = useRevokeToken( agent.id );
	const [ issuing, setIssuing ] = useState( false );
	const [ rotating, setRotating ] = useState< Token | null >( null );
	const [ revoking, setRevoking ] = useState< Token | null >( null );
	const archived = agent.status === 'archived';

	return (
		<Section
			title={ __( 'Tokens', 'agent-guard' ) }
			meta={
				archived ? null : (
					<Button
						variant="secondary"
						onClick={ () => setIssuing( true ) }
					>
						{ __( 'Issue token', 'agent-guard' ) }
					</Button>
				)
			}
		>
			<QueryView
				query={ tokens }
				loadingLabel={ __( 'Loading the tokens…', 'agent-guard' ) }
				errorTitle={ __( 'Could not load the tokens.', 'agent-guard' ) }
			>
				{ ( data ) => (
					<TokensTable
						tokens={ data.items }
						now={ tokens.dataUpdatedAt || Date.now() }
						onRevoke={ setRevoking }
						onRotate={ archived ? undefined : setRotating }
					/>
				) }
			</QueryView>
			{ issuing ? (
				<IssueTokenModal
					agent={ agent }
					onClose={ () => setIssuing( false ) }
				/>
			) : null }
			{ rotating ? (
				<RotateTokenModal
					agent={ agent }
					token={ rotating }
					onClose={ () => setRotating( null ) }
				/>
			) : null }
			{ revoking ? (
				<ConfirmDialog
					title={ __( 'Revoke this token?', 'agent-guard' ) }
					confirmLabel={ __( 'Revoke token', 'agent-guard' ) }
					isDestructive
					isBusy={ revoke.isPending }
					error={ revoke.error }
					onCancel={ () => {
						revoke.reset();
						setRevoking( null );
					} }
					onConfirm={ () =>
						revoke.mutate( revoking.id, {
							onSuccess: () => setRevoking( null ),
						} )
					}
				>
					<p>
						{ sprintf(
							/* translators: %s: token prefix. */
							__(
								'Requests signed with %s will be refused from the next one on. This cannot be undone.',
								'agent-guard'
							),
							revoking.prefix
						) }
					</p>
				</ConfirmDialog>
			) : null }
		</Section>
	);
}

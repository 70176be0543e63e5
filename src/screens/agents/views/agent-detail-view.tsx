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
import { useInitialState } from '../../../app/initial-state-context';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { PageHeader } from '../../../components/page-header';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import type { Agent, Token } from '../../../schemas';
import { AgentSummary } from '../components/agent-summary';
import { TokensTable } from '../components/tokens-table';
import { agentQuery, agentTokensQuery } from '../data/query-options';
import { useRevokeToken } from '../data/use-token-mutations';
import { IssueTokenModal } from './issue-token-modal';

interface AgentDetailViewProps {
	agentId: number;
	listUrl: string;
	onBack: () => void;
}

function AgentTokens( { agent }: { agent: Agent } ) {
	const { caps } = useInitialState();
	const tokens = useQuery( agentTokensQuery( agent.id ) );
	const revoke = useRevokeToken( agent.id );
	const [ issuing, setIssuing ] = useState( false );
	const [ revoking, setRevoking ] = useState< Token | null >( null );

	return (
		<Section
			title={ __( 'Tokens', 'agent-guard' ) }
			meta={
				caps.manage ? (
					<Button
						variant="secondary"
						onClick={ () => setIssuing( true ) }
					>
						{ __( 'Issue token', 'agent-guard' ) }
					</Button>
				) : null
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
						onRevoke={ caps.manage ? setRevoking : undefined }
					/>
				) }
			</QueryView>
			{ issuing ? (
				<IssueTokenModal
					agent={ agent }
					onClose={ () => setIssuing( false ) }
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

/**
 * One agent: its facts and its tokens. The policy editor, checklist and mode/canary
 * controls are later sections of this view.
 *
 * @param props         Props.
 * @param props.agentId
 * @param props.listUrl
 * @param props.onBack
 */
export function AgentDetailView( {
	agentId,
	listUrl,
	onBack,
}: AgentDetailViewProps ) {
	const agent = useQuery( agentQuery( agentId ) );
	const back = (
		<p className="agent-guard-back">
			<a
				href={ listUrl }
				onClick={ ( event ) => {
					if ( event.metaKey || event.ctrlKey || event.shiftKey ) {
						return;
					}
					event.preventDefault();
					onBack();
				} }
			>
				{ __( '← All agents', 'agent-guard' ) }
			</a>
		</p>
	);
	return (
		<QueryView
			query={ agent }
			loadingLabel={ __( 'Loading the agent…', 'agent-guard' ) }
			errorTitle={ __( 'Could not load this agent.', 'agent-guard' ) }
		>
			{ ( data ) => (
				<>
					<PageHeader title={ data.name } before={ back } />
					<div className="agent-guard-agent">
						<Section
							title={ __( 'About this agent', 'agent-guard' ) }
						>
							<AgentSummary
								agent={ data }
								now={ agent.dataUpdatedAt || Date.now() }
							/>
						</Section>
						<AgentTokens agent={ data } />
					</div>
				</>
			) }
		</QueryView>
	);
}

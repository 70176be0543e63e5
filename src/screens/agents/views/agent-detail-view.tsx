/**
 * External dependencies
 */
import { useQuery } from '@tanstack/react-query';

/**
 * WordPress dependencies
 */
import { Button, Notice } from '@wordpress/components';
import { useCallback, useEffect, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { HaltedBadge, ModeBadge } from '../../../components/agent-badges';
import { useInitialState } from '../../../app/initial-state-context';
import { AgentHaltDialog } from '../../../components/agent-halt-dialog';
import { Badge } from '../../../components/badge';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorNotice } from '../../../components/error-notice';
import {
	agentStatusLabel,
	modeLabel,
	riskLabel,
} from '../../../components/labels';
import { PageHeader } from '../../../components/page-header';
import { QueryView } from '../../../components/query-view';
import { Tabs, type TabSpec } from '../../../components/tabs';
import { useQueryArg } from '../../../hooks/use-query-arg';
import type { Agent, AgentMode } from '../../../schemas';
import { useSetAgentHalt } from '../../overview/data/use-halt-mutations';
import { agentQuery } from '../data/query-options';
import { useArchiveAgent, useChangeMode } from '../data/use-agent-mutations';
import { ActivityTab } from './activity-tab';
import { ChangeModeModal } from './change-mode-modal';
import { ChecklistTab } from './checklist-tab';
import { OverviewTab } from './overview-tab';
import { PolicyTab } from './policy-tab';
import { TokensTab } from './tokens-tab';
import { TransferTab } from './transfer-tab';

interface AgentDetailViewProps {
	agentId: number;
	listUrl: string;
	onBack: () => void;
}

const TAB_NAMES = [
	'overview',
	'policy',
	'tokens',
	'checklist',
	'transfer',
	'activity',
] as const;
type TabName = ( typeof TAB_NAMES )[ number ];

function agentTabs( agent: Agent, canManage: boolean ): TabSpec[] {
	const tabs: Array< TabSpec & { name: TabName } > = [
		{ name: 'overview', title: __( 'Overview', 'agent-guard' ) },
		{ name: 'policy', title: __( 'Policy', 'agent-guard' ) },
	];
	if ( canManage ) {
		tabs.push( {
			name: 'tokens',
			title: __( 'Tokens', 'agent-guard' ),
			note:
				agent.tokens_expiring_soon > 0
					? sprintf(
							/* translators: %d: tokens that expire within 7 days. */
							__( '(%d expiring)', 'agent-guard' ),
							agent.tokens_expiring_soon
					  )
					: undefined,
		} );
	}
	tabs.push( {
		name: 'checklist',
		title: __( 'Checklist', 'agent-guard' ),
		note:
			agent.checklist_open > 0
				? sprintf(
						/* translators: %d: open checklist items. */
						_n(
							'(%d open)',
							'(%d open)',
							agent.checklist_open,
							'agent-guard'
						),
						agent.checklist_open
				  )
				: undefined,
	} );
	if ( canManage ) {
		tabs.push( {
			name: 'transfer',
			title: __( 'Export / import', 'agent-guard' ),
		} );
	}
	tabs.push( { name: 'activity', title: __( 'Activity', 'agent-guard' ) } );
	return tabs;
}

/**
 * Warns before the page is left with unsaved policy changes.
 *
 * @param dirty Whether there are unsaved changes.
 */
function useLeaveWarning( dirty: boolean ): void {
	useEffect( () => {
		if ( ! dirty ) {
			return;
		}
		const warn = ( event: BeforeUnloadEvent ) => {
			event.preventDefault();
			event.returnValue = '';
		};
		window.addEventListener( 'beforeunload', warn );
		return () => window.removeEventListener( 'beforeunload', warn );
	}, [ dirty ] );
}

interface AgentPageProps {
	agent: Agent;
	now: number;
	back: JSX.Element;
}

function AgentPage( { agent, now, back }: AgentPageProps ) {
	const { caps } = useInitialState();
	const [ tabArg, setTabArg ] = useQueryArg( 'tab' );
	const [ modeDialog, setModeDialog ] = useState< {
		initialMode?: AgentMode;
	} | null >( null );
	const [ archiving, setArchiving ] = useState( false );
	const [ halting, setHalting ] = useState( false );
	const [ message, setMessage ] = useState< string | null >( null );
	const [ focusPath, setFocusPath ] = useState< string | null >( null );
	const [ policyDirty, setPolicyDirty ] = useState( false );
	const pause = useChangeMode( agent.id );
	const archive = useArchiveAgent( agent.id );
	const halt = useSetAgentHalt();
	const canManage = caps.manage;
	const archived = agent.status === 'archived';
	const tabs = agentTabs( agent, canManage );
	const tab = tabs.some( ( t ) => t.name === tabArg )
		? tabArg ?? 'overview'
		: 'overview';
	const onFocused = useCallback( () => setFocusPath( null ), [] );
	useLeaveWarning( policyDirty );

	const goToPolicy = ( path: string ) => {
		setFocusPath( path );
		setTabArg( 'policy' );
	};

	const manageActions =
		canManage && ! archived ? (
			<>
				<Button
					variant="secondary"
					onClick={ () => {
						setMessage( null );
						setModeDialog( {} );
					} }
				>
					{ __( 'Change mode…', 'agent-guard' ) }
				</Button>{ ' ' }
				{ agent.mode === 'paused' ? (
					<Button
						variant="secondary"
						onClick={ () => {
							setMessage( null );
							setModeDialog( { initialMode: 'observe' } );
						} }
					>
						{ __( 'Resume…', 'agent-guard' ) }
					</Button>
				) : (
					<Button
						variant="secondary"
						isBusy={ pause.isPending }
						aria-disabled={ pause.isPending }
						onClick={ () => {
							if ( pause.isPending ) {
								return;
							}
							setMessage( null );
							pause.mutate(
								{ mode: 'paused' },
								{
									onSuccess: () =>
										setMessage(
											__(
												'The agent is paused: its requests are refused until it is resumed.',
												'agent-guard'
											)
										),
								}
							);
						} }
					>
						{ __( 'Pause', 'agent-guard' ) }
					</Button>
				) }{ ' ' }
				<Button
					variant="secondary"
					isDestructive
					onClick={ () => setArchiving( true ) }
				>
					{ __( 'Archive', 'agent-guard' ) }
				</Button>
			</>
		) : null;

	const haltAction =
		caps.halt && ! archived ? (
			<Button
				variant={ agent.halted ? 'primary' : 'secondary' }
				isDestructive={ ! agent.halted }
				onClick={ () => {
					setMessage( null );
					setHalting( true );
				} }
			>
				{ agent.halted
					? __( 'Resume from halt…', 'agent-guard' )
					: __( 'Halt…', 'agent-guard' ) }
			</Button>
		) : null;
	const actions =
		manageActions || haltAction ? (
			<>
				{ haltAction }
				{ haltAction && manageActions ? ' ' : null }
				{ manageActions }
			</>
		) : null;

	return (
		<>
			<PageHeader
				title={ agent.name }
				before={ back }
				actions={ actions }
			/>
			<div className="agent-guard-agent">
				<p className="agent-guard-agent__badges">
					<ModeBadge
						mode={ agent.mode }
						canaryPercent={ agent.canary_percent }
					/>{ ' ' }
					{ agent.halted ? (
						<>
							<HaltedBadge reason={ agent.halt_reason } />{ ' ' }
						</>
					) : null }
					{ archived ? (
						<>
							<Badge>{ agentStatusLabel( agent.status ) }</Badge>{ ' ' }
						</>
					) : null }
					<span className="agent-guard-muted">
						{ sprintf(
							/* translators: 1: risk tier, 2: policy version. */
							__(
								'Risk: %1$s · Policy version %2$d',
								'agent-guard'
							),
							riskLabel( agent.risk_tier ),
							agent.policy_version
						) }
					</span>
				</p>
				<div role="status" className="agent-guard-agent__message">
					{ message ? (
						<Notice
							status="success"
							onRemove={ () => setMessage( null ) }
						>
							{ message }
						</Notice>
					) : null }
				</div>
				{ pause.error ? (
					<ErrorNotice
						error={ pause.error }
						title={ __(
							'The agent was not paused.',
							'agent-guard'
						) }
					/>
				) : null }
				<Tabs
					tabs={ tabs }
					selected={ tab }
					onSelect={ setTabArg }
					label={ __( 'Agent', 'agent-guard' ) }
					keepMounted={ [ 'policy' ] }
				>
					{ ( current ) => {
						switch ( current.name ) {
							case 'policy':
								return (
									<PolicyTab
										agent={ agent }
										canEdit={ canManage }
										focusPath={
											tab === 'policy' ? focusPath : null
										}
										onFocused={ onFocused }
										onDirtyChange={ setPolicyDirty }
									/>
								);
							case 'tokens':
								return <TokensTab agent={ agent } />;
							case 'checklist':
								return (
									<ChecklistTab
										agent={ agent }
										onFix={
											canManage ? goToPolicy : undefined
										}
										canTest={ canManage }
									/>
								);
							case 'transfer':
								return <TransferTab agent={ agent } />;
							case 'activity':
								return <ActivityTab agent={ agent } />;
							default:
								return (
									<OverviewTab
										agent={ agent }
										now={ now }
										canEdit={ canManage }
									/>
								);
						}
					} }
				</Tabs>
			</div>
			{ modeDialog ? (
				<ChangeModeModal
					agent={ agent }
					initialMode={ modeDialog.initialMode }
					onClose={ () => setModeDialog( null ) }
					onShowChecklist={ () => setTabArg( 'checklist' ) }
					onChanged={ ( updated ) => {
						setModeDialog( null );
						setMessage(
							sprintf(
								/* translators: %s: mode name. */
								__(
									'The agent is now in mode “%s”.',
									'agent-guard'
								),
								modeLabel( updated.mode )
							)
						);
					} }
				/>
			) : null }
			{ halting ? (
				<AgentHaltDialog
					agent={ agent }
					isBusy={ halt.isPending }
					error={ halt.error }
					onCancel={ () => {
						halt.reset();
						setHalting( false );
					} }
					onConfirm={ ( reason ) =>
						halt.mutate(
							{
								agentId: agent.id,
								halted: ! agent.halted,
								reason,
							},
							{
								onSuccess: ( control ) => {
									setHalting( false );
									setMessage(
										control.halted
											? __(
													'The agent is halted: its requests are refused (HTTP 503) until it is resumed.',
													'agent-guard'
											  )
											: __(
													'The agent is resumed: its requests are checked against its policy again.',
													'agent-guard'
											  )
									);
								},
							}
						)
					}
				/>
			) : null }
			{ archiving ? (
				<ConfirmDialog
					title={ __( 'Archive this agent?', 'agent-guard' ) }
					confirmLabel={ __( 'Archive agent', 'agent-guard' ) }
					isDestructive
					isBusy={ archive.isPending }
					error={ archive.error }
					onCancel={ () => {
						archive.reset();
						setArchiving( false );
					} }
					onConfirm={ () =>
						archive.mutate( undefined, {
							onSuccess: () => {
								setArchiving( false );
								setMessage(
									__(
										'The agent is archived and its tokens are revoked. Its history stays in the audit log.',
										'agent-guard'
									)
								);
							},
						} )
					}
				>
					<p>
						{ sprintf(
							/* translators: %s: agent name. */
							__(
								'%s stops at once: every token it has is revoked and its requests are refused. Its policy versions and audit trail are kept. An archived agent cannot be brought back.',
								'agent-guard'
							),
							agent.name
						) }
					</p>
				</ConfirmDialog>
			) : null }
		</>
	);
}

/**
 * One agent: its header with mode and actions, and tabs for its overview, policy,
 * tokens, checklist, export/import and activity (the open tab is in the URL).
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
				<AgentPage
					agent={ data }
					now={ agent.dataUpdatedAt || Date.now() }
					back={ back }
				/>
			) }
		</QueryView>
	);
}

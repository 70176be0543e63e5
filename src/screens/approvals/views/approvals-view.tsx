/**
 * The queue: filters, the list with details under each row, single and bulk decisions,
 * and a notice for every outcome.
 */

/**
 * External dependencies
 */
import { useQuery } from '@tanstack/react-query';

/**
 * WordPress dependencies
 */
import { Button, Notice } from '@wordpress/components';
import { useRef, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { isStaleDecision } from '../../../api/approvals';
import { useInitialState } from '../../../app/initial-state-context';
import { LIVE_REFRESH_MS } from '../../../app/query-client';
import { EmptyState } from '../../../components/empty-state';
import { PageHeader } from '../../../components/page-header';
import { Pagination } from '../../../components/pagination';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import { useQueryArg } from '../../../hooks/use-query-arg';
import { ACTIONS, type Approval } from '../../../schemas';
import { ApprovalDetails } from '../components/approval-details';
import { ApprovalFilters } from '../components/approval-filters';
import {
	ApprovalsTable,
	DecideButtons,
	type Decision,
} from '../components/approvals-table';
import { BulkDecisionDialog } from '../components/bulk-decision-dialog';
import {
	DecisionDialog,
	type DecisionInput,
} from '../components/decision-dialog';
import { parseId, toApiFilters, useApprovalFilters } from '../data/filters';
import { decisionOutcome, type ScreenNotice } from '../data/outcome';
import {
	APPROVALS_PER_PAGE,
	approvalAgentsQuery,
	approvalQuery,
	approvalsListQuery,
} from '../data/query-options';
import {
	useApproveApproval,
	useBulkDecision,
	useRejectApproval,
} from '../data/use-approval-mutations';

type Dialog =
	| {
			kind: 'single';
			approval: Approval;
			decision: Decision;
			withEdit: boolean;
	  }
	| { kind: 'bulk'; decision: Decision; approvals: Approval[] };

/**
 * A request opened by link (`&approval=<id>`) that the list on screen does not show:
 * fetched on its own.
 *
 * @param props               Props.
 * @param props.id
 * @param props.onClose
 * @param props.renderActions Decide buttons for the item, if the reader may decide.
 */
function LinkedApproval( {
	id,
	onClose,
	renderActions,
}: {
	id: number;
	onClose: () => void;
	renderActions: ( approval: Approval ) => JSX.Element | null;
} ) {
	const item = useQuery( approvalQuery( id ) );
	return (
		<Section
			title={ sprintf(
				/* translators: %d: request id. */
				__( 'Request #%d', 'agent-guard' ),
				id
			) }
			meta={
				<Button variant="tertiary" onClick={ onClose }>
					{ __( 'Close', 'agent-guard' ) }
				</Button>
			}
		>
			<QueryView
				query={ item }
				loadingLabel={ __( 'Loading the request…', 'agent-guard' ) }
				errorTitle={ __(
					'Could not load this request.',
					'agent-guard'
				) }
			>
				{ ( data ) => (
					<ApprovalDetails
						approval={ data }
						now={ item.dataUpdatedAt || Date.now() }
						actions={ renderActions( data ) }
					/>
				) }
			</QueryView>
		</Section>
	);
}

export function ApprovalsView() {
	const { caps, user } = useInitialState();
	const { filters, setState, setAgentId, setAction, setOrder } =
		useApprovalFilters();
	const filtersKey = JSON.stringify( filters );
	const [ paging, setPaging ] = useState( { key: filtersKey, page: 1 } );
	const page = paging.key === filtersKey ? paging.page : 1;
	const list = useQuery(
		approvalsListQuery( toApiFilters( filters, page, APPROVALS_PER_PAGE ) )
	);
	const agents = useQuery( approvalAgentsQuery() );
	const [ openArg, setOpenArg ] = useQueryArg( 'approval' );
	const openId = parseId( openArg );
	const [ selected, setSelected ] = useState< number[] >( [] );
	const [ dialog, setDialog ] = useState< Dialog | null >( null );
	const [ notices, setNotices ] = useState< ScreenNotice[] >( [] );
	const noticeId = useRef( 0 );
	const approve = useApproveApproval();
	const reject = useRejectApproval();
	const bulk = useBulkDecision();

	const canDecide = ( approval: Approval ) =>
		caps.approve && approval.can_decide;
	const items = list.data?.items ?? [];
	const selectedItems = items.filter(
		( approval ) =>
			selected.includes( approval.id ) && canDecide( approval )
	);
	const now = list.dataUpdatedAt || Date.now();

	const addNotice = ( notice: Omit< ScreenNotice, 'id' > ) => {
		noticeId.current += 1;
		const id = noticeId.current;
		setNotices( ( current ) =>
			[ { ...notice, id }, ...current ].slice( 0, 5 )
		);
	};

	const openDecision = (
		approval: Approval,
		decision: Decision,
		withEdit: boolean
	) => {
		approve.reset();
		reject.reset();
		setDialog( { kind: 'single', approval, decision, withEdit } );
	};

	const openBulk = ( decision: Decision ) => {
		bulk.reset();
		setDialog( { kind: 'bulk', decision, approvals: selectedItems } );
	};

	const onStale = ( error: Error ) => {
		setDialog( null );
		addNotice( {
			status: 'warning',
			message: sprintf(
				/* translators: %s: the server's message. */
				__(
					'%s The queue was reloaded: check the request and decide again.',
					'agent-guard'
				),
				error.message
			),
		} );
	};

	const decideOne = (
		approval: Approval,
		decision: Decision,
		input: DecisionInput
	) => {
		const callbacks = {
			onSuccess: ( item: Approval ) => {
				setDialog( null );
				setSelected( ( current ) =>
					current.filter( ( id ) => id !== item.id )
				);
				addNotice( decisionOutcome( item ) );
			},
			onError: ( error: Error ) => {
				if ( isStaleDecision( error ) ) {
					onStale( error );
				}
			},
		};
		if ( decision === 'approve' ) {
			approve.mutate(
				{ id: approval.id, version: approval.version, ...input },
				callbacks
			);
		} else {
			reject.mutate(
				{
					id: approval.id,
					version: approval.version,
					comment: input.comment,
				},
				callbacks
			);
		}
	};

	const renderActions = ( approval: Approval ) =>
		canDecide( approval ) ? (
			<DecideButtons approval={ approval } onDecide={ openDecision } />
		) : null;

	const actions = [
		...ACTIONS,
		...( filters.action &&
		! ( ACTIONS as readonly string[] ).includes( filters.action )
			? [ filters.action ]
			: [] ),
	];
	const single = dialog?.kind === 'single' ? dialog : null;
	const singleMutation = single?.decision === 'reject' ? reject : approve;

	return (
		<>
			<PageHeader title={ __( 'Approvals', 'agent-guard' ) } />
			<div className="agent-guard-approvals-screen">
				<div className="agent-guard-notices">
					{ notices.map( ( notice ) => (
						<Notice
							key={ notice.id }
							status={ notice.status }
							onRemove={ () =>
								setNotices( ( current ) =>
									current.filter(
										( n ) => n.id !== notice.id
									)
								)
							}
						>
							{ notice.message }
						</Notice>
					) ) }
				</div>
				{ ! caps.approve ? (
					<Notice status="info" isDismissible={ false }>
						{ __(
							'You can read the queue but not decide: deciding needs the “Approve agent requests” capability.',
							'agent-guard'
						) }
					</Notice>
				) : null }
				<ApprovalFilters
					filters={ filters }
					agents={ ( agents.data?.items ?? [] ).map( ( agent ) => ( {
						id: agent.id,
						name: agent.name,
					} ) ) }
					actions={ actions }
					onStateChange={ setState }
					onAgentChange={ setAgentId }
					onActionChange={ setAction }
					onOrderChange={ setOrder }
				/>
				{ openId !== null &&
				list.data !== undefined &&
				! items.some( ( approval ) => approval.id === openId ) ? (
					<LinkedApproval
						id={ openId }
						onClose={ () => setOpenArg( undefined ) }
						renderActions={ renderActions }
					/>
				) : null }
				<Section
					title={ __( 'Requests', 'agent-guard' ) }
					meta={
						list.data
							? sprintf(
									/* translators: 1: number of requests, 2: seconds between refreshes. */
									_n(
										'%1$d request · refreshes every %2$d seconds',
										'%1$d requests · refreshes every %2$d seconds',
										list.data.total,
										'agent-guard'
									),
									list.data.total,
									Math.round( LIVE_REFRESH_MS / 1000 )
							  )
							: null
					}
				>
					{ caps.approve && selectedItems.length > 0 ? (
						<div
							className="agent-guard-bulk-bar"
							role="group"
							aria-label={ __( 'Bulk decision', 'agent-guard' ) }
						>
							<span>
								{ sprintf(
									/* translators: %d: number of selected requests. */
									_n(
										'%d request selected',
										'%d requests selected',
										selectedItems.length,
										'agent-guard'
									),
									selectedItems.length
								) }
							</span>
							<Button
								variant="primary"
								onClick={ () => openBulk( 'approve' ) }
							>
								{ __( 'Approve selected…', 'agent-guard' ) }
							</Button>
							<Button
								variant="secondary"
								isDestructive
								onClick={ () => openBulk( 'reject' ) }
							>
								{ __( 'Reject selected…', 'agent-guard' ) }
							</Button>
							<Button
								variant="tertiary"
								onClick={ () => setSelected( [] ) }
							>
								{ __( 'Clear selection', 'agent-guard' ) }
							</Button>
						</div>
					) : null }
					<QueryView
						query={ list }
						loadingLabel={ __(
							'Loading the queue…',
							'agent-guard'
						) }
						errorTitle={ __(
							'Could not load the queue.',
							'agent-guard'
						) }
					>
						{ ( data ) =>
							data.items.length === 0 ? (
								<EmptyState
									message={
										filters.state === 'pending' &&
										filters.agentId === null &&
										filters.action === null
											? __(
													'No request is waiting for a decision.',
													'agent-guard'
											  )
											: __(
													'No request matches these filters.',
													'agent-guard'
											  )
									}
								/>
							) : (
								<>
									<ApprovalsTable
										approvals={ data.items }
										now={ now }
										userId={ user.id }
										canDecide={ canDecide }
										selected={ selected }
										onSelect={ ( ids, checked ) =>
											setSelected( ( current ) =>
												checked
													? [
															...new Set( [
																...current,
																...ids,
															] ),
													  ]
													: current.filter(
															( id ) =>
																! ids.includes(
																	id
																)
													  )
											)
										}
										expandedId={ openId }
										onToggleDetails={ ( id ) =>
											setOpenArg(
												openId === id
													? undefined
													: String( id )
											)
										}
										renderDetails={ ( approval ) => (
											<ApprovalDetails
												approval={ approval }
												now={ now }
											/>
										) }
										onDecide={ openDecision }
									/>
									<Pagination
										page={ page }
										totalPages={ data.totalPages }
										onChange={ ( next ) =>
											setPaging( {
												key: filtersKey,
												page: next,
											} )
										}
										label={ __(
											'Pages of the queue',
											'agent-guard'
										) }
									/>
								</>
							)
						}
					</QueryView>
				</Section>
			</div>
			{ single ? (
				<DecisionDialog
					key={ `${ single.approval.id }-${ single.decision }` }
					approval={ single.approval }
					decision={ single.decision }
					withEdit={ single.withEdit }
					isBusy={ singleMutation.isPending }
					error={
						singleMutation.error &&
						! isStaleDecision( singleMutation.error )
							? singleMutation.error
							: null
					}
					onCancel={ () => setDialog( null ) }
					onSubmit={ ( input ) =>
						decideOne( single.approval, single.decision, input )
					}
				/>
			) : null }
			{ dialog?.kind === 'bulk' ? (
				<BulkDecisionDialog
					decision={ dialog.decision }
					approvals={ dialog.approvals }
					isBusy={ bulk.isPending }
					error={ bulk.error }
					result={ bulk.data }
					onClose={ () => {
						if ( bulk.data ) {
							setSelected( [] );
						}
						bulk.reset();
						setDialog( null );
					} }
					onConfirm={ ( comment ) =>
						bulk.mutate( {
							decision: dialog.decision,
							items: dialog.approvals.map( ( approval ) => ( {
								id: approval.id,
								version: approval.version,
							} ) ),
							comment,
						} )
					}
				/>
			) : null }
		</>
	);
}

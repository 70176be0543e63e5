/**
 * The log: verification, filters and export, the events newest first with "Load older",
 * and one event's details (under its row, or on top when opened by link).
 */

/**
 * External dependencies
 */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';

/**
 * WordPress dependencies
 */
import { Button, Notice } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	AUDIT_EXPORT_LIMIT,
	auditExportUrl,
	currentRestNonce,
} from '../../../api/audit';
import { useInitialState } from '../../../app/initial-state-context';
import { EmptyState } from '../../../components/empty-state';
import { ErrorNotice } from '../../../components/error-notice';
import { PageHeader } from '../../../components/page-header';
import { QueryView } from '../../../components/query-view';
import { formatDateTime } from '../../../components/relative-time';
import { Section } from '../../../components/section';
import { useQueryArg } from '../../../hooks/use-query-arg';
import type { AuditEvent } from '../../../schemas';
import { AuditFilters } from '../components/audit-filters';
import { AuditTable } from '../components/audit-table';
import { ExportLinks } from '../components/export-links';
import { VerifyResult } from '../components/verify-result';
import {
	EVENT_ARG,
	hasFilters,
	NO_FILTERS,
	parseId,
	toSelection,
	useAuditFilters,
} from '../data/filters';
import {
	auditAgentsQuery,
	auditEventQuery,
	auditEventsQuery,
	auditVerifyQuery,
} from '../data/query-options';
import { EventPanel } from './event-panel';

interface LinkedEventProps {
	id: number;
	focus: boolean;
	onClose: () => void;
	onShowEvent: ( id: number ) => void;
	onShowApprovalEvents: ( approvalId: number ) => void;
}

/**
 * An event opened by link (`&event=<id>`) that the table does not show: fetched alone.
 *
 * @param props                      Props.
 * @param props.id
 * @param props.focus
 * @param props.onClose
 * @param props.onShowEvent
 * @param props.onShowApprovalEvents
 */
function LinkedEvent( {
	id,
	focus,
	onClose,
	onShowEvent,
	onShowApprovalEvents,
}: LinkedEventProps ) {
	const event = useQuery( auditEventQuery( id ) );
	return (
		<Section
			title={ sprintf(
				/* translators: %d: audit event id. */
				__( 'Event #%d', 'agent-guard' ),
				id
			) }
			meta={
				<Button variant="tertiary" onClick={ onClose }>
					{ __( 'Close', 'agent-guard' ) }
				</Button>
			}
		>
			<QueryView
				query={ event }
				loadingLabel={ __( 'Loading the event…', 'agent-guard' ) }
				errorTitle={ __( 'Could not load this event.', 'agent-guard' ) }
			>
				{ ( data ) => (
					<EventPanel
						event={ data }
						focus={ focus }
						onShowEvent={ onShowEvent }
						onShowApprovalEvents={ onShowApprovalEvents }
					/>
				) }
			</QueryView>
		</Section>
	);
}

export function AuditView() {
	const { caps, restUrl } = useInitialState();
	const { filters, setFilters } = useAuditFilters();
	const selection = toSelection( filters );
	const filtersKey = JSON.stringify( filters );
	const events = useInfiniteQuery( {
		...auditEventsQuery( selection ),
		select: ( data ) => data.pages.flatMap( ( page ) => page.items ),
	} );
	const agents = useQuery( auditAgentsQuery() );
	const verify = useQuery( auditVerifyQuery() );
	const [ eventArg, setEventArg ] = useQueryArg( EVENT_ARG );
	const openId = parseId( eventArg );
	// The event opened from a link elsewhere on the page gets the focus.
	const [ focusId, setFocusId ] = useState< number | null >( null );

	const items: AuditEvent[] | undefined = events.data;
	const showEvent = ( id: number ) => {
		setFocusId( id );
		setEventArg( String( id ) );
	};
	const showApprovalEvents = ( approvalId: number ) =>
		setFilters( { ...NO_FILTERS, approvalId } );
	const nonce = currentRestNonce();
	const exportUrls =
		nonce === null
			? null
			: {
					csv: auditExportUrl( {
						restUrl,
						nonce,
						format: 'csv',
						selection,
					} ),
					jsonl: auditExportUrl( {
						restUrl,
						nonce,
						format: 'jsonl',
						selection,
					} ),
			  };
	const linkedId =
		openId !== null &&
		items !== undefined &&
		! items.some( ( event ) => event.id === openId )
			? openId
			: null;

	return (
		<>
			<PageHeader
				title={ __( 'Audit', 'agent-guard' ) }
				actions={
					caps.audit ? (
						<Button
							variant="secondary"
							onClick={ () => {
								void verify.refetch();
							} }
							isBusy={ verify.isFetching }
							disabled={ verify.isFetching }
							__experimentalIsFocusable
						>
							{ __( 'Verify the log', 'agent-guard' ) }
						</Button>
					) : null
				}
			/>
			<div className="agent-guard-audit">
				{ caps.audit ? (
					<VerifyResult
						result={ verify.data }
						error={ verify.error }
						isVerifying={ verify.isFetching }
						checkedAt={ verify.dataUpdatedAt }
						onShowEvent={ showEvent }
						onRetry={ () => {
							void verify.refetch();
						} }
					/>
				) : (
					<Notice status="info" isDismissible={ false }>
						{ __(
							'You see the outline of each event. Their states before and after, their details, verification and export need the agent_guard_audit capability.',
							'agent-guard'
						) }
					</Notice>
				) }
				<Section title={ __( 'Filters', 'agent-guard' ) }>
					<AuditFilters
						key={ filtersKey }
						filters={ filters }
						agents={ ( agents.data?.items ?? [] ).map(
							( agent ) => ( {
								id: agent.id,
								name: agent.name,
							} )
						) }
						onApply={ setFilters }
					/>
					{ caps.audit ? (
						<ExportLinks
							urls={ exportUrls }
							limit={ AUDIT_EXPORT_LIMIT }
							filtered={ hasFilters( filters ) }
						/>
					) : null }
				</Section>
				{ linkedId !== null ? (
					<LinkedEvent
						key={ linkedId }
						id={ linkedId }
						focus={ focusId === linkedId }
						onClose={ () => setEventArg( undefined ) }
						onShowEvent={ showEvent }
						onShowApprovalEvents={ showApprovalEvents }
					/>
				) : null }
				<Section
					title={ __( 'Events', 'agent-guard' ) }
					meta={
						items !== undefined ? (
							<>
								{ sprintf(
									/* translators: 1: number of events shown, 2: time of the last refresh. */
									_n(
										'%1$d event shown, newest first · read at %2$s',
										'%1$d events shown, newest first · read at %2$s',
										items.length,
										'agent-guard'
									),
									items.length,
									formatDateTime(
										new Date(
											events.dataUpdatedAt || Date.now()
										).toISOString()
									)
								) }{ ' ' }
								<Button
									variant="tertiary"
									size="compact"
									onClick={ () => {
										void events.refetch();
									} }
									isBusy={
										events.isFetching &&
										! events.isFetchingNextPage
									}
								>
									{ __( 'Refresh', 'agent-guard' ) }
								</Button>
							</>
						) : null
					}
				>
					<QueryView
						query={ {
							data: items,
							error: events.isFetchNextPageError
								? null
								: events.error,
							isPending: events.isPending,
							refetch: events.refetch,
						} }
						loadingLabel={ __( 'Loading the log…', 'agent-guard' ) }
						errorTitle={ __(
							'Could not load the log.',
							'agent-guard'
						) }
					>
						{ ( shown ) =>
							shown.length === 0 ? (
								<EmptyState
									message={
										hasFilters( filters )
											? __(
													'No event matches these filters.',
													'agent-guard'
											  )
											: __(
													'The log is empty.',
													'agent-guard'
											  )
									}
								/>
							) : (
								<>
									<AuditTable
										events={ shown }
										openId={ openId }
										onToggle={ ( id ) => {
											setFocusId( null );
											setEventArg(
												openId === id
													? undefined
													: String( id )
											);
										} }
										renderDetails={ ( event ) => (
											<EventPanel
												event={ event }
												focus={ focusId === event.id }
												onShowEvent={ showEvent }
												onShowApprovalEvents={
													showApprovalEvents
												}
											/>
										) }
									/>
									<div className="agent-guard-audit__more">
										{ events.isFetchNextPageError &&
										events.error ? (
											<ErrorNotice
												error={ events.error }
												title={ __(
													'Could not load older events.',
													'agent-guard'
												) }
											/>
										) : null }
										{ events.hasNextPage ? (
											<Button
												variant="secondary"
												onClick={ () => {
													void events.fetchNextPage();
												} }
												isBusy={
													events.isFetchingNextPage
												}
												disabled={
													events.isFetchingNextPage
												}
												__experimentalIsFocusable
											>
												{ events.isFetchingNextPage
													? __(
															'Loading older events…',
															'agent-guard'
													  )
													: __(
															'Load older events',
															'agent-guard'
													  ) }
											</Button>
										) : (
											<p className="agent-guard-muted">
												{ hasFilters( filters )
													? __(
															'No older event matches these filters.',
															'agent-guard'
													  )
													: __(
															'This is the start of the log.',
															'agent-guard'
													  ) }
											</p>
										) }
									</div>
								</>
							)
						}
					</QueryView>
				</Section>
			</div>
		</>
	);
}

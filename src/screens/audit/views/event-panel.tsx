/**
 * External dependencies
 */
import { useQuery, type UseQueryResult } from '@tanstack/react-query';

/**
 * WordPress dependencies
 */
import { useEffect, useRef } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { addQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import type { Incident } from '../../../api/incidents';
import { useInitialState } from '../../../app/initial-state-context';
import { canaryPageUrl } from '../../../components/page-urls';
import type { AuditEvent } from '../../../schemas';
import {
	EventDetails,
	type EventLinks,
	type Lookup,
} from '../components/event-details';
import { auditApprovalQuery, auditIncidentQuery } from '../data/query-options';

function lookup< T, R >(
	query: UseQueryResult< T, Error >,
	pick: ( data: T ) => R | undefined
): Lookup< R > {
	if ( query.data !== undefined ) {
		const value = pick( query.data );
		return value === undefined
			? { status: 'missing' }
			: { status: 'found', value };
	}
	if ( query.error ) {
		return { status: 'error', error: query.error };
	}
	return { status: 'loading' };
}

interface EventPanelProps {
	event: AuditEvent;
	/** Move focus here when shown (opened from a link, not from its row's button). */
	focus: boolean;
	onShowEvent: ( id: number ) => void;
	onShowApprovalEvents: ( approvalId: number ) => void;
}

/**
 * One event's details with what they refer to, fetched here: the approval request (who
 * signed it) and the incident (its state and close note).
 *
 * @param props                      Props.
 * @param props.event
 * @param props.focus
 * @param props.onShowEvent
 * @param props.onShowApprovalEvents
 */
export function EventPanel( {
	event,
	focus,
	onShowEvent,
	onShowApprovalEvents,
}: EventPanelProps ) {
	const { caps, pages } = useInitialState();
	const mayReadApproval = caps.approve || caps.audit;
	const approval = useQuery( {
		...auditApprovalQuery( event.approval_id ),
		enabled: event.approval_id > 0 && mayReadApproval,
	} );
	const incident = useQuery( {
		...auditIncidentQuery( event.incident_id ),
		enabled: event.incident_id > 0,
	} );
	const ref = useRef< HTMLDivElement >( null );
	useEffect( () => {
		if ( focus ) {
			ref.current?.focus();
		}
	}, [ focus, event.id ] );

	const links: EventLinks = {
		approval: caps.approve
			? ( id ) => addQueryArgs( pages.approvals, { approval: id } )
			: null,
		overview: pages.overview,
		canary: ( agentId ) => canaryPageUrl( pages, agentId ),
	};

	return (
		<div
			ref={ ref }
			tabIndex={ -1 }
			className="agent-guard-audit-panel"
			role="region"
			aria-label={ sprintf(
				/* translators: %d: audit event id. */
				__( 'Details of event #%d', 'agent-guard' ),
				event.id
			) }
		>
			<EventDetails
				event={ event }
				canAudit={ caps.audit }
				approval={
					event.approval_id > 0 && mayReadApproval
						? lookup( approval, ( data ) => data )
						: undefined
				}
				incident={
					event.incident_id > 0
						? lookup( incident, ( data ): Incident => data )
						: undefined
				}
				links={ links }
				onShowEvent={ onShowEvent }
				onShowApprovalEvents={ onShowApprovalEvents }
			/>
		</div>
	);
}

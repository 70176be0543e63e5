/**
 * Fetchers of `audit`.
 */

/**
 * Internal dependencies
 */
import { auditEventSchema, type AuditEvent } from '../schemas';
import { apiPath, getCollection, type Collection } from './client';

/** The filters GET audit accepts (all optional; `from` / `to` are ISO 8601). */
export interface AuditFilters {
	agent_id?: number;
	action?: string;
	decision?: string;
	event_type?: string;
	target_type?: string;
	target_id?: string;
	approval_id?: number;
	from?: string;
	to?: string;
	before_id?: number;
	page?: number;
	per_page?: number;
}

/** The event type of a request an agent made (AgentRequestLog::EVENT_TYPE). */
export const AGENT_REQUEST = 'agent_request';

export function fetchAuditEvents(
	filters: AuditFilters = {},
	signal?: AbortSignal
): Promise< Collection< AuditEvent > > {
	return getCollection(
		auditEventSchema,
		apiPath( 'audit', { ...filters } ),
		{
			signal,
		}
	);
}

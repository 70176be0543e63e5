/**
 * Generated from schemas/incident.schema.json by bin/generate-schemas.mjs. Do not edit:
 * change the JSON Schema and run `npm run schemas`.
 */
import { z } from 'zod';

export const incidentSchema = z.object( {
	id: z.number().int(),
	agent_id: z.number().int(),
	agent_name: z.string().optional(),
	kind: z.string(),
	state: z.enum( [ "open", "closed" ] ),
	summary: z.string(),
	evidence: z.object( {
		counts: z.record( z.string(), z.number() ).optional(),
		recent_actions: z.array( z.object( {
			id: z.number().int(),
			occurred_at: z.string(),
			event_type: z.enum( [ "agent_request" ] ).optional(),
			action: z.string(),
			target_type: z.string(),
			target_id: z.string(),
			decision: z.string(),
			rule: z.string(),
			method: z.string(),
			route: z.string(),
			status: z.number().int(),
		} ).strict() ).optional(),
	} ).strict(),
	audit_event_id: z.number().int(),
	opened_at: z.string(),
	closed_at: z.string().nullable(),
	closed_by: z.number().int(),
	closed_by_name: z.string().optional(),
	close_note: z.string(),
} ).strict();

export type Incident = z.infer< typeof incidentSchema >;

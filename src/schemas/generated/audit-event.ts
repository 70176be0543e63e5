/**
 * Generated from schemas/audit-event.schema.json by bin/generate-schemas.mjs. Do not edit:
 * change the JSON Schema and run `npm run schemas`.
 */
import { z } from 'zod';

export const auditEventSchema = z.object( {
	id: z.number().int(),
	occurred_at: z.string(),
	event_type: z.string(),
	actor_type: z.string(),
	actor_id: z.number().int(),
	actor_name: z.string(),
	agent_id: z.number().int(),
	agent_name: z.string(),
	action: z.string(),
	target_type: z.string(),
	target_id: z.string(),
	decision: z.string(),
	rule: z.string(),
	method: z.string(),
	route: z.string(),
	status: z.number().int(),
	duration_ms: z.number().int(),
	approval_id: z.number().int(),
	incident_id: z.number().int(),
	metadata: z.record( z.string(), z.unknown() ),
	before: z.record( z.string(), z.unknown() ).nullable(),
	after: z.record( z.string(), z.unknown() ).nullable(),
	details: z.record( z.string(), z.unknown() ),
	hash: z.string(),
	prev_hash: z.string(),
} ).strict();

export type AuditEvent = z.infer< typeof auditEventSchema >;

/**
 * Generated from schemas/agent.schema.json by bin/generate-schemas.mjs. Do not edit:
 * change the JSON Schema and run `npm run schemas`.
 */
import { z } from 'zod';

export const agentSchema = z.object( {
	id: z.number().int(),
	name: z.string().min( 1 ).max( 100 ),
	purpose: z.string().max( 1000 ),
	owner_user_id: z.number().int().min( 1 ),
	owner_name: z.string(),
	service_user_id: z.number().int(),
	risk_tier: z.enum( [ "low", "medium", "high" ] ),
	mode: z.enum( [ "observe", "canary", "active", "paused" ] ),
	status: z.enum( [ "active", "archived" ] ),
	notes: z.string().max( 5000 ),
	policy_version: z.number().int(),
	canary_percent: z.number(),
	halted: z.boolean(),
	halt_reason: z.string(),
	halted_at: z.string().nullable(),
	halted_by: z.number().int().nullable(),
	created_at: z.string(),
	updated_at: z.string(),
	last_activity_at: z.string().nullable(),
	tokens_active: z.number().int(),
	tokens_expiring_soon: z.number().int(),
	checklist_open: z.number().int(),
	version: z.number().int(),
} ).strict();

export type Agent = z.infer< typeof agentSchema >;

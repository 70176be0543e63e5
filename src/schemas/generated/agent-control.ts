/**
 * Generated from schemas/agent-control.schema.json by bin/generate-schemas.mjs. Do not edit:
 * change the JSON Schema and run `npm run schemas`.
 */
import { z } from 'zod';

export const agentControlSchema = z.object( {
	id: z.number().int(),
	name: z.string(),
	mode: z.enum( [ "observe", "canary", "active", "paused" ] ),
	halted: z.boolean(),
	halt_reason: z.string(),
	halted_at: z.string().nullable(),
	halted_by_name: z.string(),
	canary_percent: z.number().min( 0 ).max( 100 ),
	canary_next: z.number().nullable(),
} ).strict();

export type AgentControl = z.infer< typeof agentControlSchema >;

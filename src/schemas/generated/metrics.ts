/**
 * Generated from schemas/metrics.schema.json by bin/generate-schemas.mjs. Do not edit:
 * change the JSON Schema and run `npm run schemas`.
 */
import { z } from 'zod';

export const metricsSchema = z.object( {
	halt: z.object( {
		halted: z.boolean(),
		by_constant: z.boolean(),
		reason: z.string(),
		halted_by: z.number().int(),
		halted_by_name: z.string(),
		halted_at: z.string().nullable(),
		epoch: z.number().int(),
	} ).strict(),
	agents: z.array( z.object( {
		id: z.number().int(),
		name: z.string(),
		mode: z.enum( [ "observe", "canary", "active", "paused" ] ),
		halted: z.boolean(),
		halt_reason: z.string(),
		halted_at: z.string().nullable(),
		halted_by_name: z.string(),
		canary_percent: z.number().min( 0 ).max( 100 ),
		canary_next: z.number().nullable(),
	} ).strict() ),
	approvals: z.object( {
		pending: z.number().int().min( 0 ),
	} ).strict(),
	incidents: z.object( {
		open: z.number().int().min( 0 ),
	} ).strict(),
	activity: z.array( z.object( {
		hour: z.string(),
		allowed: z.number().int().min( 0 ),
		refused: z.number().int().min( 0 ),
		queued: z.number().int().min( 0 ),
	} ).strict() ),
} ).strict();

export type Metrics = z.infer< typeof metricsSchema >;

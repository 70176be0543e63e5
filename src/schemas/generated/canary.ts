/**
 * Generated from schemas/canary.schema.json by bin/generate-schemas.mjs. Do not edit:
 * change the JSON Schema and run `npm run schemas`.
 */
import { z } from 'zod';

export const canarySchema = z.object( {
	agent_id: z.number().int(),
	mode: z.enum( [ "observe", "canary", "active", "paused" ] ),
	percent: z.number().min( 0 ).max( 100 ),
	next_step: z.number().nullable(),
	min_sample: z.number().int().min( 1 ).optional(),
	cohort: z.object( {
		size: z.number().int().min( 0 ),
		total: z.number().int().min( 0 ),
	} ).strict(),
	limits: z.object( {
		failure_rate_percent: z.number().nullable(),
		revert_rate_percent: z.number().nullable(),
	} ).strict(),
	since_event_id: z.number().int(),
	actions: z.number().int().min( 0 ),
	outside: z.number().int().min( 0 ),
	failures: z.number().int().min( 0 ),
	reverts: z.number().int().min( 0 ),
	failure_rate: z.number(),
	revert_rate: z.number(),
	series: z.array( z.object( {
		hour: z.string(),
		inside: z.number().int().min( 0 ),
		outside: z.number().int().min( 0 ),
	} ).strict() ),
} ).strict();

export type Canary = z.infer< typeof canarySchema >;

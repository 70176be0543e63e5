/**
 * Generated from schemas/halt-state.schema.json by bin/generate-schemas.mjs. Do not edit:
 * change the JSON Schema and run `npm run schemas`.
 */
import { z } from 'zod';

export const haltStateSchema = z.object( {
	halted: z.boolean(),
	by_constant: z.boolean(),
	reason: z.string(),
	halted_by: z.number().int(),
	halted_by_name: z.string(),
	halted_at: z.string().nullable(),
	epoch: z.number().int(),
} ).strict();

export type HaltState = z.infer< typeof haltStateSchema >;

/**
 * Generated from schemas/kill-switch-test.schema.json by bin/generate-schemas.mjs. Do not edit:
 * change the JSON Schema and run `npm run schemas`.
 */
import { z } from 'zod';

export const killSwitchTestSchema = z.object( {
	ms: z.number().min( 0 ),
	refused: z.boolean(),
	tested_at: z.string(),
} ).strict();

export type KillSwitchTest = z.infer< typeof killSwitchTestSchema >;

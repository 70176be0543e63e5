/**
 * Generated from schemas/checklist.schema.json by bin/generate-schemas.mjs. Do not edit:
 * change the JSON Schema and run `npm run schemas`.
 */
import { z } from 'zod';

export const checklistSchema = z.object( {
	agent_id: z.number().int(),
	items: z.array( z.object( {
		key: z.string(),
		label: z.string(),
		done: z.boolean(),
		detail: z.string(),
	} ).strict() ),
} ).strict();

export type Checklist = z.infer< typeof checklistSchema >;

/**
 * Generated from schemas/policy-version.schema.json by bin/generate-schemas.mjs. Do not edit:
 * change the JSON Schema and run `npm run schemas`.
 */
import { z } from 'zod';

export const policyVersionSchema = z.object( {
	version: z.number().int().min( 1 ),
	author_id: z.number().int(),
	author_name: z.string(),
	note: z.string(),
	created_at: z.string(),
} ).strict();

export type PolicyVersion = z.infer< typeof policyVersionSchema >;

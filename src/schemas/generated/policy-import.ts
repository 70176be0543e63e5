/**
 * Generated from schemas/policy-import.schema.json by bin/generate-schemas.mjs. Do not edit:
 * change the JSON Schema and run `npm run schemas`.
 */
import { z } from 'zod';

export const policyImportSchema = z.object( {
	valid: z.boolean(),
	applied: z.boolean(),
	changes: z.array( z.object( {
		path: z.string(),
		before: z.union( [ z.string(), z.number(), z.boolean(), z.array( z.unknown() ), z.record( z.string(), z.unknown() ) ] ).nullable(),
		after: z.union( [ z.string(), z.number(), z.boolean(), z.array( z.unknown() ), z.record( z.string(), z.unknown() ) ] ).nullable(),
	} ).strict() ),
	version: z.number().int().optional(),
} ).strict();

export type PolicyImport = z.infer< typeof policyImportSchema >;

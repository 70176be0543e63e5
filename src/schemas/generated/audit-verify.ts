/**
 * Generated from schemas/audit-verify.schema.json by bin/generate-schemas.mjs. Do not edit:
 * change the JSON Schema and run `npm run schemas`.
 */
import { z } from 'zod';

export const auditVerifySchema = z.object( {
	ok: z.boolean(),
	checked: z.number().int().min( 0 ),
	first_broken: z.object( {
		id: z.number().int().min( 1 ),
		reason: z.string(),
	} ).strict().nullable(),
	complete: z.boolean().optional(),
	next_after_id: z.number().int().nullable().optional(),
} ).strict();

export type AuditVerify = z.infer< typeof auditVerifySchema >;

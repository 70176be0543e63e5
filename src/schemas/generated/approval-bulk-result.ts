/**
 * Generated from schemas/approval-bulk-result.schema.json by bin/generate-schemas.mjs. Do not edit:
 * change the JSON Schema and run `npm run schemas`.
 */
import { z } from 'zod';

export const approvalBulkResultSchema = z.object( {
	results: z.array( z.object( {
		id: z.number().int(),
		ok: z.boolean(),
		state: z.enum( [ "pending", "approved", "executing", "executed", "failed", "conflict", "rejected", "expired" ] ).optional(),
		code: z.string().optional(),
		message: z.string().optional(),
		status: z.number().int().optional(),
	} ).strict() ),
} ).strict();

export type ApprovalBulkResult = z.infer< typeof approvalBulkResultSchema >;

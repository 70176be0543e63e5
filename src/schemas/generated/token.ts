/**
 * Generated from schemas/token.schema.json by bin/generate-schemas.mjs. Do not edit:
 * change the JSON Schema and run `npm run schemas`.
 */
import { z } from 'zod';

export const tokenSchema = z.object( {
	id: z.number().int(),
	agent_id: z.number().int(),
	prefix: z.string(),
	label: z.string(),
	scope: z.enum( [ "standard", "critical" ] ),
	created_at: z.string(),
	expires_at: z.string(),
	last_used_at: z.string().nullable(),
	revoked_at: z.string().nullable(),
	status: z.enum( [ "active", "expiring", "grace", "expired", "revoked" ] ),
	secret: z.string().optional(),
} ).strict();

export type Token = z.infer< typeof tokenSchema >;

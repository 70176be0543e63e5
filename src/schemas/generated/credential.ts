/**
 * Generated from schemas/credential.schema.json by bin/generate-schemas.mjs. Do not edit:
 * change the JSON Schema and run `npm run schemas`.
 */
import { z } from 'zod';

export const credentialSchema = z.object( {
	kind: z.enum( [ "wc_key", "app_password" ] ),
	external_id: z.string(),
	label: z.string(),
	user_id: z.number().int(),
	user_name: z.string(),
	permissions: z.string(),
	hint: z.string(),
	last_access: z.string().nullable(),
	adoption_id: z.number().int(),
	agent_id: z.number().int(),
} ).strict();

export type Credential = z.infer< typeof credentialSchema >;

/**
 * Generated from schemas/settings.schema.json by bin/generate-schemas.mjs. Do not edit:
 * change the JSON Schema and run `npm run schemas`.
 */
import { z } from 'zod';

export const settingsSchema = z.object( {
	refuse_unregistered_key_writes: z.boolean(),
	approval_email_minutes: z.number().int().min( 1 ).max( 1440 ),
	notify_approvers: z.boolean(),
} ).strict();

export type Settings = z.infer< typeof settingsSchema >;

/**
 * Generated from schemas/user.schema.json by bin/generate-schemas.mjs. Do not edit:
 * change the JSON Schema and run `npm run schemas`.
 */
import { z } from 'zod';

export const userSchema = z.object( {
	id: z.number().int().min( 1 ),
	name: z.string(),
	roles: z.array( z.string() ).optional(),
} ).passthrough();

export type User = z.infer< typeof userSchema >;

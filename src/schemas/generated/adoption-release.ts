/**
 * Generated from schemas/adoption-release.schema.json by bin/generate-schemas.mjs. Do not edit:
 * change the JSON Schema and run `npm run schemas`.
 */
import { z } from 'zod';

export const adoptionReleaseSchema = z.object( {
	released: z.boolean(),
	id: z.number().int(),
} ).strict();

export type AdoptionRelease = z.infer< typeof adoptionReleaseSchema >;

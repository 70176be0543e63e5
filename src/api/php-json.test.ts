/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';

/**
 * Internal dependencies
 */
import { coercePhpEmptyObjects } from './php-json';

describe( 'coercePhpEmptyObjects', () => {
	const schema = z
		.object( {
			metadata: z.record( z.string(), z.unknown() ),
			before: z.record( z.string(), z.unknown() ).nullable(),
			nested: z
				.object( {
					constraints: z
						.object( { ids: z.array( z.number() ).optional() } )
						.optional(),
				} )
				.strict(),
			tags: z.array( z.string() ),
			rows: z.array(
				z.object( { extra: z.record( z.string(), z.string() ) } )
			),
		} )
		.strict();

	it( 'turns [] into {} where the schema expects an object or a record, at any depth', () => {
		const out = coercePhpEmptyObjects( schema, {
			metadata: [],
			before: [],
			nested: { constraints: [] },
			tags: [],
			rows: [ { extra: [] } ],
		} );

		expect( out ).toEqual( {
			metadata: {},
			before: {},
			nested: { constraints: {} },
			tags: [],
			rows: [ { extra: {} } ],
		} );
		expect( schema.safeParse( out ).success ).toBe( true );
	} );

	it( 'leaves a non-empty array where an object belongs, for the schema to refuse', () => {
		const out = coercePhpEmptyObjects( schema, {
			metadata: [ 'x' ],
			before: null,
			nested: {},
			tags: [],
			rows: [],
		} );

		expect( out ).toMatchObject( { metadata: [ 'x' ], before: null } );
		expect( schema.safeParse( out ).success ).toBe( false );
	} );

	it( 'keeps keys the schema does not know, so strict schemas still refuse them', () => {
		const out = coercePhpEmptyObjects( schema, {
			metadata: {},
			before: null,
			nested: {},
			tags: [],
			rows: [],
			surprise: [],
		} );

		expect( out ).toHaveProperty( 'surprise', [] );
		expect( schema.safeParse( out ).success ).toBe( false );
	} );

	it( 'looks through refinements (ZodEffects)', () => {
		const refined = z
			.object( { fields: z.record( z.string(), z.array( z.string() ) ) } )
			.refine( () => true );

		expect( coercePhpEmptyObjects( refined, { fields: [] } ) ).toEqual( {
			fields: {},
		} );
	} );
} );

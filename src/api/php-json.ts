/**
 * External dependencies
 */
import { z } from 'zod';

function isPlainObject( value: unknown ): value is Record< string, unknown > {
	return (
		typeof value === 'object' && value !== null && ! Array.isArray( value )
	);
}

/**
 * The schema under its wrappers (optional, nullable, default, refine/transform).
 *
 * @param schema A zod schema.
 */
function unwrap( schema: z.ZodTypeAny ): z.ZodTypeAny {
	if ( schema instanceof z.ZodOptional || schema instanceof z.ZodNullable ) {
		return unwrap( schema.unwrap() );
	}
	if ( schema instanceof z.ZodDefault ) {
		return unwrap( schema.removeDefault() );
	}
	if ( schema instanceof z.ZodEffects ) {
		return unwrap( schema.innerType() );
	}
	return schema;
}

/**
 * PHP's json_encode() writes an empty associative array as `[]`, so a REST answer may
 * carry `"metadata": []` where its JSON Schema says "object". This walks the data along
 * the schema and turns exactly those empty arrays into `{}` — only where the schema
 * expects an object or a record — before the schema parses it. Anything else is left for
 * the schema to accept or refuse.
 *
 * @param schema The schema the data will be parsed with.
 * @param value  The decoded JSON.
 */
export function coercePhpEmptyObjects(
	schema: z.ZodTypeAny,
	value: unknown
): unknown {
	const inner = unwrap( schema );
	const expectsObject =
		inner instanceof z.ZodObject || inner instanceof z.ZodRecord;
	if ( expectsObject && Array.isArray( value ) && value.length === 0 ) {
		return {};
	}
	if ( inner instanceof z.ZodObject && isPlainObject( value ) ) {
		const shape: Record< string, z.ZodTypeAny > = inner.shape;
		const out: Record< string, unknown > = { ...value };
		for ( const [ key, fieldSchema ] of Object.entries( shape ) ) {
			if ( key in value ) {
				out[ key ] = coercePhpEmptyObjects( fieldSchema, value[ key ] );
			}
		}
		return out;
	}
	if ( inner instanceof z.ZodRecord && isPlainObject( value ) ) {
		const valueSchema: z.ZodTypeAny = inner.valueSchema;
		return Object.fromEntries(
			Object.entries( value ).map( ( [ key, item ] ) => [
				key,
				coercePhpEmptyObjects( valueSchema, item ),
			] )
		);
	}
	if ( inner instanceof z.ZodArray && Array.isArray( value ) ) {
		const element: z.ZodTypeAny = inner.element;
		return value.map( ( item ) => coercePhpEmptyObjects( element, item ) );
	}
	return value;
}

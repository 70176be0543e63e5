<?php
/**
 * The JSON Schemas in schemas/, enforced with WordPress's own validator.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\WordPress;

use AgentGuard\Domain\DomainException;
use AgentGuard\Domain\Policy\Vocabulary;

/**
 * Loads schemas/<name>.schema.json, expands `x-agent-guard-enum` references to the shared
 * vocabulary, and validates values with rest_validate_value_from_schema() and
 * rest_sanitize_value_from_schema(). Errors name the field path (`limits.writes_per_minute`).
 *
 * @since 0.1.0
 */
final class JsonSchemas {

	/** @var array<string, array<string, mixed>> */
	private static array $cache = array();

	public static function directory(): string {
		return dirname( __DIR__, 3 ) . '/schemas';
	}

	/**
	 * @return array<string, mixed>
	 */
	public static function get( string $name ): array {
		if ( ! isset( self::$cache[ $name ] ) ) {
			$file = self::directory() . '/' . $name . '.schema.json';
			$raw  = is_readable( $file ) ? json_decode( (string) file_get_contents( $file ), true ) : null;
			if ( ! is_array( $raw ) ) {
				throw new \RuntimeException( sprintf( 'Schema %s is missing or not valid JSON.', $name ) );
			}
			self::$cache[ $name ] = self::expand( $raw );
		}
		return self::$cache[ $name ];
	}

	/**
	 * Replaces `"x-agent-guard-enum": "actions"` with the vocabulary's enum and drops keywords
	 * WordPress does not know (`$schema`, `$comment`).
	 *
	 * @param array<string, mixed> $schema
	 * @return array<string, mixed>
	 */
	private static function expand( array $schema ): array {
		unset( $schema['$schema'], $schema['$comment'] );
		if ( isset( $schema['x-agent-guard-enum'] ) ) {
			$list = (string) $schema['x-agent-guard-enum'];
			unset( $schema['x-agent-guard-enum'] );
			$schema['enum'] = 'actions' === $list ? Vocabulary::actions() : Vocabulary::resources();
		}
		foreach ( $schema as $key => $value ) {
			if ( is_array( $value ) && ! array_is_list( $value ) ) {
				$schema[ $key ] = self::expand( $value );
			}
		}
		return $schema;
	}

	/**
	 * Validates and sanitises a value; throws a 400 naming the first bad field.
	 *
	 * @param mixed $value
	 * @return mixed The sanitised value.
	 * @throws DomainException 400 `$error_code` with data.path and data.reason.
	 */
	public static function validate( string $name, mixed $value, string $error_code = 'agent_guard_invalid' ): mixed {
		$schema = self::get( $name );
		$path   = self::unknown_property( $schema, $value, '' );
		if ( null !== $path ) {
			throw new DomainException(
				$error_code,
				sprintf( '%s is not a known field.', $path ),
				400,
				array(
					'path'   => $path,
					'reason' => 'unknown_field',
				)
			);
		}
		$result = rest_validate_value_from_schema( $value, $schema, 'value' );
		if ( is_wp_error( $result ) ) {
			$message = $result->get_error_message();
			$field   = self::path_from_message( $message );
			if ( '' === $field ) {
				// Some checks (formats such as email) do not name the field: find it.
				$field   = self::locate( $schema, $value );
				$message = '' === $field ? $message : $field . ': ' . $message;
			}
			throw new DomainException(
				$error_code,
				str_replace( 'value[', '[', '' === $field || ! str_starts_with( $message, 'value' ) ? $message : self::rewrite_message( $message, $field ) ),
				400,
				array(
					'path'   => $field,
					'reason' => (string) $result->get_error_code(),
				)
			);
		}
		$sanitised = rest_sanitize_value_from_schema( $value, $schema, 'value' );
		if ( is_wp_error( $sanitised ) ) {
			throw new DomainException( $error_code, $sanitised->get_error_message(), 400, array( 'path' => '' ) );
		}
		return $sanitised;
	}

	/**
	 * The value shaped for JSON output: empty PHP arrays where the schema wants an object
	 * become objects, so clients receive `{}` and not `[]`.
	 *
	 * @param mixed $value
	 * @return mixed
	 */
	public static function shape( string $name, mixed $value ): mixed {
		return self::shape_with( self::get( $name ), $value );
	}

	/**
	 * @param array<string, mixed> $schema
	 */
	private static function shape_with( array $schema, mixed $value ): mixed {
		$types = (array) ( $schema['type'] ?? array() );
		if ( ! is_array( $value ) ) {
			return $value;
		}
		if ( in_array( 'object', $types, true ) && ( array() === $value || ! array_is_list( $value ) ) ) {
			if ( array() === $value ) {
				return new \stdClass();
			}
			$properties = (array) ( $schema['properties'] ?? array() );
			foreach ( $value as $key => $child ) {
				if ( isset( $properties[ $key ] ) ) {
					$value[ $key ] = self::shape_with( $properties[ $key ], $child );
				} elseif ( isset( $schema['additionalProperties'] ) && is_array( $schema['additionalProperties'] ) ) {
					$value[ $key ] = self::shape_with( $schema['additionalProperties'], $child );
				}
			}
			return $value;
		}
		if ( in_array( 'array', $types, true ) && isset( $schema['items'] ) && is_array( $schema['items'] ) ) {
			return array_map( static fn ( $child ) => self::shape_with( $schema['items'], $child ), $value );
		}
		return $value;
	}

	/**
	 * WordPress reports additionalProperties without the path; find it ourselves.
	 *
	 * @param array<string, mixed> $schema
	 */
	private static function unknown_property( array $schema, mixed $value, string $path ): ?string {
		if ( ! is_array( $value ) ) {
			return null;
		}
		$types = (array) ( $schema['type'] ?? array() );
		if ( in_array( 'object', $types, true ) && ( ! array_is_list( $value ) || array() === $value ) ) {
			$properties = (array) ( $schema['properties'] ?? array() );
			foreach ( $value as $key => $child ) {
				$child_path = '' === $path ? (string) $key : $path . '.' . $key;
				if ( isset( $properties[ $key ] ) ) {
					$found = self::unknown_property( $properties[ $key ], $child, $child_path );
				} elseif ( isset( $schema['additionalProperties'] ) && false === $schema['additionalProperties'] ) {
					return $child_path;
				} elseif ( isset( $schema['additionalProperties'] ) && is_array( $schema['additionalProperties'] ) ) {
					$found = self::unknown_property( $schema['additionalProperties'], $child, $child_path );
				} else {
					$found = null;
				}
				if ( null !== $found ) {
					return $found;
				}
			}
		} elseif ( in_array( 'array', $types, true ) && array_is_list( $value ) && isset( $schema['items'] ) ) {
			foreach ( $value as $index => $child ) {
				$found = self::unknown_property( $schema['items'], $child, $path . '.' . $index );
				if ( null !== $found ) {
					return $found;
				}
			}
		}
		return null;
	}

	/**
	 * `value[limits][writes_per_minute] must be…` → `limits.writes_per_minute`.
	 */
	/**
	 * The deepest property or item of $value that fails its own schema ('' when none does).
	 *
	 * @param array<string, mixed> $schema
	 * @param mixed                $value
	 */
	private static function locate( array $schema, $value, string $path = '' ): string {
		$children = array();
		if ( is_array( $value ) && isset( $schema['properties'] ) && ! array_is_list( $value ) ) {
			foreach ( $schema['properties'] as $key => $child ) {
				if ( array_key_exists( $key, $value ) ) {
					$children[ (string) $key ] = array( $child, $value[ $key ] );
				}
			}
		} elseif ( is_array( $value ) && isset( $schema['items'] ) && is_array( $schema['items'] ) ) {
			foreach ( $value as $index => $item ) {
				$children[ (string) $index ] = array( $schema['items'], $item );
			}
		}
		foreach ( $children as $key => list( $child, $item ) ) {
			if ( is_wp_error( rest_validate_value_from_schema( $item, $child, 'value' ) ) ) {
				$here = '' === $path ? $key : $path . '.' . $key;
				$deep = self::locate( $child, $item, $here );
				return '' === $deep ? $here : $deep;
			}
		}
		return '';
	}

	private static function path_from_message( string $message ): string {
		if ( ! preg_match( '/^value((?:\[[^\]]*\])*)/', $message, $match ) ) {
			return '';
		}
		preg_match_all( '/\[([^\]]*)\]/', $match[1], $parts );
		return implode( '.', $parts[1] );
	}

	private static function rewrite_message( string $message, string $path ): string {
		return (string) preg_replace( '/^value(?:\[[^\]]*\])*/', $path, $message );
	}
}

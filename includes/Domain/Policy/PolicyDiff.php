<?php
/**
 * What changed between two policy documents.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Policy;

/**
 * A flat list of changed paths with their values before and after, for the audit log, the
 * import preview and the version history.
 *
 * @since 0.1.0
 */
final class PolicyDiff {

	/**
	 * @param array<string, mixed> $before
	 * @param array<string, mixed> $after
	 * @return list<array{path: string, before: mixed, after: mixed}>
	 */
	public static function between( array $before, array $after, string $prefix = '' ): array {
		$changes = array();
		$keys    = array_unique( array_merge( array_keys( $before ), array_keys( $after ) ) );
		sort( $keys );
		foreach ( $keys as $key ) {
			$path     = '' === $prefix ? (string) $key : $prefix . '.' . $key;
			$has_a    = array_key_exists( $key, $before );
			$has_b    = array_key_exists( $key, $after );
			$value_a  = $has_a ? $before[ $key ] : null;
			$value_b  = $has_b ? $after[ $key ] : null;
			$is_map_a = is_array( $value_a ) && ! array_is_list( $value_a );
			$is_map_b = is_array( $value_b ) && ! array_is_list( $value_b );
			if ( ( $is_map_a || array() === $value_a ) && ( $is_map_b || array() === $value_b ) && ( $is_map_a || $is_map_b ) ) {
				$changes = array_merge( $changes, self::between( (array) $value_a, (array) $value_b, $path ) );
				continue;
			}
			if ( $has_a === $has_b && ( is_int( $value_a ) || is_float( $value_a ) ) && ( is_int( $value_b ) || is_float( $value_b ) ) && (float) $value_a === (float) $value_b ) {
				continue;
			}
			if ( $value_a !== $value_b || $has_a !== $has_b ) {
				if ( is_array( $value_a ) && is_array( $value_b ) && self::same_list( $value_a, $value_b ) ) {
					continue;
				}
				$changes[] = array(
					'path'   => $path,
					'before' => $value_a,
					'after'  => $value_b,
				);
			}
		}
		return $changes;
	}

	/**
	 * Lists of scalars compare as sets: reordering an allow list is not a change.
	 *
	 * @param array<mixed> $a
	 * @param array<mixed> $b
	 */
	private static function same_list( array $a, array $b ): bool {
		if ( count( $a ) !== count( $b ) ) {
			return false;
		}
		foreach ( array_merge( $a, $b ) as $item ) {
			if ( ! is_scalar( $item ) ) {
				return $a === $b;
			}
		}
		$sorted_a = $a;
		$sorted_b = $b;
		sort( $sorted_a );
		sort( $sorted_b );
		return $sorted_a === $sorted_b;
	}
}

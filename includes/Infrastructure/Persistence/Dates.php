<?php
/**
 * GMT datetime columns <-> Unix timestamps.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\Persistence;

/**
 * Every `*_gmt` column holds 'Y-m-d H:i:s' in UTC; the domain works in Unix seconds.
 *
 * @since 0.1.0
 */
final class Dates {

	public static function to_gmt( int $timestamp ): string {
		return gmdate( 'Y-m-d H:i:s', $timestamp );
	}

	public static function from_gmt( mixed $value ): ?int {
		if ( null === $value || '' === $value || str_starts_with( (string) $value, '0000' ) ) {
			return null;
		}
		$parsed = \DateTimeImmutable::createFromFormat( '!Y-m-d H:i:s', (string) $value, new \DateTimeZone( 'UTC' ) );
		return false === $parsed ? null : $parsed->getTimestamp();
	}

	/**
	 * ISO 8601 in UTC for the REST API (`2026-11-21T06:24:18Z`), or null.
	 */
	public static function iso( ?int $timestamp ): ?string {
		return null === $timestamp ? null : gmdate( 'Y-m-d\TH:i:s\Z', $timestamp );
	}
}

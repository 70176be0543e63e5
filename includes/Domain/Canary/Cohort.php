<?php
/**
 * The canary cohort of an agent.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Canary;

/**
 * Deterministic share of targets open to an agent: a target falls in one of 10,000 buckets by
 * the SHA-256 of agent id and target key; the dial opens buckets 0 … percent×100 − 1. The same
 * targets stay in as the dial rises, and widening keeps the earlier ones in.
 *
 * @since 0.1.0
 */
final class Cohort {

	public const BUCKETS = 10000;

	public static function bucket( int $agent_id, string $target_key ): int {
		$hash = hash( 'sha256', $agent_id . ':' . $target_key );
		return (int) ( hexdec( substr( $hash, 0, 12 ) ) % self::BUCKETS );
	}

	public static function contains( int $agent_id, string $target_key, float $percent ): bool {
		if ( $percent >= 100 ) {
			return true;
		}
		if ( $percent <= 0 ) {
			return false;
		}
		return self::bucket( $agent_id, $target_key ) < (int) round( $percent * 100 );
	}
}

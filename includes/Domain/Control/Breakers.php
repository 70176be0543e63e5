<?php
/**
 * When an agent must be stopped by the system.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Control;

use AgentGuard\Domain\Policy\Policy;

/**
 * The circuit breakers of a policy (defaults from the field): more than 20 failed actions in
 * 5 minutes, more than 50 writes in a minute, more than 120 price writes in 10 minutes; and
 * the canary conditions: failure rate above 2 % or revert rate above 0.5 % (at least 10
 * actions in the canary, so one early failure does not decide).
 *
 * @since 0.1.0
 */
final class Breakers {

	public const CANARY_MIN_SAMPLE = 10;

	/**
	 * The breaker that trips at these counts, or null.
	 *
	 * @param array{attempts: int, failures: int, burst: int} $counts
	 * @return array{kind: string, summary: string}|null
	 */
	public static function tripped( Policy $policy, array $counts ): ?array {
		$b = $policy->breakers();
		if ( null !== $b['failures_per_5_minutes'] && $counts['failures'] > (int) $b['failures_per_5_minutes'] ) {
			return array(
				'kind'    => 'breaker.failures',
				'summary' => sprintf( '%d failed actions in 5 minutes (limit %d).', $counts['failures'], (int) $b['failures_per_5_minutes'] ),
			);
		}
		if ( null !== $b['writes_per_minute'] && $counts['attempts'] > (int) $b['writes_per_minute'] ) {
			return array(
				'kind'    => 'breaker.writes_per_minute',
				'summary' => sprintf( '%d writes in a minute (limit %d).', $counts['attempts'], (int) $b['writes_per_minute'] ),
			);
		}
		if ( null !== $b['burst_writes'] && $counts['burst'] > (int) $b['burst_writes'] ) {
			return array(
				'kind'    => 'breaker.burst',
				'summary' => sprintf( '%d price writes in %d minutes (limit %d).', $counts['burst'], (int) $b['burst_window_minutes'], (int) $b['burst_writes'] ),
			);
		}
		return null;
	}

	/**
	 * The canary condition that pauses the agent, or null.
	 *
	 * @return array{kind: string, summary: string}|null
	 */
	public static function canary_tripped( Policy $policy, int $actions, int $failures, int $reverts ): ?array {
		if ( $actions < self::CANARY_MIN_SAMPLE ) {
			return null;
		}
		$b            = $policy->breakers();
		$failure_rate = $failures / $actions * 100;
		$revert_rate  = $reverts / $actions * 100;
		if ( null !== $b['canary_max_failure_rate_percent'] && $failure_rate > (float) $b['canary_max_failure_rate_percent'] ) {
			return array(
				'kind'    => 'canary.failure_rate',
				'summary' => sprintf( 'Failure rate %.1f %% in the canary (limit %s %%, %d of %d actions).', $failure_rate, (string) $b['canary_max_failure_rate_percent'], $failures, $actions ),
			);
		}
		if ( null !== $b['canary_max_revert_rate_percent'] && $revert_rate > (float) $b['canary_max_revert_rate_percent'] ) {
			return array(
				'kind'    => 'canary.revert_rate',
				'summary' => sprintf( 'Revert rate %.1f %% in the canary (limit %s %%, %d of %d changes undone).', $revert_rate, (string) $b['canary_max_revert_rate_percent'], $reverts, $actions ),
			);
		}
		return null;
	}

	/**
	 * The next step of the usual dial: 1 → 5 → 20 → 100.
	 */
	public static function next_step( float $percent ): ?float {
		foreach ( array( 1.0, 5.0, 20.0, 100.0 ) as $step ) {
			if ( $percent < $step ) {
				return $step;
			}
		}
		return null;
	}
}

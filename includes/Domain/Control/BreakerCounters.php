<?php
/**
 * Port: the circuit breakers' counters.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Control;

/**
 * Counts write attempts, failures and price writes of an agent in fixed windows.
 *
 * @since 0.1.0
 */
interface BreakerCounters {

	/**
	 * @return array{attempts: int, failures: int, burst: int} Counts of the current windows after counting.
	 */
	public function count( int $agent_id, int $now, int $writes, int $failures, int $price_items, int $burst_window_minutes ): array;
}

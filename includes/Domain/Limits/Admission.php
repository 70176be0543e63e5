<?php
/**
 * Port: the per-agent counters and the final halt check.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Limits;

/**
 * Admits a request atomically: it counts against the agent's writes per minute (writes only)
 * and actions per day — shared by all the agent's credentials, exact under concurrency — and
 * only if neither the global nor the agent's kill switch is set at that instant.
 *
 * @since 0.1.0
 */
interface Admission {

	/**
	 * Admitted writes are also counted for the circuit breakers (attempts per minute, and
	 * $price_items price writes in the burst window), in the same statement.
	 */
	public function admit( int $agent_id, bool $is_write, int $writes_per_minute, int $actions_per_day, int $now, int $price_items = 0, int $burst_window_minutes = 10 ): AdmissionResult;

	/**
	 * What admit() would answer, without counting (dry runs).
	 */
	public function peek( int $agent_id, bool $is_write, int $writes_per_minute, int $actions_per_day, int $now ): AdmissionResult;
}

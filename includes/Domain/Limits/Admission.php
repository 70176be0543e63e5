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

	public function admit( int $agent_id, bool $is_write, int $writes_per_minute, int $actions_per_day, int $now ): AdmissionResult;

	/**
	 * What admit() would answer, without counting (dry runs).
	 */
	public function peek( int $agent_id, bool $is_write, int $writes_per_minute, int $actions_per_day, int $now ): AdmissionResult;
}

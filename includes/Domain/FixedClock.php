<?php
/**
 * A clock that only moves when told to: for tests and replays.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain;

/**
 * Clock frozen at a given time.
 *
 * @since 0.1.0
 */
final class FixedClock implements Clock {

	public function __construct( private int $now ) {
	}

	public function now(): int {
		return $this->now;
	}

	public function advance( int $seconds ): void {
		$this->now += $seconds;
	}
}

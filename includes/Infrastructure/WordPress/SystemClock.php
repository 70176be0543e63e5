<?php
/**
 * The real clock.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\WordPress;

use AgentGuard\Domain\Clock;

/**
 * PHP's clock. Under AGENT_GUARD_TEST_MODE (defined only by the test harness) the option
 * `agent_guard_test_clock_offset` shifts it, so HTTP tests can move time across requests.
 *
 * @since 0.1.0
 */
final class SystemClock implements Clock {

	public function now(): int {
		return time() + self::test_offset();
	}

	public static function test_offset(): int {
		if ( ! defined( 'AGENT_GUARD_TEST_MODE' ) || true !== AGENT_GUARD_TEST_MODE ) {
			return 0;
		}
		return (int) get_option( 'agent_guard_test_clock_offset', 0 );
	}
}

<?php
/**
 * The counters the circuit breakers read.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\Persistence;

/**
 * Per agent, fixed windows: write attempts per minute (admitted or not), failed actions per
 * 5 minutes, price writes per burst window. One UPDATE per agent write or failure, returning
 * nothing; the counts are read back in the same statement's row for the trip decision.
 *
 * @since 0.1.0
 */
final class WpdbBreakerCounters implements \AgentGuard\Domain\Control\BreakerCounters {

	public function __construct( private \wpdb $wpdb ) {
	}

	/**
	 * Counts one request and returns the counts of the current windows (after counting).
	 *
	 * @return array{attempts: int, failures: int, burst: int}
	 */
	public function count( int $agent_id, int $now, int $writes, int $failures, int $price_items, int $burst_window_minutes ): array {
		$table  = Tables::counters( $this->wpdb );
		$minute = intdiv( $now, 60 );
		$five   = intdiv( $now, 300 );
		$burst  = intdiv( $now, 60 * max( 1, $burst_window_minutes ) );
		$this->wpdb->query(
			$this->wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name from Tables.
				"UPDATE {$table} SET
					attempt_n = CASE WHEN attempt_key = %d THEN attempt_n + %d ELSE %d END, attempt_key = %d,
					fail_n = CASE WHEN fail_key = %d THEN fail_n + %d ELSE %d END, fail_key = %d,
					burst_n = CASE WHEN burst_key = %d THEN burst_n + %d ELSE %d END, burst_key = %d
				WHERE agent_id = %d",
				$minute,
				$writes,
				$writes,
				$minute,
				$five,
				$failures,
				$failures,
				$five,
				$burst,
				$price_items,
				$price_items,
				$burst,
				$agent_id
			)
		);
		$row = $this->wpdb->get_row( $this->wpdb->prepare( "SELECT attempt_n, fail_n, burst_n FROM {$table} WHERE agent_id = %d", $agent_id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return array(
			'attempts' => (int) ( $row['attempt_n'] ?? 0 ),
			'failures' => (int) ( $row['fail_n'] ?? 0 ),
			'burst'    => (int) ( $row['burst_n'] ?? 0 ),
		);
	}
}

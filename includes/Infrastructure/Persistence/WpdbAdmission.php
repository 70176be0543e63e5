<?php
/**
 * Atomic per-agent counters with the final kill-switch check.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\Persistence;

use AgentGuard\Domain\Limits\Admission;
use AgentGuard\Domain\Limits\AdmissionResult;
use AgentGuard\Domain\StorageFailure;

/**
 * One conditional UPDATE admits a request: it increments the agent's fixed-window counters
 * (minute for writes, UTC day for every action) only if both are under their limits and
 * neither the global nor the agent's kill switch is set at that instant. Row locks (InnoDB)
 * or the database lock (SQLite) make it exact under concurrency; a refused request changes
 * nothing. Worst case of a fixed window: 2× the limit across a minute boundary (documented).
 *
 * @since 0.1.0
 */
final class WpdbAdmission implements Admission {

	public function __construct( private \wpdb $wpdb ) {
	}

	public function admit( int $agent_id, bool $is_write, int $writes_per_minute, int $actions_per_day, int $now, int $price_items = 0, int $burst_window_minutes = 10 ): AdmissionResult {
		$counters = Tables::counters( $this->wpdb );
		$agents   = Tables::agents( $this->wpdb );
		$control  = Tables::control( $this->wpdb );
		$minute   = intdiv( $now, 60 );
		$day      = intdiv( $now, 86400 );
		$burst      = intdiv( $now, 60 * max( 1, $burst_window_minutes ) );
		$minute_sql = $is_write
			? $this->wpdb->prepare(
				'minute_n = CASE WHEN minute_key = %d THEN minute_n + 1 ELSE 1 END, minute_key = %d,
				attempt_n = CASE WHEN attempt_key = %d THEN attempt_n + 1 ELSE 1 END, attempt_key = %d,
				burst_n = CASE WHEN burst_key = %d THEN burst_n + %d ELSE %d END, burst_key = %d,',
				$minute,
				$minute,
				$minute,
				$minute,
				$burst,
				$price_items,
				$price_items,
				$burst
			)
			: '';
		$minute_cond = $is_write
			? $this->wpdb->prepare( ' AND (minute_key <> %d OR minute_n < %d)', $minute, $writes_per_minute )
			: '';
		// phpcs:disable WordPress.DB.PreparedSQL -- table names from Tables, fragments prepared above.
		$sql    = $this->wpdb->prepare(
			"UPDATE {$counters} SET {$minute_sql}
				day_n = CASE WHEN day_key = %d THEN day_n + 1 ELSE 1 END, day_key = %d
			WHERE agent_id = %d{$minute_cond}
				AND (day_key <> %d OR day_n < %d)
				AND (SELECT halted FROM {$control} WHERE id = 1) = 0
				AND (SELECT halted_at_gmt FROM {$agents} WHERE id = %d) IS NULL",
			$day,
			$day,
			$agent_id,
			$day,
			$actions_per_day,
			$agent_id
		);
		for ( $attempt = 0; $attempt < 50; $attempt++ ) {
			$suppressed = $this->wpdb->suppress_errors( true );
			$result     = $this->wpdb->query( $sql );
			$error      = $this->wpdb->last_error;
			$this->wpdb->suppress_errors( $suppressed );
			if ( false !== $result || ! WpdbAuditLog::is_busy( $error ) ) {
				break;
			}
			usleep( 2000 * ( $attempt + 1 ) );
		}
		// phpcs:enable
		if ( false === $result ) {
			throw new StorageFailure( 'counters' );
		}
		if ( 1 === (int) $result ) {
			return AdmissionResult::admitted( 0 );
		}
		return $this->diagnose( $agent_id, $is_write, $writes_per_minute, $actions_per_day, $now );
	}

	public function peek( int $agent_id, bool $is_write, int $writes_per_minute, int $actions_per_day, int $now ): AdmissionResult {
		return $this->diagnose( $agent_id, $is_write, $writes_per_minute, $actions_per_day, $now, true );
	}

	/**
	 * Why a request was not admitted (or, for peek, whether it would be).
	 */
	private function diagnose( int $agent_id, bool $is_write, int $writes_per_minute, int $actions_per_day, int $now, bool $peek = false ): AdmissionResult {
		$counters = Tables::counters( $this->wpdb );
		$agents   = Tables::agents( $this->wpdb );
		$control  = Tables::control( $this->wpdb );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names from Tables.
		$row = $this->wpdb->get_row( $this->wpdb->prepare( "SELECT k.*, a.halted_at_gmt, a.halt_reason, c.halted AS g_halted, c.halt_reason AS g_reason, c.epoch FROM {$agents} a LEFT JOIN {$counters} k ON k.agent_id = a.id LEFT JOIN {$control} c ON c.id = 1 WHERE a.id = %d", $agent_id ), ARRAY_A );
		if ( '' !== $this->wpdb->last_error ) {
			throw new StorageFailure( 'counters' );
		}
		if ( ! $row ) {
			return new AdmissionResult( false, 'missing' );
		}
		$epoch = (int) $row['epoch'];
		if ( '1' === (string) $row['g_halted'] || null === $row['g_halted'] ) {
			return new AdmissionResult( false, 'halted_global', 60, (string) $row['g_reason'], $epoch );
		}
		if ( null !== $row['halted_at_gmt'] ) {
			return new AdmissionResult( false, 'halted_agent', 60, (string) $row['halt_reason'], $epoch );
		}
		if ( null === $row['agent_id'] ) {
			if ( ! $peek ) {
				// Counters row lost (restore from backup?): recreate it, refuse this request once.
				$this->wpdb->insert( $counters, array( 'agent_id' => $agent_id ) );
			}
			return new AdmissionResult( false, 'missing', 1, '', $epoch );
		}
		$minute = intdiv( $now, 60 );
		$day    = intdiv( $now, 86400 );
		if ( (int) $row['day_key'] === $day && (int) $row['day_n'] >= $actions_per_day ) {
			return new AdmissionResult( false, 'day', ( $day + 1 ) * 86400 - $now, '', $epoch );
		}
		if ( $is_write && (int) $row['minute_key'] === $minute && (int) $row['minute_n'] >= $writes_per_minute ) {
			return new AdmissionResult( false, 'minute', max( 1, ( $minute + 1 ) * 60 - $now ), '', $epoch );
		}
		if ( $peek ) {
			return AdmissionResult::admitted( $epoch );
		}
		// Counted by a concurrent request between our UPDATE and this read: treat as a minute refusal.
		return new AdmissionResult( false, 'minute', 1, '', $epoch );
	}
}

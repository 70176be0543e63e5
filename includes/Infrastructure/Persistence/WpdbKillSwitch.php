<?php
/**
 * The kill switch's state, straight from the database.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\Persistence;

use AgentGuard\Domain\Control\HaltState;
use AgentGuard\Domain\StorageFailure;

/**
 * Global halt in the control row (with an epoch bumped on every change), per-agent halt on
 * the agent's row. Never cached: the very next request reads what was committed.
 *
 * @since 0.1.0
 */
final class WpdbKillSwitch implements \AgentGuard\Domain\Control\KillSwitchStore {

	public function __construct( private \wpdb $wpdb ) {
	}

	public function global_state(): HaltState {
		$table = Tables::control( $this->wpdb );
		$row   = $this->wpdb->get_row( "SELECT halted AS g_halted, halt_reason AS g_reason, halted_by AS g_by, halted_at_gmt AS g_at, epoch AS g_epoch FROM {$table} WHERE id = 1", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		if ( '' !== $this->wpdb->last_error ) {
			throw new StorageFailure( 'control' );
		}
		return WpdbAgentRepository::halt_state( $row ?: array( 'g_halted' => null ) );
	}

	/**
	 * Sets or clears the global halt; returns the new epoch.
	 */
	public function set_global( bool $halted, string $reason, int $by, int $now ): int {
		$table  = Tables::control( $this->wpdb );
		$result = $this->wpdb->query(
			$this->wpdb->prepare(
				"UPDATE {$table} SET halted = %d, halt_reason = %s, halted_by = %d, halted_at_gmt = %s, epoch = epoch + 1, updated_at_gmt = %s WHERE id = 1", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				$halted ? 1 : 0,
				$halted ? mb_substr( $reason, 0, 500 ) : '',
				$halted ? $by : 0,
				$halted ? Dates::to_gmt( $now ) : '1970-01-01 00:00:00',
				Dates::to_gmt( $now )
			)
		);
		if ( false === $result || 0 === (int) $result ) {
			throw new StorageFailure( 'control' );
		}
		if ( ! $halted ) {
			$this->wpdb->query( "UPDATE {$table} SET halted_at_gmt = NULL WHERE id = 1" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
		return (int) $this->wpdb->get_var( "SELECT epoch FROM {$table} WHERE id = 1" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	/**
	 * Halts or resumes one agent. Returns whether its state changed.
	 */
	public function set_agent( int $agent_id, bool $halted, string $reason, int $by, int $now ): bool {
		$table = Tables::agents( $this->wpdb );
		if ( $halted ) {
			$result = $this->wpdb->query(
				$this->wpdb->prepare(
					"UPDATE {$table} SET halted_at_gmt = %s, halt_reason = %s, halted_by = %d WHERE id = %d AND halted_at_gmt IS NULL", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
					Dates::to_gmt( $now ),
					mb_substr( $reason, 0, 500 ),
					$by,
					$agent_id
				)
			);
		} else {
			$result = $this->wpdb->query( $this->wpdb->prepare( "UPDATE {$table} SET halted_at_gmt = NULL, halt_reason = '', halted_by = 0 WHERE id = %d AND halted_at_gmt IS NOT NULL", $agent_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
		if ( false === $result ) {
			throw new StorageFailure( 'agents' );
		}
		return (int) $result > 0;
	}
}

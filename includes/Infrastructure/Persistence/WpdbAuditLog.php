<?php
/**
 * The audit log in {$wpdb->prefix}agent_guard_audit_events.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\Persistence;

use AgentGuard\Domain\Audit\AuditChain;
use AgentGuard\Domain\Audit\AuditEvent;
use AgentGuard\Domain\Audit\AuditLog;
use AgentGuard\Domain\StorageFailure;

/**
 * Appends to the hash chain without a lock: the row id is the chain position, chosen as the
 * last id + 1 and protected by the primary key. When two requests race for the same position
 * the loser re-reads the head and tries again, so the chain never forks (MySQL and SQLite).
 *
 * @since 0.1.0
 */
final class WpdbAuditLog implements AuditLog {

	private const MAX_ATTEMPTS = 200;

	/** @var array{id: int, hash: string}|null Head read by preflight(), tried first by append(). */
	private ?array $head = null;

	public function __construct( private \wpdb $wpdb ) {
	}

	public function preflight(): void {
		if ( null === $this->head ) {
			$this->head = $this->read_head();
		}
	}

	public function forget_head(): void {
		$this->head = null;
	}

	/**
	 * The head as read with the caller's identity (one query fewer); used once, optimistically:
	 * if another request appended meanwhile, the insert conflicts and the head is read again.
	 */
	public function hint_head( int $id, string $hash ): void {
		$this->head = array(
			'id'   => $id,
			'hash' => 0 === $id ? AuditEvent::GENESIS_HASH : $hash,
		);
	}

	/**
	 * @return array{id: int, hash: string}
	 */
	private function read_head(): array {
		$table      = Tables::audit_events( $this->wpdb );
		$suppressed = $this->wpdb->suppress_errors( true );
		$row        = $this->wpdb->get_row( "SELECT id, hash FROM {$table} ORDER BY id DESC LIMIT 1", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$error      = $this->wpdb->last_error;
		$this->wpdb->suppress_errors( $suppressed );
		if ( '' !== $error ) {
			throw new StorageFailure( 'audit log' );
		}
		return array(
			'id'   => $row ? (int) $row['id'] : 0,
			'hash' => $row ? (string) $row['hash'] : AuditEvent::GENESIS_HASH,
		);
	}

	public function append( AuditEvent $event ): AuditEvent {
		$table      = Tables::audit_events( $this->wpdb );
		$suppressed = $this->wpdb->suppress_errors( true );
		try {
			for ( $attempt = 0; $attempt < self::MAX_ATTEMPTS; $attempt++ ) {
				$head       = $this->head ?? $this->read_head();
				$this->head = null;
				$prev_id    = $head['id'];
				$prev_hash  = $head['hash'];
				$sealed    = $event->sealed( $prev_id + 1, $prev_hash );
				$columns   = AuditChain::columns( $sealed );
				$columns['hash'] = $sealed->hash;
				$columns        += WpdbPriceHistory::audit_columns( $sealed );
				if ( false !== $this->wpdb->insert( $table, $columns ) ) {
					return $sealed;
				}
				if ( ! $this->is_duplicate_key_error( $this->wpdb->last_error ) && ! self::is_busy( $this->wpdb->last_error ) ) {
					throw new StorageFailure( 'audit log' );
				}
				// Lost the race for this position: back off a little and read the new head.
				usleep( random_int( 200, 2000 ) * min( $attempt + 1, 10 ) );
			}
			throw new StorageFailure( 'audit log (contention)' );
		} finally {
			$this->wpdb->suppress_errors( $suppressed );
		}
	}

	/**
	 * SQLite answers "database is locked" at once when another connection writes; that is
	 * contention, not failure.
	 */
	public static function is_busy( string $error ): bool {
		return str_contains( $error, 'database is locked' ) || str_contains( $error, 'database table is locked' ) || str_contains( $error, 'Deadlock found' ) || str_contains( $error, 'Lock wait timeout' );
	}

	private function is_duplicate_key_error( string $error ): bool {
		return str_contains( $error, 'Duplicate entry' ) || str_contains( $error, 'UNIQUE constraint failed' ) || str_contains( $error, 'PRIMARY KEY' );
	}
}

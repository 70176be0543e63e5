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

	public function __construct( private \wpdb $wpdb ) {
	}

	public function append( AuditEvent $event ): AuditEvent {
		$table      = Tables::audit_events( $this->wpdb );
		$suppressed = $this->wpdb->suppress_errors( true );
		try {
			for ( $attempt = 0; $attempt < self::MAX_ATTEMPTS; $attempt++ ) {
				$head = $this->wpdb->get_row( "SELECT id, hash FROM {$table} ORDER BY id DESC LIMIT 1", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				if ( '' !== $this->wpdb->last_error ) {
					throw new StorageFailure( 'audit log' );
				}
				$prev_id   = $head ? (int) $head['id'] : 0;
				$prev_hash = $head ? (string) $head['hash'] : AuditEvent::GENESIS_HASH;
				$sealed    = $event->sealed( $prev_id + 1, $prev_hash );
				$columns   = AuditChain::columns( $sealed );
				$columns['hash'] = $sealed->hash;
				if ( false !== $this->wpdb->insert( $table, $columns ) ) {
					return $sealed;
				}
				if ( ! $this->is_duplicate_key_error( $this->wpdb->last_error ) ) {
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

	private function is_duplicate_key_error( string $error ): bool {
		return str_contains( $error, 'Duplicate entry' ) || str_contains( $error, 'UNIQUE constraint failed' ) || str_contains( $error, 'PRIMARY KEY' );
	}
}

<?php
/**
 * Idempotency keys of agent writes.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\Persistence;

use AgentGuard\Domain\StorageFailure;

/**
 * `Idempotency-Key` per agent: the first request with a key claims it (primary key on
 * agent + key, so concurrent duplicates cannot both claim), stores its response, and later
 * requests with the same key and body get that response again without a second effect; the
 * same key with another body is refused. Keys are kept 48 hours.
 *
 * @since 0.1.0
 */
final class WpdbIdempotency {

	public const CLAIMED     = 'claimed';
	public const REPLAY      = 'replay';
	public const MISMATCH    = 'mismatch';
	public const IN_PROGRESS = 'in_progress';

	public const RETENTION = 48 * 3600;

	public function __construct( private \wpdb $wpdb ) {
	}

	/**
	 * @return array{state: string, status?: int, response?: mixed}
	 */
	public function claim( int $agent_id, string $key, string $fingerprint, int $now ): array {
		$table      = Tables::idempotency( $this->wpdb );
		$suppressed = $this->wpdb->suppress_errors( true );
		$inserted   = $this->wpdb->insert(
			$table,
			array(
				'agent_id'       => $agent_id,
				'idem_key'       => $key,
				'fingerprint'    => $fingerprint,
				'state'          => 'pending',
				'created_at_gmt' => Dates::to_gmt( $now ),
			)
		);
		$this->wpdb->suppress_errors( $suppressed );
		if ( false !== $inserted ) {
			return array( 'state' => self::CLAIMED );
		}
		$row = $this->wpdb->get_row( $this->wpdb->prepare( "SELECT * FROM {$table} WHERE agent_id = %d AND idem_key = %s", $agent_id, $key ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		if ( ! $row ) {
			throw new StorageFailure( 'idempotency keys' );
		}
		if ( ! hash_equals( (string) $row['fingerprint'], $fingerprint ) ) {
			return array( 'state' => self::MISMATCH );
		}
		if ( 'done' !== $row['state'] ) {
			return array( 'state' => self::IN_PROGRESS );
		}
		return array(
			'state'    => self::REPLAY,
			'status'   => (int) $row['status'],
			'response' => json_decode( (string) $row['response'], true ),
		);
	}

	public function complete( int $agent_id, string $key, int $status, mixed $body ): void {
		$this->wpdb->update(
			Tables::idempotency( $this->wpdb ),
			array(
				'state'    => 'done',
				'status'   => $status,
				'response' => (string) wp_json_encode( $body ),
			),
			array(
				'agent_id' => $agent_id,
				'idem_key' => $key,
			)
		);
	}

	/**
	 * Forgets a claim whose request was refused before it ran, so a retry is judged afresh.
	 */
	public function release( int $agent_id, string $key ): void {
		$this->wpdb->delete(
			Tables::idempotency( $this->wpdb ),
			array(
				'agent_id' => $agent_id,
				'idem_key' => $key,
				'state'    => 'pending',
			)
		);
	}

	public function prune( int $now ): int {
		$table = Tables::idempotency( $this->wpdb );
		return (int) $this->wpdb->query( $this->wpdb->prepare( "DELETE FROM {$table} WHERE created_at_gmt < %s", Dates::to_gmt( $now - self::RETENTION ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}
}

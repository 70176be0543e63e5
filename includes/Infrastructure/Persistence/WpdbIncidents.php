<?php
/**
 * Incidents opened by circuit breakers and canary conditions.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\Persistence;

use AgentGuard\Domain\Audit\AuditChain;
use AgentGuard\Domain\StorageFailure;

/**
 * What tripped, the evidence (the agent's last actions), and who closed it with which note.
 *
 * @since 0.1.0
 */
final class WpdbIncidents implements \AgentGuard\Domain\Control\Incidents {

	public function __construct( private \wpdb $wpdb ) {
	}

	/**
	 * @param array<string, mixed> $evidence
	 */
	public function open( int $agent_id, string $kind, string $summary, array $evidence, int $audit_event_id, int $now ): int {
		$ok = $this->wpdb->insert(
			Tables::incidents( $this->wpdb ),
			array(
				'agent_id'       => $agent_id,
				'kind'           => $kind,
				'state'          => 'open',
				'summary'        => mb_substr( $summary, 0, 500 ),
				'evidence'       => AuditChain::encode( $evidence ),
				'audit_event_id' => $audit_event_id,
				'opened_at_gmt'  => Dates::to_gmt( $now ),
			)
		);
		if ( false === $ok ) {
			throw new StorageFailure( 'incidents' );
		}
		return (int) $this->wpdb->insert_id;
	}

	public function close( int $id, int $by, string $note, int $now ): bool {
		$table  = Tables::incidents( $this->wpdb );
		$result = $this->wpdb->query(
			$this->wpdb->prepare(
				"UPDATE {$table} SET state = 'closed', closed_by = %d, close_note = %s, closed_at_gmt = %s WHERE id = %d AND state = 'open'", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				$by,
				mb_substr( $note, 0, 2000 ),
				Dates::to_gmt( $now ),
				$id
			)
		);
		return 1 === (int) $result;
	}

	/**
	 * @return array<string, mixed>|null
	 */
	public function find( int $id ): ?array {
		$table = Tables::incidents( $this->wpdb );
		$row   = $this->wpdb->get_row( $this->wpdb->prepare( "SELECT * FROM {$table} WHERE id = %d", $id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return $row ? self::decode( $row ) : null;
	}

	/**
	 * @return list<array<string, mixed>>
	 */
	public function list( string $state, int $limit = 100 ): array {
		$table = Tables::incidents( $this->wpdb );
		$rows  = 'all' === $state
			? $this->wpdb->get_results( $this->wpdb->prepare( "SELECT * FROM {$table} ORDER BY id DESC LIMIT %d", $limit ), ARRAY_A ) // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			: $this->wpdb->get_results( $this->wpdb->prepare( "SELECT * FROM {$table} WHERE state = %s ORDER BY id DESC LIMIT %d", $state, $limit ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return array_map( array( self::class, 'decode' ), $rows ?: array() );
	}

	/**
	 * The incidents that audit events opened (breaker trips, canary pauses), in one query.
	 *
	 * @param list<int> $event_ids
	 * @return array<int, int> Audit event id => incident id.
	 */
	public function ids_for_events( array $event_ids ): array {
		$event_ids = array_values( array_unique( array_filter( array_map( 'intval', $event_ids ) ) ) );
		if ( ! $event_ids ) {
			return array();
		}
		$table = Tables::incidents( $this->wpdb );
		$in    = implode( ', ', array_fill( 0, count( $event_ids ), '%d' ) );
		$rows  = $this->wpdb->get_results( $this->wpdb->prepare( "SELECT id, audit_event_id FROM {$table} WHERE audit_event_id IN ({$in})", $event_ids ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$out   = array();
		foreach ( $rows ?: array() as $row ) {
			$out[ (int) $row['audit_event_id'] ] = (int) $row['id'];
		}
		return $out;
	}

	public function count_open(): int {
		$table = Tables::incidents( $this->wpdb );
		return (int) $this->wpdb->get_var( "SELECT COUNT(*) FROM {$table} WHERE state = 'open'" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	public function has_open( int $agent_id, string $kind ): bool {
		$table = Tables::incidents( $this->wpdb );
		return (bool) $this->wpdb->get_var( $this->wpdb->prepare( "SELECT id FROM {$table} WHERE agent_id = %d AND kind = %s AND state = 'open' LIMIT 1", $agent_id, $kind ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	/**
	 * @param array<string, mixed> $row
	 * @return array<string, mixed>
	 */
	public static function decode( array $row ): array {
		$evidence = json_decode( (string) $row['evidence'], true );
		return array(
			'id'             => (int) $row['id'],
			'agent_id'       => (int) $row['agent_id'],
			'kind'           => (string) $row['kind'],
			'state'          => (string) $row['state'],
			'summary'        => (string) $row['summary'],
			'evidence'       => is_array( $evidence ) && $evidence ? $evidence : new \stdClass(),
			'audit_event_id' => (int) $row['audit_event_id'],
			'opened_at'      => (string) Dates::iso( Dates::from_gmt( $row['opened_at_gmt'] ) ),
			'closed_at'      => Dates::iso( Dates::from_gmt( $row['closed_at_gmt'] ) ),
			'closed_by'      => (int) $row['closed_by'],
			'close_note'     => (string) ( $row['close_note'] ?? '' ),
		);
	}
}

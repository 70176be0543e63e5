<?php
/**
 * Reading the audit log.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\Persistence;

use AgentGuard\Domain\Audit\AuditChain;
use AgentGuard\Domain\Audit\AuditEvent;

/**
 * Filtered, newest-first pages of the audit log that stay fast over millions of rows: a time
 * range is first turned into an id range (ids grow with time), then the page is read through
 * the (agent_id, id) / (decision, id) / (action, id) indexes. No OFFSET scans past page 1 when
 * the caller pages with `before_id`.
 *
 * @since 0.1.0
 */
final class WpdbAuditQuery implements \AgentGuard\Domain\Audit\AuditTrail {

	public function __construct( private \wpdb $wpdb ) {
	}

	/**
	 * @param array{agent_id?: int, action?: string, decision?: string, event_type?: string, target_type?: string, target_id?: string, approval_id?: int, from?: int, to?: int, before_id?: int} $filters
	 * @return array{items: list<array<string, mixed>>, total: int}
	 */
	public function page( array $filters, int $page, int $per_page, bool $count = true ): array {
		list( $where, $args ) = $this->where( $filters );
		if ( null === $where ) {
			return array(
				'items' => array(),
				'total' => 0,
			);
		}
		$table  = Tables::audit_events( $this->wpdb );
		$offset = max( 0, ( $page - 1 ) * $per_page );
		$sql    = "SELECT * FROM {$table} WHERE {$where} ORDER BY id DESC LIMIT %d OFFSET %d";
		$rows   = $this->wpdb->get_results( $this->wpdb->prepare( $sql, array_merge( $args, array( $per_page, $offset ) ) ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		$total  = 0;
		if ( $count ) {
			$count_sql = "SELECT COUNT(*) FROM {$table} WHERE {$where}";
			$total     = (int) ( $args ? $this->wpdb->get_var( $this->wpdb->prepare( $count_sql, $args ) ) : $this->wpdb->get_var( $count_sql ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		}
		return array(
			'items' => array_map( array( self::class, 'decode' ), $rows ?: array() ),
			'total' => $total,
		);
	}

	/**
	 * Events matching the filters in chain order (oldest first) after $after_id, for export.
	 *
	 * @param array<string, mixed> $filters As for page().
	 * @return list<array<string, mixed>>
	 */
	public function export( array $filters, int $after_id, int $limit ): array {
		list( $where, $args ) = $this->where( $filters );
		if ( null === $where ) {
			return array();
		}
		$table = Tables::audit_events( $this->wpdb );
		$sql   = "SELECT * FROM {$table} WHERE {$where} AND id > %d ORDER BY id ASC LIMIT %d";
		$rows  = $this->wpdb->get_results( $this->wpdb->prepare( $sql, array_merge( $args, array( $after_id, $limit ) ) ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		return array_map( array( self::class, 'decode' ), $rows ?: array() );
	}

	public function recent_for_agent( int $agent_id, int $limit ): array {
		return array_map(
			static fn ( array $event ): array => array_intersect_key( $event, array_flip( array( 'id', 'occurred_at', 'event_type', 'action', 'target_type', 'target_id', 'decision', 'rule', 'method', 'route', 'status' ) ) ),
			$this->page(
				array(
					'agent_id'   => $agent_id,
					'event_type' => \AgentGuard\Application\AgentRequestLog::EVENT_TYPE,
				),
				1,
				$limit,
				false
			)['items']
		);
	}

	/**
	 * @return array<string, mixed>|null
	 */
	public function find( int $id ): ?array {
		$table = Tables::audit_events( $this->wpdb );
		$row   = $this->wpdb->get_row( $this->wpdb->prepare( "SELECT * FROM {$table} WHERE id = %d", $id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return $row ? self::decode( $row ) : null;
	}

	/**
	 * Raw stored rows from $after_id on, for verification and export.
	 *
	 * @return list<array<string, mixed>>
	 */
	public function raw_after( int $after_id, int $limit ): array {
		$table = Tables::audit_events( $this->wpdb );
		$rows  = $this->wpdb->get_results( $this->wpdb->prepare( "SELECT * FROM {$table} WHERE id > %d ORDER BY id ASC LIMIT %d", $after_id, $limit ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return $rows ?: array();
	}

	/**
	 * @param array<string, mixed> $filters
	 * @return array{0: string|null, 1: list<mixed>}
	 */
	private function where( array $filters ): array {
		$table = Tables::audit_events( $this->wpdb );
		$where = array();
		$args  = array();
		foreach ( array(
			'agent_id'    => '%d',
			'action'      => '%s',
			'decision'    => '%s',
			'event_type'  => '%s',
			'target_type' => '%s',
			'target_id'   => '%s',
			'approval_id' => '%d',
		) as $column => $format ) {
			if ( isset( $filters[ $column ] ) && '' !== $filters[ $column ] ) {
				$where[] = "{$column} = {$format}";
				$args[]  = $filters[ $column ];
			}
		}
		if ( ! empty( $filters['from'] ) ) {
			// The first row at the edge of the range, through the time index (ids grow with time;
			// a minute of slack covers rows written out of order by concurrent requests).
			$low = $this->wpdb->get_var( $this->wpdb->prepare( "SELECT id FROM {$table} WHERE occurred_at_gmt >= %s ORDER BY occurred_at_gmt ASC, id ASC LIMIT 1", Dates::to_gmt( (int) $filters['from'] - 60 ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			if ( null === $low ) {
				return array( null, array() );
			}
			$where[] = 'id >= %d';
			$args[]  = (int) $low;
			$where[] = 'occurred_at_gmt >= %s';
			$args[]  = Dates::to_gmt( (int) $filters['from'] );
		}
		if ( ! empty( $filters['to'] ) ) {
			$high = $this->wpdb->get_var( $this->wpdb->prepare( "SELECT id FROM {$table} WHERE occurred_at_gmt <= %s ORDER BY occurred_at_gmt DESC, id DESC LIMIT 1", Dates::to_gmt( (int) $filters['to'] + 60 ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			if ( null === $high ) {
				return array( null, array() );
			}
			$where[] = 'id <= %d';
			$args[]  = (int) $high;
			$where[] = 'occurred_at_gmt <= %s';
			$args[]  = Dates::to_gmt( (int) $filters['to'] );
		}
		if ( ! empty( $filters['before_id'] ) ) {
			$where[] = 'id < %d';
			$args[]  = (int) $filters['before_id'];
		}
		return array( $where ? implode( ' AND ', $where ) : '1=1', $args );
	}

	/**
	 * @param array<string, mixed> $row
	 * @return array<string, mixed>
	 */
	public static function decode( array $row ): array {
		$json = static function ( $value ): ?array {
			if ( null === $value ) {
				return null;
			}
			$decoded = json_decode( (string) $value, true );
			return is_array( $decoded ) ? $decoded : array();
		};
		return array(
			'id'          => (int) $row['id'],
			'occurred_at' => (string) Dates::iso( Dates::from_gmt( $row['occurred_at_gmt'] ) ),
			'event_type'  => (string) $row['event_type'],
			'actor_type'  => (string) $row['actor_type'],
			'actor_id'    => (int) $row['actor_id'],
			'agent_id'    => (int) $row['agent_id'],
			'action'      => (string) $row['action'],
			'target_type' => (string) $row['target_type'],
			'target_id'   => (string) $row['target_id'],
			'decision'    => (string) $row['decision'],
			'rule'        => (string) $row['rule'],
			'method'      => (string) $row['method'],
			'route'       => (string) $row['route'],
			'status'      => (int) $row['status'],
			'duration_ms' => (int) $row['duration_ms'],
			'approval_id' => (int) $row['approval_id'],
			'metadata'    => $json( $row['metadata'] ) ?: new \stdClass(),
			'before'      => self::object_or_null( $json( $row['before_state'] ) ),
			'after'       => self::object_or_null( $json( $row['after_state'] ) ),
			'details'     => $json( $row['details'] ) ?: new \stdClass(),
			'hash'        => (string) $row['hash'],
			'prev_hash'   => (string) $row['prev_hash'],
		);
	}

	/**
	 * @param array<mixed>|null $value
	 * @return array<mixed>|\stdClass|null
	 */
	private static function object_or_null( ?array $value ) {
		if ( null === $value ) {
			return null;
		}
		return array() === $value ? new \stdClass() : $value;
	}

	/**
	 * Verifies the chain in batches, from the start or on from an event (resumable: at most
	 * $limit events per call). Null when $after_id names no event.
	 *
	 * @return array{ok: bool, checked: int, first_broken: array{id: int, reason: string}|null, complete: bool, next_after_id: int|null}|null
	 */
	public function verify( int $after_id = 0, int $limit = PHP_INT_MAX, int $batch = 2000 ): ?array {
		$prev_id   = 0;
		$prev_hash = AuditEvent::GENESIS_HASH;
		if ( $after_id > 0 ) {
			$table = Tables::audit_events( $this->wpdb );
			$start = $this->wpdb->get_var( $this->wpdb->prepare( "SELECT hash FROM {$table} WHERE id = %d", $after_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			if ( null === $start ) {
				return null;
			}
			$prev_id   = $after_id;
			$prev_hash = (string) $start;
		}
		$checked = 0;
		do {
			$rows  = $this->raw_after( $prev_id, (int) min( $batch, $limit - $checked ) );
			$break = AuditChain::first_break( $rows, $prev_id, $prev_hash );
			if ( null !== $break ) {
				// The events of this batch before the broken one were checked and intact.
				$before = 0;
				foreach ( $rows as $row ) {
					if ( (int) $row['id'] === $break['id'] ) {
						break;
					}
					++$before;
				}
				return array(
					'ok'            => false,
					'checked'       => $checked + $before,
					'first_broken'  => $break,
					'complete'      => false,
					'next_after_id' => null,
				);
			}
			$checked += count( $rows );
			if ( $rows ) {
				$last      = $rows[ count( $rows ) - 1 ];
				$prev_id   = (int) $last['id'];
				$prev_hash = (string) $last['hash'];
			}
		} while ( count( $rows ) === $batch && $checked < $limit );
		$complete = $checked < $limit || array() === $this->raw_after( $prev_id, 1 );
		return array(
			'ok'            => true,
			'checked'       => $checked,
			'first_broken'  => null,
			'complete'      => $complete,
			'next_after_id' => $complete ? null : $prev_id,
		);
	}
}

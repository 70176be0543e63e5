<?php
/**
 * Price baselines from the price log.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\Persistence;

use AgentGuard\Domain\Audit\AuditEvent;
use AgentGuard\Domain\Envelope\PriceHistory;
use AgentGuard\Domain\StorageFailure;

/**
 * Every price write that goes through the guard marks the product's prices just before it.
 * A single-product write keeps them with its audit event (two columns filled from the
 * event's `prices_before` detail, so the write costs no query of its own); a batch logs one
 * price-log row per product, tied to the batch's audit event. Marks are ordered by time and
 * audit position. The baseline of a window is the oldest mark in it: the price before the
 * first change of the window. One query per decision.
 *
 * @since 0.1.0
 */
final class WpdbPriceHistory implements PriceHistory {

	public const DETAILS_KEY = 'prices_before';

	public const WINDOW_24H = 86400;
	public const WINDOW_7D  = 7 * 86400;

	public function __construct( private \wpdb $wpdb ) {
	}

	public function baselines( array $keys, int $now, int $decimals ): array {
		$keys = array_values( array_unique( $keys ) );
		$out  = array();
		foreach ( $keys as $key ) {
			$out[ $key ] = array(
				'h24' => null,
				'd7'  => null,
			);
		}
		if ( ! $keys ) {
			return $out;
		}
		$log    = Tables::price_log( $this->wpdb );
		$audit  = Tables::audit_events( $this->wpdb );
		$since  = Dates::to_gmt( $now - self::WINDOW_7D );
		$in     = implode( ', ', array_fill( 0, count( $keys ), '%s' ) );
		$by_type = array();
		foreach ( $keys as $key ) {
			[ $type, $id ]       = array_pad( explode( ':', $key, 2 ), 2, '' );
			$by_type[ $type ][] = $id;
		}
		$targets = array();
		$args    = array_merge( $keys, array( $since ) );
		foreach ( $by_type as $type => $ids ) {
			$targets[] = '(target_type = %s AND target_id IN (' . implode( ', ', array_fill( 0, count( $ids ), '%s' ) ) . '))';
			$args      = array_merge( $args, array( $type ), $ids );
		}
		$args[] = $since;
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names from Tables, placeholders built above.
		$sql = $this->wpdb->prepare(
			"SELECT event_id AS position, target_key, '' AS target_id, occurred_at_gmt, regular_minor, price_minor FROM {$log} WHERE target_key IN ({$in}) AND occurred_at_gmt >= %s
			UNION ALL
			SELECT id, target_type, target_id, occurred_at_gmt, price_regular_minor, price_minor FROM {$audit} WHERE (" . implode( ' OR ', $targets ) . ') AND occurred_at_gmt >= %s AND price_minor IS NOT NULL',
			$args
		);
		// phpcs:enable
		$rows = $this->wpdb->get_results( $sql, ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		if ( '' !== $this->wpdb->last_error ) {
			throw new StorageFailure( 'price log' );
		}
		$rows = $rows ?: array();
		foreach ( $rows as &$row ) {
			if ( '' !== (string) $row['target_id'] ) {
				$row['target_key'] = $row['target_key'] . ':' . $row['target_id'];
			}
		}
		unset( $row );
		// Oldest first: by time, then by the audit event the mark belongs to.
		usort( $rows, static fn ( array $a, array $b ): int => array( (string) $a['occurred_at_gmt'], (int) $a['position'] ) <=> array( (string) $b['occurred_at_gmt'], (int) $b['position'] ) );
		foreach ( $rows as $row ) {
			$key   = (string) $row['target_key'];
			if ( ! isset( $out[ $key ] ) ) {
				continue;
			}
			$value = array(
				'regular' => self::minor( $row['regular_minor'] ),
				'price'   => self::minor( $row['price_minor'] ),
			);
			if ( null === $out[ $key ]['d7'] ) {
				$out[ $key ]['d7'] = $value;
			}
			if ( null === $out[ $key ]['h24'] && (int) Dates::from_gmt( $row['occurred_at_gmt'] ) >= $now - self::WINDOW_24H ) {
				$out[ $key ]['h24'] = $value;
			}
		}
		return $out;
	}

	/**
	 * The audit columns of an event that carries the prices before a single-target write.
	 *
	 * @return array<string, string>
	 */
	public static function audit_columns( AuditEvent $event ): array {
		$key   = $event->target_type . ':' . $event->target_id;
		$marks = $event->details[ self::DETAILS_KEY ] ?? null;
		if ( ! is_array( $marks ) || ! isset( $marks[ $key ] ) || ! is_array( $marks[ $key ] ) ) {
			return array();
		}
		$mark = $marks[ $key ];
		// A product without a price is marked -1 (prices are never negative): the mark counts.
		return array(
			'price_regular_minor' => (string) ( is_int( $mark['regular_minor'] ?? null ) ? $mark['regular_minor'] : -1 ),
			'price_minor'         => (string) ( is_int( $mark['price_minor'] ?? null ) ? $mark['price_minor'] : -1 ),
		);
	}

	/**
	 * @param mixed $stored
	 */
	private static function minor( $stored ): ?int {
		return null === $stored || (int) $stored < 0 ? null : (int) $stored;
	}

	/**
	 * Logs the prices a product had just before a price write went through (batches).
	 */
	public function record( string $key, int $agent_id, int $at, ?int $regular_minor, ?int $price_minor, int $event_id = 0 ): void {
		$this->wpdb->insert(
			Tables::price_log( $this->wpdb ),
			array(
				'target_key'      => $key,
				'agent_id'        => $agent_id,
				'occurred_at_gmt' => Dates::to_gmt( $at ),
				'regular_minor'   => $regular_minor,
				'price_minor'     => $price_minor,
				'event_id'        => $event_id,
			)
		);
	}

	public function prune( int $now ): int {
		$table = Tables::price_log( $this->wpdb );
		return (int) $this->wpdb->query( $this->wpdb->prepare( "DELETE FROM {$table} WHERE occurred_at_gmt < %s", Dates::to_gmt( $now - self::WINDOW_7D - 86400 ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}
}

<?php
/**
 * Price baselines from the price log.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\Persistence;

use AgentGuard\Domain\Envelope\PriceHistory;
use AgentGuard\Domain\StorageFailure;

/**
 * Every price write that goes through the guard logs the product's prices just before it
 * (one row per product, also inside batches). The baseline of a window is the oldest such
 * row in it: the price before the first change of the window. One query per decision.
 *
 * @since 0.1.0
 */
final class WpdbPriceHistory implements PriceHistory {

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
		$table = Tables::price_log( $this->wpdb );
		$in    = implode( ', ', array_fill( 0, count( $keys ), '%s' ) );
		$sql   = $this->wpdb->prepare(
			"SELECT target_key, occurred_at_gmt, regular_minor, price_minor FROM {$table} WHERE target_key IN ({$in}) AND occurred_at_gmt >= %s ORDER BY id ASC", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			array_merge( $keys, array( Dates::to_gmt( $now - self::WINDOW_7D ) ) )
		);
		$rows  = $this->wpdb->get_results( $sql, ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		if ( '' !== $this->wpdb->last_error ) {
			throw new StorageFailure( 'price log' );
		}
		foreach ( $rows ?: array() as $row ) {
			$key   = (string) $row['target_key'];
			$value = array(
				'regular' => null === $row['regular_minor'] ? null : (int) $row['regular_minor'],
				'price'   => null === $row['price_minor'] ? null : (int) $row['price_minor'],
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
	 * Logs the prices a product had just before a price write went through.
	 */
	public function record( string $key, int $agent_id, int $at, ?int $regular_minor, ?int $price_minor ): void {
		$this->wpdb->insert(
			Tables::price_log( $this->wpdb ),
			array(
				'target_key'      => $key,
				'agent_id'        => $agent_id,
				'occurred_at_gmt' => Dates::to_gmt( $at ),
				'regular_minor'   => $regular_minor,
				'price_minor'     => $price_minor,
			)
		);
	}

	public function prune( int $now ): int {
		$table = Tables::price_log( $this->wpdb );
		return (int) $this->wpdb->query( $this->wpdb->prepare( "DELETE FROM {$table} WHERE occurred_at_gmt < %s", Dates::to_gmt( $now - self::WINDOW_7D - 86400 ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}
}

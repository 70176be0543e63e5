<?php
/**
 * What an executed write leaves behind for the guard.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\WooCommerce;

use AgentGuard\Application\Verdict;
use AgentGuard\Domain\Decision\PolicyEngine;
use AgentGuard\Domain\Envelope\Money;
use AgentGuard\Infrastructure\Persistence\WpdbPriceHistory;

/**
 * The after-state of written targets (as WooCommerce answered, limited to the tracked
 * fields) and the price log rows the change envelopes read.
 *
 * @since 0.1.0
 */
final class WriteRecorder {

	public function __construct( private WpdbPriceHistory $prices, private int $decimals ) {
	}

	/**
	 * @param mixed $data The handler's answer.
	 * @return array<string, mixed>|null
	 */
	public function after_state( Verdict $verdict, $data ): ?array {
		if ( ! is_array( $data ) ) {
			return null;
		}
		$class  = $verdict->classification;
		$fields = static function ( string $type, array $item ): array {
			$wanted = explode( ',', RestTargetStates::FIELDS[ $type ] ?? 'id' );
			return array_intersect_key( $item, array_flip( $wanted ) );
		};
		if ( null !== $class && $class->is_batch ) {
			$out = array();
			foreach ( array( 'create', 'update', 'delete' ) as $operation ) {
				foreach ( (array) ( $data[ $operation ] ?? array() ) as $item ) {
					if ( is_array( $item ) && isset( $item['id'] ) ) {
						$out[ $class->target_type . ':' . $item['id'] ] = isset( $item['error'] ) ? array( 'error' => $item['error'] ) : $fields( $class->target_type, $item );
					}
				}
			}
			return $out;
		}
		$type = null === $class ? '' : $class->target_type;
		if ( isset( $data['id'] ) && '' !== $type && isset( RestTargetStates::FIELDS[ $type ] ) ) {
			return array( $type . ':' . $data['id'] => $fields( $type, $data ) );
		}
		return array( 'response' => array_intersect_key( $data, array_flip( array( 'id', 'status', 'amount', 'total', 'code', 'name' ) ) ) );
	}

	/**
	 * The prices each product had just before an executed price write, which the change
	 * envelopes read back as baselines.
	 *
	 * @return array<string, array{regular_minor: int|null, price_minor: int|null}> Target key => prices.
	 */
	public function price_marks( Verdict $verdict ): array {
		$marks = array();
		foreach ( $verdict->units as $unit ) {
			if ( ! $unit->is_product() || null === $unit->state || ! array_intersect( array_keys( $unit->params ), PolicyEngine::PRICE_FIELDS ) ) {
				continue;
			}
			$regular               = Money::from_store( $unit->state['regular_price'] ?? '', $this->decimals );
			$sale                  = Money::from_store( $unit->state['sale_price'] ?? '', $this->decimals );
			$marks[ $unit->key() ] = array(
				'regular_minor' => $regular,
				'price_minor'   => null !== $sale && $sale > 0 ? $sale : $regular,
			);
		}
		return $marks;
	}

	/**
	 * Whether the marks belong to the request's one target: then they are kept with its audit
	 * event, at no query of their own.
	 *
	 * @param array<string, mixed> $marks
	 */
	public static function fits_the_event( Verdict $verdict, array $marks ): bool {
		return 1 === count( $marks ) && null !== $verdict->classification && ! $verdict->classification->is_batch
			&& isset( $marks[ $verdict->target_type() . ':' . $verdict->target_id() ] );
	}

	/**
	 * Logs the marks of a batch, one price-log row per product, tied to the batch's audit event.
	 *
	 * @param array<string, array{regular_minor: int|null, price_minor: int|null}> $marks
	 */
	public function log_prices( array $marks, int $agent_id, int $now, int $event_id ): void {
		foreach ( $marks as $key => $mark ) {
			$this->prices->record( $key, $agent_id, $now, $mark['regular_minor'], $mark['price_minor'], $event_id );
		}
	}
}

<?php
/**
 * What is at stake in a queued request, computed from the store.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\WooCommerce;

use AgentGuard\Domain\Agent\AgentRepository;
use AgentGuard\Domain\Approval\PendingRequest;
use AgentGuard\Domain\Clock;
use AgentGuard\Domain\Envelope\Money;

/**
 * For a price change: units sold in the last 30 days and the revenue effect at that volume;
 * for a refund: the amount and the order total; for stock: the open orders holding the product.
 * Read through WooCommerce's REST API (recent orders, at most 500), once, when the request is
 * queued. The amount drives sorting and the second-approver threshold.
 *
 * @since 0.1.0
 */
final class RestExposure {

	public const OPEN = array( 'pending', 'processing', 'on-hold' );

	/** @var list<array<string, mixed>>|null */
	private ?array $orders = null;

	public function __construct( private RequestScope $scope, private AgentRepository $agents, private Clock $clock, private int $decimals ) {
	}

	/**
	 * @return list<array{0: string, 1: string|callable, 2?: int, 3?: int}>
	 */
	public static function hooks(): array {
		return array(
			array( 'agent_guard_approval_exposure', 'exposure', 10, 2 ),
		);
	}

	/**
	 * @param array<string, mixed> $exposure
	 * @return array<string, mixed>
	 */
	public function exposure( $exposure, PendingRequest $request ): array {
		$this->orders = null;
		$this->scope->guard_reading = true;
		try {
			$out = $this->compute( $request );
		} catch ( \Throwable $error ) {
			$out = array( 'error' => 'Could not compute the exposure: ' . $error->getMessage() );
		} finally {
			$this->scope->guard_reading = false;
		}
		$policy    = $this->agents->find( $request->agent_id )?->policy ?? array();
		$threshold = $policy['approvals']['second_approver_over_minor'] ?? null;
		if ( null !== $threshold && (int) ( $out['amount_minor'] ?? 0 ) > (int) $threshold ) {
			$out['required_approvals'] = 2;
		}
		return $out;
	}

	/**
	 * @return array<string, mixed>
	 */
	private function compute( PendingRequest $request ): array {
		$items = array();
		$total = 0;
		if ( 'orders:refund' === $request->action ) {
			$state  = (array) ( array_values( $request->target_state )[0] ?? array() );
			$amount = Money::parse( $request->params['amount'] ?? '', $this->decimals ) ?? 0;
			return array(
				'kind'         => 'refund',
				'amount_minor' => $amount,
				'order_total'  => (string) ( $state['total'] ?? '' ),
				'order_status' => (string) ( $state['status'] ?? '' ),
			);
		}
		foreach ( (array) ( $request->diff['units'] ?? array() ) as $unit ) {
			$target = (string) ( $unit['target'] ?? '' );
			if ( ! preg_match( '/^product(_variation)?:(\d+)$/', $target, $match ) ) {
				continue;
			}
			$id      = (int) $match[2];
			$changes = (array) ( $unit['changes'] ?? array() );
			$entry   = array(
				'target' => $target,
				'name'   => $unit['name'] ?? null,
				'sku'    => $unit['sku'] ?? null,
			);
			if ( isset( $changes['regular_price'] ) || isset( $changes['sale_price'] ) ) {
				$field     = isset( $changes['sale_price'] ) ? 'sale_price' : 'regular_price';
				$before    = Money::from_store( $changes[ $field ]['before'] ?? '', $this->decimals ) ?? 0;
				$after     = Money::parse( $changes[ $field ]['after'] ?? '', $this->decimals ) ?? 0;
				$units     = $this->units_sold( $id );
				$effect    = ( $after - $before ) * $units;
				$entry    += array(
					'kind'                 => 'price',
					'units_sold_30d'       => $units,
					'price_before'         => Money::format( $before, $this->decimals ),
					'price_after'          => Money::format( $after, $this->decimals ),
					'change_percent'       => $before > 0 ? round( ( $after - $before ) / $before * 100, 2 ) : null,
					'revenue_effect_minor' => $effect,
				);
				$total    += abs( $effect ) > 0 ? abs( $effect ) : abs( $after - $before );
			}
			if ( isset( $changes['stock_quantity'] ) ) {
				list( $open_orders, $open_units ) = $this->open_orders( $id );
				// Money at stake: the units moved at the product's current price, so stock and
				// prices sort on one scale.
				$moved  = abs( (int) $changes['stock_quantity']['after'] - (int) $changes['stock_quantity']['before'] );
				$price  = Money::from_store( (string) ( $request->target_state[ $target ]['price'] ?? '' ), $this->decimals ) ?? 0;
				$entry += array(
					'kind'              => $entry['kind'] ?? 'stock',
					'stock'             => array(
						'before' => $changes['stock_quantity']['before'],
						'after'  => $changes['stock_quantity']['after'],
					),
					'open_orders'       => $open_orders,
					'open_units'        => $open_units,
					'stock_value_minor' => $moved * $price,
				);
				$total += $moved * $price;
			}
			$items[] = $entry;
		}
		if ( str_starts_with( $request->action, 'coupons:' ) ) {
			return array(
				'kind'         => 'coupon',
				'amount_minor' => Money::parse( $request->params['amount'] ?? '', $this->decimals ) ?? 0,
				'type'         => (string) ( $request->params['discount_type'] ?? '' ),
			);
		}
		return array(
			'kind'         => count( $items ) > 1 ? 'batch' : ( $items[0]['kind'] ?? 'change' ),
			'items'        => $items,
			'amount_minor' => $total,
		);
	}

	private function units_sold( int $product_id ): int {
		$units = 0;
		foreach ( $this->orders() as $order ) {
			if ( in_array( $order['status'] ?? '', array( 'processing', 'completed', 'on-hold' ), true ) ) {
				$units += $this->quantity( $order, $product_id );
			}
		}
		return $units;
	}

	/**
	 * @return array{0: int, 1: int}
	 */
	private function open_orders( int $product_id ): array {
		$count = 0;
		$units = 0;
		foreach ( $this->orders() as $order ) {
			if ( in_array( $order['status'] ?? '', self::OPEN, true ) ) {
				$quantity = $this->quantity( $order, $product_id );
				if ( $quantity > 0 ) {
					++$count;
					$units += $quantity;
				}
			}
		}
		return array( $count, $units );
	}

	/**
	 * @param array<string, mixed> $order
	 */
	private function quantity( array $order, int $product_id ): int {
		$units = 0;
		foreach ( (array) ( $order['line_items'] ?? array() ) as $line ) {
			if ( (int) ( $line['product_id'] ?? 0 ) === $product_id || (int) ( $line['variation_id'] ?? 0 ) === $product_id ) {
				$units += (int) ( $line['quantity'] ?? 0 );
			}
		}
		return $units;
	}

	/**
	 * Orders of the last 30 days (at most 500), read once per computation.
	 *
	 * @return list<array<string, mixed>>
	 */
	private function orders(): array {
		if ( null !== $this->orders ) {
			return $this->orders;
		}
		$this->orders = array();
		$after        = gmdate( 'Y-m-d\TH:i:s', $this->clock->now() - 30 * 86400 );
		for ( $page = 1; $page <= 5; $page++ ) {
			$request = new \WP_REST_Request( 'GET', '/wc/v3/orders' );
			$request->set_query_params(
				array(
					'after'    => $after,
					'per_page' => 100,
					'page'     => $page,
					'_fields'  => 'id,status,line_items',
				)
			);
			$response = rest_do_request( $request );
			if ( $response->is_error() ) {
				break;
			}
			$data = (array) rest_get_server()->response_to_data( $response, false );
			foreach ( $data as $order ) {
				if ( is_array( $order ) ) {
					$this->orders[] = $order;
				}
			}
			if ( count( $data ) < 100 ) {
				break;
			}
		}
		return $this->orders;
	}
}

<?php
/**
 * The policy's rules applied to one request.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Decision;

use AgentGuard\Domain\Canary\Cohort;
use AgentGuard\Domain\Envelope\Money;
use AgentGuard\Domain\Policy\Policy;
use AgentGuard\Domain\Request\Classification;

/**
 * Pure decisions of the pipeline's policy steps: scope and data access (5), canary (8) and
 * approval thresholds (9). The application runs them in the design's order with the kill
 * switch, credentials, limits and mode in between. Inputs are plain values: the policy, the
 * classified request, the targets' stored states and their price baselines.
 *
 * @since 0.1.0
 */
final class PolicyEngine {

	/** Parameters that route or shape a request rather than write a field. */
	public const NON_FIELD_PARAMS = array( 'id', 'product_id', 'order_id', 'parent_id', 'context', '_fields', '_method', '_envelope', '_embed', '_jsonp', '_locale', '_wpnonce', '_pretty', 'force', 'expected_stock_quantity', 'rest_route', 'consumer_key', 'consumer_secret', 'validation' );

	public const PRICE_FIELDS = array( 'regular_price', 'sale_price' );

	public const SALE_DATE_FIELDS = array( 'date_on_sale_from', 'date_on_sale_to', 'date_on_sale_from_gmt', 'date_on_sale_to_gmt' );

	public const MAX_SAFE_INTEGER = 9007199254740991;

	/**
	 * Step 5: data access for reads; allow/deny lists, critical-token actions, strict values,
	 * field allow-lists and resource constraints for writes.
	 *
	 * @param list<WriteUnit> $units
	 */
	public function scope( Policy $policy, Classification $request, array $units, string $token_scope, int $decimals ): ?Decision {
		switch ( $request->kind ) {
			case Classification::DISCOVERY:
			case Classification::GUARD:
			case Classification::CONTAINER:
				return null;
			case Classification::READ:
				return $policy->can_read( $request->resource ) ? null : Decision::deny(
					'data_access.' . $request->resource,
					sprintf( 'This agent may not read %s.', str_replace( '_', ' ', $request->resource ) )
				);
			case Classification::UNKNOWN:
				return '' === $request->action
					? Decision::deny( 'data_access.unknown_route', 'This route is not covered by any data-access rule, so agents may not read it.' )
					: Decision::deny( 'actions.unknown_route', 'Agents may not write through this route: it is not an action Agent Guard knows.' );
		}
		foreach ( $request->actions() as $action ) {
			if ( $policy->denies( $action ) ) {
				return Decision::deny( 'actions.deny.' . $action, sprintf( 'The policy denies %s.', $action ) );
			}
			if ( ! $policy->allows( $action ) ) {
				return Decision::deny( 'actions.allow.' . $action, sprintf( '%s is not in this agent\'s allow list.', $action ) );
			}
			if ( $policy->is_critical( $action ) && 'critical' !== $token_scope ) {
				return Decision::deny( 'tokens.critical_actions', sprintf( '%s needs a short-lived critical token.', $action ) );
			}
		}
		foreach ( $units as $unit ) {
			$invalid = $this->validate( $unit, $decimals );
			if ( null !== $invalid ) {
				return $invalid;
			}
		}
		$reasons = array();
		foreach ( $units as $unit ) {
			$reason = $this->fields( $policy, $request, $unit ) ?? $this->constraints( $policy, $unit );
			if ( null !== $reason ) {
				$reasons[] = $reason;
			}
		}
		if ( $reasons ) {
			$first = $reasons[0];
			return Decision::deny(
				(string) $first['rule'],
				$request->is_batch ? sprintf( '%d of %d batch items are outside the policy; the whole batch is refused. First: %s', count( $reasons ), count( $units ), $first['message'] ) : (string) $first['message'],
				$request->is_batch ? $reasons : array(),
				isset( $first['field'] ) ? array( 'field' => $first['field'] ) : array()
			);
		}
		return null;
	}

	/**
	 * Strict values the guard will not leave to WooCommerce's lenient parsing.
	 */
	private function validate( WriteUnit $unit, int $decimals ): ?Decision {
		if ( $unit->is_product() ) {
			foreach ( self::PRICE_FIELDS as $field ) {
				if ( $unit->sent( $field ) && null === Money::parse( $unit->params[ $field ], $decimals ) ) {
					return Decision::invalid(
						'agent_guard_invalid_price',
						sprintf( '%s must be a decimal string with at most %d decimals, like "12.50" (got %s).', $unit->path( $field ), $decimals, self::describe( $unit->params[ $field ] ) ),
						$unit->path( $field )
					);
				}
			}
			foreach ( array( 'stock_quantity', 'expected_stock_quantity' ) as $field ) {
				if ( $unit->sent( $field ) && null !== $unit->params[ $field ] && null === self::integer( $unit->params[ $field ] ) ) {
					return Decision::invalid(
						'agent_guard_invalid_quantity',
						sprintf( '%s must be a whole number between -%2$d and %2$d.', $unit->path( $field ), self::MAX_SAFE_INTEGER ),
						$unit->path( $field )
					);
				}
			}
		}
		if ( 'orders:refund' === $unit->action && ! $unit->is_delete() && $unit->sent( 'amount' ) && null === Money::parse( $unit->params['amount'], $decimals ) ) {
			return Decision::invalid( 'agent_guard_invalid_amount', sprintf( 'amount must be a decimal string with at most %d decimals.', $decimals ), $unit->path( 'amount' ) );
		}
		if ( str_starts_with( $unit->action, 'coupons:' ) && $unit->sent( 'amount' ) && null === Money::parse( $unit->params['amount'], $decimals ) ) {
			return Decision::invalid( 'agent_guard_invalid_amount', sprintf( 'amount must be a decimal string with at most %d decimals.', $decimals ), $unit->path( 'amount' ) );
		}
		if ( $unit->sent( 'meta_data' ) ) {
			$meta = $unit->params['meta_data'];
			if ( ! is_array( $meta ) || ( array() !== $meta && ! array_is_list( $meta ) ) ) {
				return Decision::invalid( 'agent_guard_invalid_meta', 'meta_data must be a list of {key, value} objects.', $unit->path( 'meta_data' ) );
			}
			foreach ( $meta as $index => $entry ) {
				if ( ! is_array( $entry ) || ! isset( $entry['key'] ) || ! is_string( $entry['key'] ) || '' === $entry['key'] ) {
					return Decision::invalid( 'agent_guard_invalid_meta', 'Each meta_data entry needs a string key.', $unit->path( "meta_data.{$index}" ) );
				}
			}
		}
		return null;
	}

	/**
	 * The field allow-list, and the rule that meta keys starting with `_` need to be listed.
	 *
	 * @return array<string, mixed>|null A reason, or null when every field is allowed.
	 */
	private function fields( Policy $policy, Classification $request, WriteUnit $unit ): ?array {
		if ( $unit->is_delete() ) {
			return null;
		}
		$allowed = $policy->fields_for( $unit->action ) ?? ( $request->is_batch ? $policy->fields_for( $request->action ) : null );
		foreach ( array_keys( $unit->params ) as $field ) {
			if ( in_array( $field, self::NON_FIELD_PARAMS, true ) || str_starts_with( (string) $field, 'oauth_' ) ) {
				continue;
			}
			if ( 'meta_data' === $field ) {
				foreach ( (array) $unit->params['meta_data'] as $entry ) {
					$key  = (string) ( $entry['key'] ?? '' );
					$name = 'meta_data.' . $key;
					$listed = null !== $allowed && ( in_array( $name, $allowed, true ) || ( ! str_starts_with( $key, '_' ) && in_array( 'meta_data', $allowed, true ) ) );
					if ( str_starts_with( $key, '_' ) && ! ( null !== $allowed && in_array( $name, $allowed, true ) ) ) {
						return self::reason( $unit, 'actions.fields.protected_meta', sprintf( 'The meta key %s is protected (it starts with "_") and is not listed for %s.', $key, $unit->action ), $name );
					}
					if ( null !== $allowed && ! $listed ) {
						return self::reason( $unit, 'actions.fields.' . $unit->action, sprintf( '%s may not touch %s.', $unit->action, $name ), $name );
					}
				}
				continue;
			}
			if ( null !== $allowed && ! in_array( (string) $field, $allowed, true ) ) {
				return self::reason( $unit, 'actions.fields.' . $unit->action, sprintf( '%s may not touch the field %s.', $unit->action, $unit->path( (string) $field ) ), (string) $field );
			}
		}
		return null;
	}

	/**
	 * Product categories, product ids and order statuses, checked on the object as stored
	 * (a variation by its parent), never on values the client sends — except for creates,
	 * which are judged by what they would create.
	 *
	 * @return array<string, mixed>|null
	 */
	private function constraints( Policy $policy, WriteUnit $unit ): ?array {
		if ( $unit->is_product() || 'products' === strtok( $unit->action, ':' ) ) {
			$ids = $policy->allowed_product_ids();
			if ( $ids ) {
				$product_id = 'product_variation' === $unit->target_type ? $unit->parent_id : (int) $unit->target_id;
				if ( $unit->is_create() && 'product' === $unit->target_type ) {
					return self::reason( $unit, 'actions.constraints.product_ids', 'This agent may only change listed products; it may not create new ones.' );
				}
				if ( $product_id > 0 && ! in_array( $product_id, $ids, true ) ) {
					return self::reason( $unit, 'actions.constraints.product_ids', sprintf( 'Product %d is not among the products this agent may change.', $product_id ) );
				}
			}
			$categories = $policy->allowed_product_categories();
			if ( $categories ) {
				$source = 'product_variation' === $unit->target_type ? $unit->parent_state : $unit->state;
				if ( $unit->is_create() && 'product' === $unit->target_type ) {
					$stored = array_map( static fn ( $c ): int => (int) ( is_array( $c ) ? ( $c['id'] ?? 0 ) : $c ), (array) ( $unit->params['categories'] ?? array() ) );
				} elseif ( null !== $source ) {
					$stored = array_map( static fn ( $c ): int => (int) ( is_array( $c ) ? ( $c['id'] ?? 0 ) : $c ), (array) ( $source['categories'] ?? array() ) );
				} else {
					$stored = null;
				}
				if ( null !== $stored && ! array_intersect( $stored, $categories ) ) {
					return self::reason( $unit, 'actions.constraints.product_categories', sprintf( 'Product %s is not in a category this agent may change.', $unit->cohort_key() ) );
				}
				if ( ! $unit->is_create() && $unit->sent( 'categories' ) ) {
					$wanted = array_map( static fn ( $c ): int => (int) ( is_array( $c ) ? ( $c['id'] ?? 0 ) : $c ), (array) $unit->params['categories'] );
					if ( array_diff( $wanted, $categories ) ) {
						return self::reason( $unit, 'actions.constraints.product_categories', 'The product would move into a category this agent may not change.', 'categories' );
					}
				}
			}
		}
		if ( str_starts_with( $unit->action, 'orders:' ) ) {
			$statuses = $policy->allowed_order_statuses();
			if ( $statuses ) {
				$stored = null === $unit->state ? null : (string) ( $unit->state['status'] ?? '' );
				if ( null !== $stored && ! in_array( $stored, $statuses, true ) ) {
					return self::reason( $unit, 'actions.constraints.order_statuses', sprintf( 'Order %s is %s; this agent may only act on orders that are %s.', $unit->target_id, $stored, implode( ', ', $statuses ) ) );
				}
				if ( $unit->sent( 'status' ) && ! in_array( (string) $unit->params['status'], $statuses, true ) ) {
					return self::reason( $unit, 'actions.constraints.order_statuses', sprintf( 'This agent may not set an order to %s.', (string) $unit->params['status'] ), 'status' );
				}
			}
		}
		return null;
	}

	/**
	 * Step 8: in canary mode only a deterministic share of targets is open to the agent.
	 *
	 * @param list<WriteUnit> $units
	 */
	public function canary( Policy $policy, int $agent_id, array $units ): ?Decision {
		$percent = $policy->canary_percent();
		if ( $percent >= 100 ) {
			return null;
		}
		$outside = array();
		foreach ( $units as $unit ) {
			$key = $unit->cohort_key();
			if ( '' === $key || ! Cohort::contains( $agent_id, $key, $percent ) ) {
				$outside[] = array(
					'item'   => $unit->label,
					'target' => $key,
					'rule'   => 'canary.percent',
				);
			}
		}
		return $outside ? Decision::outside_canary( $policy->canary_outside_queues(), $percent, $outside ) : null;
	}

	/**
	 * Step 9: compare what is requested with what is stored; a breach queues the request for a
	 * human. Stock writes without the expected count, or with a wrong one, never queue: they
	 * are refused (400 / 409) because the agent's picture of the store is wrong.
	 *
	 * @param list<WriteUnit>                                $units
	 * @param array<string, array{h24: ?array, d7: ?array}> $baselines Per product target key: earliest recorded prices in 24 h / 7 d.
	 */
	public function thresholds( Policy $policy, Classification $request, array $units, array $baselines, int $decimals ): ?Decision {
		$approvals = $policy->approvals();
		$reasons   = array();
		foreach ( $request->actions() as $action ) {
			if ( $policy->always_needs_approval( $action ) ) {
				$reasons[] = array(
					'item'    => '',
					'rule'    => 'approvals.always.' . $action,
					'message' => sprintf( '%s always needs a human.', $action ),
				);
			}
		}
		if ( $request->is_batch && null !== $approvals['bulk_over_items'] && count( $units ) > (int) $approvals['bulk_over_items'] ) {
			$reasons[] = array(
				'item'    => '',
				'rule'    => 'approvals.bulk_over_items',
				'message' => sprintf( 'The batch changes %d items; more than %d need a human.', count( $units ), (int) $approvals['bulk_over_items'] ),
			);
		}
		foreach ( $units as $unit ) {
			if ( $unit->is_delete() && ! empty( $approvals['deletes'] ) ) {
				$reasons[] = self::reason( $unit, 'approvals.deletes', sprintf( 'Deleting %s needs a human.', $unit->key() ?: $unit->label ) );
				continue;
			}
			if ( $unit->is_product() ) {
				$stock = $this->stock( $approvals, $unit );
				if ( $stock instanceof Decision ) {
					return $stock;
				}
				if ( null !== $stock ) {
					$reasons[] = $stock;
				}
				foreach ( $this->prices( $approvals, $unit, $baselines[ $unit->key() ] ?? array( 'h24' => null, 'd7' => null ), $decimals ) as $reason ) {
					$reasons[] = $reason;
				}
			}
			if ( 'orders:refund' === $unit->action && ! $unit->is_delete() ) {
				$refund = $this->refund( $approvals, $unit, $decimals );
				if ( $refund instanceof Decision ) {
					return $refund;
				}
				if ( null !== $refund ) {
					$reasons[] = $refund;
				}
			}
			if ( str_starts_with( $unit->action, 'coupons:' ) ) {
				$coupon = $this->coupon( $approvals, $unit, $decimals );
				if ( $coupon instanceof Decision ) {
					return $coupon;
				}
				if ( null !== $coupon ) {
					$reasons[] = $coupon;
				}
			}
		}
		if ( ! $reasons ) {
			return null;
		}
		$first = $reasons[0];
		return Decision::queue(
			(string) $first['rule'],
			count( $reasons ) > 1 ? sprintf( '%s (and %d more reasons); a human must approve this request.', $first['message'], count( $reasons ) - 1 ) : $first['message'] . ' A human must approve this request.',
			$reasons,
			$this->diff( $units, $decimals )
		);
	}

	/**
	 * @param array<string, mixed> $approvals
	 * @return Decision|array<string, mixed>|null
	 */
	private function stock( array $approvals, WriteUnit $unit ) {
		if ( ! $unit->sent( 'stock_quantity' ) || $unit->is_create() || null === $unit->state ) {
			return null;
		}
		$current = null === ( $unit->state['stock_quantity'] ?? null ) ? null : (int) $unit->state['stock_quantity'];
		if ( ! empty( $approvals['stock']['require_expected'] ) ) {
			if ( ! $unit->sent( 'expected_stock_quantity' ) ) {
				return Decision::invalid(
					'agent_guard_expected_stock_required',
					sprintf( 'This agent must send expected_stock_quantity (the stock it believes %s has) with every stock write.', $unit->key() ),
					$unit->path( 'expected_stock_quantity' ),
					'approvals.stock.require_expected'
				);
			}
			$expected = null === $unit->params['expected_stock_quantity'] ? null : self::integer( $unit->params['expected_stock_quantity'] );
			if ( $expected !== $current ) {
				return Decision::conflict(
					'agent_guard_stock_mismatch',
					sprintf( 'The stock of %s is %s, not %s as expected; nothing was written. Read it again before writing.', $unit->key(), null === $current ? 'not managed' : (string) $current, null === $expected ? 'null' : (string) $expected ),
					'approvals.stock.require_expected',
					array(
						'path'     => $unit->path( 'expected_stock_quantity' ),
						'current'  => $current,
						'expected' => $expected,
					)
				);
			}
		}
		$max = $approvals['stock']['max_change_units'];
		$new = null === $unit->params['stock_quantity'] ? null : self::integer( $unit->params['stock_quantity'] );
		if ( null !== $max && null !== $new && abs( $new - (int) $current ) > (int) $max ) {
			return self::reason( $unit, 'approvals.stock.max_change_units', sprintf( 'Stock of %s would move by %d units; more than %d needs a human.', $unit->key(), abs( $new - (int) $current ), (int) $max ) );
		}
		return null;
	}

	/**
	 * Price envelopes: the new effective and regular prices against the price 24 hours ago and
	 * 7 days ago (so small steps cannot drift), and the size of this one change.
	 *
	 * @param array<string, mixed>                 $approvals
	 * @param array{h24: ?array, d7: ?array}       $baseline
	 * @return list<array<string, mixed>>
	 */
	private function prices( array $approvals, WriteUnit $unit, array $baseline, int $decimals ): array {
		$reasons = array();
		$price   = $approvals['price'];
		$touches = array_filter( self::PRICE_FIELDS, array( $unit, 'sent' ) );
		$dates   = array_filter( self::SALE_DATE_FIELDS, array( $unit, 'sent' ) );
		if ( $dates && ! empty( $price['sale_dates_need_approval'] ) ) {
			$reasons[] = self::reason( $unit, 'approvals.price.sale_dates_need_approval', sprintf( 'Changing the sale dates of %s needs a human.', $unit->key() ), (string) reset( $dates ) );
		}
		if ( ! $touches || $unit->is_create() || null === $unit->state ) {
			return $reasons;
		}
		$now_regular = Money::from_store( $unit->state['regular_price'] ?? '', $decimals ) ?? 0;
		$now_sale    = Money::from_store( $unit->state['sale_price'] ?? '', $decimals );
		$new_regular = $unit->sent( 'regular_price' ) ? (int) Money::parse( $unit->params['regular_price'], $decimals ) : $now_regular;
		$new_sale    = $unit->sent( 'sale_price' ) ? ( '' === $unit->params['sale_price'] ? null : Money::parse( $unit->params['sale_price'], $decimals ) ) : $now_sale;
		$now_price   = null !== $now_sale && $now_sale > 0 ? $now_sale : $now_regular;
		$new_price   = null !== $new_sale && $new_sale > 0 ? $new_sale : $new_regular;

		if ( null !== $price['max_change_minor'] ) {
			foreach ( array( 'regular_price' => array( $now_regular, $new_regular ), 'price' => array( $now_price, $new_price ) ) as $field => list( $from, $to ) ) {
				if ( abs( $to - $from ) > (int) $price['max_change_minor'] ) {
					$reasons[] = self::reason(
						$unit,
						'approvals.price.max_change_minor',
						sprintf( 'The %s of %s would change by %s; more than %s needs a human.', str_replace( '_', ' ', $field ), $unit->key(), Money::format( abs( $to - $from ), $decimals ), Money::format( (int) $price['max_change_minor'], $decimals ) ),
						'price' === $field ? ( $unit->sent( 'sale_price' ) ? 'sale_price' : 'regular_price' ) : $field
					);
					break;
				}
			}
		}
		foreach ( array( 'h24' => 'max_change_percent_24h', 'd7' => 'max_cumulative_percent_7d' ) as $window => $setting ) {
			if ( null === $price[ $setting ] ) {
				continue;
			}
			$base         = $baseline[ $window ] ?? null;
			$base_regular = null !== $base && null !== $base['regular'] ? (int) $base['regular'] : $now_regular;
			$base_price   = null !== $base && null !== $base['price'] ? (int) $base['price'] : $now_price;
			$limit        = (float) $price[ $setting ];
			foreach ( array( 'regular price' => array( $base_regular, $new_regular ), 'price' => array( $base_price, $new_price ) ) as $label => list( $from, $to ) ) {
				$change = Money::percent_change( $from, $to );
				if ( $change > $limit + 1e-9 ) {
					$reasons[] = self::reason(
						$unit,
						'approvals.price.' . $setting,
						sprintf(
							'The %s of %s would move %s %% from %s %s; more than %s %% needs a human.',
							$label,
							$unit->key(),
							is_infinite( $change ) ? '∞' : number_format( $change, 2, '.', '' ),
							Money::format( $from, $decimals ),
							'h24' === $window ? '24 hours ago' : '7 days ago',
							rtrim( rtrim( number_format( $limit, 2, '.', '' ), '0' ), '.' )
						)
					);
					break;
				}
			}
		}
		return $reasons;
	}

	/**
	 * @param array<string, mixed> $approvals
	 * @return Decision|array<string, mixed>|null
	 */
	private function refund( array $approvals, WriteUnit $unit, int $decimals ) {
		$amount = $unit->sent( 'amount' ) ? Money::parse( $unit->params['amount'], $decimals ) : null;
		if ( null !== $amount && null !== $unit->state ) {
			$total    = Money::from_store( $unit->state['total'] ?? '0', $decimals ) ?? 0;
			$refunded = 0;
			foreach ( (array) ( $unit->state['refunds'] ?? array() ) as $refund ) {
				$refunded += abs( Money::from_store( is_array( $refund ) ? ( $refund['total'] ?? '0' ) : '0', $decimals ) ?? 0 );
			}
			if ( $amount > $total - $refunded ) {
				return Decision::invalid(
					'agent_guard_refund_too_large',
					sprintf( 'The refund of %s is more than the %s left to refund on order %s.', Money::format( $amount, $decimals ), Money::format( $total - $refunded, $decimals ), $unit->target_id ),
					$unit->path( 'amount' ),
					'orders.refund.remaining'
				);
			}
		}
		$over = $approvals['refund_over_minor'];
		if ( null === $over ) {
			return null;
		}
		if ( null === $amount ) {
			return self::reason( $unit, 'approvals.refund_over_minor', 'A refund without an explicit amount needs a human.' );
		}
		if ( $amount > (int) $over || 0 === (int) $over ) {
			return self::reason(
				$unit,
				'approvals.refund_over_minor',
				0 === (int) $over
					? sprintf( 'Every refund needs a human (this one: %s).', Money::format( $amount, $decimals ) )
					: sprintf( 'A refund of %s is over %s and needs a human.', Money::format( $amount, $decimals ), Money::format( (int) $over, $decimals ) )
			);
		}
		return null;
	}

	/**
	 * @param array<string, mixed> $approvals
	 * @return Decision|array<string, mixed>|null
	 */
	private function coupon( array $approvals, WriteUnit $unit, int $decimals ) {
		if ( $unit->is_delete() || ( ! $unit->sent( 'amount' ) && ! $unit->sent( 'discount_type' ) ) ) {
			return null;
		}
		$type   = (string) ( $unit->params['discount_type'] ?? $unit->state['discount_type'] ?? 'fixed_cart' );
		$amount = $unit->sent( 'amount' ) ? (int) Money::parse( $unit->params['amount'], $decimals ) : ( Money::from_store( $unit->state['amount'] ?? '0', $decimals ) ?? 0 );
		$unit_d = 10 ** $decimals;
		if ( 'percent' === $type ) {
			if ( $amount > 100 * $unit_d ) {
				return Decision::invalid( 'agent_guard_invalid_amount', 'A percentage coupon cannot take more than 100 %.', $unit->path( 'amount' ) );
			}
			$max = $approvals['coupons']['max_percent'];
			if ( null !== $max && $amount > (int) round( (float) $max * $unit_d ) ) {
				return self::reason( $unit, 'approvals.coupons.max_percent', sprintf( 'A %s %% coupon is over the %s %% cap and needs a human.', Money::format( $amount, $decimals ), rtrim( rtrim( number_format( (float) $max, 2, '.', '' ), '0' ), '.' ) ), 'amount' );
			}
			return null;
		}
		$max = $approvals['coupons']['max_fixed_minor'];
		if ( null !== $max && $amount > (int) $max ) {
			return self::reason( $unit, 'approvals.coupons.max_fixed_minor', sprintf( 'A coupon worth %s is over %s and needs a human.', Money::format( $amount, $decimals ), Money::format( (int) $max, $decimals ) ), 'amount' );
		}
		return null;
	}

	/**
	 * Before → after of every field a write sends, per unit.
	 *
	 * @param list<WriteUnit> $units
	 * @return array<string, mixed>
	 */
	public function diff( array $units, int $decimals ): array {
		$out = array();
		foreach ( $units as $unit ) {
			$changes = array();
			foreach ( $unit->params as $field => $value ) {
				if ( in_array( $field, self::NON_FIELD_PARAMS, true ) ) {
					continue;
				}
				$before = null === $unit->state ? null : ( $unit->state[ $field ] ?? null );
				$entry  = array(
					'before' => $before,
					'after'  => $value,
				);
				if ( in_array( $field, self::PRICE_FIELDS, true ) && null !== $unit->state ) {
					$from = Money::from_store( $before ?? '', $decimals );
					$to   = Money::parse( $value, $decimals );
					if ( null !== $from && null !== $to && $from > 0 ) {
						$entry['change_percent'] = round( ( $to - $from ) / $from * 100, 2 );
					}
				}
				$changes[ (string) $field ] = $entry;
			}
			$out[] = array(
				'item'      => $unit->label,
				'operation' => $unit->operation,
				'action'    => $unit->action,
				'target'    => $unit->key(),
				'name'      => null === $unit->state ? null : ( $unit->state['name'] ?? null ),
				'sku'       => null === $unit->state ? null : ( $unit->state['sku'] ?? null ),
				'changes'   => $changes,
			);
		}
		return array( 'units' => $out );
	}

	/**
	 * @return array<string, mixed>
	 */
	private static function reason( WriteUnit $unit, string $rule, string $message, string $field = '' ): array {
		$reason = array(
			'item'    => $unit->label,
			'target'  => $unit->key(),
			'rule'    => $rule,
			'message' => $message,
		);
		if ( '' !== $field ) {
			$reason['field'] = $unit->path( $field );
		}
		return $reason;
	}

	public static function integer( mixed $value ): ?int {
		if ( is_int( $value ) ) {
			return abs( $value ) <= self::MAX_SAFE_INTEGER ? $value : null;
		}
		if ( is_string( $value ) && preg_match( '/\A-?\d{1,16}\z/', $value ) ) {
			$int = (int) $value;
			return abs( $int ) <= self::MAX_SAFE_INTEGER ? $int : null;
		}
		return null;
	}

	private static function describe( mixed $value ): string {
		if ( is_string( $value ) ) {
			return '"' . mb_substr( $value, 0, 40 ) . '"';
		}
		return get_debug_type( $value );
	}
}

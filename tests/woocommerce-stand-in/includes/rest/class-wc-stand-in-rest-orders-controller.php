<?php
/**
 * orders, orders/<id>, orders/batch — after WC_REST_Orders_Controller (v3), posts storage.
 *
 * @package AgentGuard\Tests\WooCommerceStandIn
 */

defined( 'ABSPATH' ) || exit;

/**
 * Orders.
 */
class WC_Stand_In_REST_Orders_Controller extends WC_Stand_In_REST_Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'orders';

	/**
	 * Post type.
	 *
	 * @var string
	 */
	protected $post_type = 'shop_order';

	/**
	 * Routes.
	 */
	public function register_routes() {
		$this->register_standard_routes();
	}

	/**
	 * Schema of an order item list.
	 *
	 * @param array $properties Item properties.
	 * @param bool  $readonly   The list itself is read-only.
	 * @return array
	 */
	protected static function item_list( array $properties, $readonly = false ) {
		$properties['meta_data'] = self::meta_data_field();
		if ( isset( $properties['display_meta'] ) ) {
			unset( $properties['display_meta'] );
			$properties['meta_data']['items']['properties'] += array(
				'display_key'   => self::readonly( 'string' ),
				'display_value' => self::readonly( 'string' ),
			);
		}
		return self::field(
			'array',
			array(
				'items' => array(
					'type'       => 'object',
					'properties' => $properties,
				),
			) + ( $readonly ? array( 'readonly' => true ) : array() )
		);
	}

	/**
	 * Taxes of an item.
	 *
	 * @param bool $subtotal With a subtotal.
	 * @return array
	 */
	protected static function taxes_field( $subtotal = true ) {
		$properties = array(
			'id'    => self::readonly( 'integer' ),
			'total' => self::readonly( 'string' ),
		);
		if ( $subtotal ) {
			$properties['subtotal'] = self::readonly( 'string' );
		}
		return self::readonly(
			'array',
			array(
				'items' => array(
					'type'       => 'object',
					'properties' => $properties,
				),
			)
		);
	}

	/**
	 * Line, shipping, fee and tax item schemas, shared with refunds.
	 *
	 * @return array<string,array>
	 */
	protected static function item_schemas() {
		$mixed = array( 'null', 'object', 'string', 'number', 'boolean', 'integer', 'array' );
		return array(
			'line_items'     => self::item_list(
				array(
					'id'           => self::readonly( 'integer' ),
					'name'         => self::field( $mixed ),
					'parent_name'  => self::field( 'string' ),
					'product_id'   => self::field( $mixed ),
					'variation_id' => self::field( 'integer' ),
					'quantity'     => self::field( 'integer' ),
					'tax_class'    => self::field( 'string' ),
					'subtotal'     => self::field( 'string' ),
					'subtotal_tax' => self::readonly( 'string' ),
					'total'        => self::field( 'string' ),
					'total_tax'    => self::readonly( 'string' ),
					'taxes'        => self::taxes_field(),
					'display_meta' => true,
					'sku'          => self::readonly( 'string' ),
					'price'        => self::readonly( 'number' ),
					'image'        => self::readonly(
						'object',
						array(
							'properties' => array(
								'id'  => self::field( 'integer' ),
								'src' => self::field( 'string', array( 'format' => 'uri' ) ),
							),
						)
					),
				)
			),
			'tax_lines'      => self::item_list(
				array(
					'id'                 => self::readonly( 'integer' ),
					'rate_code'          => self::readonly( 'string' ),
					'rate_id'            => self::readonly( 'integer' ),
					'label'              => self::readonly( 'string' ),
					'compound'           => self::readonly( 'boolean' ),
					'tax_total'          => self::readonly( 'string' ),
					'shipping_tax_total' => self::readonly( 'string' ),
				),
				true
			),
			'shipping_lines' => self::item_list(
				array(
					'id'           => self::readonly( 'integer' ),
					'method_title' => self::field( $mixed ),
					'method_id'    => self::field( $mixed ),
					'instance_id'  => self::field( 'string' ),
					'total'        => self::field( 'string' ),
					'total_tax'    => self::readonly( 'string' ),
					'taxes'        => self::taxes_field( false ),
				)
			),
			'fee_lines'      => self::item_list(
				array(
					'id'         => self::readonly( 'integer' ),
					'name'       => self::field( $mixed ),
					'tax_class'  => self::field( 'string' ),
					'tax_status' => self::field( 'string', array( 'enum' => array( 'taxable', 'none' ) ) ),
					'total'      => self::field( 'string' ),
					'total_tax'  => self::readonly( 'string' ),
					'taxes'      => self::taxes_field(),
				)
			),
		);
	}

	/**
	 * Item schemas of refunds: read-only line items with their refund_total.
	 *
	 * @return array<string,array>
	 */
	public static function refund_item_schemas() {
		$items = self::item_schemas();

		$items['line_items']['readonly'] = true;
		$items['line_items']['items']['properties']['refund_total'] = self::field( 'number', array( 'readonly' => true ), array( 'edit' ) );
		return $items;
	}

	/**
	 * The order schema's properties.
	 *
	 * @return array
	 */
	protected function get_schema_properties() {
		$mixed    = array( 'null', 'object', 'string', 'number', 'boolean', 'integer', 'array' );
		$statuses = array_merge( array( 'auto-draft' ), array_keys( wc_stand_in_order_statuses() ) );
		$items    = self::item_schemas();
		return array(
			'id'                   => self::readonly( 'integer' ),
			'parent_id'            => self::field( 'integer' ),
			'number'               => self::readonly( 'string' ),
			'order_key'            => self::readonly( 'string' ),
			'created_via'          => self::readonly( 'string' ),
			'version'              => self::readonly( 'string' ),
			'status'               => self::field( 'string', array( 'default' => 'pending', 'enum' => $statuses ) ),
			'currency'             => self::field( 'string', array( 'default' => (string) get_option( 'woocommerce_currency', 'USD' ), 'enum' => wc_stand_in_currency_codes() ) ),
			'date_created'         => self::date_field( true ),
			'date_created_gmt'     => self::date_field( true ),
			'date_modified'        => self::date_field( true ),
			'date_modified_gmt'    => self::date_field( true ),
			'discount_total'       => self::readonly( 'string' ),
			'discount_tax'         => self::readonly( 'string' ),
			'shipping_total'       => self::readonly( 'string' ),
			'shipping_tax'         => self::readonly( 'string' ),
			'cart_tax'             => self::readonly( 'string' ),
			'total'                => self::readonly( 'string' ),
			'total_tax'            => self::readonly( 'string' ),
			'prices_include_tax'   => self::readonly( 'boolean' ),
			'customer_id'          => self::field( 'integer', array( 'default' => 0 ) ),
			'customer_ip_address'  => self::readonly( 'string' ),
			'customer_user_agent'  => self::readonly( 'string' ),
			'customer_note'        => self::field( 'string' ),
			'billing'              => self::address_field( WC_Stand_In_Orders::BILLING, array( 'email' => self::field( array( 'string', 'null' ), array( 'format' => 'email' ) ) ) ),
			'shipping'             => self::address_field( array_diff( WC_Stand_In_Orders::SHIPPING, array( 'phone' ) ) ),
			'payment_method'       => self::field( 'string' ),
			'payment_method_title' => self::field( 'string', array( 'arg_options' => array( 'sanitize_callback' => 'sanitize_text_field' ) ) ),
			'transaction_id'       => self::field( 'string' ),
			'date_paid'            => self::date_field( true ),
			'date_paid_gmt'        => self::date_field( true ),
			'date_completed'       => self::date_field( true ),
			'date_completed_gmt'   => self::date_field( true ),
			'cart_hash'            => self::readonly( 'string' ),
			'meta_data'            => self::meta_data_field(),
			'line_items'           => $items['line_items'],
			'tax_lines'            => $items['tax_lines'],
			'shipping_lines'       => $items['shipping_lines'],
			'fee_lines'            => $items['fee_lines'],
			'coupon_lines'         => self::item_list(
				array(
					'id'             => self::readonly( 'integer' ),
					'code'           => self::field( $mixed ),
					'discount'       => self::readonly( 'string' ),
					'discount_tax'   => self::readonly( 'string' ),
					'discount_type'  => self::field( 'string', array( 'readonly' => true ), array( 'view' ) ),
					'nominal_amount' => self::field( 'number', array( 'readonly' => true ), array( 'view' ) ),
					'free_shipping'  => self::field( 'boolean', array( 'readonly' => true ), array( 'view' ) ),
				)
			),
			'refunds'              => self::readonly(
				'array',
				array(
					'items' => array(
						'type'       => 'object',
						'properties' => array(
							'id'     => self::readonly( 'integer' ),
							'reason' => self::readonly( 'string' ),
							'total'  => self::readonly( 'string' ),
						),
					),
				)
			),
			'payment_url'          => self::readonly( 'string' ),
			'set_paid'             => self::field( 'boolean', array( 'default' => false ), array( 'edit' ) ),
			'is_editable'          => self::readonly( 'boolean' ),
			'needs_payment'        => self::readonly( 'boolean' ),
			'needs_processing'     => self::readonly( 'boolean' ),
			'manual_update'        => self::field( 'boolean', array( 'default' => false ), array( 'edit' ) ),
			'currency_symbol'      => self::readonly( 'string' ),
		);
	}

	/**
	 * Collection parameters.
	 *
	 * @return array
	 */
	public function get_collection_params() {
		$params                            = $this->crud_collection_params( array( 'date', 'id', 'include', 'title', 'slug', 'modified' ), true );
		$params['status']                  = array(
			'default'           => 'any',
			'type'              => 'array',
			'items'             => array(
				'type' => 'string',
				'enum' => array_merge( array( 'any', 'trash', 'auto-draft' ), array_keys( wc_stand_in_order_statuses() ) ),
			),
			'validate_callback' => 'rest_validate_request_arg',
		);
		$params['customer']                = array(
			'type'              => 'integer',
			'sanitize_callback' => 'absint',
		);
		$params['product']                 = $params['customer'];
		$params['dp']                      = array(
			'default'           => wc_get_price_decimals(),
			'type'              => 'integer',
			'sanitize_callback' => 'absint',
		);
		$params['order_item_display_meta'] = array(
			'default' => false,
			'type'    => 'boolean',
		);
		$params['include_meta']            = array(
			'default' => array(),
			'type'    => 'array',
			'items'   => array( 'type' => 'string' ),
		);
		$params['exclude_meta']            = $params['include_meta'];
		return $params;
	}

	/**
	 * Existing order id.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return int
	 */
	protected function existing_id( $request ) {
		$order = WC_Stand_In_Orders::read( (int) $request['id'] );
		return $order ? $order['id'] : 0;
	}

	/**
	 * As products, except that unknown orders still need read rights.
	 *
	 * @param string          $action  Action.
	 * @param WP_REST_Request $request Request.
	 * @return bool
	 */
	protected function can( $action, $request ) {
		if ( in_array( $action, array( 'read', 'edit', 'delete' ), true ) && ! $this->existing_id( $request ) && ! wc_stand_in_check_post_permissions( $this->post_type, 'read' ) ) {
			return false;
		}
		return parent::can( $action, $request );
	}

	/**
	 * GET orders.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ) {
		global $wpdb;
		$args     = $this->prepare_objects_query( $request );
		$statuses = (array) ( $request['status'] ?? 'any' );
		$args['post_status'] = array();
		foreach ( $statuses as $status ) {
			if ( 'any' === $status ) {
				$args['post_status'] = 'any';
				break;
			}
			$args['post_status'][] = isset( wc_stand_in_order_statuses()[ $status ] ) ? 'wc-' . $status : $status;
		}
		$args['s'] = '';
		if ( ! empty( $request['customer'] ) || '0' === (string) $request['customer'] ) {
			$args['meta_query'] = array( // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_query
				array(
					'key'   => '_customer_user',
					'value' => (int) $request['customer'],
				),
			);
		}
		$restrict = null;
		if ( ! empty( $request['product'] ) ) {
			$restrict = array_map( 'intval', $wpdb->get_col( $wpdb->prepare( "SELECT i.order_id FROM {$wpdb->prefix}woocommerce_order_items i INNER JOIN {$wpdb->prefix}woocommerce_order_itemmeta m ON m.order_item_id = i.order_item_id WHERE m.meta_key IN ( '_product_id', '_variation_id' ) AND m.meta_value = %s", (string) (int) $request['product'] ) ) );
		}
		if ( ! empty( $request['search'] ) ) {
			$like   = '%' . $wpdb->esc_like( (string) $request['search'] ) . '%';
			$found  = array_map( 'intval', $wpdb->get_col( $wpdb->prepare( "SELECT DISTINCT post_id FROM {$wpdb->postmeta} WHERE meta_key IN ( '_billing_first_name', '_billing_last_name', '_billing_email', '_billing_phone', '_billing_company', '_billing_address_1', '_billing_city', '_shipping_first_name', '_shipping_last_name', '_shipping_address_1', '_shipping_city', '_order_key' ) AND meta_value LIKE %s", $like ) ) );
			$found  = array_merge( $found, array_map( 'intval', $wpdb->get_col( $wpdb->prepare( "SELECT order_id FROM {$wpdb->prefix}woocommerce_order_items WHERE order_item_name LIKE %s", $like ) ) ) );
			$found[] = absint( $request['search'] );
			$restrict = null === $restrict ? $found : array_intersect( $restrict, $found );
		}
		if ( null !== $restrict ) {
			$args['post__in'] = $args['post__in'] ? array_intersect( $args['post__in'], $restrict ) : $restrict;
			$args['post__in'] = $args['post__in'] ? array_values( $args['post__in'] ) : array( 0 );
		}
		$args = apply_filters( "woocommerce_rest_{$this->post_type}_object_query", $args, $request );
		return $this->respond_with_posts(
			$args,
			$request,
			function ( $id ) use ( $request ) {
				$order = WC_Stand_In_Orders::read( $id );
				return $order && wc_stand_in_check_post_permissions( $this->post_type, 'read', $id ) ? $this->prepare_order( $order, $request ) : null;
			}
		);
	}

	/**
	 * GET orders/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		$order = WC_Stand_In_Orders::read( (int) $request['id'] );
		if ( ! $order ) {
			return new WP_Error( "woocommerce_rest_{$this->post_type}_invalid_id", 'Invalid ID.', array( 'status' => 404 ) );
		}
		return $this->prepare_order( $order, $request );
	}

	/**
	 * POST orders.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		if ( ! empty( $request['id'] ) ) {
			return new WP_Error( "woocommerce_rest_{$this->post_type}_exists", sprintf( 'Cannot create existing %s.', $this->post_type ), array( 'status' => 400 ) );
		}
		$id = $this->save_from_request( $request, null );
		if ( is_wp_error( $id ) ) {
			return $id;
		}
		$request->set_param( 'context', 'edit' );
		return $this->created( $this->prepare_order( WC_Stand_In_Orders::read( $id ), $request ), $id );
	}

	/**
	 * PUT orders/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( $request ) {
		$order = WC_Stand_In_Orders::read( (int) $request['id'] );
		if ( ! $order ) {
			return new WP_Error( "woocommerce_rest_{$this->post_type}_invalid_id", 'Invalid ID.', array( 'status' => 400 ) );
		}
		$id = $this->save_from_request( $request, $order );
		if ( is_wp_error( $id ) ) {
			return $id;
		}
		$request->set_param( 'context', 'edit' );
		return rest_ensure_response( $this->prepare_order( WC_Stand_In_Orders::read( $id ), $request ) );
	}

	/**
	 * DELETE orders/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function delete_item( $request ) {
		$order    = WC_Stand_In_Orders::read( (int) $request['id'] );
		$response = $this->delete_post_object(
			$request,
			$order ? $order['id'] : 0,
			fn( $request ) => $this->prepare_order( $order, $request ),
			static function ( $id ) {
				do_action( 'woocommerce_before_delete_order', $id, WC_Stand_In_Orders::object( $id ) );
				WC_Stand_In_Orders::update_total_sales( $id, true );
				foreach ( WC_Stand_In_Orders::refund_ids( $id ) as $refund_id ) {
					wp_delete_post( $refund_id, true );
				}
			}
		);
		if ( $order && ! is_wp_error( $response ) ) {
			if ( ! $request['force'] ) {
				WC_Stand_In_Orders::update_total_sales( $order['id'] );
			}
			do_action( $request['force'] ? 'woocommerce_delete_order' : 'woocommerce_trash_order', $order['id'] );
		}
		return $response;
	}

	/**
	 * Applies a request to an order and saves it, in WooCommerce's order: props and items,
	 * totals, then the status (with its transitions), then set_paid.
	 *
	 * @param WP_REST_Request $request Request.
	 * @param array|null      $order   Existing order, null to create.
	 * @return int|WP_Error
	 */
	protected function save_from_request( $request, $order ) {
		$creating = null === $order;
		$props    = $creating ? WC_Stand_In_Orders::defaults() : $order;
		foreach ( array( 'parent_id', 'customer_id' ) as $key ) {
			if ( isset( $request[ $key ] ) ) {
				$props[ $key ] = (int) $request[ $key ];
			}
		}
		foreach ( array( 'currency', 'customer_note', 'payment_method', 'payment_method_title', 'transaction_id' ) as $key ) {
			if ( isset( $request[ $key ] ) ) {
				$props[ $key ] = (string) $request[ $key ];
			}
		}
		foreach ( array( 'billing', 'shipping' ) as $type ) {
			if ( isset( $request[ $type ] ) && is_array( $request[ $type ] ) ) {
				foreach ( $request[ $type ] as $field => $value ) {
					if ( array_key_exists( $field, $props[ $type ] ) ) {
						$props[ $type ][ $field ] = 'email' === $field ? sanitize_email( (string) $value ) : sanitize_text_field( (string) $value );
					}
				}
			}
		}
		if ( ! empty( $props['customer_id'] ) && false === get_user_by( 'id', $props['customer_id'] ) ) {
			return new WP_Error( 'woocommerce_rest_invalid_customer_id', 'Customer ID is invalid.', array( 'status' => 400 ) );
		}
		if ( $creating ) {
			$props['created_via'] = 'rest-api';
		}
		$lines = $this->prepare_lines( $request, $creating ? 0 : $props['id'] );
		if ( is_wp_error( $lines ) ) {
			return $lines;
		}
		$pending = apply_filters( "woocommerce_rest_pre_insert_{$this->post_type}_object", new WC_Stand_In_Object( (int) $props['id'], 'shop_order', $props ), $request, $creating );
		if ( is_wp_error( $pending ) ) {
			return $pending;
		}

		$id = WC_Stand_In_Orders::write( $props );
		if ( is_wp_error( $id ) ) {
			return $id;
		}
		foreach ( $lines as $line ) {
			if ( 'delete' === $line['action'] ) {
				WC_Stand_In_Orders::delete_item( $line['id'] );
			} else {
				$item_id = WC_Stand_In_Orders::save_item( $id, $line['type'], $line['name'], $line['meta'], $line['id'] );
				if ( isset( $line['meta_data'] ) ) {
					WC_Stand_In_Meta::write( 'order_item', $item_id, $line['meta_data'], WC_Stand_In_Orders::INTERNAL_ITEM_META );
				}
			}
		}
		if ( ! $creating && $lines && in_array( $props['status'], array( 'processing', 'completed', 'on-hold' ), true ) ) {
			WC_Stand_In_Orders::adjust_reduced_stock( $id );
		}
		if ( is_array( $request['meta_data'] ) ) {
			WC_Stand_In_Meta::write( 'post', $id, $request['meta_data'], WC_Stand_In_Orders::INTERNAL_META );
		}
		if ( $creating || isset( $request['billing'] ) || isset( $request['shipping'] ) || $lines ) {
			WC_Stand_In_Orders::calculate_totals( $id );
		}
		// As WooCommerce: woocommerce_new_order when the order is first stored, then
		// woocommerce_update_order for the save that follows (totals, status), before the status
		// transition actions; once more if the payment completes it.
		if ( $creating ) {
			do_action( 'woocommerce_new_order', $id, WC_Stand_In_Orders::object( $id ) );
		}
		do_action( 'woocommerce_update_order', $id, WC_Stand_In_Orders::object( $id ) );
		if ( ! empty( $request['status'] ) ) {
			WC_Stand_In_Orders::transition( $id, $request['status'], '', (bool) $request['manual_update'] );
		}
		if ( true === $request['set_paid'] ) {
			$current = WC_Stand_In_Orders::read( $id );
			if ( $creating || in_array( $current['status'], array( 'pending', 'failed' ), true ) ) {
				$this->payment_complete( $id, (string) $request['transaction_id'] );
				do_action( 'woocommerce_update_order', $id, WC_Stand_In_Orders::object( $id ) );
			}
		}
		do_action( "woocommerce_rest_insert_{$this->post_type}_object", WC_Stand_In_Orders::object( $id ), $request, $creating );
		return $id;
	}

	/**
	 * WC_Order::payment_complete(): paid date, transaction id, processing (or completed when
	 * nothing needs processing), stock.
	 *
	 * @param int    $id             Order id.
	 * @param string $transaction_id Transaction id.
	 */
	private function payment_complete( $id, $transaction_id ) {
		$order = WC_Stand_In_Orders::read( $id );
		if ( in_array( $order['status'], array( 'on-hold', 'pending', 'failed', 'cancelled' ), true ) ) {
			if ( $transaction_id ) {
				update_post_meta( $id, '_transaction_id', $transaction_id );
			}
			if ( ! $order['date_paid'] ) {
				update_post_meta( $id, '_date_paid', (string) time() );
			}
			WC_Stand_In_Orders::transition( $id, $this->needs_processing( $id ) ? 'processing' : 'completed' );
			do_action( 'woocommerce_payment_complete', $id, $transaction_id );
		} else {
			do_action( 'woocommerce_payment_complete_order_status_' . $order['status'], $id, $transaction_id );
		}
	}

	/**
	 * Whether an item is not both virtual and downloadable.
	 *
	 * @param int $id Order id.
	 * @return bool
	 */
	private function needs_processing( $id ) {
		foreach ( WC_Stand_In_Orders::items( $id, 'line_item' ) as $item ) {
			$product_id = (int) ( $item['meta']['_variation_id'] ?? 0 ) ? (int) $item['meta']['_variation_id'] : (int) ( $item['meta']['_product_id'] ?? 0 );
			$product    = WC_Stand_In_Products::read( $product_id );
			if ( $product && ! ( $product['virtual'] && $product['downloadable'] ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Turns line_items / shipping_lines / fee_lines / coupon_lines into item writes.
	 *
	 * @param WP_REST_Request $request  Request.
	 * @param int             $order_id Existing order, 0 when creating.
	 * @return array|WP_Error
	 */
	private function prepare_lines( $request, $order_id ) {
		$lines    = array();
		$existing = array();
		foreach ( array( 'line_item', 'shipping', 'fee', 'coupon' ) as $type ) {
			foreach ( $order_id ? WC_Stand_In_Orders::items( $order_id, $type ) : array() as $item ) {
				$existing[ $item['id'] ] = $item;
			}
		}
		$map = array(
			'line_items'     => 'line_item',
			'shipping_lines' => 'shipping',
			'fee_lines'      => 'fee',
			'coupon_lines'   => 'coupon',
		);
		foreach ( $map as $param => $type ) {
			if ( ! is_array( $request[ $param ] ) ) {
				continue;
			}
			foreach ( $request[ $param ] as $posted ) {
				if ( ! is_array( $posted ) ) {
					continue;
				}
				$item_id = absint( $posted['id'] ?? 0 );
				if ( $item_id && ( ! isset( $existing[ $item_id ] ) || $existing[ $item_id ]['type'] !== $type ) ) {
					return new WP_Error( 'woocommerce_rest_invalid_item_id', 'Order item ID provided is not associated with order.', array( 'status' => 400 ) );
				}
				$current = $item_id ? $existing[ $item_id ] : null;
				if ( $current && ( ( isset( $posted['quantity'] ) && 0 === (int) $posted['quantity'] && 'line_item' === $type ) || ( array_key_exists( 'product_id', $posted ) && null === $posted['product_id'] ) || ( array_key_exists( 'method_id', $posted ) && null === $posted['method_id'] ) || ( array_key_exists( 'name', $posted ) && null === $posted['name'] && 'fee' === $type ) || ( array_key_exists( 'code', $posted ) && null === $posted['code'] ) ) ) {
					$lines[] = array(
						'action' => 'delete',
						'id'     => $item_id,
					);
					continue;
				}
				$line = 'line_item' === $type ? $this->prepare_line_item( $posted, $current ) : $this->prepare_other_line( $type, $posted, $current );
				if ( is_wp_error( $line ) ) {
					return $line;
				}
				$lines[] = $line + array(
					'action' => 'save',
					'id'     => $item_id,
					'type'   => $type,
				) + ( isset( $posted['meta_data'] ) ? array( 'meta_data' => $posted['meta_data'] ) : array() );
			}
		}
		return $lines;
	}

	/**
	 * A product line.
	 *
	 * @param array      $posted  Posted item.
	 * @param array|null $current Existing item.
	 * @return array|WP_Error
	 */
	private function prepare_line_item( array $posted, $current ) {
		$meta       = $current ? $current['meta'] : array();
		// WC_REST_Orders_V2_Controller::get_product_id(): SKU first, then variation or product id.
		if ( ! empty( $posted['sku'] ) ) {
			$product_id = WC_Stand_In_Products::id_by_sku( (string) $posted['sku'] );
		} elseif ( ! empty( $posted['variation_id'] ) || ! empty( $posted['product_id'] ) ) {
			$product_id = absint( ! empty( $posted['variation_id'] ) ? $posted['variation_id'] : $posted['product_id'] );
		} elseif ( $current ) {
			$product_id = (int) ( $meta['_variation_id'] ?? 0 ) ? (int) $meta['_variation_id'] : (int) ( $meta['_product_id'] ?? 0 );
		} else {
			return new WP_Error( 'woocommerce_rest_required_product_reference', 'Product ID or SKU is required.', array( 'status' => 400 ) );
		}
		// An unknown product leaves an empty line, as WooCommerce does.
		$product  = WC_Stand_In_Products::read( $product_id );
		$quantity = isset( $posted['quantity'] ) ? (int) $posted['quantity'] : (int) ( $meta['_qty'] ?? 1 );
		$price    = ! $product ? 0 : ( 'variable' === $product['type'] ? WC_Stand_In_Products::active_price( $product_id ) : $product['price'] );
		// Totals are computed for new lines only; an update keeps them unless it sends them.
		$subtotal = isset( $posted['subtotal'] ) ? wc_format_decimal( $posted['subtotal'] ) : ( $current ? $meta['_line_subtotal'] : wc_format_decimal( (float) $price * $quantity ) );
		$total    = isset( $posted['total'] ) ? wc_format_decimal( $posted['total'] ) : ( $current && ! isset( $posted['subtotal'] ) ? $meta['_line_total'] : $subtotal );
		$name     = isset( $posted['name'] ) && is_string( $posted['name'] ) ? $posted['name'] : ( $product ? $product['name'] : ( $current ? $current['name'] : '' ) );
		$is_var   = $product && 'variation' === $product['type'];
		$tax      = $product && 'parent' !== $product['tax_class'] ? $product['tax_class'] : '';
		return array(
			'name' => $name,
			'meta' => array(
				'_product_id'        => (string) ( $product ? ( $is_var ? $product['parent_id'] : $product_id ) : 0 ),
				'_variation_id'      => (string) ( $is_var ? $product_id : 0 ),
				'_qty'               => (string) $quantity,
				'_tax_class'         => isset( $posted['tax_class'] ) ? (string) $posted['tax_class'] : $tax,
				'_line_subtotal'     => (string) $subtotal,
				'_line_subtotal_tax' => '0',
				'_line_total'        => (string) $total,
				'_line_tax'          => '0',
				'_line_tax_data'     => array(
					'total'    => array(),
					'subtotal' => array(),
				),
			),
		);
	}

	/**
	 * A shipping, fee or coupon line.
	 *
	 * @param string     $type    Item type.
	 * @param array      $posted  Posted item.
	 * @param array|null $current Existing item.
	 * @return array|WP_Error
	 */
	private function prepare_other_line( $type, array $posted, $current ) {
		$meta = $current ? $current['meta'] : array();
		$name = $current ? $current['name'] : '';
		if ( 'shipping' === $type ) {
			if ( ! $current && empty( $posted['method_id'] ) ) {
				return new WP_Error( 'woocommerce_rest_invalid_shipping_item', 'Shipping method ID is required.', array( 'status' => 400 ) );
			}
			$name = isset( $posted['method_title'] ) ? (string) $posted['method_title'] : $name;
			$meta = array(
				'method_id'   => (string) ( $posted['method_id'] ?? ( $meta['method_id'] ?? '' ) ),
				'instance_id' => (string) ( $posted['instance_id'] ?? ( $meta['instance_id'] ?? '' ) ),
				'cost'        => wc_format_decimal( $posted['total'] ?? ( $meta['cost'] ?? '0' ) ),
				'total_tax'   => '0',
				'taxes'       => array( 'total' => array() ),
			);
		} elseif ( 'fee' === $type ) {
			if ( ! $current && empty( $posted['name'] ) ) {
				return new WP_Error( 'woocommerce_rest_invalid_fee_item', 'Fee name is required.', array( 'status' => 400 ) );
			}
			$name  = isset( $posted['name'] ) ? (string) $posted['name'] : $name;
			$total = wc_format_decimal( $posted['total'] ?? ( $meta['_line_total'] ?? '0' ) );
			$meta  = array(
				'_fee_amount'    => (string) ( $meta['_fee_amount'] ?? '' ),
				'_tax_class'     => (string) ( $posted['tax_class'] ?? ( $meta['_tax_class'] ?? '' ) ),
				'_tax_status'    => (string) ( $posted['tax_status'] ?? ( $meta['_tax_status'] ?? 'taxable' ) ),
				'_line_total'    => $total,
				'_line_tax'      => '0',
				'_line_tax_data' => array( 'total' => array() ),
			);
		} else {
			if ( ! $current && empty( $posted['code'] ) ) {
				return new WP_Error( 'woocommerce_rest_invalid_coupon', 'Coupon code is required.', array( 'status' => 400 ) );
			}
			$name = isset( $posted['code'] ) ? strtolower( (string) $posted['code'] ) : $name;
			$meta = array(
				'discount_amount'     => $meta['discount_amount'] ?? '0',
				'discount_amount_tax' => '0',
			);
		}
		return array(
			'name' => $name,
			'meta' => $meta,
		);
	}

	/**
	 * The REST representation of an order.
	 *
	 * @param array           $o       Order props.
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	protected function prepare_order( array $o, $request ) {
		$dp        = null === $request['dp'] ? wc_get_price_decimals() : absint( $request['dp'] );
		$id        = $o['id'];
		$format    = static fn( $value ) => wc_format_decimal( $value, $dp );
		$refunds   = array();
		foreach ( WC_Stand_In_Orders::refund_ids( $id ) as $refund_id ) {
			$refunds[] = array(
				'id'     => $refund_id,
				'reason' => (string) get_post_meta( $refund_id, '_refund_reason', true ),
				'total'  => '-' . $format( get_post_meta( $refund_id, '_refund_amount', true ) ),
			);
		}
		$checkout  = home_url( '/checkout/order-pay/' . $id . '/' );
		$status    = $o['status'];
		$total     = (float) $o['total'];
		$data      = array(
			'id'                   => $id,
			'parent_id'            => $o['parent_id'],
			'status'               => $status,
			'currency'             => $o['currency'],
			'version'              => $o['version'],
			'prices_include_tax'   => $o['prices_include_tax'],
			'date_created'         => wc_stand_in_rest_date( $o['date_created'] ),
			'date_modified'        => wc_stand_in_rest_date( $o['date_modified'] ),
			'discount_total'       => $format( $o['discount_total'] ),
			'discount_tax'         => $format( $o['discount_tax'] ),
			'shipping_total'       => $format( $o['shipping_total'] ),
			'shipping_tax'         => $format( $o['shipping_tax'] ),
			'cart_tax'             => $format( $o['cart_tax'] ),
			'total'                => $format( $o['total'] ),
			'total_tax'            => $format( (float) $o['cart_tax'] + (float) $o['shipping_tax'] ),
			'customer_id'          => $o['customer_id'],
			'order_key'            => $o['order_key'],
			'billing'              => $o['billing'],
			'shipping'             => $o['shipping'],
			'payment_method'       => $o['payment_method'],
			'payment_method_title' => $o['payment_method_title'],
			'transaction_id'       => $o['transaction_id'],
			'customer_ip_address'  => $o['customer_ip_address'],
			'customer_user_agent'  => $o['customer_user_agent'],
			'created_via'          => $o['created_via'],
			'customer_note'        => $o['customer_note'],
			'date_completed'       => wc_stand_in_rest_date( $o['date_completed'] ),
			'date_paid'            => wc_stand_in_rest_date( $o['date_paid'] ),
			'cart_hash'            => $o['cart_hash'],
			'number'               => (string) $id,
			'meta_data'            => WC_Stand_In_Meta::for_response( WC_Stand_In_Meta::read( 'post', $id, WC_Stand_In_Orders::INTERNAL_META ), $request ),
			'line_items'           => array_map( fn( $item ) => self::line_item_data( $item, $dp ), WC_Stand_In_Orders::items( $id, 'line_item' ) ),
			'tax_lines'            => array(),
			'shipping_lines'       => array_map( fn( $item ) => self::other_line_data( $item, $dp ), WC_Stand_In_Orders::items( $id, 'shipping' ) ),
			'fee_lines'            => array_map( fn( $item ) => self::other_line_data( $item, $dp ), WC_Stand_In_Orders::items( $id, 'fee' ) ),
			'coupon_lines'         => array_map( fn( $item ) => self::other_line_data( $item, $dp ), WC_Stand_In_Orders::items( $id, 'coupon' ) ),
			'refunds'              => $refunds,
			'payment_url'          => add_query_arg( array( 'pay_for_order' => 'true', 'key' => $o['order_key'] ), $checkout ),
			'is_editable'          => in_array( $status, array( 'pending', 'on-hold', 'auto-draft' ), true ),
			'needs_payment'        => in_array( $status, array( 'pending', 'failed' ), true ) && $total > 0,
			'needs_processing'     => $this->needs_processing( $id ),
			'date_created_gmt'     => wc_stand_in_rest_date( $o['date_created'], true ),
			'date_modified_gmt'    => wc_stand_in_rest_date( $o['date_modified'], true ),
			'date_completed_gmt'   => wc_stand_in_rest_date( $o['date_completed'], true ),
			'date_paid_gmt'        => wc_stand_in_rest_date( $o['date_paid'], true ),
			'currency_symbol'      => html_entity_decode( wc_stand_in_currency_symbol( $o['currency'] ), ENT_QUOTES ),
		);
		$links     = $this->item_links( $id );
		if ( $o['customer_id'] ) {
			$links['customer'] = array( 'href' => rest_url( sprintf( '/%s/customers/%d', $this->namespace, $o['customer_id'] ) ) );
		}
		if ( $o['parent_id'] ) {
			$links['up'] = array( 'href' => rest_url( sprintf( '/%s/orders/%d', $this->namespace, $o['parent_id'] ) ) );
		}
		return $this->finish_response( $data, $request, $links, "woocommerce_rest_prepare_{$this->post_type}_object", WC_Stand_In_Orders::object( $id ) );
	}

	/**
	 * Item meta as { id, key, value, display_key, display_value }.
	 *
	 * @param int $item_id Item id.
	 * @return array
	 */
	public static function item_meta( $item_id ) {
		return array_map(
			static fn( $row ) => $row + array(
				'display_key'   => $row['key'],
				'display_value' => is_scalar( $row['value'] ) ? (string) $row['value'] : wp_json_encode( $row['value'] ),
			),
			WC_Stand_In_Meta::read( 'order_item', $item_id, WC_Stand_In_Orders::INTERNAL_ITEM_META )
		);
	}

	/**
	 * A product line as WC_REST_Orders_V2_Controller::get_order_item_data() prints it.
	 *
	 * @param array $item Item.
	 * @param int   $dp   Decimals.
	 * @return array
	 */
	public static function line_item_data( array $item, $dp ) {
		$m            = $item['meta'];
		$variation_id = (int) ( $m['_variation_id'] ?? 0 );
		$product      = WC_Stand_In_Products::read( $variation_id ? $variation_id : (int) ( $m['_product_id'] ?? 0 ) );
		$quantity     = (int) ( $m['_qty'] ?? 0 );
		$parent       = $product && $product['parent_id'] ? WC_Stand_In_Products::read( $product['parent_id'] ) : null;
		return array(
			'id'           => $item['id'],
			'name'         => $item['name'],
			'product_id'   => (int) ( $m['_product_id'] ?? 0 ),
			'variation_id' => $variation_id,
			'quantity'     => $quantity,
			'tax_class'    => (string) ( $m['_tax_class'] ?? '' ),
			'subtotal'     => wc_format_decimal( $m['_line_subtotal'] ?? 0, $dp ),
			'subtotal_tax' => wc_format_decimal( $m['_line_subtotal_tax'] ?? 0, $dp ),
			'total'        => wc_format_decimal( $m['_line_total'] ?? 0, $dp ),
			'total_tax'    => wc_format_decimal( $m['_line_tax'] ?? 0, $dp ),
			'taxes'        => array(),
			'meta_data'    => self::item_meta( $item['id'] ),
			'sku'          => $product ? ( '' !== $product['sku'] ? $product['sku'] : ( $parent['sku'] ?? '' ) ) : null,
			'price'        => $quantity ? (float) ( $m['_line_total'] ?? 0 ) / $quantity : 0,
			'image'        => array(
				'id'  => $product && ! $variation_id ? '' : 0,
				'src' => '',
			),
			'parent_name'  => $variation_id && $parent ? $parent['name'] : null,
		);
	}

	/**
	 * A shipping, fee or coupon line.
	 *
	 * @param array $item Item.
	 * @param int   $dp   Decimals.
	 * @return array
	 */
	public static function other_line_data( array $item, $dp ) {
		$m = $item['meta'];
		if ( 'shipping' === $item['type'] ) {
			return array(
				'id'           => $item['id'],
				'method_title' => $item['name'],
				'method_id'    => (string) ( $m['method_id'] ?? '' ),
				'instance_id'  => (string) ( $m['instance_id'] ?? '' ),
				'total'        => wc_format_decimal( $m['cost'] ?? 0, $dp ),
				'total_tax'    => wc_format_decimal( $m['total_tax'] ?? 0, $dp ),
				'taxes'        => array(),
				'meta_data'    => self::item_meta( $item['id'] ),
			);
		}
		if ( 'fee' === $item['type'] ) {
			return array(
				'id'         => $item['id'],
				'name'       => $item['name'],
				'tax_class'  => (string) ( $m['_tax_class'] ?? '' ),
				'tax_status' => (string) ( $m['_tax_status'] ?? 'taxable' ),
				'amount'     => (string) ( $m['_fee_amount'] ?? '0' ),
				'total'      => wc_format_decimal( $m['_line_total'] ?? 0, $dp ),
				'total_tax'  => wc_format_decimal( $m['_line_tax'] ?? 0, $dp ),
				'taxes'      => array(),
				'meta_data'  => self::item_meta( $item['id'] ),
			);
		}
		$coupon = current( get_posts( array( 'post_type' => 'shop_coupon', 'title' => $item['name'], 'post_status' => 'any', 'posts_per_page' => 1 ) ) );
		return array(
			'id'             => $item['id'],
			'code'           => $item['name'],
			'discount'       => wc_format_decimal( $m['discount_amount'] ?? 0, $dp ),
			'discount_tax'   => wc_format_decimal( $m['discount_amount_tax'] ?? 0, $dp ),
			'discount_type'  => $coupon ? (string) get_post_meta( $coupon->ID, 'discount_type', true ) : 'fixed_cart',
			'nominal_amount' => $coupon ? (float) get_post_meta( $coupon->ID, 'coupon_amount', true ) : 0.0,
			'free_shipping'  => $coupon ? 'yes' === get_post_meta( $coupon->ID, 'free_shipping', true ) : false,
			'meta_data'      => self::item_meta( $item['id'] ),
		);
	}
}

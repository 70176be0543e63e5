<?php
/**
 * orders/<order_id>/notes, orders/<order_id>/refunds and refunds — after
 * WC_REST_Order_Notes_Controller, WC_REST_Order_Refunds_Controller and WC_REST_Refunds_Controller.
 *
 * @package AgentGuard\Tests\WooCommerceStandIn
 */

defined( 'ABSPATH' ) || exit;

/**
 * Order notes (comments of type order_note). Checks use the shop_order capabilities.
 */
class WC_Stand_In_REST_Order_Notes_Controller extends WC_Stand_In_REST_Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'orders/(?P<order_id>[\d]+)/notes';

	/**
	 * Post type whose capabilities apply.
	 *
	 * @var string
	 */
	protected $post_type = 'shop_order';

	/**
	 * Routes: list, create, get, delete (no update, no batch).
	 */
	public function register_routes() {
		$order_id = array(
			'order_id' => array(
				'description' => 'The order ID.',
				'type'        => 'integer',
			),
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				'args'   => $order_id,
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
					'args'                => $this->get_collection_params(),
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'create_item_permissions_check' ),
					'args'                => array_merge(
						$this->get_endpoint_args_for_item_schema( WP_REST_Server::CREATABLE ),
						array(
							'note' => array(
								'type'        => 'string',
								'description' => 'Order note content.',
								'required'    => true,
							),
						)
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)',
			array(
				'args'   => array(
					'id' => array(
						'description' => 'Unique identifier for the resource.',
						'type'        => 'integer',
					),
				) + $order_id,
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => array( 'context' => $this->get_context_param( array( 'default' => 'view' ) ) ),
				),
				array(
					'methods'             => WP_REST_Server::DELETABLE,
					'callback'            => array( $this, 'delete_item' ),
					'permission_callback' => array( $this, 'delete_item_permissions_check' ),
					'args'                => array(
						'force' => array(
							'default'     => false,
							'type'        => 'boolean',
							'description' => 'Required to be true, as resource does not support trashing.',
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Schema properties.
	 *
	 * @return array
	 */
	protected function get_schema_properties() {
		return array(
			'id'               => self::readonly( 'integer' ),
			'author'           => self::readonly( 'string' ),
			'date_created'     => self::date_field( true ),
			'date_created_gmt' => self::date_field( true ),
			'note'             => self::field( 'string' ),
			'customer_note'    => self::field( 'boolean', array( 'default' => false ) ),
			'added_by_user'    => self::field( 'boolean', array( 'default' => false ), array( 'edit' ) ),
		);
	}

	/**
	 * Collection parameters.
	 *
	 * @return array
	 */
	public function get_collection_params() {
		return array(
			'context' => $this->get_context_param( array( 'default' => 'view' ) ),
			'type'    => array(
				'default' => 'any',
				'type'    => 'string',
				'enum'    => array( 'any', 'customer', 'internal' ),
			),
		);
	}

	/**
	 * The order of the URL when it exists.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return int
	 */
	protected function existing_id( $request ) {
		$order = WC_Stand_In_Orders::read( (int) $request['order_id'] );
		return $order ? $order['id'] : 0;
	}

	/**
	 * Notes of an order.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_items( $request ) {
		$order_id = $this->existing_id( $request );
		if ( ! $order_id ) {
			return new WP_Error( "woocommerce_rest_{$this->post_type}_invalid_id", 'Invalid order ID.', array( 'status' => 404 ) );
		}
		$args = array(
			'post_id' => $order_id,
			'approve' => 'approve',
			'type'    => 'order_note',
			// Newest first; notes of the same second in the order they were added, as WooCommerce
			// on SQLite lists them.
			'orderby' => array(
				'comment_date_gmt' => 'DESC',
				'comment_ID'       => 'ASC',
			),
		);
		if ( 'customer' === $request['type'] ) {
			$args['meta_query'] = array( array( 'key' => 'is_customer_note', 'value' => 1, 'compare' => '=' ) ); // phpcs:ignore
		} elseif ( 'internal' === $request['type'] ) {
			$args['meta_query'] = array( array( 'key' => 'is_customer_note', 'compare' => 'NOT EXISTS' ) ); // phpcs:ignore
		}
		$data = array();
		foreach ( get_comments( $args ) as $note ) {
			$data[] = $this->prepare_response_for_collection( $this->prepare_note( $note, $request ) );
		}
		return rest_ensure_response( $data );
	}

	/**
	 * Adds a note.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		if ( ! empty( $request['id'] ) ) {
			return new WP_Error( "woocommerce_rest_{$this->post_type}_exists", sprintf( 'Cannot create existing %s.', $this->post_type ), array( 'status' => 400 ) );
		}
		$order_id = $this->existing_id( $request );
		if ( ! $order_id ) {
			return new WP_Error( 'woocommerce_rest_order_invalid_id', 'Invalid order ID.', array( 'status' => 404 ) );
		}
		$note_id = WC_Stand_In_Orders::add_note( $order_id, (string) $request['note'], (bool) $request['customer_note'], (bool) $request['added_by_user'] );
		if ( ! $note_id ) {
			return new WP_Error( 'woocommerce_api_cannot_create_order_note', 'Cannot create order note, please try again.', array( 'status' => 500 ) );
		}
		$note = get_comment( $note_id );
		do_action( 'woocommerce_rest_insert_order_note', $note, $request, true );
		$request->set_param( 'context', 'edit' );
		$response = rest_ensure_response( $this->prepare_note( $note, $request ) );
		$response->set_status( 201 );
		$response->header( 'Location', rest_url( sprintf( '/%s/%s/%d', $this->namespace, str_replace( '(?P<order_id>[\d]+)', $order_id, $this->rest_base ), $note_id ) ) );
		return $response;
	}

	/**
	 * The note of the URL.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_Comment|WP_Error
	 */
	private function note( $request ) {
		$order_id = $this->existing_id( $request );
		if ( ! $order_id ) {
			return new WP_Error( 'woocommerce_rest_order_invalid_id', 'Invalid order ID.', array( 'status' => 404 ) );
		}
		$note = get_comment( (int) $request['id'] );
		if ( ! $note || 'order_note' !== $note->comment_type || (int) $note->comment_post_ID !== $order_id ) {
			return new WP_Error( 'woocommerce_rest_invalid_id', 'Invalid resource ID.', array( 'status' => 404 ) );
		}
		return $note;
	}

	/**
	 * One note.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		$note = $this->note( $request );
		return is_wp_error( $note ) ? $note : $this->prepare_note( $note, $request );
	}

	/**
	 * Deletes a note (force only).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function delete_item( $request ) {
		if ( empty( $request['force'] ) ) {
			return new WP_Error( 'woocommerce_rest_trash_not_supported', 'Webhooks do not support trashing.', array( 'status' => 501 ) );
		}
		$note = $this->note( $request );
		if ( is_wp_error( $note ) ) {
			return $note;
		}
		$request->set_param( 'context', 'edit' );
		$response = $this->prepare_note( $note, $request );
		if ( ! wp_delete_comment( $note->comment_ID, true ) ) {
			return new WP_Error( 'woocommerce_rest_cannot_delete', 'The order_note cannot be deleted.', array( 'status' => 500 ) );
		}
		do_action( 'woocommerce_rest_delete_order_note', $note, $response, $request );
		return $response;
	}

	/**
	 * The REST representation of a note.
	 *
	 * @param WP_Comment      $note    Note.
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	private function prepare_note( $note, $request ) {
		$data  = array(
			'id'               => (int) $note->comment_ID,
			'author'           => 'woocommerce' === $note->comment_author ? 'system' : $note->comment_author,
			'date_created'     => wc_stand_in_rest_date( $note->comment_date_gmt ),
			'date_created_gmt' => wc_stand_in_rest_date( $note->comment_date_gmt, true ),
			'note'             => $note->comment_content,
			'customer_note'    => (bool) get_comment_meta( $note->comment_ID, 'is_customer_note', true ),
		);
		$base  = str_replace( '(?P<order_id>[\d]+)', $note->comment_post_ID, $this->rest_base );
		$links = $this->item_links( (int) $note->comment_ID, $base );

		$links['up'] = array( 'href' => rest_url( sprintf( '/%s/orders/%d', $this->namespace, $note->comment_post_ID ) ) );
		return $this->finish_response( $data, $request, $links, 'woocommerce_rest_prepare_order_note', $note );
	}
}

/**
 * Order refunds (shop_order_refund posts; shop_order capabilities).
 */
class WC_Stand_In_REST_Order_Refunds_Controller extends WC_Stand_In_REST_Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'orders/(?P<order_id>[\d]+)/refunds';

	/**
	 * Post type.
	 *
	 * @var string
	 */
	protected $post_type = 'shop_order_refund';

	/**
	 * Routes: list, create, get, delete.
	 */
	public function register_routes() {
		$this->register_standard_routes(
			array(
				'route_args'  => array(
					'order_id' => array(
						'description' => 'The order ID.',
						'type'        => 'integer',
					),
				),
				'update'      => false,
				'batch'       => false,
				'delete_args' => array(
					'force' => array(
						'default'     => true,
						'type'        => 'boolean',
						'description' => 'Required to be true, as resource does not support trashing.',
					),
				),
			)
		);
	}

	/**
	 * Schema properties.
	 *
	 * @return array
	 */
	protected function get_schema_properties() {
		$items = WC_Stand_In_REST_Orders_Controller::refund_item_schemas();
		return array(
			'id'               => self::readonly( 'integer' ),
			'date_created'     => self::date_field( true ),
			'date_created_gmt' => self::date_field( true ),
			'amount'           => self::field( 'string' ),
			'reason'           => self::field( 'string' ),
			'refunded_by'      => self::field( 'integer' ),
			'refunded_payment' => self::readonly( 'boolean' ),
			'meta_data'        => self::meta_data_field(),
			'line_items'       => $items['line_items'],
			'tax_lines'        => $items['tax_lines'],
			'shipping_lines'   => $items['shipping_lines'],
			'fee_lines'        => $items['fee_lines'],
			'api_refund'       => self::field( 'boolean', array( 'default' => true ), array( 'edit' ) ),
			'api_restock'      => self::field( 'boolean', array( 'default' => true ), array( 'edit' ) ),
		);
	}

	/**
	 * Collection parameters.
	 *
	 * @return array
	 */
	public function get_collection_params() {
		$params                            = $this->crud_collection_params( array( 'date', 'id', 'include', 'title', 'slug', 'modified' ), true );
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
	 * Existing refund id.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return int
	 */
	protected function existing_id( $request ) {
		return WC_Stand_In_Orders::read( (int) $request['id'], 'shop_order_refund' ) ? (int) $request['id'] : 0;
	}

	/**
	 * Refunds of an order.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ) {
		$args = $this->prepare_objects_query( $request );
		if ( isset( $request['order_id'] ) ) {
			$args['post_parent__in'] = array( absint( $request['order_id'] ) );
		}
		$args['s'] = '';
		$args      = apply_filters( "woocommerce_rest_{$this->post_type}_object_query", $args, $request );
		return $this->respond_with_posts(
			$args,
			$request,
			function ( $id ) use ( $request ) {
				$refund = WC_Stand_In_Orders::read( $id, 'shop_order_refund' );
				return $refund && wc_stand_in_check_post_permissions( $this->post_type, 'read', $id ) ? $this->prepare_refund( $refund, $request ) : null;
			}
		);
	}

	/**
	 * One refund of an order.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		$checked = $this->refund( $request );
		return is_wp_error( $checked ) ? $checked : $this->prepare_refund( $checked, $request );
	}

	/**
	 * The refund of the URL, checked against its order.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array|WP_Error
	 */
	private function refund( $request ) {
		if ( ! WC_Stand_In_Orders::read( (int) $request['order_id'] ) ) {
			return new WP_Error( 'woocommerce_rest_invalid_order_id', 'Invalid order ID.', 404 );
		}
		$refund = WC_Stand_In_Orders::read( (int) $request['id'], 'shop_order_refund' );
		if ( ! $refund || $refund['parent_id'] !== (int) $request['order_id'] ) {
			return new WP_Error( 'woocommerce_rest_invalid_order_refund_id', 'Invalid order refund ID.', 404 );
		}
		return $refund;
	}

	/**
	 * Creates a refund as wc_create_refund(): never more than what remains, the gateway
	 * refund when api_refund is true (the stand-in has no gateways), restock, fully refunded
	 * orders become `refunded`.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		if ( ! empty( $request['id'] ) ) {
			return new WP_Error( "woocommerce_rest_{$this->post_type}_exists", sprintf( 'Cannot create existing %s.', $this->post_type ), array( 'status' => 400 ) );
		}
		$order = WC_Stand_In_Orders::read( (int) $request['order_id'] );
		if ( ! $order ) {
			return new WP_Error( 'woocommerce_rest_invalid_order_id', 'Invalid order ID.', 404 );
		}
		$order_items = array();
		foreach ( WC_Stand_In_Orders::items( $order['id'], 'line_item' ) as $item ) {
			$order_items[ $item['id'] ] = $item;
		}
		$lines = array();
		foreach ( (array) $request['line_items'] as $line ) {
			$item_id = absint( $line['id'] ?? 0 );
			if ( isset( $order_items[ $item_id ] ) ) {
				$lines[ $item_id ] = array(
					'qty'          => (int) ( $line['quantity'] ?? 0 ),
					'refund_total' => (float) wc_format_decimal( $line['refund_total'] ?? 0 ),
				);
			}
		}
		$amount = $request['amount'];
		if ( null === $amount && $lines ) {
			$amount = (string) array_sum( array_column( $lines, 'refund_total' ) );
		}
		$amount = (float) wc_format_decimal( $amount );
		if ( 0 > $amount ) {
			return new WP_Error( 'woocommerce_rest_invalid_order_refund', 'Refund amount must be greater than zero.', 400 );
		}
		if ( $amount > WC_Stand_In_Orders::remaining_refund_amount( $order['id'] ) ) {
			return new WP_Error( 'woocommerce_rest_cannot_create_order_refund', 'Invalid refund amount.', 500 );
		}
		$api_refund = is_bool( $request['api_refund'] ) ? $request['api_refund'] : true;
		if ( $api_refund ) {
			$message = '' === $order['payment_method'] ? 'The payment gateway for this order does not exist.' : 'The payment gateway for this order does not support automatic refunds.';
			return new WP_Error( 'woocommerce_rest_cannot_create_order_refund', $message, 500 );
		}
		$pending = apply_filters( "woocommerce_rest_pre_insert_{$this->post_type}_object", new WC_Stand_In_Object( 0, 'shop_order_refund', array( 'parent_id' => $order['id'], 'amount' => $amount ) ), $request, true );
		if ( is_wp_error( $pending ) ) {
			return $pending;
		}

		$refund = array(
			'id'            => 0,
			'post_type'     => 'shop_order_refund',
			'parent_id'     => $order['id'],
			'currency'      => $order['currency'],
			'customer_note' => '',
			'order_key'     => '',
		);
		$id     = WC_Stand_In_Orders::write( $refund );
		if ( is_wp_error( $id ) ) {
			return $id;
		}
		$dp = wc_get_price_decimals();
		update_post_meta( $id, '_refund_amount', wc_format_decimal( $amount, $dp ) );
		update_post_meta( $id, '_refund_reason', empty( $request['reason'] ) ? '' : sanitize_text_field( $request['reason'] ) );
		update_post_meta( $id, '_refunded_by', isset( $request['refunded_by'] ) ? (int) $request['refunded_by'] : get_current_user_id() );
		update_post_meta( $id, '_refunded_payment', '' );
		update_post_meta( $id, '_order_total', wc_format_decimal( -$amount, $dp ) );
		foreach ( $lines as $item_id => $line ) {
			$item = $order_items[ $item_id ];
			WC_Stand_In_Orders::save_item(
				$id,
				'line_item',
				$item['name'],
				array(
					'_product_id'       => $item['meta']['_product_id'] ?? '0',
					'_variation_id'     => $item['meta']['_variation_id'] ?? '0',
					'_qty'              => (string) ( -1 * $line['qty'] ),
					'_tax_class'        => $item['meta']['_tax_class'] ?? '',
					'_line_subtotal'    => wc_format_decimal( -$line['refund_total'] ),
					'_line_subtotal_tax' => '0',
					'_line_total'       => wc_format_decimal( -$line['refund_total'] ),
					'_line_tax'         => '0',
					'_line_tax_data'    => array( 'total' => array(), 'subtotal' => array() ),
					'_refunded_item_id' => (string) $item_id,
				)
			);
		}
		if ( false !== $request['api_restock'] && $lines ) {
			WC_Stand_In_Orders::restock_refunded_items( $order['id'], array_map( static fn( $line ) => $line['qty'], $lines ) );
		}
		if ( is_array( $request['meta_data'] ) ) {
			WC_Stand_In_Meta::write( 'post', $id, $request['meta_data'], WC_Stand_In_Orders::INTERNAL_META );
		}
		do_action( 'woocommerce_refund_created', $id, array( 'order_id' => $order['id'], 'amount' => $amount ) );
		if ( WC_Stand_In_Orders::remaining_refund_amount( $order['id'] ) <= 0 ) {
			WC_Stand_In_Orders::transition( $order['id'], 'refunded' );
			do_action( 'woocommerce_order_fully_refunded', $order['id'], $id );
		} else {
			do_action( 'woocommerce_order_partially_refunded', $order['id'], $id );
		}
		do_action( 'woocommerce_order_refunded', $order['id'], $id );
		do_action( "woocommerce_rest_insert_{$this->post_type}_object", WC_Stand_In_Orders::object( $id ), $request, true );

		$request->set_param( 'context', 'edit' );
		$response = $this->prepare_refund( WC_Stand_In_Orders::read( $id, 'shop_order_refund' ), $request );
		return $this->created( $response, $id );
	}

	/**
	 * Deletes a refund (force only).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function delete_item( $request ) {
		$refund = $this->refund( $request );
		if ( is_wp_error( $refund ) ) {
			return $refund;
		}
		if ( ! $request['force'] ) {
			return new WP_Error( 'woocommerce_rest_trash_not_supported', sprintf( 'The %s does not support trashing.', $this->post_type ), array( 'status' => 501 ) );
		}
		$request->set_param( 'context', 'edit' );
		$response = $this->prepare_refund( $refund, $request );
		wp_delete_post( $refund['id'], true );
		do_action( 'woocommerce_refund_deleted', $refund['id'], $refund['parent_id'] );
		do_action( "woocommerce_rest_delete_{$this->post_type}_object", WC_Stand_In_Orders::object( $refund['parent_id'] ), $response, $request );
		return $response;
	}

	/**
	 * The REST representation of a refund.
	 *
	 * @param array           $r       Refund props.
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	protected function prepare_refund( array $r, $request ) {
		$dp    = null === $request['dp'] ? wc_get_price_decimals() : absint( $request['dp'] );
		$lines = array();
		foreach ( WC_Stand_In_Orders::items( $r['id'], 'line_item' ) as $item ) {
			$lines[] = WC_Stand_In_REST_Orders_Controller::line_item_data( $item, $dp );
		}
		$data  = array( 'id' => $r['id'] ) + ( 'refunds' === $this->rest_base ? array( 'parent_id' => $r['parent_id'] ) : array() ) + array(
			'date_created'     => wc_stand_in_rest_date( $r['date_created'] ),
			'date_created_gmt' => wc_stand_in_rest_date( $r['date_created'], true ),
			'amount'           => wc_format_decimal( $r['amount'], $dp ),
			'reason'           => $r['reason'],
			'refunded_by'      => $r['refunded_by'],
			'refunded_payment' => $r['refunded_payment'],
			'meta_data'        => WC_Stand_In_Meta::for_response( WC_Stand_In_Meta::read( 'post', $r['id'], WC_Stand_In_Orders::INTERNAL_META ), $request ),
			'line_items'       => $lines,
			'shipping_lines'   => array(),
			'tax_lines'        => array(),
			'fee_lines'        => array(),
		);
		$base  = sprintf( 'orders/%d/refunds', $r['parent_id'] );
		$links = $this->item_links( $r['id'], $base );

		$links['up'] = array( 'href' => rest_url( sprintf( '/%s/orders/%d', $this->namespace, $r['parent_id'] ) ) );
		return $this->finish_response( $data, $request, $links, "woocommerce_rest_prepare_{$this->post_type}_object", WC_Stand_In_Orders::object( $r['id'] ) );
	}
}

/**
 * GET refunds: every refund, whatever its order (WooCommerce 9.0+).
 */
class WC_Stand_In_REST_Refunds_Controller extends WC_Stand_In_REST_Order_Refunds_Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'refunds';

	/**
	 * One read-only collection route.
	 */
	public function register_routes() {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
					'args'                => $this->get_collection_params(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}
}

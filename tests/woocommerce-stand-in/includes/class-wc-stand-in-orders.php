<?php
/**
 * Orders and refunds in WooCommerce's posts storage: `shop_order` posts with wc-<status>
 * statuses and WooCommerce's meta keys, `shop_order_refund` children, items in
 * woocommerce_order_items / woocommerce_order_itemmeta, notes as `order_note` comments.
 * Status transitions do what WooCommerce does by default: date paid / completed, stock
 * reduced (and restored on cancel), total_sales recorded, a status note, the status actions.
 *
 * @package AgentGuard\Tests\WooCommerceStandIn
 */

defined( 'ABSPATH' ) || exit;

/**
 * Order storage.
 */
class WC_Stand_In_Orders {

	/**
	 * Address fields, in WooCommerce's order.
	 */
	const BILLING  = array( 'first_name', 'last_name', 'company', 'address_1', 'address_2', 'city', 'state', 'postcode', 'country', 'email', 'phone' );
	const SHIPPING = array( 'first_name', 'last_name', 'company', 'address_1', 'address_2', 'city', 'state', 'postcode', 'country', 'phone' );

	/**
	 * Meta keys that are order props.
	 */
	const INTERNAL_META = array( '_customer_user', '_order_key', '_order_currency', '_billing_first_name', '_billing_last_name', '_billing_company', '_billing_address_1', '_billing_address_2', '_billing_city', '_billing_state', '_billing_postcode', '_billing_country', '_billing_email', '_billing_phone', '_shipping_first_name', '_shipping_last_name', '_shipping_company', '_shipping_address_1', '_shipping_address_2', '_shipping_city', '_shipping_state', '_shipping_postcode', '_shipping_country', '_shipping_phone', '_completed_date', '_paid_date', '_edit_lock', '_edit_last', '_cart_discount', '_cart_discount_tax', '_order_shipping', '_order_shipping_tax', '_order_tax', '_order_total', '_payment_method', '_payment_method_title', '_transaction_id', '_customer_ip_address', '_customer_user_agent', '_created_via', '_order_version', '_prices_include_tax', '_date_completed', '_date_paid', '_payment_tokens', '_billing_address_index', '_shipping_address_index', '_recorded_sales', '_recorded_coupon_usage_counts', '_download_permissions_granted', '_order_stock_reduced', '_new_order_email_sent', '_cart_hash', '_refund_amount', '_refund_reason', '_refunded_by', '_refunded_payment' );

	/**
	 * Item meta keys that are item props.
	 */
	const INTERNAL_ITEM_META = array( '_product_id', '_variation_id', '_qty', '_tax_class', '_line_subtotal', '_line_subtotal_tax', '_line_total', '_line_tax', '_line_tax_data', 'method_id', 'instance_id', 'cost', 'total_tax', 'taxes', '_fee_amount', '_tax_status', 'discount_amount', 'discount_amount_tax', 'coupon_info' );

	/**
	 * Hooks.
	 */
	public static function register() {
		add_action( 'before_delete_post', array( __CLASS__, 'delete_items_with_order' ) );
	}

	/**
	 * Reads an order or refund.
	 *
	 * @param int    $id        Post id.
	 * @param string $post_type shop_order or shop_order_refund.
	 * @return array|null
	 */
	public static function read( $id, $post_type = 'shop_order' ) {
		$post = $id ? get_post( (int) $id ) : null;
		if ( ! $post || $post_type !== $post->post_type ) {
			return null;
		}
		$id    = (int) $post->ID;
		$m     = static fn( $key, $default = '' ) => metadata_exists( 'post', $id, $key ) ? get_post_meta( $id, $key, true ) : $default;
		$order = array(
			'id'                   => $id,
			'post_type'            => $post->post_type,
			'parent_id'            => (int) $post->post_parent,
			'status'               => 'wc-' === substr( $post->post_status, 0, 3 ) ? substr( $post->post_status, 3 ) : $post->post_status,
			'currency'             => (string) $m( '_order_currency', get_option( 'woocommerce_currency', 'USD' ) ),
			'version'              => (string) $m( '_order_version', WC_STAND_IN_WC_VERSION ),
			'prices_include_tax'   => 'yes' === $m( '_prices_include_tax', 'no' ),
			'date_created'         => $post->post_date_gmt,
			'date_modified'        => $post->post_modified_gmt,
			'discount_total'       => (string) $m( '_cart_discount', '0' ),
			'discount_tax'         => (string) $m( '_cart_discount_tax', '0' ),
			'shipping_total'       => (string) $m( '_order_shipping', '0' ),
			'shipping_tax'         => (string) $m( '_order_shipping_tax', '0' ),
			'cart_tax'             => (string) $m( '_order_tax', '0' ),
			'total'                => (string) $m( '_order_total', '0' ),
			'customer_id'          => (int) $m( '_customer_user', 0 ),
			'order_key'            => (string) $m( '_order_key' ),
			'billing'              => array(),
			'shipping'             => array(),
			'payment_method'       => (string) $m( '_payment_method' ),
			'payment_method_title' => (string) $m( '_payment_method_title' ),
			'transaction_id'       => (string) $m( '_transaction_id' ),
			'customer_ip_address'  => (string) $m( '_customer_ip_address' ),
			'customer_user_agent'  => (string) $m( '_customer_user_agent' ),
			'created_via'          => (string) $m( '_created_via' ),
			'customer_note'        => $post->post_excerpt,
			'date_completed'       => $m( '_date_completed' ) ? (int) $m( '_date_completed' ) : null,
			'date_paid'            => $m( '_date_paid' ) ? (int) $m( '_date_paid' ) : null,
			'cart_hash'            => (string) $m( '_cart_hash' ),
			'amount'               => (string) $m( '_refund_amount', '0' ),
			'reason'               => (string) $m( '_refund_reason' ),
			'refunded_by'          => (int) $m( '_refunded_by', 0 ),
			'refunded_payment'     => (bool) $m( '_refunded_payment', false ),
		);
		foreach ( self::BILLING as $field ) {
			$order['billing'][ $field ] = (string) $m( '_billing_' . $field );
		}
		foreach ( self::SHIPPING as $field ) {
			$order['shipping'][ $field ] = (string) $m( '_shipping_' . $field );
		}
		return $order;
	}

	/**
	 * Defaults of a new order.
	 *
	 * @return array
	 */
	public static function defaults() {
		$order = array(
			'id'                   => 0,
			'post_type'            => 'shop_order',
			'parent_id'            => 0,
			'status'               => 'pending',
			'currency'             => (string) get_option( 'woocommerce_currency', 'USD' ),
			'version'              => WC_STAND_IN_WC_VERSION,
			'prices_include_tax'   => 'yes' === get_option( 'woocommerce_prices_include_tax', 'no' ),
			'customer_id'          => 0,
			'order_key'            => 'wc_order_' . wp_generate_password( 13, false ),
			'billing'              => array_fill_keys( self::BILLING, '' ),
			'shipping'             => array_fill_keys( self::SHIPPING, '' ),
			'payment_method'       => '',
			'payment_method_title' => '',
			'transaction_id'       => '',
			'customer_ip_address'  => '',
			'customer_user_agent'  => '',
			'created_via'          => '',
			'customer_note'        => '',
			'date_completed'       => null,
			'date_paid'            => null,
			'cart_hash'            => '',
		);
		return $order;
	}

	/**
	 * Writes an order's post and props (not its items). Creating stores it as pending; the
	 * requested status is then applied by transition().
	 *
	 * @param array $order Props.
	 * @return int|WP_Error
	 */
	public static function write( array $order ) {
		$creating = empty( $order['id'] );
		$postarr  = array(
			'post_type'     => $order['post_type'],
			'post_parent'   => (int) $order['parent_id'],
			'post_excerpt'  => (string) $order['customer_note'],
			'post_password' => $order['order_key'] ?? '',
			'ping_status'   => 'closed',
		);
		if ( $creating ) {
			$postarr['post_status'] = 'shop_order' === $order['post_type'] ? 'wc-pending' : 'wc-completed';
			$postarr['post_title']  = ( 'shop_order' === $order['post_type'] ? 'Order' : 'Refund' ) . ' &ndash; ' . wp_date( 'M d, Y @ h:i A' );
			$postarr['post_author'] = 1;
			$id                     = wp_insert_post( wp_slash( $postarr ), true );
		} else {
			$postarr['ID'] = (int) $order['id'];
			$id            = wp_update_post( wp_slash( $postarr ), true );
		}
		if ( is_wp_error( $id ) ) {
			return new WP_Error( 'woocommerce_rest_' . $order['post_type'] . '_not_created', $id->get_error_message(), array( 'status' => 400 ) );
		}
		$meta = array(
			'_order_key'            => $order['order_key'] ?? '',
			'_customer_user'        => (string) ( $order['customer_id'] ?? 0 ),
			'_order_currency'       => $order['currency'],
			'_order_version'        => $order['version'] ?? WC_STAND_IN_WC_VERSION,
			'_prices_include_tax'   => ! empty( $order['prices_include_tax'] ) ? 'yes' : 'no',
			'_payment_method'       => $order['payment_method'] ?? '',
			'_payment_method_title' => $order['payment_method_title'] ?? '',
			'_transaction_id'       => $order['transaction_id'] ?? '',
			'_customer_ip_address'  => $order['customer_ip_address'] ?? '',
			'_customer_user_agent'  => $order['customer_user_agent'] ?? '',
			'_created_via'          => $order['created_via'] ?? '',
			'_cart_hash'            => $order['cart_hash'] ?? '',
		);
		foreach ( self::BILLING as $field ) {
			$meta[ '_billing_' . $field ] = (string) ( $order['billing'][ $field ] ?? '' );
		}
		foreach ( self::SHIPPING as $field ) {
			$meta[ '_shipping_' . $field ] = (string) ( $order['shipping'][ $field ] ?? '' );
		}
		foreach ( $meta as $key => $value ) {
			update_post_meta( $id, $key, wp_slash( $value ) );
		}
		clean_post_cache( $id );
		return (int) $id;
	}

	/**
	 * Items of an order or refund.
	 *
	 * @param int    $order_id Order id.
	 * @param string $type     line_item, shipping, fee, coupon or tax.
	 * @return array<int,array{id:int,name:string,type:string,meta:array}>
	 */
	public static function items( $order_id, $type ) {
		global $wpdb;
		$rows  = $wpdb->get_results( $wpdb->prepare( "SELECT order_item_id, order_item_name FROM {$wpdb->prefix}woocommerce_order_items WHERE order_id = %d AND order_item_type = %s ORDER BY order_item_id", $order_id, $type ) );
		$items = array();
		foreach ( $rows as $row ) {
			$meta = array();
			foreach ( (array) get_metadata( 'order_item', (int) $row->order_item_id ) as $key => $values ) {
				$meta[ $key ] = maybe_unserialize( $values[0] );
			}
			$items[] = array(
				'id'   => (int) $row->order_item_id,
				'name' => $row->order_item_name,
				'type' => $type,
				'meta' => $meta,
			);
		}
		return $items;
	}

	/**
	 * Adds or updates an item.
	 *
	 * @param int    $order_id Order id.
	 * @param string $type     Item type.
	 * @param string $name     Item name.
	 * @param array  $meta     Item props as meta.
	 * @param int    $item_id  Existing item.
	 * @return int Item id.
	 */
	public static function save_item( $order_id, $type, $name, array $meta, $item_id = 0 ) {
		global $wpdb;
		if ( $item_id ) {
			$wpdb->update( $wpdb->prefix . 'woocommerce_order_items', array( 'order_item_name' => $name ), array( 'order_item_id' => $item_id ) );
		} else {
			$wpdb->insert(
				$wpdb->prefix . 'woocommerce_order_items',
				array(
					'order_item_name' => $name,
					'order_item_type' => $type,
					'order_id'        => $order_id,
				)
			);
			$item_id = (int) $wpdb->insert_id;
		}
		foreach ( $meta as $key => $value ) {
			update_metadata( 'order_item', $item_id, $key, wp_slash( $value ) );
		}
		return $item_id;
	}

	/**
	 * Removes an item and its meta.
	 *
	 * @param int $item_id Item id.
	 */
	public static function delete_item( $item_id ) {
		global $wpdb;
		$wpdb->delete( $wpdb->prefix . 'woocommerce_order_items', array( 'order_item_id' => $item_id ) );
		$wpdb->delete( $wpdb->prefix . 'woocommerce_order_itemmeta', array( 'order_item_id' => $item_id ) );
	}

	/**
	 * Removes the items of an order (or refund) deleted for good.
	 *
	 * @param int $post_id Post id.
	 */
	public static function delete_items_with_order( $post_id ) {
		if ( in_array( get_post_type( $post_id ), array( 'shop_order', 'shop_order_refund' ), true ) ) {
			foreach ( array( 'line_item', 'shipping', 'fee', 'coupon', 'tax' ) as $type ) {
				foreach ( self::items( $post_id, $type ) as $item ) {
					self::delete_item( $item['id'] );
				}
			}
		}
	}

	/**
	 * Recalculates and stores totals (WC_Order::calculate_totals() without taxes or discounts).
	 *
	 * @param int $order_id Order id.
	 */
	public static function calculate_totals( $order_id ) {
		$total = 0.0;
		foreach ( self::items( $order_id, 'line_item' ) as $item ) {
			$total += (float) ( $item['meta']['_line_total'] ?? 0 );
		}
		$shipping = 0.0;
		foreach ( self::items( $order_id, 'shipping' ) as $item ) {
			$shipping += (float) ( $item['meta']['cost'] ?? 0 );
		}
		foreach ( self::items( $order_id, 'fee' ) as $item ) {
			$total += (float) ( $item['meta']['_line_total'] ?? 0 );
		}
		$dp = wc_get_price_decimals();
		update_post_meta( $order_id, '_cart_discount', '0' );
		update_post_meta( $order_id, '_cart_discount_tax', '0' );
		update_post_meta( $order_id, '_order_shipping', wc_format_decimal( $shipping, $dp ) );
		update_post_meta( $order_id, '_order_shipping_tax', '0' );
		update_post_meta( $order_id, '_order_tax', '0' );
		update_post_meta( $order_id, '_order_total', wc_format_decimal( $total + $shipping, $dp ) );
	}

	/**
	 * Moves an order to a status with WooCommerce's side effects.
	 *
	 * @param int    $order_id Order id.
	 * @param string $to       New status, no prefix.
	 * @param string $note     Extra note text.
	 * @param bool   $manual   Changed by a person.
	 */
	public static function transition( $order_id, $to, $note = '', $manual = false ) {
		$order = self::read( $order_id );
		$from  = $order['status'];
		if ( $from === $to ) {
			return;
		}
		wp_update_post(
			array(
				'ID'          => $order_id,
				'post_status' => 'wc-' . $to,
			)
		);
		if ( in_array( $to, array( 'processing', 'completed' ), true ) && ! $order['date_paid'] ) {
			update_post_meta( $order_id, '_date_paid', (string) time() );
			update_post_meta( $order_id, '_paid_date', current_time( 'mysql' ) );
		}
		if ( 'completed' === $to && ! $order['date_completed'] ) {
			update_post_meta( $order_id, '_date_completed', (string) time() );
			update_post_meta( $order_id, '_completed_date', current_time( 'mysql' ) );
		}
		$paid = array( 'processing', 'completed', 'on-hold' );
		if ( in_array( $to, $paid, true ) ) {
			self::reduce_stock( $order_id );
			self::update_total_sales( $order_id );
		} elseif ( in_array( $to, array( 'cancelled', 'pending' ), true ) ) {
			self::restore_stock( $order_id );
		}
		if ( 'cancelled' === $to && in_array( $from, $paid, true ) ) {
			self::update_total_sales( $order_id );
		}
		clean_post_cache( $order_id );
		$object = self::object( $order_id );
		do_action( 'woocommerce_order_status_' . $to, $order_id, $object );
		do_action( 'woocommerce_order_status_' . $from . '_to_' . $to, $order_id, $object );
		do_action( 'woocommerce_order_status_changed', $order_id, $from, $to, $object );
		// WooCommerce notes the transition after its status actions (stock notes come first).
		$statuses = wc_stand_in_order_statuses();
		self::add_note( $order_id, trim( $note . ' ' . sprintf( 'Order status changed from %1$s to %2$s.', $statuses[ $from ] ?? $from, $statuses[ $to ] ?? $to ) ), false, $manual );
	}

	/**
	 * wc_update_total_sales_counts(): paid orders add their quantities to the products'
	 * total_sales once; cancelled, trashed or deleted ones take them back.
	 *
	 * @param int  $order_id Order id.
	 * @param bool $deleting The order is about to be deleted.
	 */
	public static function update_total_sales( $order_id, $deleting = false ) {
		$recorded  = 'yes' === get_post_meta( $order_id, '_recorded_sales', true );
		$reflected = $deleting || in_array( get_post_status( $order_id ), array( 'wc-cancelled', 'trash' ), true );
		if ( $recorded xor $reflected ) {
			return;
		}
		$sign = $recorded ? -1 : 1;
		foreach ( self::items( $order_id, 'line_item' ) as $item ) {
			$product_id = (int) ( $item['meta']['_product_id'] ?? 0 );
			if ( $product_id && get_post( $product_id ) ) {
				$sales = max( 0, (int) get_post_meta( $product_id, 'total_sales', true ) + $sign * absint( $item['meta']['_qty'] ?? 0 ) );
				update_post_meta( $product_id, 'total_sales', (string) $sales );
			}
		}
		update_post_meta( $order_id, '_recorded_sales', $recorded ? 'no' : 'yes' );
	}

	/**
	 * wc_maybe_reduce_stock_levels(): once per order, with _reduced_stock on each item.
	 *
	 * @param int $order_id Order id.
	 */
	public static function reduce_stock( $order_id ) {
		if ( get_post_meta( $order_id, '_order_stock_reduced', true ) ) {
			return;
		}
		$changes = array();
		foreach ( self::items( $order_id, 'line_item' ) as $item ) {
			$product_id = (int) ( $item['meta']['_variation_id'] ?? 0 ) ? (int) $item['meta']['_variation_id'] : (int) ( $item['meta']['_product_id'] ?? 0 );
			$qty        = (int) ( $item['meta']['_qty'] ?? 0 );
			if ( ! $product_id || isset( $item['meta']['_reduced_stock'] ) ) {
				continue;
			}
			$new = WC_Stand_In_Products::update_stock( $product_id, $qty, 'decrease' );
			if ( null !== $new ) {
				update_metadata( 'order_item', $item['id'], '_reduced_stock', (string) $qty );
				$sku       = (string) get_post_meta( $product_id, '_sku', true );
				$changes[] = sprintf( '%1$s (%2$s) %3$d&rarr;%4$d', get_the_title( $product_id ), '' !== $sku ? $sku : '#' . $product_id, $new + $qty, $new );
			}
		}
		update_post_meta( $order_id, '_order_stock_reduced', 'yes' );
		if ( $changes ) {
			self::add_note( $order_id, 'Stock levels reduced: ' . implode( ', ', $changes ) );
		}
	}

	/**
	 * wc_maybe_adjust_line_item_product_stock(): a changed quantity on a line whose stock was
	 * already reduced moves the stock by the difference.
	 *
	 * @param int $order_id Order id.
	 */
	public static function adjust_reduced_stock( $order_id ) {
		foreach ( self::items( $order_id, 'line_item' ) as $item ) {
			if ( ! isset( $item['meta']['_reduced_stock'] ) ) {
				continue;
			}
			$product_id = (int) ( $item['meta']['_variation_id'] ?? 0 ) ? (int) $item['meta']['_variation_id'] : (int) ( $item['meta']['_product_id'] ?? 0 );
			$diff       = (int) $item['meta']['_qty'] - (int) $item['meta']['_reduced_stock'];
			if ( $diff && $product_id ) {
				$new = WC_Stand_In_Products::update_stock( $product_id, abs( $diff ), $diff > 0 ? 'decrease' : 'increase' );
				if ( null !== $new ) {
					update_metadata( 'order_item', $item['id'], '_reduced_stock', (string) (int) $item['meta']['_qty'] );
				}
			}
		}
	}

	/**
	 * wc_restock_refunded_items(): refunded quantities go back to stock when the line's stock
	 * was reduced, tracked in _reduced_stock and _restock_refunded_items, with a note.
	 *
	 * @param int   $order_id Order id.
	 * @param array $lines    Refunded quantity by order item id.
	 */
	public static function restock_refunded_items( $order_id, array $lines ) {
		foreach ( self::items( $order_id, 'line_item' ) as $item ) {
			$qty        = (int) ( $lines[ $item['id'] ] ?? 0 );
			$product_id = (int) ( $item['meta']['_variation_id'] ?? 0 ) ? (int) $item['meta']['_variation_id'] : (int) ( $item['meta']['_product_id'] ?? 0 );
			$reduced    = (int) ( $item['meta']['_reduced_stock'] ?? 0 );
			$product    = WC_Stand_In_Products::read( $product_id );
			if ( ! $reduced || ! $qty || ! $product || ! $product['manage_stock'] ) {
				continue;
			}
			$old = (int) $product['stock_quantity'];
			$new = WC_Stand_In_Products::update_stock( $product_id, $qty, 'increase' );
			update_metadata( 'order_item', $item['id'], '_reduced_stock', (string) ( $reduced - $qty ) );
			update_metadata( 'order_item', $item['id'], '_restock_refunded_items', (string) ( $qty + (int) ( $item['meta']['_restock_refunded_items'] ?? 0 ) ) );
			self::add_note( $order_id, apply_filters( 'woocommerce_refund_restock_note', sprintf( 'Item #%1$s stock increased from %2$s to %3$s.', $product_id, $old, $new ), $old, $new, self::object( $order_id ), $product ) );
			do_action( 'woocommerce_restock_refunded_item', $product_id, $old, $new, self::object( $order_id ), $product );
		}
	}

	/**
	 * wc_maybe_increase_stock_levels(): gives back what reduce_stock() took.
	 *
	 * @param int $order_id Order id.
	 */
	public static function restore_stock( $order_id ) {
		if ( ! get_post_meta( $order_id, '_order_stock_reduced', true ) ) {
			return;
		}
		foreach ( self::items( $order_id, 'line_item' ) as $item ) {
			$product_id = (int) ( $item['meta']['_variation_id'] ?? 0 ) ? (int) $item['meta']['_variation_id'] : (int) ( $item['meta']['_product_id'] ?? 0 );
			if ( $product_id && isset( $item['meta']['_reduced_stock'] ) ) {
				WC_Stand_In_Products::update_stock( $product_id, (int) $item['meta']['_reduced_stock'], 'increase' );
				delete_metadata( 'order_item', $item['id'], '_reduced_stock' );
			}
		}
		delete_post_meta( $order_id, '_order_stock_reduced' );
	}

	/**
	 * Adds an order note (a comment of type order_note).
	 *
	 * @param int    $order_id      Order id.
	 * @param string $note          Text.
	 * @param bool   $customer_note Shown to the customer.
	 * @param bool   $added_by_user Author is the current user rather than "WooCommerce".
	 * @return int Note id.
	 */
	public static function add_note( $order_id, $note, $customer_note = false, $added_by_user = false ) {
		$user = wp_get_current_user();
		if ( $added_by_user && $user->exists() ) {
			$author = $user->display_name;
			$email  = $user->user_email;
		} else {
			$author = 'WooCommerce';
			$email  = 'woocommerce@' . ( wp_parse_url( home_url(), PHP_URL_HOST ) ?? 'localhost' );
		}
		$note_id = wp_insert_comment(
			array(
				'comment_post_ID'      => $order_id,
				'comment_author'       => $author,
				'comment_author_email' => $email,
				'comment_author_url'   => '',
				'comment_content'      => $note,
				'comment_agent'        => 'WooCommerce',
				'comment_type'         => 'order_note',
				'comment_parent'       => 0,
				'comment_approved'     => 1,
			)
		);
		if ( $customer_note ) {
			add_comment_meta( $note_id, 'is_customer_note', 1 );
		}
		return (int) $note_id;
	}

	/**
	 * Refunds of an order, newest first.
	 *
	 * @param int $order_id Order id.
	 * @return int[]
	 */
	public static function refund_ids( $order_id ) {
		return array_map(
			'intval',
			get_posts(
				array(
					'post_type'      => 'shop_order_refund',
					'post_parent'    => (int) $order_id,
					'post_status'    => 'any',
					'posts_per_page' => -1,
					'orderby'        => 'ID',
					'order'          => 'DESC',
					'fields'         => 'ids',
				)
			)
		);
	}

	/**
	 * What is left to refund on an order.
	 *
	 * @param int $order_id Order id.
	 * @return float
	 */
	public static function remaining_refund_amount( $order_id ) {
		$refunded = 0.0;
		foreach ( self::refund_ids( $order_id ) as $refund_id ) {
			$refunded += (float) get_post_meta( $refund_id, '_refund_amount', true );
		}
		return round( (float) get_post_meta( $order_id, '_order_total', true ) - $refunded, wc_get_price_decimals() );
	}

	/**
	 * The object handed to hooks.
	 *
	 * @param int $id Order or refund id.
	 * @return WC_Stand_In_Object
	 */
	public static function object( $id ) {
		$type  = get_post_type( $id );
		$props = self::read( $id, $type ? $type : 'shop_order' );
		return new WC_Stand_In_Object( $id, $type ? $type : 'shop_order', $props ? $props : array() );
	}
}

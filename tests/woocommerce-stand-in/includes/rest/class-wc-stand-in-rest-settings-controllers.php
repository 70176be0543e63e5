<?php
/**
 * settings, settings/<group_id>, settings/<group_id>/<id> (the "general" group: store address,
 * selling locations, currency and price format) and reports, reports/sales — after
 * WC_REST_Setting_Options_Controller and WC_REST_Report_Sales_Controller, reduced.
 *
 * @package AgentGuard\Tests\WooCommerceStandIn
 */

defined( 'ABSPATH' ) || exit;

/**
 * General settings (manage_woocommerce).
 */
class WC_Stand_In_REST_Settings_Controller extends WC_Stand_In_REST_Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'settings';

	/**
	 * Object name.
	 *
	 * @var string
	 */
	protected $post_type = 'setting';

	/**
	 * Routes.
	 */
	public function register_routes() {
		$read = array(
			'methods'             => WP_REST_Server::READABLE,
			'permission_callback' => array( $this, 'get_items_permissions_check' ),
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				$read + array( 'callback' => array( $this, 'get_groups' ) ),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		$group = array(
			'group' => array(
				'description' => 'Settings group ID.',
				'type'        => 'string',
			),
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<group_id>[\w-]+)',
			array(
				'args'   => $group,
				$read + array( 'callback' => array( $this, 'get_items' ) ),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<group_id>[\w-]+)/(?P<id>[\w-]+)',
			array(
				'args'   => $group + array(
					'id' => array(
						'description' => 'Unique identifier for the resource.',
						'type'        => 'string',
					),
				),
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
				),
				array(
					'methods'             => WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'update_item_permissions_check' ),
					'args'                => $this->get_endpoint_args_for_item_schema( WP_REST_Server::EDITABLE ),
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
			'id'          => self::readonly( 'string' ),
			'label'       => self::readonly( 'string' ),
			'description' => self::readonly( 'string' ),
			'value'       => self::field( array( 'null', 'object', 'string', 'number', 'boolean', 'integer', 'array' ) ),
			'default'     => self::readonly( array( 'null', 'object', 'string', 'number', 'boolean', 'integer', 'array' ) ),
			'tip'         => self::readonly( 'string' ),
			'placeholder' => self::readonly( 'string' ),
			'type'        => self::readonly( 'string', array( 'enum' => array( 'text', 'email', 'number', 'color', 'password', 'textarea', 'select', 'multiselect', 'radio', 'image_width', 'checkbox' ) ) ),
			'options'     => self::readonly( 'object' ),
			'group_id'    => self::readonly( 'string' ),
		);
	}

	/**
	 * manage_woocommerce; the update refusal has its own message in WooCommerce.
	 *
	 * @param string          $action  Action.
	 * @param WP_REST_Request $request Request.
	 * @return bool|WP_Error
	 */
	protected function can( $action, $request ) {
		if ( wc_stand_in_check_manager_permissions( 'settings', 'list' === $action ? 'read' : $action ) ) {
			return true;
		}
		return 'edit' === $action ? self::auth_error( 'woocommerce_rest_cannot_edit', 'Sorry, you cannot edit this resource.' ) : false;
	}

	/**
	 * The general group's settings, with WooCommerce's labels, types and defaults.
	 *
	 * @return array<string,array>
	 */
	private function settings() {
		$countries  = array(
			'US'    => 'United States (US)',
			'US:CA' => 'United States (US) &mdash; California',
			'US:NY' => 'United States (US) &mdash; New York',
			'CA'    => 'Canada',
			'GB'    => 'United Kingdom (UK)',
			'DE'    => 'Germany',
			'FR'    => 'France',
			'AU'    => 'Australia',
		);
		$currencies = array();
		foreach ( wc_stand_in_currency_codes() as $code ) {
			$currencies[ $code ] = $code . ' (' . wc_stand_in_currency_symbol( $code ) . ')';
		}
		$text       = static fn( $label, $description, $default = '' ) => array(
			'label'       => $label,
			'description' => $description,
			'type'        => 'text',
			'default'     => $default,
			'tip'         => $description,
		);
		$select     = static fn( $label, $description, $default, $options ) => array(
			'label'       => $label,
			'description' => $description,
			'type'        => 'select',
			'default'     => $default,
			'options'     => $options,
			'tip'         => $description,
		);
		$multi      = static fn( $label ) => array(
			'label'       => $label,
			'description' => '',
			'type'        => 'multiselect',
			'default'     => '',
			'options'     => array_filter( $countries, static fn( $key ) => ! str_contains( $key, ':' ), ARRAY_FILTER_USE_KEY ),
		);
		$checkbox   = static fn( $label, $description, $default, $tip ) => array(
			'label'       => $label,
			'description' => $description,
			'type'        => 'checkbox',
			'default'     => $default,
			'tip'         => $tip,
		);
		return array(
			'woocommerce_store_address'               => $text( 'Address line 1', 'The street address for your business location.' ),
			'woocommerce_store_address_2'             => $text( 'Address line 2', 'An additional, optional address line for your business location.' ),
			'woocommerce_store_city'                  => $text( 'City', 'The city in which your business is located.' ),
			'woocommerce_default_country'             => $select( 'Country / State', 'The country and state or province, if any, in which your business is located.', 'US:CA', $countries ),
			'woocommerce_store_postcode'              => $text( 'Postcode / ZIP', 'The postal code, if any, in which your business is located.' ),
			'woocommerce_allowed_countries'           => $select( 'Selling location(s)', 'This option lets you limit which countries you are willing to sell to.', 'all', array( 'all' => 'Sell to all countries', 'all_except' => 'Sell to all countries, except for&hellip;', 'specific' => 'Sell to specific countries' ) ),
			'woocommerce_all_except_countries'        => $multi( 'Sell to all countries, except for&hellip;' ),
			'woocommerce_specific_allowed_countries'  => $multi( 'Sell to specific countries' ),
			'woocommerce_ship_to_countries'           => $select( 'Shipping location(s)', 'Choose which countries you want to ship to, or choose to ship to all locations you sell to.', '', array( '' => 'Ship to all countries you sell to', 'all' => 'Ship to all countries', 'specific' => 'Ship to specific countries only', 'disabled' => 'Disable shipping &amp; shipping calculations' ) ),
			'woocommerce_specific_ship_to_countries'  => $multi( 'Ship to specific countries' ),
			'woocommerce_default_customer_address'    => $select( 'Default customer location', '', 'base', array( '' => 'No location by default', 'base' => 'Shop country/region', 'geolocation' => 'Geolocate', 'geolocation_ajax' => 'Geolocate (with page caching support)' ) ),
			'woocommerce_calc_taxes'                  => $checkbox( 'Enable taxes', 'Enable tax rates and calculations', 'no', 'Rates will be configurable and taxes will be calculated during checkout.' ),
			'woocommerce_enable_coupons'              => $checkbox( 'Enable coupons', 'Enable the use of coupon codes', 'yes', 'Coupons can be applied from the cart and checkout pages.' ),
			'woocommerce_calc_discounts_sequentially' => $checkbox( '', 'Calculate coupon discounts sequentially', 'no', 'When applying multiple coupons, apply the first coupon to the full price and the second coupon to the discounted price and so on.' ),
			'woocommerce_currency'                    => $select( 'Currency', 'This controls what currency prices are listed at in the catalog and which currency gateways will take payments in.', 'USD', $currencies ),
			'woocommerce_currency_pos'                => $select( 'Currency position', 'This controls the position of the currency symbol.', 'left', array( 'left' => 'Left', 'right' => 'Right', 'left_space' => 'Left with space', 'right_space' => 'Right with space' ) ),
			'woocommerce_price_thousand_sep'          => $text( 'Thousand separator', 'This sets the thousand separator of displayed prices.', ',' ),
			'woocommerce_price_decimal_sep'           => $text( 'Decimal separator', 'This sets the decimal separator of displayed prices.', '.' ),
			'woocommerce_price_num_decimals'          => array( 'type' => 'number' ) + $text( 'Number of decimals', 'This sets the number of decimal points shown in displayed prices.', '2' ),
		);
	}

	/**
	 * GET settings: the groups.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_groups( $request ) {
		return rest_ensure_response(
			array(
				array(
					'id'          => 'general',
					'label'       => 'General',
					'description' => '',
					'parent_id'   => '',
					'sub_groups'  => array(),
					'_links'      => array( 'options' => array( array( 'href' => rest_url( sprintf( '/%s/settings/general', $this->namespace ) ) ) ) ),
				),
			)
		);
	}

	/**
	 * GET settings/<group>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_items( $request ) {
		if ( 'general' !== $request['group_id'] ) {
			return new WP_Error( 'rest_setting_setting_group_invalid', 'Invalid setting group.', array( 'status' => 404 ) );
		}
		$data = array();
		foreach ( array_keys( $this->settings() ) as $id ) {
			$data[] = $this->prepare_response_for_collection( $this->prepare_setting( $id, $request ) );
		}
		return rest_ensure_response( $data );
	}

	/**
	 * GET settings/<group>/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		$error = $this->check_setting( $request );
		return is_wp_error( $error ) ? $error : $this->prepare_setting( $request['id'], $request );
	}

	/**
	 * PUT settings/<group>/<id> { value }.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( $request ) {
		$error = $this->check_setting( $request );
		if ( is_wp_error( $error ) ) {
			return $error;
		}
		$setting = $this->settings()[ $request['id'] ];
		$value   = $request['value'];
		switch ( $setting['type'] ) {
			case 'select':
				if ( ! is_scalar( $value ) || ! array_key_exists( (string) $value, $setting['options'] ) ) {
					return new WP_Error( 'rest_setting_value_invalid', 'An invalid setting value was passed.', array( 'status' => 400 ) );
				}
				break;
			case 'multiselect':
				$value = array_values( array_filter( (array) $value, static fn( $v ) => array_key_exists( $v, $setting['options'] ) ) );
				break;
			case 'checkbox':
				if ( ! in_array( $value, array( 'yes', 'no' ), true ) ) {
					if ( ! empty( $value ) ) {
						return new WP_Error( 'rest_setting_value_invalid', 'An invalid setting value was passed.', array( 'status' => 400 ) );
					}
					$value = $setting['default'];
				}
				break;
			default:
				$value = wp_kses_post( trim( stripslashes( (string) $value ) ) );
		}
		update_option( $request['id'], $value );
		return $this->prepare_setting( $request['id'], $request );
	}

	/**
	 * 404 for unknown groups and settings.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	private function check_setting( $request ) {
		if ( 'general' !== $request['group_id'] ) {
			return new WP_Error( 'rest_setting_setting_group_invalid', 'Invalid setting group.', array( 'status' => 404 ) );
		}
		if ( ! isset( $this->settings()[ $request['id'] ] ) ) {
			return new WP_Error( 'rest_setting_setting_invalid', 'Invalid setting.', array( 'status' => 404 ) );
		}
		return true;
	}

	/**
	 * The REST representation of a setting.
	 *
	 * @param string          $id      Option name.
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	private function prepare_setting( $id, $request ) {
		$setting = $this->settings()[ $id ];
		$data    = array( 'id' => $id ) + $setting + array( 'value' => get_option( $id, $setting['default'] ) );
		if ( isset( $request['id'] ) ) {
			$data['group_id'] = 'general'; // Single settings carry their group; group listings do not.
		}
		$links   = array(
			'self'       => array( 'href' => rest_url( sprintf( '/%s/settings/general/%s', $this->namespace, $id ) ) ),
			'collection' => array( 'href' => rest_url( sprintf( '/%s/settings/general', $this->namespace ) ) ),
		);
		return $this->finish_response( $data, $request, $links, 'woocommerce_rest_prepare_setting', $id );
	}
}

/**
 * reports and reports/sales (view_woocommerce_reports).
 */
class WC_Stand_In_REST_Reports_Controller extends WC_Stand_In_REST_Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'reports';

	/**
	 * Object name.
	 *
	 * @var string
	 */
	protected $post_type = 'report';

	/**
	 * Routes.
	 */
	public function register_routes() {
		$context = array( 'context' => $this->get_context_param( array( 'default' => 'view' ) ) );
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
					'args'                => $context,
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/sales',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_sales' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
					'args'                => $context + array(
						'period'   => array(
							'type' => 'string',
							'enum' => array( 'week', 'month', 'last_month', 'year' ),
						),
						'date_min' => array(
							'type'   => 'string',
							'format' => 'date',
						),
						'date_max' => array(
							'type'   => 'string',
							'format' => 'date',
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
			'slug'        => self::field( 'string', array( 'readonly' => true ), array( 'view' ) ),
			'description' => self::field( 'string', array( 'readonly' => true ), array( 'view' ) ),
		);
	}

	/**
	 * Context param: reports only know `view`.
	 *
	 * @param array $args Overrides.
	 * @return array
	 */
	public function get_context_param( $args = array() ) {
		return array(
			'description' => 'Scope under which the request is made; determines fields present in response.',
			'type'        => 'string',
			'enum'        => array( 'view' ),
		) + $args;
	}

	/**
	 * view_woocommerce_reports.
	 *
	 * @param string          $action  Action.
	 * @param WP_REST_Request $request Request.
	 * @return bool
	 */
	protected function can( $action, $request ) {
		return wc_stand_in_check_manager_permissions( 'reports', 'read' );
	}

	/**
	 * GET reports.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ) {
		$data = array();
		$reports = array(
			'sales'              => 'List of sales reports.',
			'top_sellers'        => 'List of top sellers products.',
			'orders/totals'      => 'Orders totals.',
			'products/totals'    => 'Products totals.',
			'customers/totals'   => 'Customers totals.',
			'coupons/totals'     => 'Coupons totals.',
			'reviews/totals'     => 'Reviews totals.',
			'categories/totals'  => 'Categories totals.',
			'tags/totals'        => 'Tags totals.',
			'attributes/totals'  => 'Attributes totals.',
		);
		foreach ( $reports as $slug => $description ) {
			$data[] = $this->prepare_response_for_collection(
				$this->finish_response(
					array(
						'slug'        => $slug,
						'description' => $description,
					),
					$request,
					array(
						'self'       => array( 'href' => rest_url( sprintf( '/%s/%s/%s', $this->namespace, $this->rest_base, $slug ) ) ),
						'collection' => array( 'href' => rest_url( sprintf( '/%s/%s', $this->namespace, $this->rest_base ) ) ),
					),
					'woocommerce_rest_prepare_report',
					(object) array( 'slug' => $slug )
				)
			);
		}
		return rest_ensure_response( $data );
	}

	/**
	 * GET reports/sales: totals of paid orders in the period, grouped by day.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_sales( $request ) {
		$now   = current_time( 'timestamp' ); // phpcs:ignore WordPress.DateTime.CurrentTimeTimestamp.Requested
		$today = strtotime( gmdate( 'Y-m-d', $now ) );
		if ( ! empty( $request['date_min'] ) || ! empty( $request['date_max'] ) ) {
			$start = strtotime( (string) ( $request['date_min'] ? $request['date_min'] : gmdate( 'Y-m-d', $now ) ) );
			$end   = strtotime( (string) ( $request['date_max'] ? $request['date_max'] : gmdate( 'Y-m-d', $now ) ) );
		} else {
			switch ( $request['period'] ) {
				case 'month':
					$start = strtotime( gmdate( 'Y-m-01', $now ) );
					$end   = $today;
					break;
				case 'last_month':
					$start = strtotime( gmdate( 'Y-m-01', strtotime( '-1 month', strtotime( gmdate( 'Y-m-01', $now ) ) ) ) );
					$end   = strtotime( gmdate( 'Y-m-t', $start ) );
					break;
				case 'year':
					$start = strtotime( gmdate( 'Y-01-01', $now ) );
					$end   = $today;
					break;
				case 'week':
					$start = strtotime( '-6 days', $today );
					$end   = $today;
					break;
				default:
					$start = $today;
					$end   = $today;
			}
		}
		$totals = array();
		for ( $day = $start; $day <= $end; $day += DAY_IN_SECONDS ) {
			$totals[ gmdate( 'Y-m-d', $day ) ] = array(
				'sales'     => '0.00',
				'orders'    => 0,
				'items'     => 0,
				'tax'       => '0.00',
				'shipping'  => '0.00',
				'discount'  => '0.00',
				'customers' => 0,
			);
		}
		$sum = array(
			'sales'    => 0.0,
			'orders'   => 0,
			'items'    => 0,
			'shipping' => 0.0,
			'refunds'  => 0.0,
		);
		$orders = get_posts(
			array(
				'post_type'      => 'shop_order',
				'post_status'    => array( 'wc-processing', 'wc-completed', 'wc-on-hold', 'wc-refunded' ),
				'posts_per_page' => -1,
				'fields'         => 'ids',
				'date_query'     => array(
					array(
						'after'     => gmdate( 'Y-m-d 00:00:00', $start ),
						'before'    => gmdate( 'Y-m-d 23:59:59', $end ),
						'inclusive' => true,
					),
				),
			)
		);
		foreach ( $orders as $order_id ) {
			$order = WC_Stand_In_Orders::read( $order_id );
			$day   = substr( (string) get_post_field( 'post_date', $order_id ), 0, 10 );
			$items = 0;
			foreach ( WC_Stand_In_Orders::items( $order_id, 'line_item' ) as $item ) {
				$items += (int) ( $item['meta']['_qty'] ?? 0 );
			}
			$sum['sales']    += (float) $order['total'];
			$sum['shipping'] += (float) $order['shipping_total'];
			$sum['orders']   += 1;
			$sum['items']    += $items;
			$sum['refunds']  += (float) $order['total'] - WC_Stand_In_Orders::remaining_refund_amount( $order_id );
			if ( isset( $totals[ $day ] ) ) {
				$totals[ $day ]['sales']   = wc_format_decimal( (float) $totals[ $day ]['sales'] + (float) $order['total'], 2 );
				$totals[ $day ]['orders'] += 1;
				$totals[ $day ]['items']  += $items;
			}
		}
		$days = max( 1, count( $totals ) );
		$data = array(
			'total_sales'       => wc_format_decimal( $sum['sales'], 2 ),
			'net_sales'         => wc_format_decimal( $sum['sales'] - $sum['shipping'] - $sum['refunds'], 2 ),
			'average_sales'     => wc_format_decimal( ( $sum['sales'] - $sum['shipping'] - $sum['refunds'] ) / $days, 2 ),
			'total_orders'      => $sum['orders'],
			'total_items'       => $sum['items'],
			'total_tax'         => '0.00',
			'total_shipping'    => wc_format_decimal( $sum['shipping'], 2 ),
			'total_refunds'     => round( $sum['refunds'], wc_get_price_decimals() ),
			'total_discount'    => '0.00',
			'totals_grouped_by' => 'day',
			'totals'            => $totals,
			'total_customers'   => 0,
		);
		$data['_links'] = array( 'about' => array( array( 'href' => rest_url( sprintf( '/%s/reports', $this->namespace ) ) ) ) );
		$response       = rest_ensure_response( array( $data ) );
		return apply_filters( 'woocommerce_rest_prepare_report_sales', $response, (object) $data, $request );
	}
}

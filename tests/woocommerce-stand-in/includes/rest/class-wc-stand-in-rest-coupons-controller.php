<?php
/**
 * coupons, coupons/<id>, coupons/batch — after WC_REST_Coupons_Controller: shop_coupon posts
 * with WooCommerce's coupon meta keys and shop_coupon capabilities.
 *
 * @package AgentGuard\Tests\WooCommerceStandIn
 */

defined( 'ABSPATH' ) || exit;

/**
 * Coupons.
 */
class WC_Stand_In_REST_Coupons_Controller extends WC_Stand_In_REST_Controller {

	/**
	 * Meta keys that are coupon props.
	 */
	const INTERNAL_META = array( 'discount_type', 'coupon_amount', 'expiry_date', 'date_expires', 'usage_count', 'individual_use', 'product_ids', 'exclude_product_ids', 'usage_limit', 'usage_limit_per_user', 'limit_usage_to_x_items', 'free_shipping', 'product_categories', 'exclude_product_categories', 'exclude_sale_items', 'minimum_amount', 'maximum_amount', 'customer_email', '_used_by', '_edit_lock', '_edit_last' );

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'coupons';

	/**
	 * Post type.
	 *
	 * @var string
	 */
	protected $post_type = 'shop_coupon';

	/**
	 * Routes.
	 */
	public function register_routes() {
		$this->register_standard_routes();
	}

	/**
	 * Schema properties.
	 *
	 * @return array
	 */
	protected function get_schema_properties() {
		$ids = array( 'items' => array( 'type' => 'integer' ) );
		return array(
			'id'                          => self::readonly( 'integer' ),
			'code'                        => self::field( 'string' ),
			'amount'                      => self::field( 'string' ),
			'status'                      => self::field( 'string' ),
			'date_created'                => self::date_field( true ),
			'date_created_gmt'            => self::date_field( true ),
			'date_modified'               => self::date_field( true ),
			'date_modified_gmt'           => self::date_field( true ),
			'discount_type'               => self::field( 'string', array( 'default' => 'fixed_cart', 'enum' => array( 'percent', 'fixed_cart', 'fixed_product' ) ) ),
			'description'                 => self::field( 'string' ),
			'date_expires'                => self::date_field(),
			'date_expires_gmt'            => self::date_field(),
			'usage_count'                 => self::readonly( 'integer' ),
			'individual_use'              => self::field( 'boolean', array( 'default' => false ) ),
			'product_ids'                 => self::field( 'array', $ids ),
			'excluded_product_ids'        => self::field( 'array', $ids ),
			'usage_limit'                 => self::field( 'integer' ),
			'usage_limit_per_user'        => self::field( 'integer' ),
			'limit_usage_to_x_items'      => self::field( 'integer' ),
			'free_shipping'               => self::field( 'boolean', array( 'default' => false ) ),
			'product_categories'          => self::field( 'array', $ids ),
			'excluded_product_categories' => self::field( 'array', $ids ),
			'exclude_sale_items'          => self::field( 'boolean', array( 'default' => false ) ),
			'minimum_amount'              => self::field( 'string' ),
			'maximum_amount'              => self::field( 'string' ),
			'email_restrictions'          => self::field( 'array', array( 'items' => array( 'type' => 'string' ) ) ),
			'used_by'                     => self::readonly( 'array', array( 'items' => array( 'type' => 'integer' ) ) ),
			'meta_data'                   => self::meta_data_field(),
		);
	}

	/**
	 * `code` is required on create.
	 *
	 * @param string $method HTTP method.
	 * @return array
	 */
	public function get_endpoint_args_for_item_schema( $method = WP_REST_Server::CREATABLE ) {
		$args = parent::get_endpoint_args_for_item_schema( $method );
		if ( WP_REST_Server::CREATABLE === $method ) {
			$args['code']['required'] = true;
		}
		return $args;
	}

	/**
	 * Collection parameters.
	 *
	 * @return array
	 */
	public function get_collection_params() {
		$params         = $this->crud_collection_params();
		$params['code'] = array(
			'type'              => 'string',
			'sanitize_callback' => 'sanitize_text_field',
		);
		return $params;
	}

	/**
	 * Existing coupon id.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return int
	 */
	protected function existing_id( $request ) {
		$post = get_post( (int) $request['id'] );
		return $post && 'shop_coupon' === $post->post_type ? (int) $post->ID : 0;
	}

	/**
	 * GET coupons.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ) {
		$args = $this->prepare_objects_query( $request );
		if ( ! empty( $request['code'] ) ) {
			$args['title'] = $this->format_code( $request['code'] );
		}
		$args = apply_filters( "woocommerce_rest_{$this->post_type}_object_query", $args, $request );
		return $this->respond_with_posts(
			$args,
			$request,
			fn( $id ) => wc_stand_in_check_post_permissions( $this->post_type, 'read', $id ) ? $this->prepare_coupon( get_post( $id ), $request ) : null
		);
	}

	/**
	 * GET coupons/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		$id = $this->existing_id( $request );
		if ( ! $id ) {
			return new WP_Error( "woocommerce_rest_{$this->post_type}_invalid_id", 'Invalid ID.', array( 'status' => 404 ) );
		}
		return $this->prepare_coupon( get_post( $id ), $request );
	}

	/**
	 * POST coupons.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		if ( ! empty( $request['id'] ) ) {
			return new WP_Error( "woocommerce_rest_{$this->post_type}_exists", sprintf( 'Cannot create existing %s.', $this->post_type ), array( 'status' => 400 ) );
		}
		$id = $this->save_from_request( $request, 0 );
		if ( is_wp_error( $id ) ) {
			return $id;
		}
		$request->set_param( 'context', 'edit' );
		return $this->created( $this->prepare_coupon( get_post( $id ), $request ), $id );
	}

	/**
	 * PUT coupons/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( $request ) {
		$id = $this->existing_id( $request );
		if ( ! $id ) {
			return new WP_Error( "woocommerce_rest_{$this->post_type}_invalid_id", 'Invalid ID.', array( 'status' => 400 ) );
		}
		$id = $this->save_from_request( $request, $id );
		if ( is_wp_error( $id ) ) {
			return $id;
		}
		$request->set_param( 'context', 'edit' );
		return rest_ensure_response( $this->prepare_coupon( get_post( $id ), $request ) );
	}

	/**
	 * DELETE coupons/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function delete_item( $request ) {
		$id = $this->existing_id( $request );
		return $this->delete_post_object( $request, $id, fn( $request ) => $this->prepare_coupon( get_post( $id ), $request ) );
	}

	/**
	 * Lower-case, trimmed code (wc_format_coupon_code() with the default filters).
	 *
	 * @param string $code Code.
	 * @return string
	 */
	private function format_code( $code ) {
		return strtolower( trim( html_entity_decode( sanitize_post_field( 'post_title', (string) $code, 0, 'db' ) ) ) );
	}

	/**
	 * Applies a request and saves.
	 *
	 * @param WP_REST_Request $request Request.
	 * @param int             $id      Existing coupon, 0 to create.
	 * @return int|WP_Error
	 */
	private function save_from_request( $request, $id ) {
		$creating = ! $id;
		if ( $creating && ( null === $request['code'] || '' === trim( (string) $request['code'] ) ) ) {
			return new WP_Error( 'woocommerce_rest_empty_coupon_code', 'The coupon code cannot be empty.', array( 'status' => 400 ) );
		}
		$post = array(
			'post_type'   => 'shop_coupon',
			'post_status' => $creating ? 'publish' : get_post_status( $id ),
		);
		if ( null !== $request['code'] ) {
			$code     = $this->format_code( $request['code'] );
			$existing = get_posts( array( 'post_type' => 'shop_coupon', 'post_status' => 'publish', 'title' => $code, 'fields' => 'ids', 'posts_per_page' => 1, 'post__not_in' => array( $id ) ) ); // phpcs:ignore
			if ( $existing ) {
				return new WP_Error( 'woocommerce_rest_coupon_code_already_exists', 'The coupon code already exists', array( 'status' => 400 ) );
			}
			$post['post_title'] = $code;
		}
		if ( null !== $request['description'] ) {
			$post['post_excerpt'] = wp_filter_post_kses( $request['description'] );
		}
		if ( null !== $request['status'] ) {
			$post['post_status'] = $request['status'];
		}
		$pending = apply_filters( "woocommerce_rest_pre_insert_{$this->post_type}_object", new WC_Stand_In_Object( $id, 'shop_coupon', $post ), $request, $creating );
		if ( is_wp_error( $pending ) ) {
			return $pending;
		}
		if ( $creating ) {
			$post['post_author'] = get_current_user_id();
			$id                  = wp_insert_post( wp_slash( $post ), true );
		} else {
			$id = wp_update_post( wp_slash( $post + array( 'ID' => $id ) ), true );
		}
		if ( is_wp_error( $id ) ) {
			return new WP_Error( 'woocommerce_rest_shop_coupon_not_created', $id->get_error_message(), array( 'status' => 400 ) );
		}
		$yes_no = static fn( $value ) => $value ? 'yes' : 'no';
		$ids    = static fn( $value ) => implode( ',', array_filter( array_map( 'intval', (array) $value ) ) );
		$meta   = $creating ? array(
			'discount_type'              => 'fixed_cart',
			'coupon_amount'              => '0',
			'individual_use'             => 'no',
			'product_ids'                => '',
			'exclude_product_ids'        => '',
			'usage_limit'                => '0',
			'usage_limit_per_user'       => '0',
			'limit_usage_to_x_items'     => '0',
			'usage_count'                => '0',
			'date_expires'               => '',
			'free_shipping'              => 'no',
			'product_categories'         => array(),
			'exclude_product_categories' => array(),
			'exclude_sale_items'         => 'no',
			'minimum_amount'             => '',
			'maximum_amount'             => '',
			'customer_email'             => array(),
		) : array();
		$map    = array(
			'discount_type'               => array( 'discount_type', 'strval' ),
			'amount'                      => array( 'coupon_amount', 'wc_format_decimal' ),
			'individual_use'              => array( 'individual_use', $yes_no ),
			'product_ids'                 => array( 'product_ids', $ids ),
			'excluded_product_ids'        => array( 'exclude_product_ids', $ids ),
			'usage_limit'                 => array( 'usage_limit', 'absint' ),
			'usage_limit_per_user'        => array( 'usage_limit_per_user', 'absint' ),
			'limit_usage_to_x_items'      => array( 'limit_usage_to_x_items', 'absint' ),
			'free_shipping'               => array( 'free_shipping', $yes_no ),
			'product_categories'          => array( 'product_categories', static fn( $v ) => array_values( array_filter( array_map( 'intval', (array) $v ) ) ) ),
			'excluded_product_categories' => array( 'exclude_product_categories', static fn( $v ) => array_values( array_filter( array_map( 'intval', (array) $v ) ) ) ),
			'exclude_sale_items'          => array( 'exclude_sale_items', $yes_no ),
			'minimum_amount'              => array( 'minimum_amount', 'wc_format_decimal' ),
			'maximum_amount'              => array( 'maximum_amount', 'wc_format_decimal' ),
			'email_restrictions'          => array( 'customer_email', static fn( $v ) => array_values( array_filter( array_map( 'sanitize_email', (array) $v ) ) ) ),
			'date_expires'                => array( 'date_expires', static fn( $v ) => (string) wc_stand_in_parse_date( $v ) ),
			'date_expires_gmt'            => array( 'date_expires', static fn( $v ) => (string) wc_stand_in_parse_date( $v, true ) ),
		);
		foreach ( $map as $param => list( $key, $sanitize ) ) {
			if ( null !== $request[ $param ] ) {
				$meta[ $key ] = $sanitize( $request[ $param ] );
			}
		}
		foreach ( $meta as $key => $value ) {
			update_post_meta( $id, $key, $value );
		}
		if ( is_array( $request['meta_data'] ) ) {
			WC_Stand_In_Meta::write( 'post', $id, $request['meta_data'], self::INTERNAL_META );
		}
		do_action( $creating ? 'woocommerce_new_coupon' : 'woocommerce_update_coupon', $id, new WC_Stand_In_Object( $id, 'shop_coupon' ) );
		do_action( "woocommerce_rest_insert_{$this->post_type}_object", new WC_Stand_In_Object( $id, 'shop_coupon' ), $request, $creating );
		return (int) $id;
	}

	/**
	 * The REST representation of a coupon.
	 *
	 * @param WP_Post         $post    Coupon post.
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	private function prepare_coupon( $post, $request ) {
		$id      = (int) $post->ID;
		$m       = static fn( $key ) => get_post_meta( $id, $key, true );
		$limit   = static fn( $key ) => (int) $m( $key ) ? (int) $m( $key ) : null;
		$ids     = static fn( $key ) => array_values( array_filter( array_map( 'intval', is_array( $m( $key ) ) ? $m( $key ) : explode( ',', (string) $m( $key ) ) ) ) );
		$expires = $m( 'date_expires' ) ? (int) $m( 'date_expires' ) : null;
		$data    = array(
			'id'     => $id,
			'code'   => $post->post_title,
			'amount' => wc_format_decimal( $m( 'coupon_amount' ), 2 ),
			'status' => $post->post_status,
		) + self::date_pair( 'date_created', $post->post_date_gmt ) + self::date_pair( 'date_modified', $post->post_modified_gmt ) + array(
			'discount_type'  => $m( 'discount_type' ) ? $m( 'discount_type' ) : 'fixed_cart',
			'description'    => $post->post_excerpt,
		) + self::date_pair( 'date_expires', $expires ) + array(
			'usage_count'                 => (int) $m( 'usage_count' ),
			'individual_use'              => 'yes' === $m( 'individual_use' ),
			'product_ids'                 => $ids( 'product_ids' ),
			'excluded_product_ids'        => $ids( 'exclude_product_ids' ),
			'usage_limit'                 => $limit( 'usage_limit' ),
			'usage_limit_per_user'        => $limit( 'usage_limit_per_user' ),
			'limit_usage_to_x_items'      => $limit( 'limit_usage_to_x_items' ),
			'free_shipping'               => 'yes' === $m( 'free_shipping' ),
			'product_categories'          => $ids( 'product_categories' ),
			'excluded_product_categories' => $ids( 'exclude_product_categories' ),
			'exclude_sale_items'          => 'yes' === $m( 'exclude_sale_items' ),
			'minimum_amount'              => wc_format_decimal( $m( 'minimum_amount' ), 2 ),
			'maximum_amount'              => wc_format_decimal( $m( 'maximum_amount' ), 2 ),
			'email_restrictions'          => array_values( (array) $m( 'customer_email' ) ),
			'used_by'                     => array_map( 'intval', (array) get_post_meta( $id, '_used_by' ) ),
			'meta_data'                   => WC_Stand_In_Meta::read( 'post', $id, self::INTERNAL_META ),
		);
		return $this->finish_response( $data, $request, $this->item_links( $id ), "woocommerce_rest_prepare_{$this->post_type}_object", new WC_Stand_In_Object( $id, 'shop_coupon' ) );
	}
}

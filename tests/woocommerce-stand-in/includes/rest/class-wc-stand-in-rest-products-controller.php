<?php
/**
 * products, products/<id>, products/batch — after WC_REST_Products_Controller (v3).
 *
 * @package AgentGuard\Tests\WooCommerceStandIn
 */

defined( 'ABSPATH' ) || exit;

/**
 * Products.
 */
class WC_Stand_In_REST_Products_Controller extends WC_Stand_In_REST_Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'products';

	/**
	 * Post type.
	 *
	 * @var string
	 */
	protected $post_type = 'product';

	/**
	 * Routes.
	 */
	public function register_routes() {
		$this->register_standard_routes();
	}

	/**
	 * The product schema's properties.
	 *
	 * @return array
	 */
	protected function get_schema_properties() {
		$term  = array(
			'type'  => 'array',
			'items' => array(
				'type'       => 'object',
				'properties' => array(
					'id'   => self::field( 'integer' ),
					'name' => self::readonly( 'string' ),
					'slug' => self::readonly( 'string' ),
				),
			),
		);
		$props = array(
			'id'                    => self::readonly( 'integer' ),
			'name'                  => self::field( 'string' ),
			'slug'                  => self::field( 'string' ),
			'permalink'             => self::readonly( 'string', array( 'format' => 'uri' ) ),
			'date_created'          => self::date_field(),
			'date_created_gmt'      => self::date_field(),
			'date_modified'         => self::date_field( true ),
			'date_modified_gmt'     => self::date_field( true ),
			'type'                  => self::field( 'string', array( 'default' => 'simple', 'enum' => array( 'simple', 'grouped', 'external', 'variable' ) ) ),
			'status'                => self::field( 'string', array( 'default' => 'publish', 'enum' => array( 'draft', 'pending', 'private', 'publish', 'future', 'auto-draft', 'trash' ) ) ),
			'featured'              => self::field( 'boolean', array( 'default' => false ) ),
			'catalog_visibility'    => self::field( 'string', array( 'default' => 'visible', 'enum' => array( 'visible', 'catalog', 'search', 'hidden' ) ) ),
			'description'           => self::field( 'string' ),
			'short_description'     => self::field( 'string' ),
			'sku'                   => self::field( 'string' ),
			'global_unique_id'      => self::field( 'string' ),
			'price'                 => self::readonly( 'string' ),
			'regular_price'         => self::field( 'string' ),
			'sale_price'            => self::field( 'string' ),
			'date_on_sale_from'     => self::date_field(),
			'date_on_sale_from_gmt' => self::date_field(),
			'date_on_sale_to'       => self::date_field(),
			'date_on_sale_to_gmt'   => self::date_field(),
			'price_html'            => self::readonly( 'string' ),
			'on_sale'               => self::readonly( 'boolean' ),
			'purchasable'           => self::readonly( 'boolean' ),
			'total_sales'           => self::readonly( 'integer' ),
			'virtual'               => self::field( 'boolean', array( 'default' => false ) ),
			'downloadable'          => self::field( 'boolean', array( 'default' => false ) ),
			'downloads'             => self::downloads_field(),
			'download_limit'        => self::field( 'integer', array( 'default' => -1 ) ),
			'download_expiry'       => self::field( 'integer', array( 'default' => -1 ) ),
			'external_url'          => self::field( 'string', array( 'format' => 'uri' ) ),
			'button_text'           => self::field( 'string' ),
			'tax_status'            => self::field( 'string', array( 'default' => 'taxable', 'enum' => array( 'taxable', 'shipping', 'none' ) ) ),
			'tax_class'             => self::field( 'string' ),
			'manage_stock'          => self::field( 'boolean', array( 'default' => false ) ),
			'stock_quantity'        => self::field( 'integer' ),
			'stock_status'          => self::field( 'string', array( 'default' => 'instock', 'enum' => array( 'instock', 'outofstock', 'onbackorder' ) ) ),
			'backorders'            => self::field( 'string', array( 'default' => 'no', 'enum' => array( 'no', 'notify', 'yes' ) ) ),
			'backorders_allowed'    => self::readonly( 'boolean' ),
			'backordered'           => self::readonly( 'boolean' ),
			'low_stock_amount'      => self::field( array( 'integer', 'null' ) ),
			'sold_individually'     => self::field( 'boolean', array( 'default' => false ) ),
			'weight'                => self::field( 'string' ),
			'dimensions'            => self::address_field( array( 'length', 'width', 'height' ) ),
			'shipping_required'     => self::readonly( 'boolean' ),
			'shipping_taxable'      => self::readonly( 'boolean' ),
			'shipping_class'        => self::field( 'string' ),
			'shipping_class_id'     => self::readonly( 'string' ),
			'reviews_allowed'       => self::field( 'boolean', array( 'default' => true ) ),
			'post_password'         => self::field( 'string' ),
			'average_rating'        => self::readonly( 'string' ),
			'rating_count'          => self::readonly( 'integer' ),
			'related_ids'           => self::readonly( 'array', array( 'items' => array( 'type' => 'integer' ) ) ),
			'upsell_ids'            => self::field( 'array', array( 'items' => array( 'type' => 'integer' ) ) ),
			'cross_sell_ids'        => self::field( 'array', array( 'items' => array( 'type' => 'integer' ) ) ),
			'parent_id'             => self::field( 'integer' ),
			'purchase_note'         => self::field( 'string' ),
			'categories'            => self::field( 'array', $term ),
			'tags'                  => self::field( 'array', $term ),
			'images'                => self::field( 'array', array( 'items' => array( 'type' => 'object' ) + array_diff_key( self::image_field(), array_flip( array( 'type', 'context' ) ) ) ) ),
			'has_options'           => self::readonly( 'boolean' ),
			'attributes'            => self::field(
				'array',
				array(
					'items' => array(
						'type'       => 'object',
						'properties' => array(
							'id'        => self::field( 'integer' ),
							'name'      => self::field( 'string' ),
							'position'  => self::field( 'integer' ),
							'visible'   => self::field( 'boolean', array( 'default' => false ) ),
							'variation' => self::field( 'boolean', array( 'default' => false ) ),
							'options'   => self::field( 'array', array( 'items' => array( 'type' => 'string' ) ) ),
						),
					),
				)
			),
			'default_attributes'    => self::field(
				'array',
				array(
					'items' => array(
						'type'       => 'object',
						'properties' => array(
							'id'     => self::field( 'integer' ),
							'name'   => self::field( 'string' ),
							'option' => self::field( 'string' ),
						),
					),
				)
			),
			'variations'            => self::readonly( 'array', array( 'items' => array( 'type' => 'integer' ) ) ),
			'grouped_products'      => self::readonly( 'array', array( 'items' => array( 'type' => 'integer' ) ) ),
			'menu_order'            => self::field( 'integer' ),
			'meta_data'             => self::meta_data_field(),
			'permalink_template'    => self::field( 'string', array( 'readonly' => true ), array( 'edit' ) ),
			'generated_slug'        => self::field( 'string', array( 'readonly' => true ), array( 'edit' ) ),
		);
		return $props;
	}

	/**
	 * The downloads property.
	 *
	 * @return array
	 */
	protected static function downloads_field() {
		return self::field(
			'array',
			array(
				'items' => array(
					'type'       => 'object',
					'properties' => array(
						'id'   => self::field( 'string' ),
						'name' => self::field( 'string' ),
						'file' => self::field( 'string' ),
					),
				),
			)
		);
	}

	/**
	 * Collection parameters.
	 *
	 * @return array
	 */
	public function get_collection_params() {
		$params                     = $this->crud_collection_params( array( 'date', 'id', 'include', 'title', 'slug', 'modified', 'popularity', 'rating', 'popularity', 'rating', 'menu_order', 'price', 'popularity', 'rating' ), true );
		$params['slug']             = array( 'type' => 'string' );
		$params['status']           = array(
			'type'    => 'string',
			'default' => 'any',
			'enum'    => array( 'any', 'future', 'trash', 'draft', 'pending', 'private', 'publish' ),
		);
		$params['type']             = array(
			'type' => 'string',
			'enum' => array( 'simple', 'grouped', 'external', 'variable' ),
		);
		$params['sku']              = array( 'type' => 'string' );
		$params['featured']         = array( 'type' => 'boolean' );
		$params['category']         = array( 'type' => 'string' );
		$params['tag']              = array( 'type' => 'string' );
		$params['shipping_class']   = array( 'type' => 'string' );
		$params['attribute']        = array( 'type' => 'string' );
		$params['attribute_term']   = array( 'type' => 'string' );
		$params['on_sale']          = array( 'type' => 'boolean' );
		$params['min_price']        = array( 'type' => 'string' );
		$params['max_price']        = array( 'type' => 'string' );
		$params['include_meta']     = array(
			'type'    => 'array',
			'default' => array(),
			'items'   => array( 'type' => 'string' ),
		);
		$params['exclude_meta']     = $params['include_meta'];
		$params['stock_status']     = array(
			'type' => 'string',
			'enum' => array( 'instock', 'outofstock', 'onbackorder' ),
		);
		$params['search_sku']       = array( 'type' => 'string' );
		return $params;
	}

	/**
	 * The product id of the request when it exists.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return int
	 */
	protected function existing_id( $request ) {
		$product = WC_Stand_In_Products::read( (int) $request['id'] );
		return $product ? $product['id'] : 0;
	}

	/**
	 * GET products.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ) {
		$args                = $this->prepare_objects_query( $request );
		$args['post_status'] = 'any' === $request['status'] ? 'any' : $request['status'];
		$tax_query           = array();
		foreach ( array( 'product_cat' => 'category', 'product_tag' => 'tag' ) as $taxonomy => $param ) {
			if ( ! empty( $request[ $param ] ) ) {
				$tax_query[] = array(
					'taxonomy' => $taxonomy,
					'field'    => 'term_id',
					'terms'    => wp_parse_id_list( $request[ $param ] ),
				);
			}
		}
		if ( ! empty( $request['type'] ) ) {
			$tax_query[] = array(
				'taxonomy' => 'product_type',
				'field'    => 'slug',
				'terms'    => $request['type'],
			);
		}
		if ( is_bool( $request['featured'] ) ) {
			$tax_query[] = array(
				'taxonomy' => 'product_visibility',
				'field'    => 'name',
				'terms'    => 'featured',
				'operator' => $request['featured'] ? 'IN' : 'NOT IN',
			);
		}
		if ( $tax_query ) {
			$args['tax_query'] = $tax_query; // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_tax_query
		}
		$meta_query = array();
		if ( ! empty( $request['sku'] ) ) {
			$skus = explode( ',', $request['sku'] );
			if ( count( $skus ) > 1 ) {
				$skus[] = $request['sku'];
			}
			$meta_query[]      = array(
				'key'     => '_sku',
				'value'   => $skus,
				'compare' => 'IN',
			);
			$args['post_type'] = array( 'product', 'product_variation' );
		}
		if ( ! empty( $request['stock_status'] ) ) {
			$meta_query[] = array(
				'key'   => '_stock_status',
				'value' => $request['stock_status'],
			);
		}
		if ( ! empty( $request['min_price'] ) || ! empty( $request['max_price'] ) ) {
			$meta_query[] = array(
				'key'     => '_price',
				'value'   => array( (float) ( $request['min_price'] ? $request['min_price'] : 0 ), (float) ( $request['max_price'] ? $request['max_price'] : PHP_INT_MAX ) ),
				'compare' => 'BETWEEN',
				'type'    => 'DECIMAL(10,' . wc_get_price_decimals() . ')',
			);
		}
		if ( $meta_query ) {
			$args['meta_query'] = $meta_query; // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_query
		}
		if ( 'date' === $request['orderby'] ) {
			// WooCommerce turns "date ID" into "date id", which WP_Query only half understands:
			// products are ordered by date alone, ties in whatever order the database returns.
			$args['orderby'] = 'date';
		}
		if ( in_array( $request['orderby'], array( 'price', 'popularity', 'rating' ), true ) ) {
			$args['meta_key'] = array( 'price' => '_price', 'popularity' => 'total_sales', 'rating' => '_wc_average_rating' )[ $request['orderby'] ]; // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_key
			$args['orderby']  = 'meta_value_num';
		}
		if ( is_bool( $request['on_sale'] ) ) {
			$on_sale = array();
			foreach ( get_posts( array( 'post_type' => array( 'product', 'product_variation' ), 'post_status' => 'any', 'posts_per_page' => -1, 'fields' => 'ids' ) ) as $id ) { // phpcs:ignore
				$props = WC_Stand_In_Products::read( $id );
				if ( $props && WC_Stand_In_Products::is_on_sale( $props ) ) {
					$on_sale[] = $props['parent_id'] ? $props['parent_id'] : $id;
				}
			}
			$key          = $request['on_sale'] ? 'post__in' : 'post__not_in';
			$args[ $key ] = array_merge( $args[ $key ], $on_sale ? $on_sale : array( 0 ) );
		}
		$args = apply_filters( "woocommerce_rest_{$this->post_type}_object_query", $args, $request );
		return $this->respond_with_posts(
			$args,
			$request,
			function ( $id ) use ( $request ) {
				$product = WC_Stand_In_Products::read( $id );
				return $product && wc_stand_in_check_post_permissions( $this->post_type, 'read', $id ) ? $this->prepare_product( $product, $request ) : null;
			}
		);
	}

	/**
	 * GET products/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		$product = WC_Stand_In_Products::read( (int) $request['id'] );
		if ( ! $product ) {
			return new WP_Error( "woocommerce_rest_{$this->post_type}_invalid_id", 'Invalid ID.', array( 'status' => 404 ) );
		}
		$response = $this->prepare_product( $product, $request );
		$response->link_header( 'alternate', get_permalink( $product['id'] ), array( 'type' => 'text/html' ) );
		return $response;
	}

	/**
	 * POST products.
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
		return $this->created( $this->prepare_product( WC_Stand_In_Products::read( $id ), $request ), $id );
	}

	/**
	 * PUT / PATCH / POST products/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( $request ) {
		$product = WC_Stand_In_Products::read( (int) $request['id'] );
		if ( ! $product ) {
			return new WP_Error( "woocommerce_rest_{$this->post_type}_invalid_id", 'Invalid ID.', array( 'status' => 400 ) );
		}
		$id = $this->save_from_request( $request, $product );
		if ( is_wp_error( $id ) ) {
			return $id;
		}
		$request->set_param( 'context', 'edit' );
		return rest_ensure_response( $this->prepare_product( WC_Stand_In_Products::read( $id ), $request ) );
	}

	/**
	 * DELETE products/<id>: trash, or delete for good with force (variations go too).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function delete_item( $request ) {
		$product = WC_Stand_In_Products::read( (int) $request['id'] );
		if ( $product && 'variation' === $product['type'] ) {
			return $this->variation_error();
		}
		return $this->delete_post_object(
			$request,
			$product ? $product['id'] : 0,
			fn( $request ) => $this->prepare_product( $product, $request ),
			static function ( $id ) {
				foreach ( WC_Stand_In_Products::children( $id, 'any' ) as $child_id ) {
					wp_delete_post( $child_id, true );
				}
			}
		);
	}

	/**
	 * The error for variation ids on products routes.
	 *
	 * @return WP_Error
	 */
	protected function variation_error() {
		return new WP_Error( "woocommerce_rest_invalid_{$this->post_type}_id", 'To manipulate product variations you should use the /products/&lt;product_id&gt;/variations/&lt;id&gt; endpoint.', array( 'status' => 404 ) );
	}

	/**
	 * Applies a request to a product (WC_REST_Products_Controller::prepare_object_for_database())
	 * and saves it.
	 *
	 * @param WP_REST_Request $request Request.
	 * @param array|null      $product Existing product, null to create.
	 * @return int|WP_Error
	 */
	protected function save_from_request( $request, $product ) {
		$creating = null === $product;
		if ( ! $creating && 'variation' === $product['type'] ) {
			return $this->variation_error();
		}
		$props   = $creating ? WC_Stand_In_Products::defaults( 'simple' ) : $product;
		$changed = array();
		$set     = static function ( $key, $value ) use ( &$props, &$changed ) {
			$props[ $key ] = $value;
			$changed[]     = $key;
		};
		if ( isset( $request['type'] ) ) {
			$set( 'type', in_array( $request['type'], array( 'simple', 'grouped', 'external', 'variable' ), true ) ? $request['type'] : 'simple' );
		}
		foreach ( array( 'name', 'description', 'short_description' ) as $key ) {
			if ( isset( $request[ $key ] ) ) {
				$set( $key, wp_filter_post_kses( (string) $request[ $key ] ) );
			}
		}
		if ( isset( $request['status'] ) ) {
			$set( 'status', get_post_status_object( $request['status'] ) ? $request['status'] : 'draft' );
		}
		foreach ( array( 'slug', 'post_password', 'catalog_visibility', 'button_text' ) as $key ) {
			if ( isset( $request[ $key ] ) ) {
				$set( $key, (string) $request[ $key ] );
			}
		}
		foreach ( array( 'menu_order', 'parent_id', 'download_limit', 'download_expiry' ) as $key ) {
			if ( isset( $request[ $key ] ) ) {
				$set( $key, (int) $request[ $key ] );
			}
		}
		foreach ( array( 'reviews_allowed', 'virtual', 'featured', 'sold_individually', 'downloadable' ) as $key ) {
			if ( isset( $request[ $key ] ) ) {
				$set( $key, (bool) $request[ $key ] );
			}
		}
		if ( isset( $request['purchase_note'] ) ) {
			$set( 'purchase_note', wp_kses_post( wp_unslash( $request['purchase_note'] ) ) );
		}
		if ( isset( $request['external_url'] ) ) {
			$set( 'product_url', esc_url_raw( $request['external_url'] ) );
		}
		if ( isset( $request['date_created'] ) ) {
			$props['date_created_set'] = wc_stand_in_parse_date( $request['date_created'] );
		}
		if ( isset( $request['date_created_gmt'] ) ) {
			$props['date_created_set'] = wc_stand_in_parse_date( $request['date_created_gmt'], true );
		}
		if ( 'external' === $props['type'] && ! empty( $request['manage_stock'] ) ) {
			return new WP_Error( 'product_external_invalid_manage_stock', 'External products cannot be stock managed.', array( 'status' => 400 ) );
		}
		if ( 'external' === $props['type'] && isset( $request['backorders'] ) && 'no' !== $request['backorders'] ) {
			return new WP_Error( 'product_external_invalid_backorders', 'External products cannot be backordered.', array( 'status' => 400 ) );
		}
		$this->apply_common( $request, $props, $set );

		if ( isset( $request['attributes'] ) && is_array( $request['attributes'] ) ) {
			$attributes = array();
			foreach ( $request['attributes'] as $position => $attribute ) {
				if ( empty( $attribute['name'] ) || ! isset( $attribute['options'] ) ) {
					continue;
				}
				$name                                 = sanitize_text_field( $attribute['name'] );
				$options                              = is_array( $attribute['options'] ) ? $attribute['options'] : explode( '|', (string) $attribute['options'] );
				$attributes[ sanitize_title( $name ) ] = array(
					'name'         => $name,
					'value'        => implode( ' | ', array_map( 'sanitize_text_field', array_map( 'strval', $options ) ) ),
					'position'     => isset( $attribute['position'] ) ? absint( $attribute['position'] ) : 0,
					'is_visible'   => empty( $attribute['visible'] ) ? 0 : 1,
					'is_variation' => empty( $attribute['variation'] ) ? 0 : 1,
					'is_taxonomy'  => 0,
				);
			}
			$set( 'attributes', $attributes );
		}
		if ( isset( $request['default_attributes'] ) && is_array( $request['default_attributes'] ) ) {
			$defaults = array();
			foreach ( $request['default_attributes'] as $attribute ) {
				if ( ! empty( $attribute['name'] ) && isset( $attribute['option'] ) ) {
					$defaults[ sanitize_title( $attribute['name'] ) ] = sanitize_text_field( $attribute['option'] );
				}
			}
			$set( 'default_attributes', $defaults );
		}
		foreach ( array( 'upsell_ids' => 'upsell_ids', 'cross_sell_ids' => 'cross_sell_ids' ) as $param => $key ) {
			if ( isset( $request[ $param ] ) ) {
				$set( $key, array_values( array_filter( array_map( 'absint', (array) $request[ $param ] ) ) ) );
			}
		}
		foreach ( array( 'categories' => 'category_ids', 'tags' => 'tag_ids' ) as $param => $key ) {
			if ( isset( $request[ $param ] ) && is_array( $request[ $param ] ) ) {
				$set( $key, array_values( array_filter( array_map( static fn( $term ) => absint( $term['id'] ?? 0 ), $request[ $param ] ) ) ) );
			}
		}
		return $this->store( $props, $changed, $request, $creating );
	}

	/**
	 * Fields products and variations share: SKU, prices and sale dates, tax, stock, shipping,
	 * downloads, meta_data.
	 *
	 * @param WP_REST_Request $request Request.
	 * @param array           $props   Props (by reference).
	 * @param callable        $set     Setter recording changes.
	 */
	protected function apply_common( $request, array &$props, callable $set ) {
		if ( isset( $request['sku'] ) ) {
			$set( 'sku', sanitize_text_field( (string) $request['sku'] ) );
		}
		if ( isset( $request['global_unique_id'] ) ) {
			$set( 'global_unique_id', sanitize_text_field( (string) $request['global_unique_id'] ) );
		}
		foreach ( array( 'tax_status', 'tax_class' ) as $key ) {
			if ( isset( $request[ $key ] ) ) {
				$set( $key, sanitize_text_field( (string) $request[ $key ] ) );
			}
		}
		if ( true === $request['virtual'] ) {
			// A virtual product ships nothing: WooCommerce clears its weight and dimensions.
			foreach ( array( 'weight', 'length', 'width', 'height' ) as $key ) {
				$set( $key, '' );
			}
		} else {
			if ( isset( $request['weight'] ) ) {
				$set( 'weight', wc_format_decimal( $request['weight'] ) );
			}
			if ( isset( $request['dimensions'] ) && is_array( $request['dimensions'] ) ) {
				foreach ( array( 'length', 'width', 'height' ) as $key ) {
					if ( isset( $request['dimensions'][ $key ] ) ) {
						$set( $key, wc_format_decimal( $request['dimensions'][ $key ] ) );
					}
				}
			}
		}
		if ( ! in_array( $props['type'], array( 'variable', 'grouped' ), true ) ) {
			foreach ( array( 'regular_price', 'sale_price' ) as $key ) {
				if ( isset( $request[ $key ] ) ) {
					$set( $key, wc_format_decimal( $request[ $key ] ) );
				}
			}
			foreach ( array( 'date_on_sale_from', 'date_on_sale_to' ) as $key ) {
				if ( isset( $request[ $key ] ) ) {
					$set( $key, wc_stand_in_parse_date( $request[ $key ] ) );
				}
				if ( isset( $request[ $key . '_gmt' ] ) ) {
					$set( $key, wc_stand_in_parse_date( $request[ $key . '_gmt' ], true ) );
				}
			}
		}
		$stock_status = isset( $request['stock_status'] ) ? $request['stock_status'] : $props['stock_status'];
		if ( 'yes' === get_option( 'woocommerce_manage_stock', 'yes' ) ) {
			if ( isset( $request['manage_stock'] ) ) {
				$set( 'manage_stock', (bool) $request['manage_stock'] );
			}
			if ( isset( $request['backorders'] ) ) {
				$set( 'backorders', $request['backorders'] );
			}
			if ( in_array( $props['type'], array( 'grouped', 'external' ), true ) ) {
				$set( 'manage_stock', false );
				$set( 'stock_status', 'external' === $props['type'] ? 'instock' : $stock_status );
			} elseif ( $props['manage_stock'] ) {
				if ( 'variable' !== $props['type'] ) {
					$set( 'stock_status', $stock_status );
				}
				if ( isset( $request['stock_quantity'] ) ) {
					$set( 'stock_quantity', (int) $request['stock_quantity'] );
				} elseif ( isset( $request['inventory_delta'] ) ) {
					$set( 'stock_quantity', (int) $props['stock_quantity'] + (int) $request['inventory_delta'] );
				}
				if ( array_key_exists( 'low_stock_amount', $request->get_params() ) ) {
					$set( 'low_stock_amount', null === $request['low_stock_amount'] ? '' : (int) $request['low_stock_amount'] );
				}
			} else {
				$set( 'stock_status', $stock_status );
			}
		} elseif ( 'variable' !== $props['type'] ) {
			$set( 'stock_status', $stock_status );
		}
		if ( is_array( $request['meta_data'] ) ) {
			$props['meta_data_request'] = $request['meta_data'];
		}
	}

	/**
	 * Runs the pre-insert filter, saves, writes meta_data, fires the REST insert action.
	 *
	 * @param array           $props    Props.
	 * @param string[]        $changed  Changed props.
	 * @param WP_REST_Request $request  Request.
	 * @param bool            $creating Creating.
	 * @return int|WP_Error
	 */
	protected function store( array $props, array $changed, $request, $creating ) {
		$pending = apply_filters( "woocommerce_rest_pre_insert_{$this->post_type}_object", new WC_Stand_In_Object( (int) $props['id'], $props['type'], $props ), $request, $creating );
		if ( is_wp_error( $pending ) ) {
			return $pending;
		}
		$meta = $props['meta_data_request'] ?? null;
		unset( $props['meta_data_request'] );
		if ( null !== $meta ) {
			$props['meta_data_writer'] = static fn( $id ) => WC_Stand_In_Meta::write( 'post', $id, $meta, WC_Stand_In_Products::INTERNAL_META );
		}
		$id = WC_Stand_In_Products::save( $props, $changed );
		if ( is_wp_error( $id ) ) {
			return $id;
		}
		do_action( "woocommerce_rest_insert_{$this->post_type}_object", WC_Stand_In_Products::object( $id ), $request, $creating );
		return $id;
	}

	/**
	 * The REST representation of a product (WC_REST_Products_Controller::get_product_data()).
	 *
	 * @param array           $p       Product props.
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	protected function prepare_product( array $p, $request ) {
		$context  = ! empty( $request['context'] ) ? $request['context'] : 'view';
		$id       = $p['id'];
		$children = 'variable' === $p['type'] ? WC_Stand_In_Products::children( $id, array( 'publish', 'private' ) ) : array();
		$price    = 'variable' === $p['type'] ? WC_Stand_In_Products::active_price( $id ) : $p['price'];
		$on_sale  = WC_Stand_In_Products::is_on_sale( $p );
		$child_props = array();
		foreach ( $children as $child_id ) {
			$child_props[] = WC_Stand_In_Products::read( $child_id );
		}
		if ( 'variable' === $p['type'] ) {
			$on_sale = (bool) array_filter( $child_props, array( 'WC_Stand_In_Products', 'is_on_sale' ) );
		}
		$purchasable = 'variable' === $p['type'] ? (bool) array_filter( $child_props, static fn( $child ) => '' !== $child['price'] ) : ( 'external' !== $p['type'] && '' !== $price );
		$purchasable = $purchasable && ( 'publish' === $p['status'] || current_user_can( 'edit_post', $id ) );
		$terms       = static function ( $ids, $taxonomy ) {
			$out = array();
			foreach ( (array) $ids as $term_id ) {
				$term = get_term( (int) $term_id, $taxonomy );
				if ( $term && ! is_wp_error( $term ) ) {
					$out[] = array(
						'id'   => (int) $term->term_id,
						'name' => $term->name,
						'slug' => $term->slug,
					);
				}
			}
			return $out;
		};
		$parent     = $p['parent_id'] ? WC_Stand_In_Products::read( $p['parent_id'] ) : null;
		$attributes = 'variation' === $p['type'] ? $this->variation_attributes( $p, $parent ) : array();
		foreach ( $p['attributes'] as $attribute ) {
			$attributes[] = array(
				'id'        => 0,
				'name'      => $attribute['name'],
				'slug'      => $attribute['name'],
				'position'  => (int) $attribute['position'],
				'visible'   => (bool) $attribute['is_visible'],
				'variation' => (bool) $attribute['is_variation'],
				'options'   => array_values( array_filter( array_map( 'trim', explode( '|', (string) $attribute['value'] ) ), 'strlen' ) ),
			);
		}
		$default_attributes = array();
		foreach ( $p['default_attributes'] as $key => $option ) {
			$default_attributes[] = array(
				'id'     => 0,
				'name'   => $p['attributes'][ $key ]['name'] ?? $key,
				'option' => $option,
			);
		}
		$fields = $this->get_fields_for_response( $request );
		$wanted = static fn ( string $field ): bool => rest_is_field_included( $field, $fields );
		$data   = array(
			'id'                    => $id,
			'name'                  => $p['name'],
			'slug'                  => $p['slug'],
			'permalink'             => 'variation' === $p['type'] ? $this->variation_permalink( $p, $parent ) : get_permalink( $id ),
		) + self::date_pair( 'date_created', $p['date_created'] ) + self::date_pair( 'date_modified', $p['date_modified'] ) + array(
			'type'                  => $p['type'],
			'status'                => $p['status'],
			'featured'              => $p['featured'],
			'catalog_visibility'    => $p['catalog_visibility'],
			'description'           => 'view' === $context ? wpautop( do_shortcode( $p['description'] ) ) : $p['description'],
			'short_description'     => 'view' === $context ? wpautop( $p['short_description'] ) : $p['short_description'],
			'sku'                   => '' === $p['sku'] && $parent && 'view' === $context ? $parent['sku'] : $p['sku'],
			'price'                 => $price,
			'regular_price'         => $p['regular_price'],
			'sale_price'            => $p['sale_price'] ? $p['sale_price'] : '',
		) + self::date_pair( 'date_on_sale_from', $p['date_on_sale_from'] ) + self::date_pair( 'date_on_sale_to', $p['date_on_sale_to'] ) + array(
			'on_sale'               => $on_sale,
			'purchasable'           => $purchasable,
			'total_sales'           => 'variation' === $p['type'] ? (string) $p['total_sales'] : $p['total_sales'],
			'virtual'               => $p['virtual'],
			'downloadable'          => $p['downloadable'],
			'downloads'             => array(),
			'download_limit'        => $p['download_limit'],
			'download_expiry'       => $p['download_expiry'],
			'external_url'          => 'external' === $p['type'] ? $p['product_url'] : '',
			'button_text'           => 'external' === $p['type'] ? $p['button_text'] : '',
			'tax_status'            => $p['tax_status'],
			'tax_class'             => $this->tax_class( $p, $parent, $context ),
			'manage_stock'          => $p['manage_stock'],
			'stock_quantity'        => $p['stock_quantity'],
			'backorders'            => $p['backorders'],
			'backorders_allowed'    => 'no' !== $p['backorders'],
			'backordered'           => 'onbackorder' === $p['stock_status'],
			'low_stock_amount'      => '' === $p['low_stock_amount'] ? null : $p['low_stock_amount'],
			'sold_individually'     => $p['sold_individually'],
			'weight'                => $p['weight'],
			'dimensions'            => array(
				'length' => $p['length'],
				'width'  => $p['width'],
				'height' => $p['height'],
			),
			'shipping_required'     => ! $p['virtual'],
			'shipping_taxable'      => ! $p['virtual'] && in_array( $p['tax_status'], array( 'taxable', 'shipping' ), true ),
			'shipping_class'        => '',
			'shipping_class_id'     => 0,
			'reviews_allowed'       => $p['reviews_allowed'],
			'average_rating'        => 'view' === $context ? wc_format_decimal( $p['average_rating'], 2 ) : $p['average_rating'],
			'rating_count'          => $p['rating_count'],
			'upsell_ids'            => $p['upsell_ids'],
			'cross_sell_ids'        => $p['cross_sell_ids'],
			'parent_id'             => $p['parent_id'],
			'purchase_note'         => 'view' === $context ? wpautop( do_shortcode( wp_kses_post( $p['purchase_note'] ) ) ) : $p['purchase_note'],
			'categories'            => $terms( $p['category_ids'], 'product_cat' ),
			'tags'                  => $terms( $p['tag_ids'], 'product_tag' ),
			'images'                => array(),
			'attributes'            => $attributes,
			'default_attributes'    => $default_attributes,
			'variations'            => $children,
			'grouped_products'      => array(),
			'menu_order'            => $p['menu_order'],
			// Like WooCommerce (get_fields_for_response), costly fields only when asked for.
			'price_html'            => $wanted( 'price_html' ) ? $this->price_html( $p, $price, $on_sale, $child_props ) : '',
			'related_ids'           => $wanted( 'related_ids' ) ? WC_Stand_In_Products::related_ids( $p ) : array(),
			'meta_data'             => $wanted( 'meta_data' ) ? WC_Stand_In_Meta::for_response( WC_Stand_In_Meta::read( 'post', $id, WC_Stand_In_Products::INTERNAL_META ), $request ) : array(),
			'stock_status'          => $p['stock_status'],
			'has_options'           => 'variable' === $p['type'],
			'post_password'         => $p['post_password'],
			'global_unique_id'      => $p['global_unique_id'],
		);
		if ( 'edit' === $context && ( $wanted( 'permalink_template' ) || $wanted( 'generated_slug' ) ) ) {
			require_once ABSPATH . 'wp-admin/includes/post.php';
			$sample                     = get_sample_permalink( $id, $p['name'], '' );
			$data['permalink_template'] = $sample[0];
			$data['generated_slug']     = $sample[1];
		}
		$links = $this->item_links( $id );
		if ( $p['parent_id'] ) {
			$links['up'] = array( 'href' => rest_url( sprintf( '/%s/products/%d', $this->namespace, $p['parent_id'] ) ) );
		}
		return $this->finish_response( $data, $request, $links, "woocommerce_rest_prepare_{$this->post_type}_object", new WC_Stand_In_Object( $id, $p['type'], $p ) );
	}

	/**
	 * A variation's attributes: { id, name (the parent attribute's), slug, option }.
	 *
	 * @param array      $v      Variation props.
	 * @param array|null $parent Parent props.
	 * @return array
	 */
	protected function variation_attributes( array $v, $parent ) {
		$attributes = array();
		foreach ( $v['variation_attributes'] as $key => $option ) {
			$attributes[] = array(
				'id'     => 0,
				'name'   => $parent['attributes'][ $key ]['name'] ?? $key,
				'slug'   => $key,
				'option' => $option,
			);
		}
		return $attributes;
	}

	/**
	 * A variation's permalink: its parent's, with the attributes in the query string.
	 *
	 * @param array      $v      Variation props.
	 * @param array|null $parent Parent props.
	 * @return string
	 */
	protected function variation_permalink( array $v, $parent ) {
		if ( ! $parent ) {
			return '';
		}
		$query = array();
		foreach ( $v['variation_attributes'] as $key => $option ) {
			$query[ 'attribute_' . $key ] = rawurlencode( $option );
		}
		return add_query_arg( $query, get_permalink( $parent['id'] ) );
	}

	/**
	 * Tax class; a variation's "parent" is resolved in the view context.
	 *
	 * @param array      $p       Props.
	 * @param array|null $parent  Parent props.
	 * @param string     $context Context.
	 * @return string
	 */
	protected function tax_class( array $p, $parent, $context ) {
		return 'parent' === $p['tax_class'] && 'view' === $context ? ( $parent['tax_class'] ?? '' ) : $p['tax_class'];
	}

	/**
	 * price_html as WC_Product::get_price_html() prints it.
	 *
	 * @param array  $p           Product props.
	 * @param string $price       Active price.
	 * @param bool   $on_sale     On sale.
	 * @param array  $child_props Variations.
	 * @return string
	 */
	protected function price_html( array $p, $price, $on_sale, array $child_props ) {
		if ( 'variable' === $p['type'] ) {
			$prices = array_filter( array_map( static fn( $child ) => $child['price'], $child_props ), 'strlen' );
			if ( ! $prices ) {
				return '';
			}
			$min = min( array_map( 'floatval', $prices ) );
			$max = max( array_map( 'floatval', $prices ) );
			return $min === $max ? wc_stand_in_price( max( 0, $min ) ) : wc_stand_in_price( max( 0, $min ) ) . ' &ndash; ' . wc_stand_in_price( max( 0, $max ) );
		}
		if ( '' === $price ) {
			return '';
		}
		if ( $on_sale ) {
			$symbol  = wc_stand_in_currency_symbol();
			$decimal = static fn( $amount ) => number_format( max( 0, (float) $amount ), wc_get_price_decimals(), '.', ',' );
			return '<del aria-hidden="true">' . wc_stand_in_price( max( 0, (float) $p['regular_price'] ) ) . '</del> <span class="screen-reader-text">Original price was: ' . str_replace( '&#36;', '&#036;', $symbol ) . $decimal( $p['regular_price'] ) . '.</span><ins aria-hidden="true">' . wc_stand_in_price( max( 0, (float) $price ) ) . '</ins><span class="screen-reader-text">Current price is: ' . str_replace( '&#36;', '&#036;', $symbol ) . $decimal( $price ) . '.</span>';
		}
		return wc_stand_in_price( max( 0, (float) $price ) );
	}
}

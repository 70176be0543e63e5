<?php
/**
 * products/<product_id>/variations (+ /<id>, /batch) — after WC_REST_Product_Variations_Controller.
 *
 * @package AgentGuard\Tests\WooCommerceStandIn
 */

defined( 'ABSPATH' ) || exit;

/**
 * Product variations.
 */
class WC_Stand_In_REST_Variations_Controller extends WC_Stand_In_REST_Products_Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'products/(?P<product_id>[\d]+)/variations';

	/**
	 * Post type.
	 *
	 * @var string
	 */
	protected $post_type = 'product_variation';

	/**
	 * Routes.
	 */
	public function register_routes() {
		$this->register_standard_routes(
			array(
				'route_args' => array(
					'product_id' => array(
						'description' => 'Unique identifier for the variable product.',
						'type'        => 'integer',
					),
				),
			)
		);
	}

	/**
	 * The variation schema's properties.
	 *
	 * @return array
	 */
	protected function get_schema_properties() {
		$product = parent::get_schema_properties();
		$keep    = array( 'id', 'date_created', 'date_modified', 'description', 'permalink', 'sku', 'global_unique_id', 'price', 'regular_price', 'sale_price', 'date_on_sale_from', 'date_on_sale_from_gmt', 'date_on_sale_to', 'date_on_sale_to_gmt', 'on_sale', 'status', 'purchasable', 'virtual', 'downloadable', 'downloads', 'download_limit', 'download_expiry', 'tax_status', 'tax_class', 'manage_stock', 'stock_quantity', 'stock_status', 'backorders', 'backorders_allowed', 'backordered', 'low_stock_amount', 'weight', 'dimensions', 'shipping_class', 'shipping_class_id', 'image', 'attributes', 'menu_order', 'meta_data' );
		$props   = array();
		foreach ( $keep as $key ) {
			switch ( $key ) {
				case 'date_created':
					$props[ $key ] = self::date_field( true );
					break;
				case 'status':
					$props[ $key ] = self::field( 'string', array( 'default' => 'publish', 'enum' => array( 'draft', 'pending', 'private', 'publish' ) ) );
					break;
				case 'image':
					$props[ $key ] = self::image_field();
					break;
				case 'attributes':
					$props[ $key ] = self::field(
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
					);
					break;
				default:
					$props[ $key ] = $product[ $key ];
			}
			if ( 'id' === $key ) {
				$props['type'] = self::readonly( 'string', array( 'enum' => array( 'variation' ) ) );
			}
		}
		return $props;
	}

	/**
	 * Collection parameters.
	 *
	 * @return array
	 */
	public function get_collection_params() {
		$params = $this->crud_collection_params( array( 'date', 'id', 'include', 'title', 'slug', 'modified', 'menu_order' ), true );
		$parent = parent::get_collection_params();
		foreach ( array( 'slug', 'status', 'sku', 'on_sale', 'min_price', 'max_price', 'include_meta', 'exclude_meta', 'stock_status' ) as $key ) {
			$params[ $key ] = $parent[ $key ];
		}
		$params['has_price']  = array( 'type' => 'boolean' );
		$params['attributes'] = array(
			'type'  => 'array',
			'items' => array(
				'type'       => 'object',
				'properties' => array(
					'attribute' => array( 'type' => 'string' ),
					'term'      => array( 'type' => 'string' ),
					'terms'     => array( 'type' => 'array' ),
				),
			),
		);
		return $params;
	}

	/**
	 * The variation when it belongs to the product of the URL.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array|null
	 */
	private function variation( $request ) {
		$variation = WC_Stand_In_Products::read( (int) $request['id'], 'product_variation' );
		if ( ! $variation || (int) $request['product_id'] !== $variation['parent_id'] || ! WC_Stand_In_Products::read( $variation['parent_id'], 'product' ) ) {
			return null;
		}
		return $variation;
	}

	/**
	 * Existing variation id.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return int
	 */
	protected function existing_id( $request ) {
		$variation = $this->variation( $request );
		return $variation ? $variation['id'] : 0;
	}

	/**
	 * A variation of another product (or none) is a 404 before any permission.
	 *
	 * @param string          $action  Action.
	 * @param WP_REST_Request $request Request.
	 * @return bool|WP_Error
	 */
	protected function can( $action, $request ) {
		if ( in_array( $action, array( 'read', 'edit', 'delete' ), true ) && ! $this->existing_id( $request ) ) {
			return $this->invalid_id( 404 );
		}
		return parent::can( $action, $request );
	}

	/**
	 * Invalid ID error.
	 *
	 * @param int $status HTTP status.
	 * @return WP_Error
	 */
	private function invalid_id( $status ) {
		return new WP_Error( "woocommerce_rest_{$this->post_type}_invalid_id", 'Invalid ID.', array( 'status' => $status ) );
	}

	/**
	 * GET variations.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ) {
		$args                = $this->prepare_objects_query( $request );
		$args['post_parent'] = (int) $request['product_id'];
		$args['post_status'] = 'any' === $request['status'] || null === $request['status'] ? 'any' : $request['status'];
		if ( 'menu_order' === $request['orderby'] ) {
			$args['orderby'] = 'menu_order';
		}
		if ( ! empty( $request['sku'] ) ) {
			$args['meta_query'] = array( // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_query
				array(
					'key'     => '_sku',
					'value'   => explode( ',', $request['sku'] ),
					'compare' => 'IN',
				),
			);
		}
		$args = apply_filters( "woocommerce_rest_{$this->post_type}_object_query", $args, $request );
		return $this->respond_with_posts(
			$args,
			$request,
			function ( $id ) use ( $request ) {
				$variation = WC_Stand_In_Products::read( $id, 'product_variation' );
				return $variation && wc_stand_in_check_post_permissions( $this->post_type, 'read', $id ) ? $this->prepare_variation( $variation, $request ) : null;
			}
		);
	}

	/**
	 * GET variations/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		$variation = $this->variation( $request );
		return $variation ? $this->prepare_variation( $variation, $request ) : $this->invalid_id( 404 );
	}

	/**
	 * POST variations.
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
		$response = $this->created( $this->prepare_variation( WC_Stand_In_Products::read( $id ), $request ), $id );
		// WooCommerce puts the route pattern, not the product id, in the Location header.
		return $response;
	}

	/**
	 * PUT variations/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( $request ) {
		$variation = WC_Stand_In_Products::read( (int) $request['id'], 'product_variation' );
		if ( ! $variation ) {
			return $this->invalid_id( 400 );
		}
		$id = $this->save_from_request( $request, $variation );
		if ( is_wp_error( $id ) ) {
			return $id;
		}
		$request->set_param( 'context', 'edit' );
		return rest_ensure_response( $this->prepare_variation( WC_Stand_In_Products::read( $id ), $request ) );
	}

	/**
	 * DELETE variations/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function delete_item( $request ) {
		$variation = WC_Stand_In_Products::read( (int) $request['id'], 'product_variation' );
		$response  = $this->delete_post_object( $request, $variation ? $variation['id'] : 0, fn( $request ) => $this->prepare_variation( $variation, $request ) );
		if ( $variation && ! is_wp_error( $response ) ) {
			WC_Stand_In_Products::sync_variable_parent( $variation['parent_id'] );
		}
		return $response;
	}

	/**
	 * Applies a request to a variation and saves it.
	 *
	 * @param WP_REST_Request $request   Request.
	 * @param array|null      $variation Existing variation, null to create.
	 * @return int|WP_Error
	 */
	protected function save_from_request( $request, $variation ) {
		$creating = null === $variation;
		$props    = $creating ? WC_Stand_In_Products::defaults( 'variation', (int) $request['product_id'] ) : $variation;
		$changed  = array();
		$set      = static function ( $key, $value ) use ( &$props, &$changed ) {
			$props[ $key ] = $value;
			$changed[]     = $key;
		};
		$set( 'parent_id', absint( $request['product_id'] ) );
		if ( isset( $request['status'] ) ) {
			$set( 'status', get_post_status_object( $request['status'] ) ? $request['status'] : 'draft' );
		}
		foreach ( array( 'virtual', 'downloadable' ) as $key ) {
			if ( isset( $request[ $key ] ) ) {
				$set( $key, (bool) $request[ $key ] );
			}
		}
		foreach ( array( 'download_limit', 'download_expiry' ) as $key ) {
			if ( isset( $request[ $key ] ) && $props['downloadable'] ) {
				$set( $key, (int) $request[ $key ] );
			}
		}
		if ( isset( $request['description'] ) ) {
			$set( 'description', wp_kses_post( $request['description'] ) );
		}
		if ( $request['menu_order'] ) {
			$set( 'menu_order', (int) $request['menu_order'] );
		}
		$this->apply_common( $request, $props, $set );

		$parent = WC_Stand_In_Products::read( $props['parent_id'], 'product' );
		if ( isset( $request['attributes'] ) ) {
			if ( ! $parent ) {
				return new WP_Error( "woocommerce_rest_{$this->post_type}_invalid_parent", 'Cannot set attributes due to invalid parent product.', array( 'status' => 404 ) );
			}
			$attributes = array();
			foreach ( (array) $request['attributes'] as $attribute ) {
				$key = sanitize_title( $attribute['name'] ?? '' );
				if ( '' === $key || empty( $parent['attributes'][ $key ]['is_variation'] ) ) {
					continue;
				}
				$attributes[ sanitize_title( $parent['attributes'][ $key ]['name'] ) ] = isset( $attribute['option'] ) ? sanitize_text_field( stripslashes( $attribute['option'] ) ) : '';
			}
			$set( 'variation_attributes', $attributes );
		}
		if ( ! $parent ) {
			// WooCommerce dies on a variation of a missing product; agents see this answer.
			return new WP_Error( 'internal_server_error', '<p>There has been a critical error on this website.</p>', array( 'status' => 500 ) );
		}
		$values        = array_filter( $props['variation_attributes'], 'strlen' );
		$props['name'] = $parent['name'] . ( $values && count( $values ) < 3 ? ' - ' . implode( ', ', $values ) : '' );
		return $this->store( $props, $changed, $request, $creating );
	}

	/**
	 * The REST representation of a variation.
	 *
	 * @param array           $v       Variation props.
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	protected function prepare_variation( array $v, $request ) {
		$context   = ! empty( $request['context'] ) ? $request['context'] : 'view';
		$parent    = WC_Stand_In_Products::read( $v['parent_id'], 'product' );
		$permalink = $this->variation_permalink( $v, $parent );
		$data      = array(
			'id'   => $v['id'],
			'type' => 'variation',
		) + self::date_pair( 'date_created', $v['date_created'] ) + self::date_pair( 'date_modified', $v['date_modified'] ) + array(
			'description'      => wpautop( $v['description'] ),
			'permalink'        => $permalink,
			'sku'              => '' !== $v['sku'] ? $v['sku'] : ( $parent['sku'] ?? '' ),
			'global_unique_id' => $v['global_unique_id'],
			'price'            => $v['price'],
			'regular_price'    => $v['regular_price'],
			'sale_price'       => $v['sale_price'],
		) + self::date_pair( 'date_on_sale_from', $v['date_on_sale_from'] ) + self::date_pair( 'date_on_sale_to', $v['date_on_sale_to'] ) + array(
			'on_sale'            => WC_Stand_In_Products::is_on_sale( $v ),
			'status'             => $v['status'],
			'purchasable'        => '' !== $v['price'] && $parent && 'publish' === $parent['status'],
			'virtual'            => $v['virtual'],
			'downloadable'       => $v['downloadable'],
			'downloads'          => array(),
			'download_limit'     => $v['download_limit'],
			'download_expiry'    => $v['download_expiry'],
			'tax_status'         => $v['tax_status'],
			'tax_class'          => $this->tax_class( $v, $parent, $context ),
			'manage_stock'       => $v['manage_stock'],
			'stock_quantity'     => $v['stock_quantity'],
			'stock_status'       => $v['stock_status'],
			'backorders'         => $v['backorders'],
			'backorders_allowed' => 'no' !== $v['backorders'],
			'backordered'        => 'onbackorder' === $v['stock_status'],
			'low_stock_amount'   => '' === $v['low_stock_amount'] ? null : $v['low_stock_amount'],
			'weight'             => $v['weight'],
			'dimensions'         => array(
				'length' => $v['length'],
				'width'  => $v['width'],
				'height' => $v['height'],
			),
			'shipping_class'     => '',
			'shipping_class_id'  => 0,
			'image'              => null,
			'attributes'         => $this->variation_attributes( $v, $parent ),
			'menu_order'         => $v['menu_order'],
			'meta_data'          => WC_Stand_In_Meta::for_response( WC_Stand_In_Meta::read( 'post', $v['id'], WC_Stand_In_Products::INTERNAL_META ), $request ),
			'name'               => implode( ', ', array_filter( $v['variation_attributes'], 'strlen' ) ),
			'parent_id'          => $v['parent_id'],
		);
		$base           = sprintf( 'products/%d/variations', $v['parent_id'] );
		$links          = $this->item_links( $v['id'], $base );
		$links['up']    = array( 'href' => rest_url( sprintf( '/%s/products/%d', $this->namespace, $v['parent_id'] ) ) );
		return $this->finish_response( $data, $request, $links, "woocommerce_rest_prepare_{$this->post_type}_object", new WC_Stand_In_Object( $v['id'], 'variation', $v ) );
	}
}

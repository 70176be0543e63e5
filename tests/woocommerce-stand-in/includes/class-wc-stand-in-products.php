<?php
/**
 * Products and variations in WooCommerce's posts storage: `product` / `product_variation`
 * posts, the product_type, product_cat, product_tag and product_visibility taxonomies and
 * WooCommerce's meta keys (_regular_price, _sale_price, _price, _sale_price_dates_from/_to,
 * _sku, _manage_stock, _stock, _stock_status, total_sales…). Saving applies the rules of
 * WC_Product::validate_props() and WC_Product_Data_Store_CPT::handle_updated_props() and fires
 * woocommerce_new_product / woocommerce_update_product (and the _variation twins).
 *
 * @package AgentGuard\Tests\WooCommerceStandIn
 */

defined( 'ABSPATH' ) || exit;

/**
 * Product storage.
 */
class WC_Stand_In_Products {

	/**
	 * Meta keys that are product props, never listed in meta_data.
	 */
	const INTERNAL_META = array( '_visibility', '_sku', '_price', '_regular_price', '_sale_price', '_sale_price_dates_from', '_sale_price_dates_to', 'total_sales', '_tax_status', '_tax_class', '_manage_stock', '_stock', '_stock_status', '_backorders', '_low_stock_amount', '_sold_individually', '_weight', '_length', '_width', '_height', '_upsell_ids', '_crosssell_ids', '_purchase_note', '_default_attributes', '_product_attributes', '_virtual', '_downloadable', '_download_limit', '_download_expiry', '_featured', '_downloadable_files', '_wc_rating_count', '_wc_average_rating', '_wc_review_count', '_variation_description', '_thumbnail_id', '_file_paths', '_product_image_gallery', '_product_version', '_wp_old_slug', '_edit_last', '_edit_lock', '_product_url', '_button_text', '_global_unique_id', '_children', '_variation_attributes' );

	/**
	 * Reads a product or variation.
	 *
	 * @param int             $id         Post id.
	 * @param string[]|string $post_types Accepted post types.
	 * @return array|null Props, or null when there is no such product.
	 */
	public static function read( $id, $post_types = array( 'product', 'product_variation' ) ) {
		$post = $id ? get_post( (int) $id ) : null;
		if ( ! $post || ! in_array( $post->post_type, (array) $post_types, true ) ) {
			return null;
		}
		$id   = (int) $post->ID;
		$meta = static fn( $key, $default = '' ) => metadata_exists( 'post', $id, $key ) ? get_post_meta( $id, $key, true ) : $default;

		$is_variation = 'product_variation' === $post->post_type;
		$type         = 'variation';
		if ( ! $is_variation ) {
			$terms = wp_get_object_terms( $id, 'product_type', array( 'fields' => 'slugs' ) );
			$type  = ! is_wp_error( $terms ) && $terms ? $terms[0] : 'simple';
		}
		$visibility = wp_get_object_terms( $id, 'product_visibility', array( 'fields' => 'names' ) );
		$visibility = is_wp_error( $visibility ) ? array() : $visibility;
		$catalog    = 'visible';
		if ( in_array( 'exclude-from-catalog', $visibility, true ) && in_array( 'exclude-from-search', $visibility, true ) ) {
			$catalog = 'hidden';
		} elseif ( in_array( 'exclude-from-catalog', $visibility, true ) ) {
			$catalog = 'search';
		} elseif ( in_array( 'exclude-from-search', $visibility, true ) ) {
			$catalog = 'catalog';
		}
		$stock = $meta( '_stock', null );

		$props = array(
			'id'                 => $id,
			'post_type'          => $post->post_type,
			'type'               => $type,
			'name'               => $post->post_title,
			'slug'               => $post->post_name,
			'status'             => $post->post_status,
			'date_created'       => '0000-00-00 00:00:00' === $post->post_date_gmt ? get_gmt_from_date( $post->post_date ) : $post->post_date_gmt,
			'date_modified'      => $post->post_modified_gmt,
			'featured'           => in_array( 'featured', $visibility, true ),
			'catalog_visibility' => $catalog,
			'description'        => $is_variation ? (string) $meta( '_variation_description' ) : $post->post_content,
			'short_description'  => $post->post_excerpt,
			'sku'                => (string) $meta( '_sku' ),
			'global_unique_id'   => (string) $meta( '_global_unique_id' ),
			'price'              => (string) $meta( '_price' ),
			'regular_price'      => (string) $meta( '_regular_price' ),
			'sale_price'         => (string) $meta( '_sale_price' ),
			'date_on_sale_from'  => $meta( '_sale_price_dates_from' ) ? (int) $meta( '_sale_price_dates_from' ) : null,
			'date_on_sale_to'    => $meta( '_sale_price_dates_to' ) ? (int) $meta( '_sale_price_dates_to' ) : null,
			'total_sales'        => (int) $meta( 'total_sales', 0 ),
			'tax_status'         => (string) $meta( '_tax_status', 'taxable' ),
			'tax_class'          => (string) $meta( '_tax_class', $is_variation ? 'parent' : '' ),
			'manage_stock'       => 'yes' === $meta( '_manage_stock', 'no' ),
			'stock_quantity'     => null === $stock || '' === $stock ? null : (int) $stock,
			'stock_status'       => (string) $meta( '_stock_status', 'instock' ),
			'backorders'         => (string) $meta( '_backorders', 'no' ),
			'low_stock_amount'   => '' === $meta( '_low_stock_amount' ) ? '' : (int) $meta( '_low_stock_amount' ),
			'sold_individually'  => 'yes' === $meta( '_sold_individually', 'no' ),
			'weight'             => (string) $meta( '_weight' ),
			'length'             => (string) $meta( '_length' ),
			'width'              => (string) $meta( '_width' ),
			'height'             => (string) $meta( '_height' ),
			'upsell_ids'         => array_map( 'intval', (array) $meta( '_upsell_ids', array() ) ),
			'cross_sell_ids'     => array_map( 'intval', (array) $meta( '_crosssell_ids', array() ) ),
			'parent_id'          => (int) $post->post_parent,
			'reviews_allowed'    => 'open' === $post->comment_status,
			'purchase_note'      => (string) $meta( '_purchase_note' ),
			'attributes'         => (array) $meta( '_product_attributes', array() ),
			'default_attributes' => (array) $meta( '_default_attributes', array() ),
			'menu_order'         => (int) $post->menu_order,
			'post_password'      => $post->post_password,
			'virtual'            => 'yes' === $meta( '_virtual', 'no' ),
			'downloadable'       => 'yes' === $meta( '_downloadable', 'no' ),
			'download_limit'     => (int) $meta( '_download_limit', -1 ),
			'download_expiry'    => (int) $meta( '_download_expiry', -1 ),
			'product_url'        => (string) $meta( '_product_url' ),
			'button_text'        => (string) $meta( '_button_text' ),
			'average_rating'     => (string) $meta( '_wc_average_rating', '0' ),
			'rating_count'       => (int) $meta( '_wc_review_count', 0 ),
			'category_ids'       => $is_variation ? array() : wp_get_object_terms( $id, 'product_cat', array( 'fields' => 'ids' ) ),
			'tag_ids'            => $is_variation ? array() : wp_get_object_terms( $id, 'product_tag', array( 'fields' => 'ids' ) ),
			'variation_attributes' => array(),
		);
		if ( $is_variation ) {
			foreach ( get_post_meta( $id ) as $key => $values ) {
				if ( str_starts_with( $key, 'attribute_' ) ) {
					$props['variation_attributes'][ substr( $key, 10 ) ] = (string) $values[0];
				}
			}
			// Like WooCommerce, a variation's name follows its parent's: "Parent - S, Red".
			$values        = array_filter( $props['variation_attributes'], 'strlen' );
			$props['name'] = get_post_field( 'post_title', $props['parent_id'] ) . ( $values && count( $values ) < 3 ? ' - ' . implode( ', ', $values ) : '' );
		}
		return $props;
	}

	/**
	 * Defaults of a new product (or variation).
	 *
	 * @param string $type      Product type.
	 * @param int    $parent_id Parent of a variation.
	 * @return array
	 */
	public static function defaults( $type = 'simple', $parent_id = 0 ) {
		$variation = 'variation' === $type;
		return array(
			'id'                   => 0,
			'post_type'            => $variation ? 'product_variation' : 'product',
			'type'                 => $type,
			'name'                 => $variation ? '' : 'Product',
			'slug'                 => '',
			'status'               => 'publish',
			'featured'             => false,
			'catalog_visibility'   => 'visible',
			'description'          => '',
			'short_description'    => '',
			'sku'                  => '',
			'global_unique_id'     => '',
			'price'                => '',
			'regular_price'        => '',
			'sale_price'           => '',
			'date_on_sale_from'    => null,
			'date_on_sale_to'      => null,
			'total_sales'          => 0,
			'tax_status'           => 'taxable',
			'tax_class'            => $variation ? 'parent' : '',
			'manage_stock'         => false,
			'stock_quantity'       => null,
			'stock_status'         => 'instock',
			'backorders'           => 'no',
			'low_stock_amount'     => '',
			'sold_individually'    => false,
			'weight'               => '',
			'length'               => '',
			'width'                => '',
			'height'               => '',
			'upsell_ids'           => array(),
			'cross_sell_ids'       => array(),
			'parent_id'            => (int) $parent_id,
			'reviews_allowed'      => ! $variation,
			'purchase_note'        => '',
			'attributes'           => array(),
			'default_attributes'   => array(),
			'menu_order'           => 0,
			'post_password'        => '',
			'virtual'              => false,
			'downloadable'         => false,
			'download_limit'       => -1,
			'download_expiry'      => -1,
			'product_url'          => '',
			'button_text'          => '',
			'average_rating'       => '0',
			'rating_count'         => 0,
			'category_ids'         => null,
			'tag_ids'              => array(),
			'variation_attributes' => array(),
		);
	}

	/**
	 * Saves props and fires WooCommerce's product hooks.
	 *
	 * @param array    $props   Full props (read() or defaults(), with the changes applied).
	 * @param string[] $changed Names of the props the caller changed.
	 * @return int|WP_Error Product id.
	 */
	public static function save( array $props, array $changed ) {
		$creating  = empty( $props['id'] );
		$variation = 'product_variation' === $props['post_type'];

		if ( '' !== $props['sku'] && in_array( 'sku', $changed, true ) && ! self::is_sku_unique( $props['sku'], (int) $props['id'] ) ) {
			$index = 1;
			while ( ! self::is_sku_unique( $props['sku'] . '-' . $index, (int) $props['id'] ) ) {
				++$index;
			}
			return new WP_Error(
				'product_invalid_sku',
				'Invalid or duplicated SKU.',
				array(
					'status'      => 400,
					'resource_id' => self::id_by_sku( $props['sku'] ),
					'unique_sku'  => $props['sku'] . '-' . $index,
				)
			);
		}

		// WC_Product::validate_props().
		if ( ! $props['manage_stock'] ) {
			$props['stock_quantity']   = null;
			$props['backorders']       = 'no';
			$props['low_stock_amount'] = '';
		} elseif ( ! in_array( $props['type'], array( 'variable', 'grouped', 'external' ), true ) ) {
			if ( (int) $props['stock_quantity'] > absint( get_option( 'woocommerce_notify_no_stock_amount', 0 ) ) ) {
				$props['stock_status'] = 'instock';
			} elseif ( 'no' !== $props['backorders'] ) {
				$props['stock_status'] = 'onbackorder';
			} else {
				$props['stock_status'] = 'outofstock';
			}
		}

		// WC_Product_Data_Store_CPT::handle_updated_props().
		if ( in_array( $props['type'], array( 'variable', 'grouped' ), true ) ) {
			$props['regular_price']     = '';
			$props['sale_price']        = '';
			$props['date_on_sale_from'] = null;
			$props['date_on_sale_to']   = null;
		} else {
			if ( array_intersect( array( 'regular_price', 'sale_price' ), $changed ) && $props['sale_price'] >= $props['regular_price'] ) {
				$props['sale_price'] = '';
			}
			if ( $creating || array_intersect( array( 'regular_price', 'sale_price', 'date_on_sale_from', 'date_on_sale_to', 'type' ), $changed ) ) {
				$props['price'] = self::is_on_sale( $props ) ? $props['sale_price'] : $props['regular_price'];
			}
		}

		$postarr = array(
			'post_type'      => $props['post_type'],
			'post_title'     => $props['name'],
			'post_content'   => $variation ? '' : $props['description'],
			'post_excerpt'   => $variation ? '' : $props['short_description'],
			'post_status'    => $props['status'] ? $props['status'] : 'publish',
			'post_parent'    => (int) $props['parent_id'],
			'menu_order'     => (int) $props['menu_order'],
			'post_password'  => (string) $props['post_password'],
			'comment_status' => $props['reviews_allowed'] ? 'open' : 'closed',
			'ping_status'    => 'closed',
		);
		if ( '' !== $props['slug'] ) {
			$postarr['post_name'] = $props['slug'];
		}
		if ( ! empty( $props['date_created_set'] ) ) {
			$postarr['post_date_gmt'] = gmdate( 'Y-m-d H:i:s', $props['date_created_set'] );
			$postarr['post_date']     = get_date_from_gmt( $postarr['post_date_gmt'] );
		}
		if ( $creating ) {
			$postarr['post_author'] = get_current_user_id();
			$id                     = wp_insert_post( wp_slash( $postarr ), true );
		} else {
			$postarr['ID'] = (int) $props['id'];
			$id            = wp_update_post( wp_slash( $postarr ), true );
		}
		if ( is_wp_error( $id ) ) {
			return new WP_Error( 'woocommerce_rest_' . $props['post_type'] . '_not_created', $id->get_error_message(), array( 'status' => 400 ) );
		}
		$id = (int) $id;

		$yes_no = static fn( $value ) => $value ? 'yes' : 'no';
		$meta   = array(
			'_sku'                   => $props['sku'],
			'_global_unique_id'      => $props['global_unique_id'],
			'_regular_price'         => $props['regular_price'],
			'_sale_price'            => $props['sale_price'],
			'_sale_price_dates_from' => $props['date_on_sale_from'] ? (string) $props['date_on_sale_from'] : '',
			'_sale_price_dates_to'   => $props['date_on_sale_to'] ? (string) $props['date_on_sale_to'] : '',
			'_price'                 => $props['price'],
			'total_sales'            => (string) $props['total_sales'],
			'_tax_status'            => $props['tax_status'],
			'_tax_class'             => $props['tax_class'],
			'_manage_stock'          => $yes_no( $props['manage_stock'] ),
			'_backorders'            => $props['backorders'],
			'_low_stock_amount'      => (string) $props['low_stock_amount'],
			'_sold_individually'     => $yes_no( $props['sold_individually'] ),
			'_weight'                => $props['weight'],
			'_length'                => $props['length'],
			'_width'                 => $props['width'],
			'_height'                => $props['height'],
			'_upsell_ids'            => array_values( array_map( 'intval', $props['upsell_ids'] ) ),
			'_crosssell_ids'         => array_values( array_map( 'intval', $props['cross_sell_ids'] ) ),
			'_purchase_note'         => $props['purchase_note'],
			'_default_attributes'    => $props['default_attributes'],
			'_virtual'               => $yes_no( $props['virtual'] ),
			'_downloadable'          => $yes_no( $props['downloadable'] ),
			'_download_limit'        => (string) $props['download_limit'],
			'_download_expiry'       => (string) $props['download_expiry'],
			'_stock'                 => null === $props['stock_quantity'] ? '' : (string) (int) $props['stock_quantity'],
			'_stock_status'          => $props['stock_status'],
			'_wc_average_rating'     => $props['average_rating'],
			'_wc_review_count'       => (string) $props['rating_count'],
			'_product_version'       => WC_STAND_IN_WC_VERSION,
		);
		if ( $variation ) {
			$meta['_variation_description'] = $props['description'];
			foreach ( $props['variation_attributes'] as $name => $value ) {
				$meta[ 'attribute_' . $name ] = $value;
			}
		} else {
			$meta['_product_attributes'] = $props['attributes'];
			$meta['_product_url']        = 'external' === $props['type'] ? $props['product_url'] : '';
			$meta['_button_text']        = 'external' === $props['type'] ? $props['button_text'] : '';
		}
		foreach ( $meta as $key => $value ) {
			update_post_meta( $id, $key, wp_slash( $value ) );
		}

		if ( ! $variation ) {
			wp_set_object_terms( $id, $props['type'], 'product_type' );
			$category_ids = $props['category_ids'];
			if ( ! $category_ids ) {
				$category_ids = array( (int) get_option( 'default_product_cat', 0 ) );
			}
			wp_set_object_terms( $id, array_map( 'intval', array_filter( $category_ids ) ), 'product_cat' );
			wp_set_object_terms( $id, array_map( 'intval', (array) $props['tag_ids'] ), 'product_tag' );
		}
		$visibility = array();
		if ( $props['featured'] ) {
			$visibility[] = 'featured';
		}
		if ( 'outofstock' === $props['stock_status'] ) {
			$visibility[] = 'outofstock';
		}
		if ( in_array( $props['catalog_visibility'], array( 'search', 'hidden' ), true ) ) {
			$visibility[] = 'exclude-from-catalog';
		}
		if ( in_array( $props['catalog_visibility'], array( 'catalog', 'hidden' ), true ) ) {
			$visibility[] = 'exclude-from-search';
		}
		wp_set_object_terms( $id, $visibility, 'product_visibility' );

		if ( isset( $props['meta_data_writer'] ) ) {
			( $props['meta_data_writer'] )( $id );
		}
		if ( $variation && has_term( 'variable', 'product_type', (int) $props['parent_id'] ) ) {
			self::sync_variable_parent( (int) $props['parent_id'] );
		} elseif ( 'variable' === $props['type'] ) {
			self::sync_variable_parent( $id );
		}
		clean_post_cache( $id );

		$object = self::object( $id );
		if ( $creating ) {
			do_action( $variation ? 'woocommerce_new_product_variation' : 'woocommerce_new_product', $id, $object );
		} else {
			do_action( $variation ? 'woocommerce_update_product_variation' : 'woocommerce_update_product', $id, $object );
		}
		return $id;
	}

	/**
	 * Whether a product is on sale now (WC_Product::is_on_sale( 'edit' )).
	 *
	 * @param array $props Props.
	 * @return bool
	 */
	public static function is_on_sale( array $props ) {
		if ( '' === (string) $props['sale_price'] || ! ( $props['regular_price'] > $props['sale_price'] ) ) {
			return false;
		}
		if ( $props['date_on_sale_from'] && $props['date_on_sale_from'] > time() ) {
			return false;
		}
		if ( $props['date_on_sale_to'] && $props['date_on_sale_to'] < time() ) {
			return false;
		}
		return true;
	}

	/**
	 * A variable product's price and stock status follow its variations (WC_Product_Variable::sync()).
	 *
	 * @param int $parent_id Variable product id.
	 */
	public static function sync_variable_parent( $parent_id ) {
		if ( ! $parent_id ) {
			return;
		}
		$prices   = array();
		$in_stock = false;
		foreach ( self::children( $parent_id, array( 'publish', 'private' ) ) as $child_id ) {
			$price = get_post_meta( $child_id, '_price', true );
			if ( '' !== $price ) {
				$prices[] = $price;
			}
			if ( 'outofstock' !== get_post_meta( $child_id, '_stock_status', true ) ) {
				$in_stock = true;
			}
		}
		delete_post_meta( $parent_id, '_price' );
		foreach ( array_unique( $prices ) as $price ) {
			add_post_meta( $parent_id, '_price', $price );
		}
		update_post_meta( $parent_id, '_stock_status', $in_stock ? 'instock' : 'outofstock' );
		clean_post_cache( $parent_id );
	}

	/**
	 * Ids of a product's variations, menu order then id.
	 *
	 * @param int      $parent_id Product id.
	 * @param string[] $statuses  Post statuses.
	 * @return int[]
	 */
	public static function children( $parent_id, $statuses = array( 'publish', 'private', 'draft', 'pending' ) ) {
		return array_map(
			'intval',
			get_posts(
				array(
					'post_type'      => 'product_variation',
					'post_parent'    => (int) $parent_id,
					'post_status'    => $statuses,
					'posts_per_page' => -1,
					'orderby'        => array(
						'menu_order' => 'ASC',
						'ID'         => 'ASC',
					),
					'fields'         => 'ids',
				)
			)
		);
	}

	/**
	 * Lowest price of a product: its own _price, or the lowest of a variable product's.
	 *
	 * @param int $id Product id.
	 * @return string
	 */
	public static function active_price( $id ) {
		$prices = array_filter( (array) get_post_meta( $id, '_price' ), static fn( $price ) => '' !== $price );
		if ( ! $prices ) {
			return '';
		}
		usort( $prices, static fn( $a, $b ) => (float) $a <=> (float) $b );
		return (string) $prices[0];
	}

	/**
	 * Whether no other product or variation uses a SKU.
	 *
	 * @param string $sku SKU.
	 * @param int    $id  Product being saved.
	 * @return bool
	 */
	public static function is_sku_unique( $sku, $id ) {
		return ! self::id_by_sku( $sku, $id );
	}

	/**
	 * The product or variation (not trashed) with a SKU.
	 *
	 * @param string $sku     SKU.
	 * @param int    $exclude Product to ignore.
	 * @return int
	 */
	public static function id_by_sku( $sku, $exclude = 0 ) {
		global $wpdb;
		return (int) $wpdb->get_var(
			$wpdb->prepare(
				"SELECT p.ID FROM {$wpdb->posts} p INNER JOIN {$wpdb->postmeta} m ON m.post_id = p.ID AND m.meta_key = '_sku' WHERE p.post_type IN ( 'product', 'product_variation' ) AND p.post_status != 'trash' AND m.meta_value = %s AND p.ID != %d LIMIT 1",
				$sku,
				$exclude
			)
		);
	}

	/**
	 * Changes a product's stock as wc_update_product_stock(): writes _stock, then saves the
	 * product so its stock status follows (woocommerce_update_product fires).
	 *
	 * @param int    $id        Product or variation id.
	 * @param int    $quantity  Quantity.
	 * @param string $operation set, increase or decrease.
	 * @return int|null New stock, or null when the product does not manage stock.
	 */
	public static function update_stock( $id, $quantity, $operation = 'set' ) {
		$props = self::read( $id );
		if ( ! $props || ! $props['manage_stock'] ) {
			return null;
		}
		$current = (int) $props['stock_quantity'];
		$new     = 'increase' === $operation ? $current + $quantity : ( 'decrease' === $operation ? $current - $quantity : $quantity );

		$props['stock_quantity'] = $new;
		self::save( $props, array( 'stock_quantity' ) );
		do_action( 'product_variation' === $props['post_type'] ? 'woocommerce_variation_set_stock' : 'woocommerce_product_set_stock', self::object( $id ) );
		return $new;
	}

	/**
	 * Ids of up to $limit published products sharing a category or tag (wc_get_related_products()).
	 *
	 * @param array $props Product props.
	 * @param int   $limit Limit.
	 * @return int[]
	 */
	public static function related_ids( array $props, $limit = 5 ) {
		$terms = array_merge( (array) $props['category_ids'], (array) $props['tag_ids'] );
		if ( ! $terms ) {
			return array();
		}
		$ids = get_posts(
			array(
				'post_type'      => 'product',
				'post_status'    => 'publish',
				'posts_per_page' => $limit,
				'post__not_in'   => array( $props['id'] ),
				'orderby'        => 'rand',
				'fields'         => 'ids',
				'tax_query'      => array( // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_tax_query
					'relation' => 'OR',
					array(
						'taxonomy' => 'product_cat',
						'terms'    => array_map( 'intval', (array) $props['category_ids'] ),
					),
					array(
						'taxonomy' => 'product_tag',
						'terms'    => array_map( 'intval', (array) $props['tag_ids'] ),
					),
				),
			)
		);
		return array_map( 'intval', $ids );
	}

	/**
	 * The object handed to hooks.
	 *
	 * @param int $id Product id.
	 * @return WC_Stand_In_Object
	 */
	public static function object( $id ) {
		$props = self::read( $id );
		return new WC_Stand_In_Object( $id, $props ? $props['type'] : 'simple', $props ? $props : array() );
	}
}

<?php
/**
 * The `meta_data` of WooCommerce objects: every meta row that is not one of the object's
 * internal keys, as { id, key, value }, and WC_Data::update_meta_data() semantics for writes.
 *
 * @package AgentGuard\Tests\WooCommerceStandIn
 */

defined( 'ABSPATH' ) || exit;

/**
 * Meta data helpers for posts, users and order items.
 */
class WC_Stand_In_Meta {

	/**
	 * Public meta rows of an object, oldest first.
	 *
	 * @param string   $meta_type post, user or order_item.
	 * @param int      $object_id Object id.
	 * @param string[] $internal  Internal keys, never listed.
	 * @return array<int,array{id:int,key:string,value:mixed}>
	 */
	public static function read( $meta_type, $object_id, array $internal ) {
		global $wpdb;
		$table  = _get_meta_table( $meta_type );
		$column = sanitize_key( $meta_type . '_id' );
		$id_col = 'user' === $meta_type ? 'umeta_id' : 'meta_id';
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$rows   = $wpdb->get_results( $wpdb->prepare( "SELECT {$id_col} AS meta_id, meta_key, meta_value FROM {$table} WHERE {$column} = %d ORDER BY {$id_col}", $object_id ) );
		$prefix = $wpdb->get_blog_prefix();
		$meta   = array();
		foreach ( $rows as $row ) {
			if ( in_array( $row->meta_key, $internal, true ) || 0 === stripos( $row->meta_key, 'wp_' ) || ( 'post' === $meta_type && str_starts_with( $row->meta_key, 'attribute_' ) && 'product_variation' === get_post_type( $object_id ) ) ) {
				continue;
			}
			if ( 'user' === $meta_type && ( str_contains( $row->meta_key, $prefix ) || preg_match( '/^(_woocommerce_persistent_cart|closedpostboxes_|metaboxhidden_|manageedit-)/', $row->meta_key ) ) ) {
				continue;
			}
			$meta[] = array(
				'id'    => (int) $row->meta_id,
				'key'   => $row->meta_key,
				'value' => maybe_unserialize( $row->meta_value ),
			);
		}
		return $meta;
	}

	/**
	 * Applies a request's meta_data: by id when given, else the first row with the key is
	 * updated and the others removed, else a row is added; a null value deletes.
	 *
	 * @param string   $meta_type post, user or order_item.
	 * @param int      $object_id Object id.
	 * @param mixed    $meta_data The request's meta_data.
	 * @param string[] $internal  Internal keys, which the request cannot touch.
	 */
	public static function write( $meta_type, $object_id, $meta_data, array $internal ) {
		if ( ! is_array( $meta_data ) ) {
			return;
		}
		foreach ( $meta_data as $meta ) {
			if ( ! is_array( $meta ) || ! isset( $meta['key'] ) || in_array( $meta['key'], $internal, true ) ) {
				continue;
			}
			$key   = (string) $meta['key'];
			$value = $meta['value'] ?? null;
			if ( ! empty( $meta['id'] ) ) {
				$row = get_metadata_by_mid( $meta_type, (int) $meta['id'] );
				if ( $row && (int) $row->{$meta_type . '_id'} === (int) $object_id ) {
					if ( null === $value ) {
						delete_metadata_by_mid( $meta_type, (int) $meta['id'] );
					} else {
						update_metadata_by_mid( $meta_type, (int) $meta['id'], $value, $key );
					}
					continue;
				}
			}
			$existing = array_values( array_filter( self::read( $meta_type, $object_id, $internal ), static fn( $row ) => $row['key'] === $key ) );
			if ( null === $value ) {
				delete_metadata( $meta_type, $object_id, $key );
			} elseif ( $existing ) {
				update_metadata_by_mid( $meta_type, $existing[0]['id'], $value, $key );
				foreach ( array_slice( $existing, 1 ) as $extra ) {
					delete_metadata_by_mid( $meta_type, $extra['id'] );
				}
			} else {
				add_metadata( $meta_type, $object_id, wp_slash( $key ), wp_slash( $value ) );
			}
		}
	}

	/**
	 * Filters meta rows by the include_meta / exclude_meta request parameters.
	 *
	 * @param array           $meta    Meta rows.
	 * @param WP_REST_Request $request Request.
	 * @return array
	 */
	public static function for_response( array $meta, $request ) {
		$include = array_filter( (array) $request['include_meta'] );
		$exclude = array_filter( (array) $request['exclude_meta'] );
		if ( $include ) {
			$meta = array_filter( $meta, static fn( $row ) => in_array( $row['key'], $include, true ) );
		} elseif ( $exclude ) {
			$meta = array_filter( $meta, static fn( $row ) => ! in_array( $row['key'], $exclude, true ) );
		}
		return array_values( $meta );
	}
}

<?php
/**
 * Targets read through the store's own REST API.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\WooCommerce;

use AgentGuard\Domain\Decision\TargetStates;

/**
 * Reads targets with internal GET requests to WooCommerce's (or WordPress's) routes, limited
 * with `_fields` to what the guard judges, one list request per target type (`include=`), so
 * the guard sees objects exactly as WooCommerce answers for them — with the real WooCommerce
 * and with the stand-in alike. Runs with read capabilities granted for the duration only.
 *
 * @since 0.1.0
 */
final class RestTargetStates implements TargetStates {

	public const FIELDS = array(
		'product'           => 'id,name,sku,type,status,parent_id,regular_price,sale_price,price,date_on_sale_from_gmt,date_on_sale_to_gmt,manage_stock,stock_quantity,stock_status,categories,date_modified_gmt',
		'product_variation' => 'id,sku,status,parent_id,regular_price,sale_price,price,date_on_sale_from_gmt,date_on_sale_to_gmt,manage_stock,stock_quantity,stock_status,date_modified_gmt',
		'order'             => 'id,status,currency,total,customer_id,refunds,date_modified_gmt',
		'coupon'            => 'id,code,discount_type,amount,date_modified_gmt',
		'customer'          => 'id,email,role,date_modified_gmt',
		'product_category'  => 'id,name,parent,count',
		'webhook'           => 'id,name,status,topic,delivery_url,date_modified_gmt',
		'post'              => 'id,status,modified_gmt,author',
		'page'              => 'id,status,modified_gmt,author',
		'media'             => 'id,status,modified_gmt,author',
		'comment'           => 'id,status,post,author',
	);

	public function __construct( private RequestScope $scope, private string $namespace = 'wc/v3' ) {
	}

	public function read( array $targets ): array {
		$groups = array();
		foreach ( $targets as $target ) {
			if ( ! isset( self::FIELDS[ $target['type'] ] ) || ! preg_match( '/^\d+$/', (string) $target['id'] ) ) {
				continue;
			}
			$collection                            = $this->collection( $target['type'], (int) $target['parent'] );
			$groups[ $collection ]['type']         = $target['type'];
			$groups[ $collection ]['ids'][]        = (int) $target['id'];
		}
		$states = array();
		foreach ( $targets as $target ) {
			$states[ $target['type'] . ':' . $target['id'] ] = null;
		}
		$this->scope->guard_reading = true;
		try {
			foreach ( $groups as $collection => $group ) {
				$ids = array_values( array_unique( $group['ids'] ) );
				if ( 1 === count( $ids ) ) {
					// One target: a single GET costs less than a filtered list.
					$states[ $group['type'] . ':' . $ids[0] ] = $this->single( $collection, $group['type'], $ids[0] );
					continue;
				}
				foreach ( array_chunk( $ids, 100 ) as $chunk ) {
					$request = new \WP_REST_Request( 'GET', $collection );
					$request->set_query_params( $this->list_query( $group['type'], $chunk ) );
					$response = rest_do_request( $request );
					if ( $response->is_error() ) {
						// Fall back to one request per id (some routes ignore `include`).
						foreach ( $chunk as $id ) {
							$states[ $group['type'] . ':' . $id ] = $this->single( $collection, $group['type'], $id );
						}
						continue;
					}
					$data = rest_get_server()->response_to_data( $response, false );
					foreach ( is_array( $data ) ? $data : array() as $item ) {
						if ( is_array( $item ) && isset( $item['id'] ) ) {
							$states[ $group['type'] . ':' . (int) $item['id'] ] = self::only_fields( $group['type'], $item );
						}
					}
				}
			}
		} finally {
			$this->scope->guard_reading = false;
		}
		return $states;
	}

	/**
	 * @param list<int> $ids
	 * @return array<string, mixed>
	 */
	private function list_query( string $type, array $ids ): array {
		$query = array(
			'include'  => $ids,
			'per_page' => 100,
			'_fields'  => self::FIELDS[ $type ],
			'context'  => 'edit',
		);
		return $query + match ( $type ) {
			'product', 'post', 'page' => array( 'status' => 'any' ),
			'order'                   => array( 'status' => array( 'any' ) ),
			'customer'                => array( 'role' => 'all' ),
			'product_category'        => array( 'hide_empty' => false ),
			'webhook'                 => array( 'status' => 'all' ),
			default                   => array(),
		};
	}

	/**
	 * @return array<string, mixed>|null
	 */
	private function single( string $collection, string $type, int $id ): ?array {
		$request = new \WP_REST_Request( 'GET', $collection . '/' . $id );
		$request->set_query_params(
			array(
				'_fields' => self::FIELDS[ $type ],
				'context' => 'edit',
			)
		);
		$response = rest_do_request( $request );
		if ( $response->is_error() ) {
			return null;
		}
		$data = rest_get_server()->response_to_data( $response, false );
		return is_array( $data ) ? self::only_fields( $type, $data ) : null;
	}

	/**
	 * The tracked fields only (`_fields` is applied by WordPress only to top-level requests).
	 *
	 * @param array<string, mixed> $item
	 * @return array<string, mixed>
	 */
	private static function only_fields( string $type, array $item ): array {
		return array_intersect_key( $item, array_flip( explode( ',', self::FIELDS[ $type ] ) ) );
	}

	private function collection( string $type, int $parent ): string {
		$ns = '/' . $this->namespace;
		return match ( $type ) {
			'product'           => $ns . '/products',
			'product_variation' => $ns . '/products/' . $parent . '/variations',
			'order'             => $ns . '/orders',
			'coupon'            => $ns . '/coupons',
			'customer'          => $ns . '/customers',
			'product_category'  => $ns . '/products/categories',
			'webhook'           => $ns . '/webhooks',
			'post'              => '/wp/v2/posts',
			'page'              => '/wp/v2/pages',
			'media'             => '/wp/v2/media',
			'comment'           => '/wp/v2/comments',
			default             => $ns . '/' . $type . 's',
		};
	}
}

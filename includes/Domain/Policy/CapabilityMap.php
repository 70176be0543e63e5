<?php
/**
 * The WordPress capabilities a policy needs.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Policy;

/**
 * Maps readable resources and allowed actions to the capabilities WooCommerce's and
 * WordPress's own permission checks ask for. An agent's service user holds exactly these,
 * granted per request from its policy; the guard's decision still comes first.
 *
 * @since 0.1.0
 */
final class CapabilityMap {

	private const READ = array(
		'products'           => array( 'read', 'read_product', 'read_private_products' ),
		'product_categories' => array( 'read', 'manage_product_terms' ),
		'orders'             => array( 'read', 'read_shop_order', 'read_private_shop_orders' ),
		'customers'          => array( 'read', 'list_users' ),
		'coupons'            => array( 'read', 'read_shop_coupon', 'read_private_shop_coupons' ),
		'webhooks'           => array( 'read', 'manage_woocommerce' ),
		'reports'            => array( 'read', 'view_woocommerce_reports' ),
		'settings'           => array( 'read', 'manage_woocommerce' ),
		'posts'              => array( 'read', 'read_private_posts', 'edit_posts' ),
		'pages'              => array( 'read', 'read_private_pages', 'edit_pages' ),
		'media'              => array( 'read', 'upload_files' ),
		'comments'           => array( 'read', 'moderate_comments', 'edit_posts' ),
	);

	private const POST_TYPE_WRITE = array(
		'products' => 'products',
		'orders'   => 'shop_orders',
		'coupons'  => 'shop_coupons',
		'posts'    => 'posts',
		'pages'    => 'pages',
	);

	/**
	 * @return list<string>
	 */
	public static function for_policy( Policy $policy ): array {
		$caps = array();
		foreach ( self::READ as $resource => $read_caps ) {
			if ( $policy->can_read( $resource ) ) {
				array_push( $caps, ...$read_caps );
			}
		}
		foreach ( (array) $policy->to_array()['actions']['allow'] as $action ) {
			if ( $policy->allows( (string) $action ) ) {
				array_push( $caps, ...self::for_action( (string) $action ) );
			}
		}
		return array_values( array_unique( $caps ) );
	}

	/**
	 * Only the read capabilities of a policy (for code that runs as the agent's user outside
	 * its own requests, such as WooCommerce building the payload of the agent's webhook).
	 *
	 * @return list<string>
	 */
	public static function reads_for_policy( Policy $policy ): array {
		$caps = array();
		foreach ( self::READ as $resource => $read_caps ) {
			if ( $policy->can_read( $resource ) ) {
				array_push( $caps, ...$read_caps );
			}
		}
		return array_values( array_unique( $caps ) );
	}

	/**
	 * Every read capability of the map.
	 *
	 * @return list<string>
	 */
	public static function all_reads(): array {
		return array_values( array_unique( array_merge( ...array_values( self::READ ) ) ) );
	}

	/**
	 * @return list<string>
	 */
	public static function for_action( string $action ): array {
		list( $resource, $verb ) = array_pad( explode( ':', $action, 2 ), 2, '' );
		if ( isset( self::POST_TYPE_WRITE[ $resource ] ) ) {
			$plural = self::POST_TYPE_WRITE[ $resource ];
			$edit   = array( "edit_{$plural}", "edit_others_{$plural}", "edit_published_{$plural}", "edit_private_{$plural}", "publish_{$plural}", "read_private_{$plural}" );
			switch ( $verb ) {
				case 'create':
				case 'update':
				case 'batch':
				case 'note':
				case 'refund':
					return array_merge( array( 'read' ), $edit, 'products' === $resource ? array( 'assign_product_terms' ) : array() );
				case 'delete':
					return array_merge( array( 'read' ), $edit, array( "delete_{$plural}", "delete_others_{$plural}", "delete_published_{$plural}", "delete_private_{$plural}" ) );
			}
			return array();
		}
		switch ( $resource ) {
			case 'product_categories':
				return array( 'read', 'manage_product_terms', 'edit_product_terms', 'delete_product_terms' );
			case 'customers':
				return 'delete' === $verb ? array( 'read', 'list_users', 'edit_users', 'delete_users' ) : array( 'read', 'list_users', 'edit_users', 'create_users', 'promote_users' );
			case 'webhooks':
			case 'settings':
				return array( 'read', 'manage_woocommerce' );
			case 'media':
				return array( 'read', 'upload_files', 'edit_posts', 'edit_others_posts', 'delete_posts' );
			case 'comments':
				return array( 'read', 'moderate_comments', 'edit_posts', 'edit_comment' );
		}
		return array();
	}
}

<?php
/**
 * Registers the REST controllers under wc/v3 and, unchanged, under wc/v2.
 *
 * @package AgentGuard\Tests\WooCommerceStandIn
 */

defined( 'ABSPATH' ) || exit;

/**
 * REST bootstrap.
 */
class WC_Stand_In_Rest {

	/**
	 * Controller classes, in WooCommerce's registration order.
	 */
	const CONTROLLERS = array(
		'WC_Stand_In_REST_Coupons_Controller',
		'WC_Stand_In_REST_Customers_Controller',
		'WC_Stand_In_REST_Order_Notes_Controller',
		'WC_Stand_In_REST_Order_Refunds_Controller',
		'WC_Stand_In_REST_Orders_Controller',
		'WC_Stand_In_REST_Categories_Controller',
		'WC_Stand_In_REST_Products_Controller',
		'WC_Stand_In_REST_Variations_Controller',
		'WC_Stand_In_REST_Refunds_Controller',
		'WC_Stand_In_REST_Reports_Controller',
		'WC_Stand_In_REST_Settings_Controller',
		'WC_Stand_In_REST_Webhooks_Controller',
	);

	/**
	 * Hooks.
	 */
	public static function register() {
		add_action( 'rest_api_init', array( __CLASS__, 'register_routes' ), 10 );
	}

	/**
	 * Loads the controllers and registers their routes.
	 */
	public static function register_routes() {
		require_once __DIR__ . '/rest/class-wc-stand-in-rest-controller.php';
		require_once __DIR__ . '/rest/class-wc-stand-in-rest-products-controller.php';
		foreach ( glob( __DIR__ . '/rest/class-*.php' ) as $file ) {
			require_once $file;
		}
		foreach ( array( 'wc/v3', 'wc/v2' ) as $namespace ) {
			foreach ( self::CONTROLLERS as $class ) {
				if ( 'wc/v2' === $namespace && 'WC_Stand_In_REST_Refunds_Controller' === $class ) {
					continue; // GET refunds only exists in v3.
				}
				( new $class( $namespace ) )->register_routes();
			}
		}
	}
}

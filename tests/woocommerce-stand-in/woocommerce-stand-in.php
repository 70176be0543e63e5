<?php
/**
 * Plugin Name: WooCommerce REST stand-in (test only)
 * Description: Reproduces the parts of WooCommerce's REST contract (wc/v3, wc/v2) that Agent Guard touches, for test sites that cannot install WooCommerce. Never shipped.
 * Version:     9.4.3-stand-in.1
 * Requires PHP: 8.1
 * License:     GPL-2.0-or-later
 *
 * Everything here is written for the tests of Agent Guard: the routes, argument schemas,
 * JSON shapes, status and error codes, capabilities, API-key authentication and webhooks
 * follow WooCommerce 9.4.3 (see README.md), storage follows WooCommerce's posts storage.
 * It deliberately defines no `WooCommerce` class and no `wc_get_product()`: code under test
 * must go through REST, as it must with a real store.
 *
 * @package AgentGuard\Tests\WooCommerceStandIn
 */

defined( 'ABSPATH' ) || exit;

if ( defined( 'WC_STAND_IN' ) || class_exists( 'WooCommerce', false ) ) {
	// The real WooCommerce (or a second copy of the stand-in) is active: stay out of its way.
	return;
}

define( 'WC_STAND_IN', true );
define( 'WC_STAND_IN_FILE', __FILE__ );
define( 'WC_STAND_IN_DIR', __DIR__ );
define( 'WC_STAND_IN_DB_VERSION', '1' );
/** The WooCommerce version whose contract is reproduced; orders report it as their `version`. */
define( 'WC_STAND_IN_WC_VERSION', '9.4.3' );

require_once __DIR__ . '/includes/functions.php';
require_once __DIR__ . '/includes/class-wc-stand-in-object.php';
require_once __DIR__ . '/includes/class-wc-stand-in-meta.php';
require_once __DIR__ . '/includes/class-wc-stand-in-install.php';
require_once __DIR__ . '/includes/class-wc-stand-in-authentication.php';
require_once __DIR__ . '/includes/class-wc-stand-in-products.php';
require_once __DIR__ . '/includes/class-wc-stand-in-orders.php';
require_once __DIR__ . '/includes/class-wc-stand-in-webhook.php';
require_once __DIR__ . '/includes/class-wc-stand-in-rest.php';

register_activation_hook( __FILE__, array( 'WC_Stand_In_Install', 'install' ) );

WC_Stand_In_Install::register();
WC_Stand_In_Authentication::instance()->register();
WC_Stand_In_Orders::register();
WC_Stand_In_Webhook::register();
WC_Stand_In_Rest::register();

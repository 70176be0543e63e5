<?php
/**
 * Integration tests: a real WordPress (6.5.5 from the npm package) with Agent Guard and
 * WooCommerce (or its stand-in) loaded in this process, on SQLite or MariaDB.
 *
 * The site is built by bin/lib/site.mjs; AGENT_GUARD_TEST_SITE_DIR points at its WordPress
 * directory (`npm test` sets it). Run alone: `node bin/site.mjs create integration` then
 * `AGENT_GUARD_TEST_SITE_DIR=.cache/sites/integration/wordpress phpunit -c tests/php/phpunit-integration.xml`.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

$agent_guard_site = getenv( 'AGENT_GUARD_TEST_SITE_DIR' );
if ( ! $agent_guard_site || ! is_readable( rtrim( $agent_guard_site, '/' ) . '/wp-load.php' ) ) {
	fwrite( STDERR, "AGENT_GUARD_TEST_SITE_DIR must point at a site built by bin/site.mjs (run the suite with `npm test -- --suite=php-integration`).\n" );
	exit( 1 );
}
$agent_guard_config = json_decode( (string) file_get_contents( dirname( rtrim( $agent_guard_site, '/' ) ) . '/site.json' ), true );
$agent_guard_url    = parse_url( (string) $agent_guard_config['url'] );

$_SERVER['HTTP_HOST']       = $agent_guard_url['host'] . ':' . $agent_guard_url['port'];
$_SERVER['SERVER_NAME']     = $agent_guard_url['host'];
$_SERVER['SERVER_PORT']     = (string) $agent_guard_url['port'];
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['REMOTE_ADDR']     = '127.0.0.1';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';

define( 'AGENT_GUARD_PHPUNIT', true );
define( 'WP_USE_THEMES', false );

require rtrim( $agent_guard_site, '/' ) . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/admin.php';

spl_autoload_register(
	static function ( string $class_name ): void {
		if ( str_starts_with( $class_name, 'AgentGuard\\Tests\\' ) ) {
			$file = __DIR__ . '/' . str_replace( '\\', '/', substr( $class_name, strlen( 'AgentGuard\\Tests\\' ) ) ) . '.php';
			if ( is_readable( $file ) ) {
				require $file;
			}
		}
	}
);

// Outbound mail and HTTP never leave the machine in tests.
add_filter( 'pre_wp_mail', '__return_true' );

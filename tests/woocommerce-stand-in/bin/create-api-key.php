<?php
/**
 * Creates a WooCommerce REST API key on a test site, with the real WooCommerce or the stand-in
 * (both store keys in {prefix}woocommerce_api_keys with the same columns), for tests that need
 * consumer key / secret authentication. Works with runPhp() of bin/lib/site.mjs:
 *
 *   runPhp( site, 'tests/woocommerce-stand-in/bin/create-api-key.php', { user_id: 1, permissions: 'read' } )
 *
 * Prints one JSON line: { key_id, consumer_key, consumer_secret, truncated_key }.
 *
 * @package AgentGuard\Tests\WooCommerceStandIn
 */

if ( PHP_SAPI !== 'cli' ) {
	exit( 1 );
}

$wc_stand_in_site = rtrim( $argv[1] ?? '', '/' );
$wc_stand_in_args = json_decode( $argv[2] ?? '{}', true );
$wc_stand_in_url  = parse_url( (string) ( getenv( 'AGENT_GUARD_SITE_URL' ) ?: 'http://127.0.0.1' ) );

$_SERVER['HTTP_HOST']   = $wc_stand_in_url['host'] . ( isset( $wc_stand_in_url['port'] ) ? ':' . $wc_stand_in_url['port'] : '' );
$_SERVER['SERVER_NAME'] = $wc_stand_in_url['host'];
$_SERVER['REQUEST_URI'] = '/';

require $wc_stand_in_site . '/wp-load.php';

$wc_stand_in_user        = (int) ( $wc_stand_in_args['user_id'] ?? 1 );
$wc_stand_in_description = (string) ( $wc_stand_in_args['description'] ?? 'tests' );
$wc_stand_in_permissions = (string) ( $wc_stand_in_args['permissions'] ?? 'read_write' );

if ( function_exists( 'wc_stand_in_create_api_key' ) ) {
	echo wp_json_encode( wc_stand_in_create_api_key( $wc_stand_in_user, $wc_stand_in_description, $wc_stand_in_permissions ) ) . "\n";
	exit( 0 );
}
if ( ! function_exists( 'wc_api_hash' ) ) {
	fwrite( STDERR, "Neither WooCommerce nor its stand-in is active.\n" );
	exit( 2 );
}
// The real WooCommerce: what WC_Auth::create_keys() and the admin key screen store.
$wc_stand_in_key    = 'ck_' . wc_rand_hash();
$wc_stand_in_secret = 'cs_' . wc_rand_hash();
$GLOBALS['wpdb']->insert(
	$GLOBALS['wpdb']->prefix . 'woocommerce_api_keys',
	array(
		'user_id'         => $wc_stand_in_user,
		'description'     => $wc_stand_in_description,
		'permissions'     => $wc_stand_in_permissions,
		'consumer_key'    => wc_api_hash( $wc_stand_in_key ),
		'consumer_secret' => $wc_stand_in_secret,
		'truncated_key'   => substr( $wc_stand_in_key, -7 ),
	),
	array( '%d', '%s', '%s', '%s', '%s', '%s' )
);
echo wp_json_encode(
	array(
		'key_id'          => (int) $GLOBALS['wpdb']->insert_id,
		'consumer_key'    => $wc_stand_in_key,
		'consumer_secret' => $wc_stand_in_secret,
		'truncated_key'   => substr( $wc_stand_in_key, -7 ),
	)
) . "\n";

<?php
/**
 * Installs WordPress into a site built by bin/lib/site.mjs and activates plugins.
 *
 * Usage: php install-site.php <wordpress dir> '<json options>'
 * Prints one JSON line: { "installed": true, "admin_id": 1, "active_plugins": [...] }.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

if ( PHP_SAPI !== 'cli' ) {
	exit( 1 );
}

$agent_guard_dir     = rtrim( $argv[1] ?? '', '/' );
$agent_guard_options = json_decode( $argv[2] ?? '{}', true, 512, JSON_THROW_ON_ERROR );
$agent_guard_url     = parse_url( (string) ( $agent_guard_options['url'] ?? 'http://127.0.0.1' ) );

define( 'WP_INSTALLING', true );
$_SERVER['HTTP_HOST']   = $agent_guard_url['host'] . ( isset( $agent_guard_url['port'] ) ? ':' . $agent_guard_url['port'] : '' );
$_SERVER['SERVER_NAME'] = $agent_guard_url['host'];
$_SERVER['REQUEST_URI'] = '/';

require $agent_guard_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

add_filter( 'pre_wp_mail', '__return_true' );

$agent_guard_admin = $agent_guard_options['admin'];
$agent_guard_result = wp_install(
	(string) $agent_guard_options['title'],
	(string) $agent_guard_admin['user'],
	(string) $agent_guard_admin['email'],
	true,
	'',
	(string) $agent_guard_admin['password']
);

global $wp_rewrite;
$wp_rewrite->set_permalink_structure( '/%postname%/' );
update_option( 'timezone_string', 'UTC' );

$agent_guard_active = array();
foreach ( (array) ( $agent_guard_options['plugins'] ?? array() ) as $agent_guard_plugin ) {
	$agent_guard_error = activate_plugin( $agent_guard_plugin, '', false, false );
	if ( is_wp_error( $agent_guard_error ) ) {
		fwrite( STDERR, "Could not activate {$agent_guard_plugin}: " . $agent_guard_error->get_error_message() . "\n" );
		exit( 2 );
	}
	$agent_guard_active[] = $agent_guard_plugin;
}
flush_rewrite_rules( false );

// An application password for the administrator, so HTTP tests can call admin routes without cookies.
$agent_guard_app_password = WP_Application_Passwords::create_new_application_password( (int) $agent_guard_result['user_id'], array( 'name' => 'agent-guard-tests' ) );

echo wp_json_encode(
	array(
		'installed'      => true,
		'admin_id'       => (int) $agent_guard_result['user_id'],
		'active_plugins' => $agent_guard_active,
		'app_password'   => is_wp_error( $agent_guard_app_password ) ? null : $agent_guard_app_password[0],
	)
) . "\n";

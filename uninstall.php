<?php
/**
 * Uninstall: keeps the audit log and every table unless AGENT_GUARD_REMOVE_ALL_DATA is true.
 *
 * Deleting the plugin from wp-admin must not destroy the evidence of what agents did. Define
 * `define( 'AGENT_GUARD_REMOVE_ALL_DATA', true );` in wp-config.php before deleting to remove
 * the tables, options, capabilities and the agents' service users as well.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

if ( ! defined( 'AGENT_GUARD_REMOVE_ALL_DATA' ) || true !== AGENT_GUARD_REMOVE_ALL_DATA ) {
	return;
}

require_once __DIR__ . '/includes/Infrastructure/Persistence/Tables.php';
require_once __DIR__ . '/includes/Infrastructure/Persistence/Schema.php';
require_once __DIR__ . '/includes/Infrastructure/WordPress/Capabilities.php';

global $wpdb;

$agent_guard_users = get_users(
	array(
		'role'   => 'agent_guard_agent',
		'fields' => 'ID',
	)
);
if ( $agent_guard_users ) {
	require_once ABSPATH . 'wp-admin/includes/user.php';
	foreach ( $agent_guard_users as $agent_guard_user_id ) {
		wp_delete_user( (int) $agent_guard_user_id );
	}
}
remove_role( 'agent_guard_agent' );
\AgentGuard\Infrastructure\WordPress\Capabilities::remove_all();
( new \AgentGuard\Infrastructure\Persistence\Schema( $wpdb ) )->drop_all();
foreach ( array( 'agent_guard_test_clock_offset', 'agent_guard_settings', 'agent_guard_has_adoptions', 'agent_guard_last_digest_id' ) as $agent_guard_option ) {
	delete_option( $agent_guard_option );
}

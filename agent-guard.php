<?php
/**
 * Plugin Name:       Agent Guard
 * Plugin URI:        https://github.com/agent-guard/agent-guard
 * Description:       Lets a WooCommerce store run AI agents safely: per-agent tokens and written policies, an enforcement point in the REST API, approvals, a kill switch, a canary dial and a tamper-evident audit log.
 * Version:           0.1.0
 * Requires at least: 6.5
 * Requires PHP:      8.1
 * Author:            Agent Guard
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       agent-guard
 * Domain Path:       /languages
 * WC requires at least: 9.0
 * WC tested up to:   9.4
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

defined( 'ABSPATH' ) || exit;

define( 'AGENT_GUARD_VERSION', '0.1.0' );
define( 'AGENT_GUARD_FILE', __FILE__ );
define( 'AGENT_GUARD_DIR', __DIR__ );
define( 'AGENT_GUARD_MIN_PHP', '8.1' );
define( 'AGENT_GUARD_MIN_WP', '6.5' );

/**
 * Shows why Agent Guard did not start, instead of failing with a fatal error.
 *
 * @param string $message Plain-text reason.
 */
function agent_guard_bootstrap_notice( string $message ): void {
	add_action(
		'admin_notices',
		static function () use ( $message ): void {
			if ( ! current_user_can( 'activate_plugins' ) ) {
				return;
			}
			printf(
				'<div class="notice notice-error"><p><strong>%1$s</strong> %2$s</p></div>',
				esc_html__( 'Agent Guard is not running:', 'agent-guard' ),
				esc_html( $message )
			);
		}
	);
}

if ( version_compare( PHP_VERSION, AGENT_GUARD_MIN_PHP, '<' ) ) {
	agent_guard_bootstrap_notice(
		/* translators: 1: required PHP version, 2: running PHP version. */
		sprintf( __( 'it needs PHP %1$s or newer; this site runs PHP %2$s.', 'agent-guard' ), AGENT_GUARD_MIN_PHP, PHP_VERSION )
	);
	return;
}

if ( version_compare( get_bloginfo( 'version' ), AGENT_GUARD_MIN_WP, '<' ) ) {
	agent_guard_bootstrap_notice(
		/* translators: 1: required WordPress version, 2: running WordPress version. */
		sprintf( __( 'it needs WordPress %1$s or newer; this site runs WordPress %2$s.', 'agent-guard' ), AGENT_GUARD_MIN_WP, get_bloginfo( 'version' ) )
	);
	return;
}

if ( ! is_readable( __DIR__ . '/includes/Plugin.php' ) ) {
	agent_guard_bootstrap_notice( __( 'its files are incomplete; reinstall the plugin from its zip.', 'agent-guard' ) );
	return;
}

spl_autoload_register(
	static function ( string $class_name ): void {
		if ( ! str_starts_with( $class_name, 'AgentGuard\\' ) ) {
			return;
		}
		$relative = str_replace( '\\', '/', substr( $class_name, strlen( 'AgentGuard\\' ) ) );
		$file     = __DIR__ . '/includes/' . $relative . '.php';
		if ( is_readable( $file ) ) {
			require $file;
		}
	}
);

register_activation_hook( __FILE__, array( \AgentGuard\Plugin::class, 'activate' ) );
register_deactivation_hook( __FILE__, array( \AgentGuard\Plugin::class, 'deactivate' ) );

// Boot once every plugin is loaded and pluggable functions (wp_salt) exist, before any
// user is determined.
add_action(
	'plugins_loaded',
	static function (): void {
		try {
			\AgentGuard\Plugin::boot();
		} catch ( \Throwable $error ) {
			error_log( 'Agent Guard did not start: ' . $error->getMessage() ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log
			agent_guard_bootstrap_notice( $error->getMessage() );
		}
	},
	0
);

<?php
/**
 * Sets up the demo store inside a booted WordPress (Playground's runPHP step or native PHP):
 * demo catalogue and orders (seed-demo.php), one demo agent (pricing template, active) with a
 * fresh token. Writes the result as JSON to the file named by AGENT_GUARD_DEMO_OUTPUT (or
 * prints it), for bin/start.mjs to print the ready-to-paste curl; that file is deleted as
 * soon as it is read.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

if ( ! defined( 'ABSPATH' ) ) {
	exit( 1 );
}

// With a real WooCommerce, skip its onboarding wizard so wp-admin opens where the demo points.
update_option( 'woocommerce_onboarding_profile', array( 'skipped' => true ) );
delete_transient( '_wc_activation_redirect' );

ob_start();
require __DIR__ . '/seed-demo.php';
$agent_guard_seeded = json_decode( (string) ob_get_clean(), true );

$agent_guard_admin  = get_user_by( 'login', 'admin' ) ?: get_users( array( 'role' => 'administrator', 'number' => 1 ) )[0];
$agent_guard_plugin = \AgentGuard\Plugin::instance();
wp_set_current_user( $agent_guard_admin->ID );

$agent_guard_agent = $agent_guard_plugin->registry->create(
	array(
		'name'          => 'Demo pricing agent',
		'purpose'       => 'Keeps prices in line with the market; price moves over 5 % need a manager.',
		'owner_user_id' => $agent_guard_admin->ID,
		'risk_tier'     => 'medium',
		'template'      => 'pricing',
	),
	$agent_guard_admin->ID
);
$agent_guard_agent  = $agent_guard_plugin->registry->change_mode(
	$agent_guard_agent->id,
	\AgentGuard\Domain\Agent\AgentMode::Active,
	$agent_guard_admin->ID,
	true,
	'Demo store: the demo agent starts active so the printed curl call is allowed.'
);
$agent_guard_issued = $agent_guard_plugin->token_service->issue( $agent_guard_agent->id, 'Demo token', null, 'standard', $agent_guard_admin->ID );

$agent_guard_out = wp_json_encode(
	array(
		'agent_id' => $agent_guard_agent->id,
		'token'    => $agent_guard_issued['secret'],
		'products' => $agent_guard_seeded['products'] ?? array(),
		'orders'   => $agent_guard_seeded['orders'] ?? array(),
	)
);
$agent_guard_file = getenv( 'AGENT_GUARD_DEMO_OUTPUT' ) ?: ( defined( 'AGENT_GUARD_DEMO_OUTPUT' ) ? AGENT_GUARD_DEMO_OUTPUT : '' );
if ( $agent_guard_file ) {
	file_put_contents( $agent_guard_file, $agent_guard_out );
} else {
	echo $agent_guard_out . "\n"; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- CLI output.
}

<?php
/**
 * Registers an agent and issues a token, for the demo store and test setups.
 *
 * Usage: php create-agent.php <wordpress dir> '{"name": "...", "template": "pricing", "mode": "active"}'
 * Prints one JSON line: { "agent_id": 1, "token": "agk_…" }. The token is printed once, here only.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

if ( PHP_SAPI !== 'cli' ) {
	exit( 1 );
}

$agent_guard_dir     = rtrim( $argv[1] ?? '', '/' );
$agent_guard_options = json_decode( $argv[2] ?? '{}', true, 512, JSON_THROW_ON_ERROR );
$agent_guard_url     = parse_url( (string) ( getenv( 'AGENT_GUARD_SITE_URL' ) ?: 'http://127.0.0.1' ) );
$_SERVER['HTTP_HOST']   = $agent_guard_url['host'] . ( isset( $agent_guard_url['port'] ) ? ':' . $agent_guard_url['port'] : '' );
$_SERVER['REQUEST_URI'] = '/';

require $agent_guard_dir . '/wp-load.php';

$agent_guard_admin = get_user_by( 'login', (string) ( $agent_guard_options['owner'] ?? 'admin' ) );
if ( ! $agent_guard_admin ) {
	fwrite( STDERR, "No such owner user.\n" );
	exit( 2 );
}
wp_set_current_user( $agent_guard_admin->ID );
$agent_guard_plugin = \AgentGuard\Plugin::instance();
try {
	$agent_guard_agent = $agent_guard_plugin->registry->create(
		array(
			'name'          => (string) $agent_guard_options['name'],
			'purpose'       => (string) ( $agent_guard_options['purpose'] ?? '' ),
			'owner_user_id' => $agent_guard_admin->ID,
			'risk_tier'     => (string) ( $agent_guard_options['risk_tier'] ?? 'medium' ),
		) + ( isset( $agent_guard_options['policy'] ) ? array( 'policy' => $agent_guard_options['policy'] ) : array( 'template' => (string) ( $agent_guard_options['template'] ?? 'read_only' ) ) ),
		$agent_guard_admin->ID
	);
	if ( ! empty( $agent_guard_options['mode'] ) && 'observe' !== $agent_guard_options['mode'] ) {
		$agent_guard_agent = $agent_guard_plugin->registry->change_mode(
			$agent_guard_agent->id,
			\AgentGuard\Domain\Agent\AgentMode::from( (string) $agent_guard_options['mode'] ),
			$agent_guard_admin->ID,
			true,
			(string) ( $agent_guard_options['override_reason'] ?? 'Set up by the demo or test harness.' )
		);
	}
	$agent_guard_issued = $agent_guard_plugin->token_service->issue( $agent_guard_agent->id, (string) ( $agent_guard_options['token_label'] ?? 'Demo token' ), null, 'standard', $agent_guard_admin->ID );
} catch ( \AgentGuard\Domain\DomainException $agent_guard_error ) {
	fwrite( STDERR, $agent_guard_error->getMessage() . "\n" );
	exit( 3 );
}

echo wp_json_encode(
	array(
		'agent_id' => $agent_guard_agent->id,
		'token'    => $agent_guard_issued['secret'],
	)
) . "\n";

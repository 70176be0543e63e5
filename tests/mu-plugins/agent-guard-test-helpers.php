<?php
/**
 * Plugin Name: Agent Guard test helpers (test sites only)
 * Description: Test clock, mail capture, a local webhook receiver and WooCommerce key creation for the HTTP and browser suites. Loads only when AGENT_GUARD_TEST_MODE is true; never shipped.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

if ( ! defined( 'AGENT_GUARD_TEST_MODE' ) || true !== AGENT_GUARD_TEST_MODE ) {
	return;
}

// Mail never leaves the machine: it is kept for the tests to read.
add_filter(
	'pre_wp_mail',
	static function ( $short, array $atts ) {
		$mails   = get_option( 'agent_guard_test_mails', array() );
		$mails[] = array(
			'to'      => $atts['to'],
			'subject' => $atts['subject'],
			'message' => $atts['message'],
			'time'    => time(),
		);
		update_option( 'agent_guard_test_mails', array_slice( $mails, -200 ), false );
		return true;
	},
	10,
	2
);

// Webhooks are delivered at the end of the request that caused them (WooCommerce would
// queue them in Action Scheduler), so tests can observe deliveries.
add_filter( 'woocommerce_webhook_deliver_async', '__return_false' );

// Deliveries to the site itself (the test receiver) on its test port.
add_filter(
	'http_allowed_safe_ports',
	static function ( array $ports ): array {
		$port = (int) wp_parse_url( home_url(), PHP_URL_PORT );
		return $port ? array_merge( $ports, array( $port ) ) : $ports;
	}
);

/**
 * Ground truth for "how many times did the side effect happen": every product or order save
 * WooCommerce reports is counted, atomically, in a table of its own.
 */
function agent_guard_test_effects_table(): string {
	global $wpdb;
	return $wpdb->prefix . 'agent_guard_test_effects';
}
add_action(
	'init',
	static function (): void {
		global $wpdb;
		if ( get_option( 'agent_guard_test_effects_v1' ) ) {
			return;
		}
		$table = agent_guard_test_effects_table();
		$wpdb->query( "CREATE TABLE IF NOT EXISTS {$table} ( target varchar(40) NOT NULL, n bigint(20) NOT NULL DEFAULT 0, PRIMARY KEY (target) )" ); // phpcs:ignore
		update_option( 'agent_guard_test_effects_v1', 1 );
	}
);
foreach ( array( 'woocommerce_update_product' => 'product', 'woocommerce_update_order' => 'order' ) as $agent_guard_hook => $agent_guard_type ) {
	add_action(
		$agent_guard_hook,
		static function ( $id ) use ( $agent_guard_type ): void {
			global $wpdb;
			$table = agent_guard_test_effects_table();
			// SQLite refuses a write at once ("database is locked") when another connection
			// writes; the oracle must not lose a count, so it retries.
			for ( $attempt = 0; $attempt < 100; $attempt++ ) {
				$suppress = $wpdb->suppress_errors( true );
				$done     = false !== $wpdb->query( $wpdb->prepare( "INSERT INTO {$table} (target, n) VALUES (%s, 1) ON DUPLICATE KEY UPDATE n = n + 1", $agent_guard_type . ':' . (int) $id ) ); // phpcs:ignore
				$wpdb->suppress_errors( $suppress );
				if ( $done ) {
					return;
				}
				usleep( 20000 );
			}
			error_log( 'Agent Guard test helpers: could not count an effect.' ); // phpcs:ignore
		}
	);
}

add_action(
	'rest_api_init',
	static function (): void {
		$admin = static fn (): bool => current_user_can( 'manage_options' );
		register_rest_route(
			'agent-guard-test/v1',
			'/clock',
			array(
				'methods'             => 'POST',
				'permission_callback' => $admin,
				'callback'            => static function ( WP_REST_Request $request ) {
					update_option( 'agent_guard_test_clock_offset', (int) $request['offset'] );
					return array( 'offset' => (int) get_option( 'agent_guard_test_clock_offset' ) );
				},
			)
		);
		register_rest_route(
			'agent-guard-test/v1',
			'/internal',
			array(
				'methods'             => 'GET',
				'permission_callback' => $admin,
				// While serving another namespace, an internal call to one of Agent Guard's routes.
				'callback'            => static function ( WP_REST_Request $request ) {
					$inner = rest_do_request( new WP_REST_Request( 'GET', (string) $request['route'] ) );
					return array(
						'status' => $inner->get_status(),
						'data'   => $inner->get_data(),
					);
				},
			)
		);
		register_rest_route(
			'agent-guard-test/v1',
			'/mails',
			array(
				array(
					'methods'             => 'GET',
					'permission_callback' => $admin,
					'callback'            => static fn () => get_option( 'agent_guard_test_mails', array() ),
				),
				array(
					'methods'             => 'DELETE',
					'permission_callback' => $admin,
					'callback'            => static function () {
						delete_option( 'agent_guard_test_mails' );
						return array( 'deleted' => true );
					},
				),
			)
		);
		// A local endpoint standing in for an agent's webhook receiver. Its POST is open on purpose,
		// like a real receiver's: WooCommerce delivers without WordPress credentials (the signature
		// header is what a receiver checks). Test sites only (AGENT_GUARD_TEST_MODE).
		register_rest_route(
			'agent-guard-test/v1',
			'/receiver',
			array(
				array(
					'methods'             => 'POST',
					'permission_callback' => '__return_true',
					'callback'            => static function ( WP_REST_Request $request ) {
						$received   = get_option( 'agent_guard_test_received', array() );
						$received[] = array(
							'topic' => (string) $request->get_header( 'x_wc_webhook_topic' ),
							'id'    => (string) $request->get_header( 'x_wc_webhook_id' ),
							'body'  => json_decode( (string) $request->get_body(), true ),
						);
						update_option( 'agent_guard_test_received', array_slice( $received, -100 ), false );
						return array( 'ok' => true );
					},
				),
				array(
					'methods'             => 'GET',
					'permission_callback' => $admin,
					'callback'            => static fn () => get_option( 'agent_guard_test_received', array() ),
				),
				array(
					'methods'             => 'DELETE',
					'permission_callback' => $admin,
					'callback'            => static function () {
						delete_option( 'agent_guard_test_received' );
						return array( 'deleted' => true );
					},
				),
			)
		);
		register_rest_route(
			'agent-guard-test/v1',
			'/effects',
			array(
				'methods'             => 'GET',
				'permission_callback' => $admin,
				'callback'            => static function ( WP_REST_Request $request ) {
					global $wpdb;
					$table = agent_guard_test_effects_table();
					return array( 'n' => (int) $wpdb->get_var( $wpdb->prepare( "SELECT n FROM {$table} WHERE target = %s", (string) $request['target'] ) ) ); // phpcs:ignore
				},
			)
		);
		register_rest_route(
			'agent-guard-test/v1',
			'/cron',
			array(
				'methods'             => 'POST',
				'permission_callback' => $admin,
				'callback'            => static function ( WP_REST_Request $request ) {
					$hook = (string) $request['hook'];
					if ( ! str_starts_with( $hook, 'agent_guard_' ) ) {
						return new WP_Error( 'not_ours', 'Only Agent Guard hooks.', array( 'status' => 400 ) );
					}
					do_action( $hook );
					return array( 'ran' => $hook );
				},
			)
		);
		// WooCommerce creates keys only from wp-admin; tests create one the way it does.
		register_rest_route(
			'agent-guard-test/v1',
			'/wc-keys',
			array(
				'methods'             => 'POST',
				'permission_callback' => $admin,
				'callback'            => static function ( WP_REST_Request $request ) {
					global $wpdb;
					$consumer_key    = 'ck_' . wp_generate_password( 40, false );
					$consumer_secret = 'cs_' . wp_generate_password( 40, false );
					$hash            = function_exists( 'wc_api_hash' ) ? wc_api_hash( $consumer_key ) : hash_hmac( 'sha256', $consumer_key, 'wc-api' );
					$wpdb->insert(
						$wpdb->prefix . 'woocommerce_api_keys',
						array(
							'user_id'         => (int) ( $request['user_id'] ?? get_current_user_id() ),
							'description'     => (string) ( $request['description'] ?? 'Test key' ),
							'permissions'     => (string) ( $request['permissions'] ?? 'read_write' ),
							'consumer_key'    => $hash,
							'consumer_secret' => $consumer_secret,
							'truncated_key'   => substr( $consumer_key, -7 ),
						)
					);
					return array(
						'key_id'          => (int) $wpdb->insert_id,
						'consumer_key'    => $consumer_key,
						'consumer_secret' => $consumer_secret,
					);
				},
			)
		);
	}
);

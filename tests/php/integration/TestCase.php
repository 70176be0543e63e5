<?php
/**
 * Base class of the integration tests.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Tests\integration;

use AgentGuard\Plugin;

/**
 * Each test runs inside a database transaction that is rolled back afterwards, with the
 * hooks, the current user and the object cache restored — the isolation WordPress's own
 * test framework gives, on SQLite and on MariaDB.
 */
abstract class TestCase extends \PHPUnit\Framework\TestCase {

	/** @var array<string, mixed> */
	private array $hooks_backup = array();

	/** @var array<string, mixed> */
	private array $server_backup = array();

	protected function setUp(): void {
		parent::setUp();
		global $wpdb, $wp_filter, $wp_actions, $wp_current_filter;
		$this->server_backup = $_SERVER;
		$this->hooks_backup  = array(
			'wp_filter'         => array_map( static fn ( $hook ) => clone $hook, $wp_filter ),
			'wp_actions'        => $wp_actions,
			'wp_current_filter' => $wp_current_filter,
		);
		$wpdb->suppress_errors( false );
		$wpdb->query( 'START TRANSACTION' );
		wp_cache_flush();
		$this->reset_request_state();
		wp_set_current_user( 0 );
	}

	protected function tearDown(): void {
		global $wpdb, $wp_filter, $wp_actions, $wp_current_filter;
		$wpdb->query( 'ROLLBACK' );
		$wp_filter         = $this->hooks_backup['wp_filter'];
		$wp_actions        = $this->hooks_backup['wp_actions'];
		$wp_current_filter = $this->hooks_backup['wp_current_filter'];
		$_SERVER           = $this->server_backup;
		wp_cache_flush();
		$this->reset_request_state();
		wp_set_current_user( 0 );
		parent::tearDown();
	}

	protected function plugin(): Plugin {
		return Plugin::instance();
	}

	/**
	 * Forgets everything the guard knows about "the current HTTP request".
	 */
	protected function reset_request_state(): void {
		Plugin::instance()->scope->reset();
		Plugin::instance()->audit->forget_head();
		unset( $_SERVER['HTTP_AUTHORIZATION'], $_SERVER['REDIRECT_HTTP_AUTHORIZATION'] );
		$GLOBALS['current_user'] = null;
	}

	protected function create_user( string $role, string $login = '' ): int {
		$login = '' === $login ? $role . '_' . wp_generate_password( 6, false ) : $login;
		$id    = wp_insert_user(
			array(
				'user_login' => $login,
				'user_pass'  => wp_generate_password( 20 ),
				'user_email' => $login . '@example.test',
				'role'       => $role,
			)
		);
		$this->assertIsInt( $id, is_wp_error( $id ) ? $id->get_error_message() : '' );
		return $id;
	}

	protected function as_user( int $user_id ): void {
		$this->reset_request_state();
		wp_set_current_user( $user_id );
	}

	/**
	 * Dispatches a REST request the way WP_REST_Server::serve_request() does: authentication
	 * errors first, then dispatch, then rest_post_dispatch.
	 *
	 * @param array<string, mixed>  $body    JSON body.
	 * @param array<string, mixed>  $query   Query parameters.
	 * @param array<string, string> $headers Request headers.
	 */
	protected function rest( string $method, string $route, array $body = array(), array $query = array(), array $headers = array() ): \WP_REST_Response {
		$server  = rest_get_server();
		$request = new \WP_REST_Request( $method, $route );
		$request->set_query_params( $query );
		foreach ( $headers as $name => $value ) {
			$request->set_header( $name, $value );
		}
		if ( $body ) {
			$request->set_header( 'content-type', 'application/json' );
			$request->set_body( (string) wp_json_encode( $body ) );
		}
		$result = $server->check_authentication();
		if ( ! is_wp_error( $result ) ) {
			$result = $server->dispatch( $request );
		}
		$result = rest_ensure_response( $result );
		if ( is_wp_error( $result ) ) {
			$result = rest_convert_error_to_response( $result );
		}
		return apply_filters( 'rest_post_dispatch', rest_ensure_response( $result ), $server, $request );
	}

	/**
	 * A REST request as an agent: a new "HTTP request" carrying `Authorization: Bearer <token>`.
	 *
	 * @param array<string, mixed>  $body
	 * @param array<string, mixed>  $query
	 * @param array<string, string> $headers
	 */
	protected function agent_rest( string $token, string $method, string $route, array $body = array(), array $query = array(), array $headers = array() ): \WP_REST_Response {
		$this->reset_request_state();
		$_SERVER['HTTP_AUTHORIZATION'] = 'Bearer ' . $token;
		$_SERVER['REQUEST_URI']        = '/wp-json' . $route;
		$_SERVER['REQUEST_METHOD']     = $method;
		wp_get_current_user();
		return $this->rest( $method, $route, $body, $query, $headers + array( 'authorization' => 'Bearer ' . $token ) );
	}

	/**
	 * Registers an agent owned by a fresh administrator and issues a token.
	 *
	 * @param array<string, mixed> $input Registry input (name, template, policy…).
	 * @return array{agent: \AgentGuard\Domain\Agent\Agent, token: string, owner: int}
	 */
	protected function create_agent( array $input = array(), ?string $mode = null ): array {
		$owner  = $this->create_user( 'administrator' );
		$plugin = $this->plugin();
		$agent  = $plugin->registry->create(
			$input + array(
				'name'          => 'Agent ' . wp_generate_password( 8, false ),
				'owner_user_id' => $owner,
				'template'      => 'read_only',
			),
			$owner
		);
		if ( null !== $mode && 'observe' !== $mode ) {
			$agent = $plugin->registry->change_mode( $agent->id, \AgentGuard\Domain\Agent\AgentMode::from( $mode ), $owner, true, 'Integration test set-up.' );
		}
		$issued = $plugin->token_service->issue( $agent->id, 'test', null, 'standard', $owner );
		return array(
			'agent' => $agent,
			'token' => $issued['secret'],
			'owner' => $owner,
		);
	}

	/**
	 * Registers an agent whose policy is a template with changes merged in (see policy()).
	 *
	 * @param array<string, mixed> $changes
	 * @return array{agent: \AgentGuard\Domain\Agent\Agent, token: string, owner: int}
	 */
	protected function create_agent_with_policy( string $template, array $changes = array(), string $mode = 'active' ): array {
		return $this->create_agent( array( 'policy' => $this->policy( $template, $changes ) ), $mode );
	}

	/**
	 * Runs a REST request as a fresh administrator and returns its data (fails the test on error).
	 *
	 * @param array<string, mixed> $body
	 * @param array<string, mixed> $query
	 * @return array<string, mixed>
	 */
	protected function as_admin( string $method, string $route, array $body = array(), array $query = array() ): array {
		$previous = get_current_user_id();
		$scope    = $this->plugin()->scope;
		$saved    = clone $scope;
		$scope->reset();
		static $admin = 0;
		if ( ! $admin || ! get_userdata( $admin ) ) {
			$admin = $this->create_user( 'administrator' );
		}
		wp_set_current_user( $admin );
		$response = rest_do_request( ( function () use ( $method, $route, $body, $query ) {
			$request = new \WP_REST_Request( $method, $route );
			$request->set_query_params( $query );
			if ( $body ) {
				$request->set_header( 'content-type', 'application/json' );
				$request->set_body( (string) wp_json_encode( $body ) );
			}
			return $request;
		} )() );
		$this->assertLessThan( 400, $response->get_status(), "{$method} {$route}: " . wp_json_encode( $response->get_data() ) );
		foreach ( get_object_vars( $saved ) as $property => $value ) {
			$scope->$property = $value;
		}
		wp_set_current_user( $previous );
		return (array) rest_get_server()->response_to_data( $response, false );
	}

	/**
	 * Creates a product through WooCommerce's REST API (the real one or the stand-in).
	 *
	 * @param array<string, mixed> $fields
	 * @return array<string, mixed>
	 */
	protected function create_product( array $fields = array() ): array {
		return $this->as_admin(
			'POST',
			'/wc/v3/products',
			$fields + array(
				'name'           => 'Product ' . wp_generate_password( 6, false ),
				'type'           => 'simple',
				'status'         => 'publish',
				'regular_price'  => '100.00',
				'sku'            => 'SKU-' . wp_generate_password( 8, false ),
				'manage_stock'   => true,
				'stock_quantity' => 10,
			)
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	protected function product( int $id ): array {
		return $this->as_admin( 'GET', '/wc/v3/products/' . $id, array(), array( 'context' => 'edit' ) );
	}

	/**
	 * The latest agent_request audit event.
	 *
	 * @return array<string, mixed>
	 */
	protected function last_request_event(): array {
		global $wpdb;
		$row = $wpdb->get_row( "SELECT * FROM {$wpdb->prefix}agent_guard_audit_events WHERE event_type = 'agent_request' ORDER BY id DESC LIMIT 1", ARRAY_A );
		$this->assertIsArray( $row, 'no agent request was recorded' );
		return $row;
	}

	/**
	 * A policy document: a template with changes merged in (recursively).
	 *
	 * @param array<string, mixed> $changes
	 * @return array<string, mixed>
	 */
	protected function policy( string $template, array $changes = array() ): array {
		$merge = static function ( array $base, array $over ) use ( &$merge ): array {
			foreach ( $over as $key => $value ) {
				$base[ $key ] = is_array( $value ) && ! array_is_list( $value ) && isset( $base[ $key ] ) && is_array( $base[ $key ] ) && ! array_is_list( $base[ $key ] ) ? $merge( $base[ $key ], $value ) : $value;
			}
			return $base;
		};
		return $merge( \AgentGuard\Domain\Policy\PolicyTemplates::get( $template ), $changes );
	}

	/**
	 * @return array<string, mixed>
	 */
	protected function data( \WP_REST_Response $response ): array {
		$data = $response->get_data();
		return is_array( $data ) ? $data : array();
	}

	protected function assertError( string $code, int $status, \WP_REST_Response $response ): void {
		$data = $this->data( $response );
		$this->assertSame( $status, $response->get_status(), wp_json_encode( $data ) );
		$this->assertSame( $code, $data['code'] ?? null, wp_json_encode( $data ) );
	}

	/**
	 * An error answer that also names the policy rule that refused (its `data.rule`).
	 */
	protected function assertErrorRule( string $code, int $status, string $rule, \WP_REST_Response $response ): void {
		$this->assertError( $code, $status, $response );
		$this->assertSame( $rule, $this->data( $response )['data']['rule'] ?? null, wp_json_encode( $this->data( $response ) ) );
	}

	/**
	 * Catches every mail WordPress would send from now on, instead of sending it.
	 *
	 * @return \ArrayObject<int, array<string, mixed>> The wp_mail() arguments of each mail, filled as they are sent.
	 */
	protected function capture_mails(): \ArrayObject {
		$mails = new \ArrayObject();
		remove_all_filters( 'pre_wp_mail' );
		add_filter(
			'pre_wp_mail',
			static function ( $short, $atts ) use ( $mails ) {
				$mails[] = $atts;
				return true;
			},
			10,
			2
		);
		return $mails;
	}
}

<?php
declare( strict_types=1 );

namespace AgentGuard\Tests\integration\Rest;

use AgentGuard\Tests\integration\TestCase;

final class CheckControllerTest extends TestCase {

	/**
	 * An agent asks the dry-run check what a planned request would get.
	 *
	 * @param array<string, mixed> $body  The planned request's JSON body (none when empty).
	 * @param array<string, mixed> $extra Other parameters of the check (agent_id).
	 */
	private function check( string $token, string $method, string $route, array $body = array(), array $extra = array() ): \WP_REST_Response {
		$plan = array(
			'method' => $method,
			'route'  => $route,
		);
		if ( $body ) {
			$plan['body'] = $body;
		}
		return $this->agent_rest( $token, 'POST', '/agent-guard/v1/check', $plan + $extra );
	}

	public function test_an_agent_checks_its_own_plan_and_nothing_executes(): void {
		global $wpdb;
		$product = $this->create_product( array( 'regular_price' => '100.00' ) );
		$agent   = $this->create_agent( array( 'template' => 'pricing' ), 'active' );
		$before  = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}agent_guard_approvals" );
		$counter = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$wpdb->prefix}agent_guard_counters WHERE agent_id = %d", $agent['agent']->id ), ARRAY_A );
		$queue   = $this->check( $agent['token'], 'PUT', "/wc/v3/products/{$product['id']}", array( 'regular_price' => '120.00' ) );
		$this->assertSame( 200, $queue->get_status(), wp_json_encode( $queue->get_data() ) );
		$answer = $this->data( $queue );
		$this->assertSame( 'queue', $answer['decision'] );
		$this->assertSame( 'approvals.price.max_change_percent_24h', $answer['rule'] );
		$this->assertSame( 202, $answer['status'] );
		$this->assertFalse( $answer['executed'] );

		$allow = $this->data( $this->check( $agent['token'], 'PUT', "/wc/v3/products/{$product['id']}", array( 'regular_price' => '101.00' ) ) );
		$this->assertSame( 'allow', $allow['decision'] );
		$deny = $this->data( $this->check( $agent['token'], 'DELETE', "/wc/v3/products/{$product['id']}" ) );
		$this->assertSame( 'deny', $deny['decision'] );
		$this->assertSame( 'actions.deny.products:delete', $deny['rule'] );

		$this->assertSame( '100.00', $this->product( $product['id'] )['regular_price'] );
		$this->assertSame( $before, (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}agent_guard_approvals" ), 'a check queues nothing' );
		$after = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$wpdb->prefix}agent_guard_counters WHERE agent_id = %d", $agent['agent']->id ), ARRAY_A );
		$this->assertSame( $counter['minute_n'], $after['minute_n'], 'a check counts no write' );
	}

	public function test_a_store_owner_tests_a_policy_by_naming_the_agent(): void {
		$agent = $this->create_agent( array( 'template' => 'read_only' ), 'active' );
		$this->as_user( $this->create_user( 'administrator' ) );
		$response = $this->rest(
			'POST',
			'/agent-guard/v1/check',
			array(
				'method'   => 'GET',
				'route'    => '/wc/v3/orders',
				'agent_id' => $agent['agent']->id,
			)
		);
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'data_access.orders', $this->data( $response )['rule'] );
	}

	public function test_invalid_parameters_are_reported_as_woocommerce_would(): void {
		$product  = $this->create_product();
		$agent    = $this->create_agent( array( 'template' => 'pricing' ), 'active' );
		$response = $this->data( $this->check( $agent['token'], 'PUT', "/wc/v3/products/{$product['id']}", array( 'regular_price' => 12.5 ) ) );
		$this->assertSame( 'invalid', $response['decision'] );
		$this->assertSame( 'rest_invalid_param', $response['code'] );
	}

	public function test_people_without_the_capability_and_agents_naming_others_are_refused(): void {
		$this->as_user( $this->create_user( 'subscriber' ) );
		$this->assertSame( 403, $this->rest( 'POST', '/agent-guard/v1/check', array( 'method' => 'GET', 'route' => '/wc/v3/products' ) )->get_status() );
		$this->reset_request_state();
		$this->assertSame( 401, $this->rest( 'POST', '/agent-guard/v1/check', array( 'method' => 'GET', 'route' => '/wc/v3/products' ) )->get_status() );
		$one   = $this->create_agent( array(), 'active' );
		$other = $this->create_agent( array(), 'active' );
		$this->assertSame( 403, $this->check( $one['token'], 'GET', '/wc/v3/products', array(), array( 'agent_id' => $other['agent']->id ) )->get_status() );
	}
}

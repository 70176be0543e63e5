<?php
declare( strict_types=1 );

namespace AgentGuard\Tests\integration\Rest;

use AgentGuard\Tests\integration\TestCase;

final class AgentsControllerTest extends TestCase {

	/** A body that satisfies every route's required arguments, so only permissions can refuse. */
	private const BODY = array(
		'name'          => 'x',
		'mode'          => 'active',
		'percent'       => 5,
		'grace_seconds' => 0,
		'policy'        => array( 'schema_version' => 1 ),
		'document'      => array( 'schema_version' => 1 ),
		'kind'          => 'wc_key',
		'external_id'   => '1',
		'agent_id'      => 1,
	);

	public function test_an_administrator_creates_an_agent_from_a_template_and_issues_a_token(): void {
		$admin = $this->create_user( 'administrator' );
		$this->as_user( $admin );
		$created = $this->rest(
			'POST',
			'/agent-guard/v1/agents',
			array(
				'name'     => 'Pricing bot',
				'purpose'  => 'Keeps prices competitive',
				'template' => 'pricing',
			)
		);
		$this->assertSame( 201, $created->get_status(), wp_json_encode( $created->get_data() ) );
		$agent = $this->data( $created );
		$this->assertSame( 'Pricing bot', $agent['name'] );
		$this->assertSame( 'observe', $agent['mode'] );
		$this->assertSame( $admin, $agent['owner_user_id'] );
		$this->assertGreaterThan( 0, $agent['service_user_id'] );

		$token = $this->rest( 'POST', "/agent-guard/v1/agents/{$agent['id']}/tokens", array( 'label' => 'main' ) );
		$this->assertSame( 201, $token->get_status() );
		$this->assertMatchesRegularExpression( '/^agk_[A-Za-z0-9]{44}$/', $this->data( $token )['secret'] );
		$this->assertSame( 'no-store', $token->get_headers()['Cache-Control'] );

		$list = $this->rest( 'GET', "/agent-guard/v1/agents/{$agent['id']}/tokens" );
		$this->assertSame( 200, $list->get_status() );
		$this->assertArrayNotHasKey( 'secret', $this->data( $list )[0], 'the secret is shown once only' );
		$this->assertSame( substr( $this->data( $token )['secret'], 0, 16 ), $this->data( $list )[0]['prefix'] );
	}

	/**
	 * @return list<array{0: string, 1: string}>
	 */
	public static function admin_routes(): array {
		return array(
			array( 'GET', '/agent-guard/v1/agents' ),
			array( 'POST', '/agent-guard/v1/agents' ),
			array( 'GET', '/agent-guard/v1/agents/1' ),
			array( 'POST', '/agent-guard/v1/agents/1' ),
			array( 'DELETE', '/agent-guard/v1/agents/1' ),
			array( 'POST', '/agent-guard/v1/agents/1/mode' ),
			array( 'POST', '/agent-guard/v1/agents/1/canary' ),
			array( 'GET', '/agent-guard/v1/agents/1/checklist' ),
			array( 'GET', '/agent-guard/v1/agents/1/tokens' ),
			array( 'POST', '/agent-guard/v1/agents/1/tokens' ),
			array( 'DELETE', '/agent-guard/v1/agents/1/tokens/1' ),
			array( 'POST', '/agent-guard/v1/agents/1/tokens/1/rotate' ),
			array( 'GET', '/agent-guard/v1/templates' ),
			array( 'GET', '/agent-guard/v1/owners' ),
			array( 'GET', '/agent-guard/v1/audit' ),
			array( 'GET', '/agent-guard/v1/audit/1' ),
			array( 'GET', '/agent-guard/v1/audit/verify' ),
			array( 'GET', '/agent-guard/v1/audit/export' ),
			array( 'GET', '/agent-guard/v1/incidents/1' ),
			array( 'GET', '/agent-guard/v1/agents/1/policy' ),
			array( 'PUT', '/agent-guard/v1/agents/1/policy' ),
			array( 'GET', '/agent-guard/v1/agents/1/policy/versions' ),
			array( 'GET', '/agent-guard/v1/agents/1/policy/versions/1' ),
			array( 'GET', '/agent-guard/v1/agents/1/policy/export' ),
			array( 'POST', '/agent-guard/v1/agents/1/policy/import' ),
			array( 'GET', '/agent-guard/v1/inventory' ),
			array( 'POST', '/agent-guard/v1/inventory/adopt' ),
			array( 'DELETE', '/agent-guard/v1/inventory/adoptions/1' ),
			array( 'GET', '/agent-guard/v1/settings' ),
			array( 'POST', '/agent-guard/v1/settings' ),
		);
	}

	/**
	 * @dataProvider admin_routes
	 */
	public function test_a_subscriber_is_refused_on_every_admin_route( string $method, string $route ): void {
		$this->as_user( $this->create_user( 'subscriber' ) );
		$response = $this->rest( $method, $route, self::BODY );
		$this->assertSame( 403, $response->get_status(), wp_json_encode( $response->get_data() ) );
	}

	/**
	 * @dataProvider admin_routes
	 */
	public function test_an_anonymous_caller_is_refused_on_every_admin_route( string $method, string $route ): void {
		$response = $this->rest( $method, $route, self::BODY );
		$this->assertSame( 401, $response->get_status(), wp_json_encode( $response->get_data() ) );
	}

	/**
	 * @dataProvider admin_routes
	 */
	public function test_an_agent_token_never_passes_an_admin_route( string $method, string $route ): void {
		$agent    = $this->create_agent( array(), 'active' );
		$response = $this->agent_rest( $agent['token'], $method, $route, self::BODY );
		$this->assertSame( 403, $response->get_status(), wp_json_encode( $response->get_data() ) );
	}
}

<?php
declare( strict_types=1 );

namespace AgentGuard\Tests\integration\Infrastructure\WooCommerce;

use AgentGuard\Tests\integration\TestCase;

final class RestGateTest extends TestCase {

	private function events(): array {
		global $wpdb;
		return $wpdb->get_results( "SELECT * FROM {$wpdb->prefix}agent_guard_audit_events WHERE event_type = 'agent_request' ORDER BY id ASC", ARRAY_A );
	}

	public function test_an_agent_request_is_identified_recorded_and_marked(): void {
		$agent    = $this->create_agent( array( 'template' => 'read_only' ), 'active' );
		$response = $this->agent_rest(
			$agent['token'],
			'GET',
			'/wc/v3/products',
			array(),
			array( 'per_page' => 1 ),
			array(
				'x-agent-rationale'      => 'Check the catalogue',
				'x-agent-confidence'     => '0.82',
				'x-agent-model'          => 'gpt-test',
				'x-agent-prompt-version' => 'v7',
				'x-agent-run-id'         => 'run-42',
			)
		);
		$this->assertSame( 200, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$events = $this->events();
		$this->assertCount( 1, $events );
		$event = $events[0];
		$this->assertSame( (string) $agent['agent']->id, (string) $event['agent_id'] );
		$this->assertSame( 'allow', $event['decision'] );
		$this->assertSame( 'GET', $event['method'] );
		$this->assertSame( '/wc/v3/products', $event['route'] );
		$this->assertSame( '200', (string) $event['status'] );
		$this->assertGreaterThanOrEqual( 0, (int) $event['duration_ms'] );
		$this->assertSame(
			array(
				'rationale'      => 'Check the catalogue',
				'confidence'     => '0.82',
				'model'          => 'gpt-test',
				'prompt_version' => 'v7',
				'run_id'         => 'run-42',
			),
			json_decode( $event['metadata'], true )
		);
		$this->assertSame( (string) $event['id'], $response->get_headers()['X-Agent-Guard-Event'] ?? null );
	}

	public function test_requests_without_an_agent_token_pass_untouched_and_are_not_recorded(): void {
		$admin = $this->create_user( 'administrator' );
		$this->as_user( $admin );
		$response = $this->rest( 'GET', '/wc/v3/products' );
		$this->assertSame( 200, $response->get_status() );
		$this->assertArrayNotHasKey( 'X-Agent-Guard-Event', $response->get_headers() );
		$this->assertSame( array(), $this->events() );

		$this->reset_request_state();
		$anonymous = $this->rest( 'GET', '/wc/v3/products' );
		$this->assertSame( 401, $anonymous->get_status() );
		$this->assertSame( array(), $this->events() );
	}

	public function test_an_unknown_or_malformed_token_is_refused_with_the_same_answer(): void {
		$agent   = $this->create_agent();
		$flipped = substr( $agent['token'], 0, -1 ) . ( str_ends_with( $agent['token'], 'A' ) ? 'B' : 'A' );
		$answers = array();
		foreach ( array( $flipped, 'agk_' . str_repeat( 'Q', 44 ), 'agk_short', 'agk_' ) as $token ) {
			$response  = $this->agent_rest( $token, 'GET', '/wc/v3/products' );
			$answers[] = array( $response->get_status(), $response->get_data() );
		}
		$this->assertSame( 401, $answers[0][0] );
		$this->assertSame( 'agent_guard_token_invalid', $answers[0][1]['code'] );
		$this->assertCount( 1, array_unique( array_map( 'serialize', $answers ) ), 'every bad token gets the same answer' );
	}

	public function test_revoked_and_expired_tokens_are_refused_and_recorded(): void {
		$agent = $this->create_agent( array(), 'active' );
		$this->plugin()->token_service->revoke( $agent['agent']->id, $this->token_id( $agent['agent']->id ), $agent['owner'] );
		$revoked = $this->agent_rest( $agent['token'], 'GET', '/wc/v3/products' );
		$this->assertError( 'agent_guard_token_revoked', 401, $revoked );

		$issued = $this->plugin()->token_service->issue( $agent['agent']->id, 'short', 60, 'standard', $agent['owner'] );
		update_option( 'agent_guard_test_clock_offset', 61 );
		$expired = $this->agent_rest( $issued['secret'], 'GET', '/wc/v3/products' );
		$this->assertError( 'agent_guard_token_expired', 401, $expired );
		$events = $this->events();
		$this->assertSame( array( 'credential.revoked', 'credential.expired' ), array_column( $events, 'rule' ) );
	}

	public function test_the_audit_chain_of_recorded_requests_verifies(): void {
		$agent = $this->create_agent( array(), 'active' );
		for ( $i = 0; $i < 3; $i++ ) {
			$this->agent_rest( $agent['token'], 'GET', '/wc/v3/products' );
		}
		$result = $this->plugin()->audit_query->verify();
		$this->assertTrue( $result['ok'], wp_json_encode( $result ) );
		$this->assertGreaterThanOrEqual( 3, $result['checked'] );
	}

	public function test_verification_resumes_and_names_the_first_edited_row(): void {
		global $wpdb;
		$agent = $this->create_agent( array(), 'active' );
		for ( $i = 0; $i < 4; $i++ ) {
			$this->agent_rest( $agent['token'], 'GET', '/wc/v3/products' );
		}
		$this->as_user( $agent['owner'] );
		$table = $wpdb->prefix . 'agent_guard_audit_events';
		$total = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$table}" );
		$first = $this->data( $this->rest( 'GET', '/agent-guard/v1/audit/verify', array(), array( 'limit' => 2 ) ) );
		$this->assertTrue( $first['ok'] );
		$this->assertSame( 2, $first['checked'] );
		$this->assertFalse( $first['complete'] );
		$rest = $this->data( $this->rest( 'GET', '/agent-guard/v1/audit/verify', array(), array( 'after_id' => $first['next_after_id'] ) ) );
		$this->assertTrue( $rest['ok'] );
		$this->assertTrue( $rest['complete'] );
		$this->assertNull( $rest['next_after_id'] );
		$this->assertSame( $total - 2, $rest['checked'] );

		$edited = (int) $wpdb->get_var( "SELECT MAX(id) FROM {$table}" ) - 1;
		$wpdb->update( $table, array( 'decision' => 'deny' ), array( 'id' => $edited ) );
		$broken = $this->data( $this->rest( 'GET', '/agent-guard/v1/audit/verify' ) );
		$this->assertFalse( $broken['ok'] );
		$this->assertSame( $edited, $broken['first_broken']['id'] );
		$this->assertStringContainsString( 'changed after it was written', $broken['first_broken']['reason'] );
		$this->assertSame( $edited - 1, $broken['checked'], 'every row before the edited one checked out' );
		$this->assertSame( 404, $this->rest( 'GET', '/agent-guard/v1/audit/verify', array(), array( 'after_id' => 999999 ) )->get_status() );
	}

	public function test_the_token_secret_is_never_stored(): void {
		global $wpdb;
		$agent = $this->create_agent( array(), 'active' );
		$this->agent_rest( $agent['token'], 'GET', '/wc/v3/products' );
		$secret = substr( $agent['token'], 16 );
		foreach ( array( 'agent_guard_tokens', 'agent_guard_audit_events', 'agent_guard_agents', 'options', 'usermeta' ) as $table ) {
			$rows = $wpdb->get_results( "SELECT * FROM {$wpdb->prefix}{$table}", ARRAY_A );
			$this->assertStringNotContainsString( $secret, (string) wp_json_encode( $rows ), "secret found in {$table}" );
		}
	}

	private function token_id( int $agent_id ): int {
		return $this->plugin()->tokens->for_agent( $agent_id )[0]->id;
	}
}

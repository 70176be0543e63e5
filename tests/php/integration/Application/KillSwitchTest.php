<?php
declare( strict_types=1 );

namespace AgentGuard\Tests\integration\Application;

use AgentGuard\Application\Enforcement;
use AgentGuard\Domain\Agent\Identity;
use AgentGuard\Domain\Decision\PolicyEngine;
use AgentGuard\Domain\Request\AgentRequest;
use AgentGuard\Domain\Request\Classifier;
use AgentGuard\Infrastructure\Persistence\WpdbAdmission;
use AgentGuard\Infrastructure\Persistence\WpdbApprovalRepository;
use AgentGuard\Infrastructure\Persistence\WpdbPriceHistory;
use AgentGuard\Infrastructure\WooCommerce\RestTargetStates;
use AgentGuard\Tests\integration\TestCase;

/**
 * Kill switch, circuit breakers, incidents and the canary figures.
 */
final class KillSwitchTest extends TestCase {

	private function events( string $type ): array {
		global $wpdb;
		return $wpdb->get_results( $wpdb->prepare( "SELECT * FROM {$wpdb->prefix}agent_guard_audit_events WHERE event_type = %s ORDER BY id ASC", $type ), ARRAY_A );
	}

	public function test_a_shop_manager_halts_all_agents_and_resumes_them_with_an_audited_reason(): void {
		$agent   = $this->create_agent( array( 'template' => 'read_only' ), 'active' );
		$manager = $this->create_user( 'shop_manager' );
		$this->as_user( $manager );
		$halted = $this->rest( 'POST', '/agent-guard/v1/halt', array( 'halted' => true, 'reason' => 'Price feed broken' ) );
		$this->assertSame( 200, $halted->get_status(), wp_json_encode( $halted->get_data() ) );
		$state = $this->data( $halted );
		$this->assertTrue( $state['halted'] );
		$this->assertSame( 'Price feed broken', $state['reason'] );
		$this->assertSame( $manager, $state['halted_by'] );
		$this->assertNotNull( $state['halted_at'] );

		$refused = $this->agent_rest( $agent['token'], 'GET', '/wc/v3/products' );
		$this->assertError( 'agent_guard_halted', 503, $refused );
		$this->assertSame( 'global', $this->data( $refused )['data']['scope'] );
		$this->assertStringContainsString( 'Price feed broken', $this->data( $refused )['data'] ? $this->data( $refused )['message'] : '' );
		$this->assertNotEmpty( $refused->get_headers()['Retry-After'] );

		$this->as_user( $manager );
		$this->assertFalse( $this->data( $this->rest( 'POST', '/agent-guard/v1/halt', array( 'halted' => false ) ) )['halted'] );
		$this->assertSame( 200, $this->agent_rest( $agent['token'], 'GET', '/wc/v3/products' )->get_status(), 'effective on the very next request' );
		$halt   = $this->events( 'halt_all' );
		$resume = $this->events( 'resume_all' );
		$this->assertCount( 1, $halt );
		$this->assertCount( 1, $resume );
		$this->assertSame( (string) $manager, (string) $halt[0]['actor_id'] );
		$this->assertSame( 'Price feed broken', json_decode( $halt[0]['details'], true )['reason'] );
		$this->assertGreaterThan( json_decode( $halt[0]['details'], true )['epoch'], json_decode( $resume[0]['details'], true )['epoch'], 'every change moves the epoch' );
	}

	public function test_halting_one_agent_leaves_its_neighbour_alone(): void {
		$a = $this->create_agent( array( 'template' => 'read_only' ), 'active' );
		$b = $this->create_agent( array( 'template' => 'read_only' ), 'active' );
		$this->as_user( $this->create_user( 'administrator' ) );
		$agent = $this->data( $this->rest( 'POST', "/agent-guard/v1/agents/{$a['agent']->id}/halt", array( 'halted' => true, 'reason' => 'Looping' ) ) );
		$this->assertTrue( $agent['halted'] );
		$this->assertError( 'agent_guard_halted', 503, $this->agent_rest( $a['token'], 'GET', '/wc/v3/products' ) );
		$this->assertSame( 'agent', $this->data( $this->agent_rest( $a['token'], 'GET', '/wc/v3/products' ) )['data']['scope'] );
		$this->assertSame( 200, $this->agent_rest( $b['token'], 'GET', '/wc/v3/products' )->get_status() );
	}

	public function test_who_may_halt(): void {
		$this->as_user( $this->create_user( 'subscriber' ) );
		$this->assertSame( 403, $this->rest( 'POST', '/agent-guard/v1/halt', array( 'halted' => true ) )->get_status() );
		$this->assertSame( 403, $this->rest( 'GET', '/agent-guard/v1/halt' )->get_status() );
		$this->assertSame( 403, $this->rest( 'GET', '/agent-guard/v1/metrics' )->get_status() );
		$this->assertSame( 403, $this->rest( 'GET', '/agent-guard/v1/incidents' )->get_status() );
		$this->assertSame( 403, $this->rest( 'POST', '/agent-guard/v1/agents/1/halt', array( 'halted' => true ) )->get_status() );
		$this->assertSame( 403, $this->rest( 'POST', '/agent-guard/v1/agents/1/kill-switch-test' )->get_status() );
		$this->assertSame( 403, $this->rest( 'GET', '/agent-guard/v1/agents/1/canary' )->get_status() );
		$this->assertSame( 403, $this->rest( 'POST', '/agent-guard/v1/incidents/1/close', array( 'note' => 'x' ) )->get_status() );
		$agent = $this->create_agent( array(), 'active' );
		$this->assertSame( 403, $this->agent_rest( $agent['token'], 'POST', '/agent-guard/v1/halt', array( 'halted' => false ) )->get_status(), 'an agent cannot lift a halt' );
	}

	public function test_the_wp_config_constant_halts_every_agent_whatever_the_database_says(): void {
		$agent       = $this->create_agent( array( 'template' => 'read_only' ), 'active' );
		$plugin      = $this->plugin();
		$enforcement = new Enforcement(
			new Classifier(),
			new PolicyEngine(),
			new RestTargetStates( $plugin->scope ),
			$plugin->price_history,
			new WpdbAdmission( $GLOBALS['wpdb'] ),
			new WpdbApprovalRepository( $GLOBALS['wpdb'] ),
			$plugin->clock,
			2,
			true
		);
		$identity    = new Identity( $agent['agent'], 'test', null, $plugin->kill_switch_store->global_state() );
		$this->assertFalse( $identity->global_halt->halted );
		$verdict = $enforcement->decide( $identity, new AgentRequest( 'GET', '/wc/v3/products', array(), array() ) );
		$this->assertSame( 'halted', $verdict->decision->outcome );
		$this->assertSame( 'global', $verdict->decision->data['scope'] );
	}

	public function test_the_kill_switch_test_measures_and_records_the_time_to_halt(): void {
		$agent = $this->create_agent( array( 'template' => 'read_only' ), 'active' );
		$this->as_user( $agent['owner'] );
		$result = $this->data( $this->rest( 'POST', "/agent-guard/v1/agents/{$agent['agent']->id}/kill-switch-test" ) );
		$this->assertTrue( $result['refused'] );
		$this->assertGreaterThan( 0, $result['ms'] );
		$this->assertCount( 1, $this->events( 'kill_switch_tested' ) );
		$this->assertSame( 200, $this->agent_rest( $agent['token'], 'GET', '/wc/v3/products' )->get_status(), 'the agent is resumed after the test' );
		$this->as_user( $agent['owner'] );
		$items = $this->data( $this->rest( 'GET', "/agent-guard/v1/agents/{$agent['agent']->id}/checklist" ) )['items'];
		$this->assertTrue( current( array_filter( $items, static fn ( $i ) => 'kill_switch_tested' === $i['key'] ) )['done'] );
	}

	public function test_the_writes_per_minute_breaker_halts_the_agent_and_opens_an_incident(): void {
		$product = $this->create_product( array( 'regular_price' => '100.00' ) );
		$agent   = $this->create_agent_with_policy(
			'pricing',
			array(
				'limits'           => array( 'writes_per_minute' => 100 ),
				'circuit_breakers' => array( 'writes_per_minute' => 3 ),
				'launch'           => array( 'alert_emails' => array( 'oncall@example.test' ) ),
			)
		);
		update_option( 'agent_guard_test_clock_offset', 120 - ( time() % 60 ) );
		$mails = $this->capture_mails();
		for ( $i = 0; $i < 4; $i++ ) {
			$this->agent_rest( $agent['token'], 'PUT', "/wc/v3/products/{$product['id']}", array( 'regular_price' => '100.0' . ( $i + 1 ) ) );
		}
		$halted = $this->agent_rest( $agent['token'], 'PUT', "/wc/v3/products/{$product['id']}", array( 'regular_price' => '100.09' ) );
		$this->assertError( 'agent_guard_halted', 503, $halted );
		$this->assertStringContainsString( 'Circuit breaker', $this->data( $halted )['message'] );
		$this->assertSame( '100.04', $this->product( $product['id'] )['regular_price'] );

		$this->as_user( $agent['owner'] );
		$incidents = $this->data( $this->rest( 'GET', '/agent-guard/v1/incidents' ) );
		$this->assertCount( 1, $incidents );
		$this->assertSame( 'breaker.writes_per_minute', $incidents[0]['kind'] );
		$this->assertGreaterThanOrEqual( 4, count( $incidents[0]['evidence']['recent_actions'] ) );
		// The evidence is the agent's own requests, not people's acts about it (policy, token, mode).
		$this->assertSame( array( 'agent_request' ), array_values( array_unique( array_column( $incidents[0]['evidence']['recent_actions'], 'event_type' ) ) ) );
		$this->assertSame( $agent['agent']->name, $incidents[0]['agent_name'] );
		$this->assertGreaterThan( 0, $incidents[0]['audit_event_id'] );
		$tripped = $this->data( $this->rest( 'GET', '/agent-guard/v1/audit/' . $incidents[0]['audit_event_id'] ) );
		$this->assertSame( 'breaker_tripped', $tripped['event_type'] );
		// The audit log links to the incident the event opened, in lists as in single events.
		$this->assertSame( $incidents[0]['id'], $tripped['incident_id'] );
		$listed = $this->data( $this->rest( 'GET', '/agent-guard/v1/audit', array(), array( 'event_type' => 'breaker_tripped' ) ) );
		$this->assertSame( $incidents[0]['id'], $listed[0]['incident_id'] );
		$this->assertCount( 1, $mails );
		$this->assertContains( 'oncall@example.test', (array) $mails[0]['to'] );

		$this->assertSame( 400, $this->rest( 'POST', "/agent-guard/v1/incidents/{$incidents[0]['id']}/close", array( 'note' => '' ) )->get_status() );
		$closed = $this->data( $this->rest( 'POST', "/agent-guard/v1/incidents/{$incidents[0]['id']}/close", array( 'note' => 'Raised the limit after checking the feed.' ) ) );
		$this->assertSame( 'closed', $closed['state'] );
		$this->assertSame( $incidents[0]['agent_name'], $closed['agent_name'] );
		$one = $this->data( $this->rest( 'GET', "/agent-guard/v1/incidents/{$incidents[0]['id']}" ) );
		$this->assertSame( array( 'closed', 'Raised the limit after checking the feed.' ), array( $one['state'], $one['close_note'] ) );
		$this->assertSame( 404, $this->rest( 'GET', '/agent-guard/v1/incidents/999999' )->get_status() );
		$this->assertSame( get_userdata( $agent['owner'] )->display_name, $closed['closed_by_name'] );
		$this->assertSame( 409, $this->rest( 'POST', "/agent-guard/v1/incidents/{$incidents[0]['id']}/close", array( 'note' => 'again' ) )->get_status() );
		$this->assertCount( 1, $this->events( 'incident_closed' ) );
		$closing = $this->data( $this->rest( 'GET', '/agent-guard/v1/audit', array(), array( 'event_type' => 'incident_closed' ) ) );
		$this->assertSame( $incidents[0]['id'], $closing[0]['incident_id'] );
	}

	public function test_the_failure_breaker_counts_refused_and_failed_actions(): void {
		$agent = $this->create_agent_with_policy( 'pricing', array( 'circuit_breakers' => array( 'failures_per_5_minutes' => 2 ) ) );
		for ( $i = 0; $i < 3; $i++ ) {
			$this->agent_rest( $agent['token'], 'PUT', '/wc/v3/products/99999' . $i, array( 'regular_price' => '1.00' ) );
		}
		$this->assertError( 'agent_guard_halted', 503, $this->agent_rest( $agent['token'], 'GET', '/wc/v3/products' ) );
	}

	public function test_the_canary_figures_and_the_revert_condition(): void {
		$product = $this->create_product( array( 'regular_price' => '100.00' ) );
		$agent   = $this->create_agent_with_policy(
			'pricing',
			array(
				'canary'    => array( 'percent' => 100, 'outside' => 'refuse' ),
				'limits'    => array( 'writes_per_minute' => 100 ),
				'approvals' => array( 'price' => array( 'max_change_percent_24h' => null, 'max_cumulative_percent_7d' => null ) ),
			),
			'canary'
		);
		$price   = 100;
		for ( $i = 0; $i < 10; $i++ ) {
			++$price;
			$this->assertSame( 200, $this->agent_rest( $agent['token'], 'PUT', "/wc/v3/products/{$product['id']}", array( 'regular_price' => $price . '.00' ) )->get_status() );
		}
		// A person undoes the agent's last change.
		$this->as_admin( 'PUT', "/wc/v3/products/{$product['id']}", array( 'regular_price' => ( $price - 1 ) . '.00' ) );
		$this->as_user( $agent['owner'] );
		$figures = $this->data( $this->rest( 'GET', "/agent-guard/v1/agents/{$agent['agent']->id}/canary" ) );
		$this->assertSame( 10, $figures['actions'] );
		$this->assertSame( 1, $figures['reverts'] );
		$this->assertEquals( 10.0, $figures['revert_rate'] );
		$this->assertSame( $figures['cohort']['total'], $figures['cohort']['size'], 'at 100 % every product is in' );
		$this->assertNull( $figures['next_step'] );
		$this->assertSame( \AgentGuard\Domain\Control\Breakers::CANARY_MIN_SAMPLE, $figures['min_sample'] );

		$this->assertSame( 1, $this->plugin()->maintenance->canary_sweep( time() ) );
		$this->assertSame( 'paused', $this->plugin()->agents->find( $agent['agent']->id )->mode->value );
		$this->assertError( 'agent_guard_denied', 403, $this->agent_rest( $agent['token'], 'GET', '/wc/v3/products' ) );
		$this->assertCount( 1, $this->plugin()->incidents->list( 'open' ) );
	}

	public function test_the_dial_is_audited_and_the_cohort_grows_with_it(): void {
		$agent = $this->create_agent( array( 'template' => 'pricing' ), 'canary' );
		for ( $i = 0; $i < 20; $i++ ) {
			$this->create_product();
		}
		$this->as_user( $agent['owner'] );
		$sizes = array();
		foreach ( array( 1, 5, 20, 100 ) as $step ) {
			$this->rest( 'POST', "/agent-guard/v1/agents/{$agent['agent']->id}/canary", array( 'percent' => $step ) );
			$figures         = $this->data( $this->rest( 'GET', "/agent-guard/v1/agents/{$agent['agent']->id}/canary" ) );
			$sizes[ $step ] = $figures['cohort']['size'];
			$this->assertEquals( $step, $figures['percent'] );
		}
		$this->assertSame( $sizes, array_combine( array_keys( $sizes ), array_map( null, $sizes ) ) );
		$this->assertLessThanOrEqual( $sizes[5], $sizes[1] );
		$this->assertLessThanOrEqual( $sizes[20], $sizes[5] );
		$this->assertSame( $figures['cohort']['total'], $sizes[100] );
		$this->assertCount( 4, $this->events( 'canary_changed' ) );
	}

	public function test_metrics_show_the_halt_state_agents_approvals_and_activity(): void {
		$agent = $this->create_agent( array( 'template' => 'read_only' ), 'active' );
		$this->agent_rest( $agent['token'], 'GET', '/wc/v3/products' );
		$this->agent_rest( $agent['token'], 'GET', '/wc/v3/orders' );
		$this->as_user( $this->create_user( 'shop_manager' ) );
		$metrics = $this->data( $this->rest( 'GET', '/agent-guard/v1/metrics' ) );
		$this->assertFalse( $metrics['halt']['halted'] );
		$this->assertContains( $agent['agent']->id, array_column( $metrics['agents'], 'id' ) );
		$this->assertCount( 24, $metrics['activity'] );
		$last = end( $metrics['activity'] );
		$this->assertGreaterThanOrEqual( 1, $last['allowed'] );
		$this->assertGreaterThanOrEqual( 1, $last['refused'] );
	}
}

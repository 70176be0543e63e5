<?php
declare( strict_types=1 );

namespace AgentGuard\Tests\integration\Application;

use AgentGuard\Tests\integration\TestCase;

/**
 * The approval queue through the REST API: queue → approve → executed, reject, conflicts,
 * refusals at execution, two approvers, edits, expiry, notifications.
 */
final class ApprovalsTest extends TestCase {

	private int $manager;

	protected function setUp(): void {
		parent::setUp();
		$this->manager = $this->create_user( 'shop_manager' );
	}

	/**
	 * Queues a +20 % price change from a pricing agent; returns [agent, product, approval].
	 *
	 * @return array{0: array<string, mixed>, 1: array<string, mixed>, 2: array<string, mixed>}
	 */
	private function queued_price_change( array $agent_input = array(), string $price = '120.00' ): array {
		$product = $this->create_product( array( 'regular_price' => '100.00' ) );
		$agent   = $this->create_agent( $agent_input + array( 'template' => 'pricing' ), 'active' );
		$queued  = $this->agent_rest( $agent['token'], 'PUT', "/wc/v3/products/{$product['id']}", array( 'regular_price' => $price ), array(), array( 'x-agent-rationale' => 'Competitor raised to 121' ) );
		$this->assertSame( 202, $queued->get_status(), wp_json_encode( $queued->get_data() ) );
		$this->as_user( $this->manager );
		$approval = $this->data( $this->rest( 'GET', '/agent-guard/v1/approvals/' . $this->data( $queued )['data']['approval_id'] ) );
		return array( $agent, $product, $approval );
	}

	/**
	 * The current user approves a queued item; the body is sent with the item's version unless it
	 * names another.
	 *
	 * @param array<string, mixed> $approval The item as the REST API answered it.
	 * @param array<string, mixed> $body     Comment, edit, version…
	 */
	private function approve( array $approval, array $body = array() ): \WP_REST_Response {
		return $this->rest( 'POST', "/agent-guard/v1/approvals/{$approval['id']}/approve", $body + array( 'version' => $approval['version'] ) );
	}

	/**
	 * The current user rejects a queued item, like approve().
	 *
	 * @param array<string, mixed> $approval The item as the REST API answered it.
	 * @param array<string, mixed> $body     Comment, version…
	 */
	private function reject( array $approval, array $body = array() ): \WP_REST_Response {
		return $this->rest( 'POST', "/agent-guard/v1/approvals/{$approval['id']}/reject", $body + array( 'version' => $approval['version'] ) );
	}

	public function test_a_manager_approves_and_the_change_executes_once_as_the_agent(): void {
		global $wpdb;
		list( $agent, $product, $approval ) = $this->queued_price_change();
		$this->assertSame( 'pending', $approval['state'] );
		$this->assertSame( 'Competitor raised to 121', $approval['metadata']['rationale'] );
		$this->assertSame( 20.0, (float) $approval['diff']['units'][0]['changes']['regular_price']['change_percent'] );
		$this->assertTrue( $approval['can_decide'] );
		$approved = $this->approve( $approval, array( 'comment' => 'Fine' ) );
		$this->assertSame( 200, $approved->get_status(), wp_json_encode( $approved->get_data() ) );
		$this->assertSame( 'executed', $this->data( $approved )['state'] );
		$this->assertSame( 200, $this->data( $approved )['result_status'] );
		$this->assertSame( '120.00', $this->product( $product['id'] )['regular_price'] );

		$event = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$wpdb->prefix}agent_guard_audit_events WHERE approval_id = %d AND event_type = 'agent_request' ORDER BY id DESC LIMIT 1", $approval['id'] ), ARRAY_A );
		$this->assertSame( 'allow', $event['decision'] );
		$this->assertSame( (string) $agent['agent']->id, (string) $event['actor_id'], 'executed as the agent' );
		$this->assertSame( (string) $this->manager, (string) json_decode( $event['details'], true )['approved_by'] );
		$this->assertSame( '120.00', json_decode( $event['after_state'], true )[ 'product:' . $product['id'] ]['regular_price'] );

		// The agent polls its request.
		$poll = $this->agent_rest( $agent['token'], 'GET', "/agent-guard/v1/approvals/{$approval['id']}" );
		$this->assertSame( 200, $poll->get_status() );
		$this->assertSame( 'executed', $this->data( $poll )['state'] );

		// Approving again changes nothing.
		$this->as_user( $this->manager );
		$again = $this->approve( $approval );
		$this->assertSame( 409, $again->get_status() );
	}

	public function test_a_rejection_needs_a_comment_and_the_agent_sees_it(): void {
		list( $agent, $product, $approval ) = $this->queued_price_change();
		$this->assertError( 'agent_guard_comment_required', 400, $this->reject( $approval, array( 'comment' => ' ' ) ) );
		$rejected = $this->reject( $approval, array( 'comment' => 'Too steep before the sale' ) );
		$this->assertSame( 'rejected', $this->data( $rejected )['state'] );
		$poll = $this->data( $this->agent_rest( $agent['token'], 'GET', "/agent-guard/v1/approvals/{$approval['id']}" ) );
		$this->assertSame( 'rejected', $poll['state'] );
		$this->assertSame( '100.00', $this->product( $product['id'] )['regular_price'] );
	}

	public function test_a_changed_target_becomes_a_conflict_and_nothing_is_written(): void {
		list( , $product, $approval ) = $this->queued_price_change();
		$this->as_admin( 'PUT', "/wc/v3/products/{$product['id']}", array( 'regular_price' => '110.00' ) );
		$this->as_user( $this->manager );
		$result = $this->data( $this->approve( $approval ) );
		$this->assertSame( 'conflict', $result['state'] );
		$this->assertSame( 'agent_guard_stale_target', $result['result']['code'] );
		$change = current( array_filter( $result['result']['changes'], static fn ( $c ) => 'regular_price' === $c['field'] ) );
		$this->assertSame( '100.00', $change['queued'] );
		$this->assertSame( '110.00', $change['now'] );
		$this->assertSame( '110.00', $this->product( $product['id'] )['regular_price'] );
	}

	public function test_a_trashed_target_is_a_conflict(): void {
		list( , $product, $approval ) = $this->queued_price_change();
		$this->as_admin( 'DELETE', "/wc/v3/products/{$product['id']}" );
		$this->as_user( $this->manager );
		$this->assertSame( 'conflict', $this->data( $this->approve( $approval ) )['state'] );
	}

	/**
	 * @return array<string, array{0: string}>
	 */
	public static function changes_before_execution(): array {
		return array(
			'token revoked'    => array( 'revoke' ),
			'scope tightened'  => array( 'tighten' ),
			'agent paused'     => array( 'pause' ),
		);
	}

	/**
	 * @dataProvider changes_before_execution
	 */
	public function test_execution_runs_the_pipeline_again( string $change ): void {
		list( $agent, $product, $approval ) = $this->queued_price_change();
		$owner = $agent['owner'];
		$plugin = $this->plugin();
		if ( 'revoke' === $change ) {
			$plugin->token_service->revoke_all( $agent['agent']->id, $owner );
		} elseif ( 'tighten' === $change ) {
			$policy                     = $plugin->agents->find( $agent['agent']->id )->policy;
			$policy['actions']['allow'] = array( 'products:batch' );
			$plugin->registry->save_policy( $agent['agent']->id, $policy, $owner, 'No more single updates' );
		} else {
			$plugin->registry->change_mode( $agent['agent']->id, \AgentGuard\Domain\Agent\AgentMode::Paused, $owner, true );
		}
		$this->as_user( $this->manager );
		$result = $this->data( $this->approve( $approval ) );
		$this->assertSame( 'failed', $result['state'], wp_json_encode( $result ) );
		$this->assertStringContainsString( 'Refused at execution', $result['result']['message'] );
		$this->assertSame( '100.00', $this->product( $product['id'] )['regular_price'] );
	}

	public function test_while_halted_an_approved_item_waits_and_runs_after_resume(): void {
		global $wpdb;
		list( , $product, $approval ) = $this->queued_price_change();
		$wpdb->query( "UPDATE {$wpdb->prefix}agent_guard_control SET halted = 1 WHERE id = 1" );
		$this->as_user( $this->manager );
		$result = $this->data( $this->approve( $approval ) );
		$this->assertSame( 'approved', $result['state'] );
		$this->assertSame( '100.00', $this->product( $product['id'] )['regular_price'] );
		$wpdb->query( "UPDATE {$wpdb->prefix}agent_guard_control SET halted = 0 WHERE id = 1" );
		$this->assertSame( 1, $this->plugin()->approval_service->run_waiting( $this->manager ) );
		$this->assertSame( '120.00', $this->product( $product['id'] )['regular_price'] );
	}

	public function test_high_risk_agents_need_two_different_approvers(): void {
		list( , $product, $approval ) = $this->queued_price_change( array( 'risk_tier' => 'high' ) );
		$this->assertSame( 2, $approval['required_approvals'] );
		$first = $this->data( $this->approve( $approval ) );
		$this->assertSame( 'pending', $first['state'] );
		$this->assertCount( 1, $first['approvals'] );
		$self = $this->approve( $approval, array( 'version' => $first['version'] ) );
		$this->assertError( 'agent_guard_second_approver_required', 409, $self );
		$this->assertSame( '100.00', $this->product( $product['id'] )['regular_price'] );
		$this->as_user( $this->create_user( 'administrator' ) );
		$second = $this->data( $this->approve( $approval, array( 'version' => $first['version'] ) ) );
		$this->assertSame( 'executed', $second['state'] );
		$this->assertSame( '120.00', $this->product( $product['id'] )['regular_price'] );
	}

	public function test_a_manager_may_lower_the_proposed_value_before_approving(): void {
		list( , $product, $approval ) = $this->queued_price_change();
		$up = $this->approve( $approval, array( 'edit' => array( 'regular_price' => '130.00' ) ) );
		$this->assertSame( 400, $up->get_status(), 'an edit may not make the change larger' );
		$other = $this->approve( $approval, array( 'edit' => array( 'name' => 'x' ) ) );
		$this->assertSame( 400, $other->get_status() );
		$edited = $this->data( $this->approve( $approval, array( 'edit' => array( 'regular_price' => '108.00' ), 'comment' => 'Half of it' ) ) );
		$this->assertSame( 'executed', $edited['state'] );
		$this->assertSame( $this->manager, $edited['edited_by'] );
		$this->assertSame( '108.00', $this->product( $product['id'] )['regular_price'] );
		$this->assertNotSame( $approval['payload_hash'], $edited['payload_hash'] );
	}

	public function test_bad_decisions_change_nothing(): void {
		list( $agent, $product, $approval ) = $this->queued_price_change();
		$this->assertSame( 404, $this->rest( 'POST', '/agent-guard/v1/approvals/999999/approve', array( 'version' => 1 ) )->get_status() );
		$this->assertError( 'agent_guard_version_conflict', 409, $this->approve( $approval, array( 'version' => $approval['version'] + 1 ) ) );
		$payload = $this->approve( $approval, array( 'payload' => array( 'regular_price' => '0.01' ) ) );
		$this->assertError( 'agent_guard_unexpected_field', 400, $payload );
		$this->as_user( $this->create_user( 'subscriber' ) );
		$this->assertSame( 403, $this->approve( $approval )->get_status() );
		$this->assertSame( 403, $this->rest( 'GET', '/agent-guard/v1/approvals' )->get_status() );
		$as_agent = $this->agent_rest( $agent['token'], 'POST', "/agent-guard/v1/approvals/{$approval['id']}/approve", array( 'version' => $approval['version'] ) );
		$this->assertSame( 403, $as_agent->get_status(), 'an agent never approves' );
		$other = $this->create_agent( array(), 'active' );
		$this->assertSame( 404, $this->agent_rest( $other['token'], 'GET', "/agent-guard/v1/approvals/{$approval['id']}" )->get_status(), 'agents read only their own items' );
		$this->as_user( $this->manager );
		$this->assertSame( 'pending', $this->data( $this->rest( 'GET', "/agent-guard/v1/approvals/{$approval['id']}" ) )['state'] );
		$this->assertSame( '100.00', $this->product( $product['id'] )['regular_price'] );
	}

	public function test_nobody_approves_a_request_made_with_their_own_credentials(): void {
		global $wpdb;
		list( , , $approval ) = $this->queued_price_change();
		$wpdb->update( $wpdb->prefix . 'agent_guard_approvals', array( 'acting_user_id' => $this->manager ), array( 'id' => $approval['id'] ) );
		$this->assertError( 'agent_guard_self_approval', 403, $this->approve( $approval ) );
	}

	public function test_items_expire_and_can_no_longer_be_decided(): void {
		list( $agent, , $approval ) = $this->queued_price_change();
		update_option( 'agent_guard_test_clock_offset', 48 * 3600 + 1 );
		$this->assertError( 'agent_guard_approval_expired', 409, $this->approve( $approval ) );
		$this->assertError( 'agent_guard_approval_decided', 409, $this->reject( $approval, array( 'version' => $approval['version'] + 1, 'comment' => 'late' ) ) );
		$this->assertSame( 'expired', $this->data( $this->agent_rest( $agent['token'], 'GET', "/agent-guard/v1/approvals/{$approval['id']}" ) )['state'] );
	}

	public function test_the_queue_lists_pending_first_with_what_is_at_stake(): void {
		$order = $this->as_admin( 'POST', '/wc/v3/orders', array( 'status' => 'completed', 'line_items' => array() ) );
		list( , $product, $approval ) = $this->queued_price_change();
		$this->as_admin(
			'PUT',
			"/wc/v3/orders/{$order['id']}",
			array(
				'line_items' => array(
					array(
						'product_id' => $product['id'],
						'quantity'   => 3,
					),
				),
			)
		);
		list( , , $second ) = $this->queued_price_change();
		$this->as_user( $this->manager );
		$list = $this->rest( 'GET', '/agent-guard/v1/approvals', array(), array( 'order' => 'exposure' ) );
		$this->assertSame( 200, $list->get_status() );
		$this->assertGreaterThanOrEqual( 2, (int) $list->get_headers()['X-WP-Total'] );
		$items = $this->data( $list );
		$this->assertSame( 'pending', $items[0]['state'] );
		$this->assertNotSame( '', $items[0]['target_name'] );
		$this->assertNotSame( '', $items[0]['target_sku'] );
		$this->assertSame( 'price', $second['exposure']['kind'] );
		$this->assertArrayHasKey( 'units_sold_30d', $second['exposure']['items'][0] );
	}

	public function test_stock_at_stake_is_priced_so_it_sorts_with_money(): void {
		$product = $this->create_product(
			array(
				'regular_price'  => '12.50',
				'manage_stock'   => true,
				'stock_quantity' => 10,
			)
		);
		$agent   = $this->create_agent_with_policy( 'inventory', array( 'approvals' => array( 'stock' => array( 'max_change_units' => 5 ) ) ) );
		$queued  = $this->agent_rest(
			$agent['token'],
			'PUT',
			"/wc/v3/products/{$product['id']}",
			array(
				'stock_quantity'          => 30,
				'expected_stock_quantity' => 10,
			)
		);
		$this->assertSame( 202, $queued->get_status(), wp_json_encode( $queued->get_data() ) );
		$this->as_user( $this->manager );
		$item = $this->data( $this->rest( 'GET', '/agent-guard/v1/approvals/' . $this->data( $queued )['data']['approval_id'] ) );
		$this->assertSame( 'stock', $item['exposure']['kind'] );
		$this->assertSame( 20 * 1250, $item['exposure']['items'][0]['stock_value_minor'] );
		$this->assertSame( 20 * 1250, $item['exposure']['amount_minor'] );
		$this->assertSame( 10, $this->product( $product['id'] )['stock_quantity'] );
	}

	public function test_bulk_decisions_report_each_item(): void {
		list( , , $a ) = $this->queued_price_change();
		list( , , $b ) = $this->queued_price_change();
		$result = $this->data(
			$this->rest(
				'POST',
				'/agent-guard/v1/approvals/bulk',
				array(
					'decision' => 'reject',
					'comment'  => 'Not this week',
					'items'    => array(
						array( 'id' => $a['id'], 'version' => $a['version'] ),
						array( 'id' => $b['id'], 'version' => $b['version'] + 5 ),
					),
				)
			)
		);
		$this->assertTrue( $result['results'][0]['ok'] );
		$this->assertFalse( $result['results'][1]['ok'] );
		$this->assertSame( 409, $result['results'][1]['status'] );
	}

	public function test_approvers_get_one_digest_for_several_new_items(): void {
		delete_option( 'agent_guard_test_mails' );
		$this->queued_price_change();
		$this->queued_price_change();
		$this->assertNotFalse( wp_next_scheduled( 'agent_guard_approval_digest' ) );
		$mails = $this->capture_mails();
		$sent = $this->plugin()->notifier->send_digest();
		$this->assertGreaterThanOrEqual( 2, $sent, 'administrators and the shop manager' );
		$this->assertCount( $sent, $mails );
		$this->assertStringContainsString( '2 agent requests', $mails[0]['subject'] );
		$this->assertSame( 0, $this->plugin()->notifier->send_digest(), 'nothing new, no mail' );
	}
}

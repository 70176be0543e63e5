<?php
declare( strict_types=1 );

namespace AgentGuard\Tests\integration\Application;

use AgentGuard\Tests\integration\TestCase;

/**
 * The decision pipeline through the real REST server, WordPress and WooCommerce (or the
 * stand-in): for each rule a case where it allows and one where it refuses.
 */
final class EnforcementTest extends TestCase {

	private function pricing_agent( array $changes = array(), string $mode = 'active' ): array {
		return $this->create_agent_with_policy( 'pricing', $changes, $mode );
	}

	/**
	 * The agent's update of one product: PUT /wc/v3/products/<id>.
	 *
	 * @param array<string, mixed>  $agent   From create_agent().
	 * @param array<string, mixed>  $product From create_product().
	 * @param array<string, mixed>  $fields  The JSON body.
	 * @param array<string, string> $headers Request headers.
	 */
	private function update_product( array $agent, array $product, array $fields, array $headers = array() ): \WP_REST_Response {
		return $this->agent_rest( $agent['token'], 'PUT', "/wc/v3/products/{$product['id']}", $fields, array(), $headers );
	}

	/**
	 * The agent's POST /wc/v3/products/batch with these updates.
	 *
	 * @param array<string, mixed>             $agent   From create_agent().
	 * @param array<int, array<string, mixed>> $updates The batch's `update` items.
	 */
	private function batch_update( array $agent, array $updates ): \WP_REST_Response {
		return $this->agent_rest( $agent['token'], 'POST', '/wc/v3/products/batch', array( 'update' => $updates ) );
	}

	/**
	 * A batch `update` item that sets a product's regular price.
	 *
	 * @param array<string, mixed> $product From create_product().
	 * @return array<string, mixed>
	 */
	private function price_update( array $product, string $price ): array {
		return array(
			'id'            => $product['id'],
			'regular_price' => $price,
		);
	}

	/**
	 * The product's regular price as stored now.
	 *
	 * @param array<string, mixed> $product From create_product().
	 */
	private function regular_price( array $product ): string {
		return $this->product( $product['id'] )['regular_price'];
	}

	public function test_data_access_allows_readable_resources_and_refuses_the_rest(): void {
		$agent = $this->create_agent( array( 'template' => 'read_only' ), 'active' );
		$this->assertSame( 200, $this->agent_rest( $agent['token'], 'GET', '/wc/v3/products' )->get_status() );
		$orders = $this->agent_rest( $agent['token'], 'GET', '/wc/v3/orders' );
		$this->assertErrorRule( 'agent_guard_denied', 403, 'data_access.orders', $orders );
		$this->assertSame( 'deny', $this->last_request_event()['decision'] );
	}

	public function test_an_allowed_price_change_executes_and_is_recorded_with_before_and_after(): void {
		$product = $this->create_product( array( 'regular_price' => '100.00' ) );
		$agent   = $this->pricing_agent();
		$update  = $this->update_product( $agent, $product, array( 'regular_price' => '104.00' ), array( 'x-agent-rationale' => 'Competitor at 104' ) );
		$this->assertSame( 200, $update->get_status(), wp_json_encode( $update->get_data() ) );
		$this->assertSame( '104.00', $this->regular_price( $product ) );
		$event = $this->last_request_event();
		$this->assertSame( 'allow', $event['decision'] );
		$this->assertSame( 'products:update', $event['action'] );
		$this->assertSame( 'product', $event['target_type'] );
		$this->assertSame( (string) $product['id'], $event['target_id'] );
		$before = json_decode( $event['before_state'], true );
		$after  = json_decode( $event['after_state'], true );
		$this->assertSame( '100.00', $before[ 'product:' . $product['id'] ]['regular_price'] );
		$this->assertSame( '104.00', $after[ 'product:' . $product['id'] ]['regular_price'] );
		$this->assertSame( $event['id'], $update->get_headers()['X-Agent-Guard-Event'] );
	}

	public function test_denied_and_not_allowed_actions_are_refused_naming_the_rule(): void {
		$product = $this->create_product();
		$agent   = $this->pricing_agent();
		$delete  = $this->agent_rest( $agent['token'], 'DELETE', "/wc/v3/products/{$product['id']}", array(), array( 'force' => true ) );
		$this->assertErrorRule( 'agent_guard_denied', 403, 'actions.deny.products:delete', $delete );
		$this->assertSame( 'publish', $this->product( $product['id'] )['status'] );

		$coupon = $this->agent_rest( $agent['token'], 'POST', '/wc/v3/coupons', array( 'code' => 'x10', 'amount' => '10' ) );
		$this->assertErrorRule( 'agent_guard_denied', 403, 'actions.allow.coupons:create', $coupon );
	}

	public function test_unknown_write_routes_are_denied(): void {
		$agent    = $this->pricing_agent();
		$response = $this->agent_rest( $agent['token'], 'POST', '/wp/v2/users', array( 'username' => 'x', 'email' => 'x@example.test', 'password' => 'secret-password' ) );
		$this->assertErrorRule( 'agent_guard_denied', 403, 'actions.unknown_route', $response );
	}

	public function test_fields_outside_the_allow_list_and_protected_meta_are_refused(): void {
		$product = $this->create_product( array( 'name' => 'Original name' ) );
		$agent   = $this->pricing_agent();
		$name    = $this->update_product( $agent, $product, array( 'name' => 'Hacked' ) );
		$this->assertError( 'agent_guard_denied', 403, $name );
		$this->assertSame( 'name', $this->data( $name )['data']['field'] );
		$this->assertSame( 'Original name', $this->product( $product['id'] )['name'] );

		$open = $this->pricing_agent( array( 'actions' => array( 'fields' => array() ) ) );
		$meta = $this->update_product( $open, $product, array( 'meta_data' => array( array( 'key' => '_price', 'value' => '0.01' ) ) ) );
		$this->assertErrorRule( 'agent_guard_denied', 403, 'actions.fields.protected_meta', $meta );
		$public_meta = $this->update_product( $open, $product, array( 'meta_data' => array( array( 'key' => 'note', 'value' => 'ok' ) ) ) );
		$this->assertSame( 200, $public_meta->get_status(), wp_json_encode( $public_meta->get_data() ) );
	}

	/**
	 * @return array<string, array{0: mixed}>
	 */
	public static function bad_prices(): array {
		return array(
			'negative'           => array( '-1' ),
			'nan'                => array( 'NaN' ),
			'infinity'           => array( 'Infinity' ),
			'huge exponent'      => array( '1e309' ),
			'trailing letters'   => array( '12abc' ),
			'hex'                => array( '0x10' ),
			'double dot'         => array( '1..23' ),
			'padded'             => array( ' 12 ' ),
			'comma decimal'      => array( '12,50' ),
			'arabic-indic'       => array( '١٢' ),
			'tiny exponent'      => array( '1e-7' ),
			'twenty digits'      => array( '99999999999999999999' ),
			'too many decimals'  => array( '12.345' ),
		);
	}

	/**
	 * @dataProvider bad_prices
	 */
	public function test_prices_are_validated_strictly( string $price ): void {
		$product  = $this->create_product( array( 'regular_price' => '100.00' ) );
		$agent    = $this->pricing_agent();
		$response = $this->update_product( $agent, $product, array( 'regular_price' => $price ) );
		$this->assertError( 'agent_guard_invalid_price', 400, $response );
		$this->assertSame( 'regular_price', $this->data( $response )['data']['path'] );
		$this->assertSame( '100.00', $this->regular_price( $product ) );
	}

	public function test_a_number_where_a_price_string_belongs_is_refused_before_woocommerce(): void {
		$product  = $this->create_product( array( 'regular_price' => '100.00' ) );
		$agent    = $this->pricing_agent();
		$response = $this->update_product( $agent, $product, array( 'regular_price' => 12.5 ) );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( '100.00', $this->regular_price( $product ) );
	}

	public function test_a_price_change_over_the_24h_envelope_is_queued_and_nothing_is_written(): void {
		global $wpdb;
		$product = $this->create_product( array( 'regular_price' => '100.00' ) );
		$agent   = $this->pricing_agent();
		$queued  = $this->update_product( $agent, $product, array( 'regular_price' => '106.00' ), array( 'x-agent-confidence' => '0.7' ) );
		$this->assertError( 'agent_guard_pending_approval', 202, $queued );
		$data = $this->data( $queued )['data'];
		$this->assertSame( 'approvals.price.max_change_percent_24h', $data['rule'] );
		$this->assertGreaterThan( 0, $data['approval_id'] );
		$this->assertStringContainsString( '/agent-guard/v1/approvals/' . $data['approval_id'], $data['status_url'] );
		$this->assertSame( '100.00', $this->regular_price( $product ), 'a queued request never touches store data' );

		$row = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$wpdb->prefix}agent_guard_approvals WHERE id = %d", $data['approval_id'] ), ARRAY_A );
		$this->assertSame( 'pending', $row['state'] );
		$this->assertSame( 'PUT', $row['method'] );
		$this->assertSame( "/wc/v3/products/{$product['id']}", $row['route'] );
		$this->assertSame( array( 'regular_price' => '106.00' ), json_decode( $row['params'], true ) );
		$this->assertSame( 64, strlen( $row['payload_hash'] ) );
		$this->assertSame( '100.00', json_decode( $row['target_state'], true )[ 'product:' . $product['id'] ]['regular_price'] );
		$this->assertSame( '0.7', json_decode( $row['metadata'], true )['confidence'] );
		$this->assertSame( 'queue', $this->last_request_event()['decision'] );
		$this->assertSame( (string) $data['approval_id'], (string) $this->last_request_event()['approval_id'] );
	}

	public function test_small_steps_cannot_drift_past_the_24h_envelope(): void {
		$product = $this->create_product( array( 'regular_price' => '100.00' ) );
		$agent   = $this->pricing_agent();
		$this->assertSame( 200, $this->update_product( $agent, $product, array( 'regular_price' => '104.00' ) )->get_status() );
		// 104 → 107 is under 5 % by itself, but 7 % against the price 24 hours ago.
		$second = $this->update_product( $agent, $product, array( 'regular_price' => '107.00' ) );
		$this->assertError( 'agent_guard_pending_approval', 202, $second );
		$this->assertSame( '104.00', $this->regular_price( $product ) );
		// A day later the baseline has moved on.
		update_option( 'agent_guard_test_clock_offset', 86400 + 60 );
		$third = $this->update_product( $agent, $product, array( 'regular_price' => '107.00' ) );
		$this->assertSame( 200, $third->get_status(), wp_json_encode( $third->get_data() ) );
	}

	public function test_price_marks_of_single_writes_and_batches_make_one_history(): void {
		global $wpdb;
		$a     = $this->create_product( array( 'regular_price' => '100.00' ) );
		$b     = $this->create_product( array( 'regular_price' => '50.00' ) );
		$agent = $this->pricing_agent();
		// A single write keeps the price before it with its audit event, not in the price log.
		$this->assertSame( 200, $this->update_product( $agent, $a, array( 'regular_price' => '103.00' ) )->get_status() );
		$event = $this->last_request_event();
		$this->assertSame( array( 'regular_minor' => 10000, 'price_minor' => 10000 ), json_decode( $event['details'], true )['prices_before'][ 'product:' . $a['id'] ] );
		$this->assertSame( array( '10000', '10000' ), array( (string) $event['price_regular_minor'], (string) $event['price_minor'] ) );
		$this->assertSame( '0', (string) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}agent_guard_price_log" ) );
		// A batch logs one row per product.
		$batch = $this->batch_update( $agent, array( $this->price_update( $a, '104.50' ), $this->price_update( $b, '51.00' ) ) );
		$this->assertSame( 200, $batch->get_status(), wp_json_encode( $batch->get_data() ) );
		$this->assertSame( '2', (string) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}agent_guard_price_log" ) );
		$this->assertNull( $this->last_request_event()['price_minor'] );
		// Both sources make the baseline: 100 → 103 (single) → 104.50 (batch) → 106 is +6 % in 24 h.
		$drift = $this->update_product( $agent, $a, array( 'regular_price' => '106.00' ) );
		$this->assertErrorRule( 'agent_guard_pending_approval', 202, 'approvals.price.max_change_percent_24h', $drift );
		// B's baseline is its batch mark (50): 51 → 52.40 is +4.8 %, allowed.
		$this->assertSame( 200, $this->update_product( $agent, $b, array( 'regular_price' => '52.40' ) )->get_status() );
		$this->assertError( 'agent_guard_pending_approval', 202, $this->update_product( $agent, $b, array( 'regular_price' => '52.60' ) ) );
	}

	public function test_the_absolute_and_the_7_day_envelopes(): void {
		$product = $this->create_product( array( 'regular_price' => '1000.00' ) );
		$agent   = $this->pricing_agent(
			array(
				'approvals' => array(
					'price' => array(
						'max_change_percent_24h'    => 10,
						'max_change_minor'          => 5000,
						'max_cumulative_percent_7d' => 12,
					),
				),
			)
		);
		$big = $this->update_product( $agent, $product, array( 'regular_price' => '1060.00' ) );
		$this->assertErrorRule( 'agent_guard_pending_approval', 202, 'approvals.price.max_change_minor', $big );
		$this->assertSame( 200, $this->update_product( $agent, $product, array( 'regular_price' => '1045.00' ) )->get_status() );
		update_option( 'agent_guard_test_clock_offset', 2 * 86400 );
		$this->assertSame( 200, $this->update_product( $agent, $product, array( 'regular_price' => '1090.00' ) )->get_status() );
		update_option( 'agent_guard_test_clock_offset', 4 * 86400 );
		// 1090 → 1130: +3.7 % in 24 h, but +13 % against the price 7 days ago (1000).
		$drift = $this->update_product( $agent, $product, array( 'regular_price' => '1130.00' ) );
		$this->assertErrorRule( 'agent_guard_pending_approval', 202, 'approvals.price.max_cumulative_percent_7d', $drift );
	}

	public function test_a_sale_price_is_judged_as_a_price_change(): void {
		$product = $this->create_product( array( 'regular_price' => '100.00' ) );
		$agent   = $this->pricing_agent();
		$sale    = $this->update_product( $agent, $product, array( 'sale_price' => '80.00' ) );
		$this->assertError( 'agent_guard_pending_approval', 202, $sale );
		$this->assertSame( '', $this->product( $product['id'] )['sale_price'] );
		$small = $this->update_product( $agent, $product, array( 'sale_price' => '97.00' ) );
		$this->assertSame( 200, $small->get_status(), wp_json_encode( $small->get_data() ) );
	}

	public function test_stock_writes_must_carry_the_expected_count(): void {
		$product = $this->create_product( array( 'stock_quantity' => 10 ) );
		$agent   = $this->create_agent( array( 'template' => 'inventory' ), 'active' );
		$missing = $this->update_product( $agent, $product, array( 'stock_quantity' => 8 ) );
		$this->assertError( 'agent_guard_expected_stock_required', 400, $missing );
		$wrong = $this->update_product( $agent, $product, array( 'stock_quantity' => 8, 'expected_stock_quantity' => 11 ) );
		$this->assertError( 'agent_guard_stock_mismatch', 409, $wrong );
		$this->assertSame( 10, $this->product( $product['id'] )['stock_quantity'] );
		$right = $this->update_product( $agent, $product, array( 'stock_quantity' => 8, 'expected_stock_quantity' => 10 ) );
		$this->assertSame( 200, $right->get_status(), wp_json_encode( $right->get_data() ) );
		$this->assertSame( 8, $this->product( $product['id'] )['stock_quantity'] );
	}

	public function test_a_batch_is_decided_as_a_whole_never_partially(): void {
		$a     = $this->create_product( array( 'regular_price' => '10.00' ) );
		$b     = $this->create_product( array( 'regular_price' => '20.00' ) );
		$agent = $this->pricing_agent();
		$mixed = $this->batch_update(
			$agent,
			array(
				$this->price_update( $a, '10.20' ),
				array(
					'id'   => $b['id'],
					'name' => 'Not allowed',
				),
			)
		);
		$this->assertError( 'agent_guard_denied', 403, $mixed );
		$reasons = $this->data( $mixed )['data']['reasons'];
		$this->assertCount( 1, $reasons );
		$this->assertSame( 'update[1]', $reasons[0]['item'] );
		$this->assertSame( '10.00', $this->regular_price( $a ), 'the allowed item was not applied either' );

		$envelope = $this->batch_update( $agent, array( $this->price_update( $a, '10.20' ), $this->price_update( $b, '30.00' ) ) );
		$this->assertError( 'agent_guard_pending_approval', 202, $envelope );
		$this->assertSame( '10.00', $this->regular_price( $a ) );

		$ok = $this->batch_update( $agent, array( $this->price_update( $a, '10.20' ), $this->price_update( $b, '20.40' ) ) );
		$this->assertSame( 200, $ok->get_status(), wp_json_encode( $ok->get_data() ) );
		$this->assertSame( '20.40', $this->regular_price( $b ) );
	}

	public function test_a_delete_inside_a_batch_counts_as_a_delete(): void {
		$product = $this->create_product();
		$agent   = $this->pricing_agent(
			array(
				'actions' => array(
					'allow' => array( 'products:update', 'products:batch' ),
					'deny'  => array( 'products:delete' ),
				),
			)
		);
		$response = $this->agent_rest( $agent['token'], 'POST', '/wc/v3/products/batch', array( 'delete' => array( $product['id'] ) ) );
		$this->assertErrorRule( 'agent_guard_denied', 403, 'actions.deny.products:delete', $response );
		$this->assertSame( 'publish', $this->product( $product['id'] )['status'] );
	}

	public function test_items_per_batch_and_writes_per_minute_limits(): void {
		$product = $this->create_product( array( 'regular_price' => '10.00' ) );
		$agent   = $this->pricing_agent(
			array(
				'limits' => array(
					'writes_per_minute' => 2,
					'items_per_batch'   => 2,
				),
			)
		);
		$batch   = $this->batch_update( $agent, array_fill( 0, 3, $this->price_update( $product, '10.10' ) ) );
		$this->assertErrorRule( 'agent_guard_rate_limited', 429, 'limits.items_per_batch', $batch );

		update_option( 'agent_guard_test_clock_offset', 120 - ( time() % 60 ) );
		for ( $i = 0; $i < 2; $i++ ) {
			$this->assertSame( 200, $this->update_product( $agent, $product, array( 'regular_price' => '10.1' . $i ) )->get_status() );
		}
		$third = $this->update_product( $agent, $product, array( 'regular_price' => '10.15' ) );
		$this->assertErrorRule( 'agent_guard_rate_limited', 429, 'limits.writes_per_minute', $third );
		$this->assertGreaterThanOrEqual( 1, $this->data( $third )['data']['retry_after'] );
		$this->assertSame( (string) $this->data( $third )['data']['retry_after'], $third->get_headers()['Retry-After'] );
		$this->assertSame( '10.11', $this->regular_price( $product ) );
		// Reads do not count against writes per minute.
		$this->assertSame( 200, $this->agent_rest( $agent['token'], 'GET', "/wc/v3/products/{$product['id']}" )->get_status() );
	}

	public function test_the_daily_quota_counts_every_action(): void {
		$agent = $this->create_agent_with_policy( 'read_only', array( 'limits' => array( 'actions_per_day' => 3 ) ) );
		for ( $i = 0; $i < 3; $i++ ) {
			$this->assertSame( 200, $this->agent_rest( $agent['token'], 'GET', '/wc/v3/products' )->get_status() );
		}
		$fourth = $this->agent_rest( $agent['token'], 'GET', '/wc/v3/products' );
		$this->assertErrorRule( 'agent_guard_rate_limited', 429, 'limits.actions_per_day', $fourth );
	}

	public function test_observe_mode_executes_nothing_and_says_what_would_have_happened(): void {
		$product  = $this->create_product( array( 'regular_price' => '100.00' ) );
		$agent    = $this->pricing_agent( array(), 'observe' );
		$observed = $this->update_product( $agent, $product, array( 'regular_price' => '103.00' ) );
		$this->assertError( 'agent_guard_observed', 202, $observed );
		$data = $this->data( $observed )['data'];
		$this->assertGreaterThan( 0, $data['event_id'] );
		$this->assertSame( 'allow', $data['would_have']['decision'] );
		$this->assertSame( '100.00', $this->regular_price( $product ) );
		$queued = $this->update_product( $agent, $product, array( 'regular_price' => '130.00' ) );
		$this->assertError( 'agent_guard_observed', 202, $queued );
		$this->assertSame( 'queue', $this->data( $queued )['data']['would_have']['decision'] );
		$this->assertSame( 'observe', $this->last_request_event()['decision'] );
		// Reads work in observe mode: the agent must see the store to shadow it.
		$this->assertSame( 200, $this->agent_rest( $agent['token'], 'GET', '/wc/v3/products' )->get_status() );
	}

	public function test_canary_opens_only_its_share_and_refuses_or_queues_the_rest(): void {
		$product = $this->create_product( array( 'regular_price' => '100.00' ) );
		$closed  = $this->pricing_agent( array( 'canary' => array( 'percent' => 0, 'outside' => 'refuse' ) ), 'canary' );
		$refused = $this->update_product( $closed, $product, array( 'regular_price' => '101.00' ) );
		$this->assertError( 'agent_guard_outside_canary', 403, $refused );

		$queueing = $this->pricing_agent( array( 'canary' => array( 'percent' => 0, 'outside' => 'queue' ) ), 'canary' );
		$queued   = $this->update_product( $queueing, $product, array( 'regular_price' => '101.00' ) );
		$this->assertError( 'agent_guard_outside_canary', 202, $queued );
		$this->assertGreaterThan( 0, $this->data( $queued )['data']['approval_id'] );
		$this->assertSame( '100.00', $this->regular_price( $product ) );

		$open = $this->pricing_agent( array( 'canary' => array( 'percent' => 100, 'outside' => 'refuse' ) ), 'canary' );
		$this->assertSame( 200, $this->update_product( $open, $product, array( 'regular_price' => '101.00' ) )->get_status() );
	}

	public function test_a_paused_agent_is_refused_even_for_reads(): void {
		$agent    = $this->create_agent( array( 'template' => 'read_only' ), 'paused' );
		$response = $this->agent_rest( $agent['token'], 'GET', '/wc/v3/products' );
		$this->assertErrorRule( 'agent_guard_denied', 403, 'mode.paused', $response );
	}

	public function test_halted_agents_and_a_global_halt_answer_503_with_retry_after(): void {
		global $wpdb;
		$agent = $this->create_agent( array( 'template' => 'read_only' ), 'active' );
		$wpdb->query( "UPDATE {$wpdb->prefix}agent_guard_control SET halted = 1, halt_reason = 'Test' WHERE id = 1" );
		$global = $this->agent_rest( $agent['token'], 'GET', '/wc/v3/products' );
		$this->assertError( 'agent_guard_halted', 503, $global );
		$this->assertSame( 'global', $this->data( $global )['data']['scope'] );
		$this->assertNotEmpty( $global->get_headers()['Retry-After'] );
		$wpdb->query( "UPDATE {$wpdb->prefix}agent_guard_control SET halted = 0 WHERE id = 1" );
		$wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->prefix}agent_guard_agents SET halted_at_gmt = %s, halt_reason = 'Runaway' WHERE id = %d", gmdate( 'Y-m-d H:i:s' ), $agent['agent']->id ) );
		$own = $this->agent_rest( $agent['token'], 'GET', '/wc/v3/products' );
		$this->assertError( 'agent_guard_halted', 503, $own );
		$this->assertSame( 'agent', $this->data( $own )['data']['scope'] );
	}

	public function test_product_category_constraints_are_checked_on_the_stored_product(): void {
		$allowed = $this->as_admin( 'POST', '/wc/v3/products/categories', array( 'name' => 'Allowed ' . wp_generate_password( 4, false ) ) );
		$other   = $this->as_admin( 'POST', '/wc/v3/products/categories', array( 'name' => 'Other ' . wp_generate_password( 4, false ) ) );
		$inside  = $this->create_product( array( 'categories' => array( array( 'id' => $allowed['id'] ) ) ) );
		$outside = $this->create_product( array( 'categories' => array( array( 'id' => $other['id'] ) ) ) );
		$agent   = $this->pricing_agent( array( 'actions' => array( 'constraints' => array( 'product_categories' => array( $allowed['id'] ) ) ) ) );
		$this->assertSame( 200, $this->update_product( $agent, $inside, array( 'regular_price' => '101.00' ) )->get_status() );
		// The client claims the product is in the allowed category: the stored one counts.
		$refused = $this->update_product( $agent, $outside, array( 'regular_price' => '101.00' ) );
		$this->assertErrorRule( 'agent_guard_denied', 403, 'actions.constraints.product_categories', $refused );
	}

	public function test_customer_details_are_redacted_for_agents_that_may_not_see_them(): void {
		$customer = $this->as_admin(
			'POST',
			'/wc/v3/customers',
			array(
				'email'      => 'pii-' . wp_generate_password( 5, false ) . '@example.test',
				'first_name' => 'Ada',
				'last_name'  => 'Lovelace',
				'billing'    => array(
					'first_name' => 'Ada',
					'email'      => 'billing@example.test',
					'phone'      => '+44 1',
					'address_1'  => '12 St James Square',
					'country'    => 'GB',
				),
			)
		);
		$support  = $this->create_agent( array( 'template' => 'support' ), 'active' );
		$one      = $this->data( $this->agent_rest( $support['token'], 'GET', "/wc/v3/customers/{$customer['id']}" ) );
		$this->assertSame( '[redacted]', $one['email'] );
		$this->assertSame( '[redacted]', $one['first_name'] );
		$this->assertSame( '[redacted]', $one['billing']['phone'] );
		$this->assertSame( '[redacted]', $one['billing']['address_1'] );
		$this->assertSame( 'GB', $one['billing']['country'] );
		$list = $this->data( $this->agent_rest( $support['token'], 'GET', '/wc/v3/customers', array(), array( 'include' => array( $customer['id'] ) ) ) );
		$this->assertSame( '[redacted]', $list[0]['email'] );

		$shown = $this->create_agent_with_policy( 'support', array( 'data_access' => array( 'pii' => 'shown' ) ) );
		$this->assertSame( $customer['email'], $this->data( $this->agent_rest( $shown['token'], 'GET', "/wc/v3/customers/{$customer['id']}" ) )['email'] );
	}

	public function test_batch_answers_are_redacted_too(): void {
		$customer = $this->as_admin(
			'POST',
			'/wc/v3/customers',
			array(
				'email'      => 'batch-' . wp_generate_password( 5, false ) . '@example.test',
				'first_name' => 'Grace',
			)
		);
		$agent    = $this->create_agent_with_policy(
			'support',
			array(
				'data_access' => array( 'resources' => array( 'customers' => 'read' ) ),
				'actions'     => array( 'allow' => array( 'customers:batch', 'customers:update' ) ),
			)
		);
		// WooCommerce's batch handler answers a plain array, not a response object.
		$batch = $this->agent_rest( $agent['token'], 'POST', '/wc/v3/customers/batch', array( 'update' => array( array( 'id' => $customer['id'], 'last_name' => 'Hopper' ) ) ) );
		$this->assertSame( 200, $batch->get_status(), wp_json_encode( $batch->get_data() ) );
		$item = $this->data( $batch )['update'][0];
		$this->assertSame( '[redacted]', $item['email'] );
		$this->assertSame( '[redacted]', $item['last_name'] );
		$this->assertSame( 'Hopper', $this->as_admin( 'GET', "/wc/v3/customers/{$customer['id']}" )['last_name'] );
		$this->assertNotNull( $this->last_request_event()['after_state'] );
	}

	public function test_an_idempotency_key_replays_the_first_answer_without_a_second_effect(): void {
		global $wpdb;
		$product = $this->create_product( array( 'regular_price' => '100.00' ) );
		$agent   = $this->pricing_agent();
		$first   = $this->update_product( $agent, $product, array( 'regular_price' => '101.00' ), array( 'idempotency-key' => 'run-1-step-1' ) );
		$this->assertSame( 200, $first->get_status() );
		$logged = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}agent_guard_price_log" );
		$again  = $this->update_product( $agent, $product, array( 'regular_price' => '101.00' ), array( 'idempotency-key' => 'run-1-step-1' ) );
		$this->assertSame( 200, $again->get_status() );
		$this->assertSame( 'true', $again->get_headers()['Idempotent-Replayed'] );
		$this->assertSame( $this->data( $first )['regular_price'], $this->data( $again )['regular_price'] );
		$this->assertSame( $logged, (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}agent_guard_price_log" ), 'no second effect' );
		$other = $this->update_product( $agent, $product, array( 'regular_price' => '102.00' ), array( 'idempotency-key' => 'run-1-step-1' ) );
		$this->assertError( 'agent_guard_idempotency_mismatch', 422, $other );
		$bad = $this->update_product( $agent, $product, array( 'regular_price' => '102.00' ), array( 'idempotency-key' => str_repeat( 'k', 101 ) ) );
		$this->assertError( 'agent_guard_invalid_idempotency_key', 400, $bad );
		$this->assertSame( '101.00', $this->regular_price( $product ) );
	}

	public function test_refunds_over_the_threshold_are_queued_and_over_the_order_total_refused(): void {
		$product = $this->create_product( array( 'regular_price' => '40.00' ) );
		$order   = $this->as_admin(
			'POST',
			'/wc/v3/orders',
			array(
				'status'     => 'processing',
				'set_paid'   => true,
				'line_items' => array(
					array(
						'product_id' => $product['id'],
						'quantity'   => 1,
					),
				),
			)
		);
		$agent  = $this->create_agent_with_policy( 'support', array( 'approvals' => array( 'always' => array(), 'refund_over_minor' => 1000 ) ) );
		$small  = $this->agent_rest( $agent['token'], 'POST', "/wc/v3/orders/{$order['id']}/refunds", array( 'amount' => '5.00', 'api_refund' => false ) );
		$this->assertSame( 201, $small->get_status(), wp_json_encode( $small->get_data() ) );
		$big    = $this->agent_rest( $agent['token'], 'POST', "/wc/v3/orders/{$order['id']}/refunds", array( 'amount' => '20.00', 'api_refund' => false ) );
		$this->assertErrorRule( 'agent_guard_pending_approval', 202, 'approvals.refund_over_minor', $big );
		$too    = $this->agent_rest( $agent['token'], 'POST', "/wc/v3/orders/{$order['id']}/refunds", array( 'amount' => '36.00', 'api_refund' => false ) );
		$this->assertError( 'agent_guard_refund_too_large', 400, $too );
	}

	public function test_percentage_coupons_over_the_cap_are_queued(): void {
		$agent = $this->create_agent( array( 'template' => 'marketing' ), 'active' );
		$small = $this->agent_rest( $agent['token'], 'POST', '/wc/v3/coupons', array( 'code' => 'small-' . wp_generate_password( 4, false ), 'discount_type' => 'percent', 'amount' => '10' ) );
		$this->assertSame( 201, $small->get_status(), wp_json_encode( $small->get_data() ) );
		$big = $this->agent_rest( $agent['token'], 'POST', '/wc/v3/coupons', array( 'code' => 'big-' . wp_generate_password( 4, false ), 'discount_type' => 'percent', 'amount' => '50' ) );
		$this->assertErrorRule( 'agent_guard_pending_approval', 202, 'approvals.coupons.max_percent', $big );
	}

	/**
	 * @return array<string, array{0: string}>
	 */
	public static function guard_tables(): array {
		return array(
			'counters'  => array( 'agent_guard_counters' ),
			'audit log' => array( 'agent_guard_audit_events' ),
			'tokens'    => array( 'agent_guard_tokens' ),
			'price log' => array( 'agent_guard_price_log' ),
		);
	}

	/**
	 * @dataProvider guard_tables
	 */
	public function test_storage_failure_fails_closed_for_agents_only( string $table ): void {
		$product = $this->create_product( array( 'regular_price' => '100.00' ) );
		$agent   = $this->pricing_agent();
		// Every query that touches the table fails, as if it were gone.
		$break = static fn ( string $query ): string => str_contains( $query, $table ) ? 'SELECT * FROM agent_guard_no_such_table' : $query;
		add_filter( 'query', $break );
		$write = $this->update_product( $agent, $product, array( 'regular_price' => '101.00' ) );
		$this->assertError( 'agent_guard_unavailable', 503, $write );
		$this->reset_request_state();
		$this->as_user( $this->create_user( 'administrator' ) );
		$human = $this->rest( 'PUT', "/wc/v3/products/{$product['id']}", array( 'regular_price' => '99.00' ) );
		$this->assertSame( 200, $human->get_status(), 'people are never touched by the guard' );
		remove_filter( 'query', $break );
		$this->assertSame( '99.00', $this->regular_price( $product ) );
	}
}

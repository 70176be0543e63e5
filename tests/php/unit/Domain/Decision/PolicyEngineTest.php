<?php
declare( strict_types=1 );

namespace AgentGuard\Tests\unit\Domain\Decision;

use AgentGuard\Domain\Decision\Decision;
use AgentGuard\Domain\Decision\PolicyEngine;
use AgentGuard\Domain\Decision\WriteUnit;
use AgentGuard\Domain\Policy\Policy;
use AgentGuard\Domain\Policy\PolicyTemplates;
use AgentGuard\Domain\Request\Classification;
use PHPUnit\Framework\TestCase;

final class PolicyEngineTest extends TestCase {

	private function policy( string $template, callable $change = null ): Policy {
		$doc = PolicyTemplates::get( $template );
		if ( $change ) {
			$doc = $change( $doc );
		}
		return Policy::from_array( $doc );
	}

	private function update( array $params, ?array $state, string $action = 'products:update', string $type = 'product', string $id = '12' ): WriteUnit {
		return new WriteUnit( $action, '', 'update', $action, $type, $id, 0, $params, $state );
	}

	private function single( string $action = 'products:update' ): Classification {
		return new Classification( Classification::WRITE, strtok( $action, ':' ), $action, 'product', '12' );
	}

	private function product( string $regular = '100.00', string $sale = '', ?int $stock = 10, array $categories = array() ): array {
		return array(
			'id'             => 12,
			'regular_price'  => $regular,
			'sale_price'     => $sale,
			'stock_quantity' => $stock,
			'categories'     => $categories,
		);
	}

	public function test_reads_follow_data_access(): void {
		$engine = new PolicyEngine();
		$policy = $this->policy( 'read_only' );
		$this->assertNull( $engine->scope( $policy, new Classification( Classification::READ, 'products' ), array(), 'standard', 2 ) );
		$denied = $engine->scope( $policy, new Classification( Classification::READ, 'orders' ), array(), 'standard', 2 );
		$this->assertSame( 'data_access.orders', $denied->rule );
		$this->assertSame( 'data_access.unknown_route', $engine->scope( $policy, new Classification( Classification::UNKNOWN ), array(), 'standard', 2 )->rule );
	}

	public function test_deny_wins_over_allow_and_anything_not_allowed_is_denied(): void {
		$engine = new PolicyEngine();
		$policy = $this->policy(
			'pricing',
			static function ( array $doc ): array {
				$doc['actions']['deny'][] = 'products:batch';
				$doc['actions']['allow']  = array( 'products:update' );
				return $doc;
			}
		);
		$this->assertNull( $engine->scope( $policy, $this->single(), array( $this->update( array( 'regular_price' => '101.00' ), $this->product() ) ), 'standard', 2 ) );
		$this->assertSame( 'actions.deny.products:batch', $engine->scope( $policy, new Classification( Classification::WRITE, 'products', 'products:batch', 'product', '', 0, array(), true ), array(), 'standard', 2 )->rule );
		$this->assertSame( 'actions.allow.orders:update', $engine->scope( $policy, new Classification( Classification::WRITE, 'orders', 'orders:update', 'order', '5' ), array(), 'standard', 2 )->rule );
	}

	public function test_critical_actions_need_a_critical_token(): void {
		$engine = new PolicyEngine();
		$policy = $this->policy(
			'pricing',
			static function ( array $doc ): array {
				$doc['tokens']['critical_actions'] = array( 'products:update' );
				return $doc;
			}
		);
		$units = array( $this->update( array( 'regular_price' => '101.00' ), $this->product() ) );
		$this->assertSame( 'tokens.critical_actions', $engine->scope( $policy, $this->single(), $units, 'standard', 2 )->rule );
		$this->assertNull( $engine->scope( $policy, $this->single(), $units, 'critical', 2 ) );
	}

	public function test_category_constraints_judge_a_variation_by_its_parent(): void {
		$engine  = new PolicyEngine();
		$policy  = $this->policy(
			'pricing',
			static function ( array $doc ): array {
				$doc['actions']['constraints']['product_categories'] = array( 5 );
				return $doc;
			}
		);
		$inside  = new WriteUnit( 'v', '', 'update', 'products:update', 'product_variation', '40', 12, array( 'regular_price' => '101.00' ), array( 'id' => 40, 'regular_price' => '100.00' ), array( 'id' => 12, 'categories' => array( array( 'id' => 5 ) ) ) );
		$outside = new WriteUnit( 'v', '', 'update', 'products:update', 'product_variation', '40', 12, array( 'regular_price' => '101.00' ), array( 'id' => 40, 'regular_price' => '100.00' ), array( 'id' => 12, 'categories' => array( array( 'id' => 6 ) ) ) );
		$class   = new Classification( Classification::WRITE, 'products', 'products:update', 'product_variation', '40', 12 );
		$this->assertNull( $engine->scope( $policy, $class, array( $inside ), 'standard', 2 ) );
		$this->assertSame( 'actions.constraints.product_categories', $engine->scope( $policy, $class, array( $outside ), 'standard', 2 )->rule );
	}

	public function test_envelope_boundaries_are_inclusive(): void {
		$engine = new PolicyEngine();
		$policy = $this->policy( 'pricing' );
		$at     = $engine->thresholds( $policy, $this->single(), array( $this->update( array( 'regular_price' => '105.00' ), $this->product() ) ), array(), 2 );
		$this->assertNull( $at, 'exactly +5 % is inside the envelope' );
		$over = $engine->thresholds( $policy, $this->single(), array( $this->update( array( 'regular_price' => '105.01' ), $this->product() ) ), array(), 2 );
		$this->assertSame( Decision::QUEUE, $over->outcome );
		$this->assertSame( 'approvals.price.max_change_percent_24h', $over->rule );
		$down = $engine->thresholds( $policy, $this->single(), array( $this->update( array( 'regular_price' => '94.99' ), $this->product() ) ), array(), 2 );
		$this->assertSame( 'approvals.price.max_change_percent_24h', $down->rule, 'drops count as much as rises' );
	}

	public function test_baselines_from_history_catch_drift(): void {
		$engine    = new PolicyEngine();
		$policy    = $this->policy( 'pricing' );
		$baselines = array(
			'product:12' => array(
				'h24' => array( 'regular' => 10000, 'price' => 10000 ),
				'd7'  => array( 'regular' => 10000, 'price' => 10000 ),
			),
		);
		$unit      = $this->update( array( 'regular_price' => '107.00' ), $this->product( '104.00' ) );
		$this->assertNull( $engine->thresholds( $policy, $this->single(), array( $unit ), array(), 2 ), 'without history, 104 → 107 is +2.9 %' );
		$this->assertSame( 'approvals.price.max_change_percent_24h', $engine->thresholds( $policy, $this->single(), array( $unit ), $baselines, 2 )->rule );
	}

	public function test_a_price_from_zero_always_breaches_a_percentage_envelope(): void {
		$decision = ( new PolicyEngine() )->thresholds( $this->policy( 'pricing' ), $this->single(), array( $this->update( array( 'regular_price' => '1.00' ), $this->product( '0' ) ) ), array(), 2 );
		$this->assertSame( Decision::QUEUE, $decision->outcome );
	}

	public function test_stock_expectations(): void {
		$engine = new PolicyEngine();
		$policy = $this->policy( 'inventory' );
		$this->assertSame( 'agent_guard_expected_stock_required', $engine->thresholds( $policy, $this->single(), array( $this->update( array( 'stock_quantity' => 5 ), $this->product() ) ), array(), 2 )->code );
		$mismatch = $engine->thresholds( $policy, $this->single(), array( $this->update( array( 'stock_quantity' => 5, 'expected_stock_quantity' => 9 ), $this->product() ) ), array(), 2 );
		$this->assertSame( 409, $mismatch->status );
		$this->assertSame( 10, $mismatch->data['current'] );
		$this->assertNull( $engine->thresholds( $policy, $this->single(), array( $this->update( array( 'stock_quantity' => 5, 'expected_stock_quantity' => '10' ), $this->product() ) ), array(), 2 ) );
	}

	public function test_deletes_bulk_and_always_need_a_human(): void {
		$engine = new PolicyEngine();
		$policy = $this->policy(
			'pricing',
			static function ( array $doc ): array {
				$doc['approvals']['bulk_over_items'] = 2;
				$doc['approvals']['always']          = array( 'products:batch' );
				return $doc;
			}
		);
		$delete = new WriteUnit( 'delete[0]', 'delete.0', 'delete', 'products:delete', 'product', '12', 0, array( 'id' => 12 ), $this->product() );
		$batch  = new Classification( Classification::WRITE, 'products', 'products:batch', 'product', '', 0, array(), true );
		$reasons = $engine->thresholds( $policy, $batch, array( $delete, $delete, $delete ), array(), 2 )->reasons;
		$rules   = array_column( $reasons, 'rule' );
		$this->assertContains( 'approvals.always.products:batch', $rules );
		$this->assertContains( 'approvals.bulk_over_items', $rules );
		$this->assertContains( 'approvals.deletes', $rules );
	}

	public function test_fields_and_protected_meta(): void {
		$engine = new PolicyEngine();
		$policy = $this->policy( 'pricing' );
		$name   = $engine->scope( $policy, $this->single(), array( $this->update( array( 'name' => 'x' ), $this->product() ) ), 'standard', 2 );
		$this->assertSame( 'name', $name->data['field'] );
		$open = $this->policy(
			'pricing',
			static function ( array $doc ): array {
				$doc['actions']['fields'] = array( 'products:update' => array( 'regular_price', 'meta_data._cost' ) );
				return $doc;
			}
		);
		$this->assertNull( $engine->scope( $open, $this->single(), array( $this->update( array( 'meta_data' => array( array( 'key' => '_cost', 'value' => '3' ) ) ), $this->product() ) ), 'standard', 2 ) );
		$this->assertSame( 'actions.fields.protected_meta', $engine->scope( $open, $this->single(), array( $this->update( array( 'meta_data' => array( array( 'key' => '_price', 'value' => '3' ) ) ), $this->product() ) ), 'standard', 2 )->rule );
	}

	public function test_a_batch_lists_every_refused_item(): void {
		$engine = new PolicyEngine();
		$policy = $this->policy( 'pricing' );
		$units  = array(
			new WriteUnit( 'update[0]', 'update.0', 'update', 'products:update', 'product', '1', 0, array( 'regular_price' => '1.00' ), $this->product() ),
			new WriteUnit( 'update[1]', 'update.1', 'update', 'products:update', 'product', '2', 0, array( 'name' => 'x' ), $this->product() ),
			new WriteUnit( 'update[2]', 'update.2', 'update', 'products:update', 'product', '3', 0, array( 'sku' => 'x' ), $this->product() ),
		);
		$batch  = new Classification( Classification::WRITE, 'products', 'products:batch', 'product', '', 0, array(), true );
		$denied = $engine->scope( $policy, $batch, $units, 'standard', 2 );
		$this->assertSame( array( 'update[1]', 'update[2]' ), array_column( $denied->reasons, 'item' ) );
		$this->assertStringContainsString( '2 of 3', $denied->message );
	}

	public function test_canary_refuses_targets_outside_the_share(): void {
		$engine = new PolicyEngine();
		$none   = $this->policy(
			'pricing',
			static function ( array $doc ): array {
				$doc['canary'] = array( 'percent' => 0, 'outside' => 'queue' );
				return $doc;
			}
		);
		$decision = $engine->canary( $none, 3, array( $this->update( array( 'regular_price' => '1.00' ), $this->product() ) ) );
		$this->assertSame( Decision::OUTSIDE_CANARY, $decision->outcome );
		$this->assertSame( 202, $decision->status );
		$all = $this->policy(
			'pricing',
			static function ( array $doc ): array {
				$doc['canary'] = array( 'percent' => 100, 'outside' => 'refuse' );
				return $doc;
			}
		);
		$this->assertNull( $engine->canary( $all, 3, array( $this->update( array( 'regular_price' => '1.00' ), $this->product() ) ) ) );
	}

	public function test_refund_and_coupon_limits(): void {
		$engine = new PolicyEngine();
		$policy = $this->policy( 'support' );
		$order  = array( 'id' => 5, 'total' => '50.00', 'refunds' => array( array( 'id' => 1, 'total' => '-10.00' ) ) );
		$refund = new WriteUnit( 'orders:refund', '', 'update', 'orders:refund', 'order', '5', 0, array( 'amount' => '45.00' ), $order );
		$this->assertSame( 'agent_guard_refund_too_large', $engine->thresholds( $policy, new Classification( Classification::WRITE, 'orders', 'orders:refund', 'order', '5' ), array( $refund ), array(), 2 )->code );
		$ok = new WriteUnit( 'orders:refund', '', 'update', 'orders:refund', 'order', '5', 0, array( 'amount' => '40.00' ), $order );
		$this->assertSame( Decision::QUEUE, $engine->thresholds( $policy, new Classification( Classification::WRITE, 'orders', 'orders:refund', 'order', '5' ), array( $ok ), array(), 2 )->outcome, 'support: every refund needs a human' );

		$marketing = $this->policy( 'marketing' );
		$coupon    = static fn ( string $type, string $amount ) => new WriteUnit( 'coupons:create', '', 'create', 'coupons:create', 'coupon', '', 0, array( 'discount_type' => $type, 'amount' => $amount ), null );
		$create    = new Classification( Classification::WRITE, 'coupons', 'coupons:create', 'coupon' );
		$this->assertNull( $engine->thresholds( $marketing, $create, array( $coupon( 'percent', '20' ) ), array(), 2 ) );
		$this->assertSame( 'approvals.coupons.max_percent', $engine->thresholds( $marketing, $create, array( $coupon( 'percent', '21' ) ), array(), 2 )->rule );
		$this->assertSame( 'agent_guard_invalid_amount', $engine->thresholds( $marketing, $create, array( $coupon( 'percent', '101' ) ), array(), 2 )->code );
		$this->assertSame( 'approvals.coupons.max_fixed_minor', $engine->thresholds( $marketing, $create, array( $coupon( 'fixed_cart', '25.00' ) ), array(), 2 )->rule );
	}
}

<?php
declare( strict_types=1 );

namespace AgentGuard\Tests\unit\Domain\Request;

use AgentGuard\Domain\DomainException;
use AgentGuard\Domain\Request\Classification;
use AgentGuard\Domain\Request\Classifier;
use PHPUnit\Framework\TestCase;

final class ClassifierTest extends TestCase {

	/**
	 * @return array<string, array{0: string, 1: string, 2: string, 3: string, 4: string, 5: string}>
	 */
	public static function routes(): array {
		return array(
			'product list'            => array( 'GET', '/wc/v3/products', 'read', 'products', '', '' ),
			'product read'            => array( 'GET', '/wc/v3/products/12', 'read', 'products', '', '' ),
			'product update put'      => array( 'PUT', '/wc/v3/products/12', 'write', 'products', 'products:update', 'product:12' ),
			'product update post'     => array( 'POST', '/wc/v3/products/12', 'write', 'products', 'products:update', 'product:12' ),
			'product update patch'    => array( 'PATCH', '/wc/v3/products/12', 'write', 'products', 'products:update', 'product:12' ),
			'product delete'          => array( 'DELETE', '/wc/v3/products/12', 'write', 'products', 'products:delete', 'product:12' ),
			'product create'          => array( 'POST', '/wc/v3/products', 'write', 'products', 'products:create', '' ),
			'v2 like v3'              => array( 'PUT', '/wc/v2/products/12', 'write', 'products', 'products:update', 'product:12' ),
			'case-insensitive'        => array( 'PUT', '/WC/V3/Products/12', 'write', 'products', 'products:update', 'product:12' ),
			'variation judged by parent' => array( 'PUT', '/wc/v3/products/12/variations/40', 'write', 'products', 'products:update', 'product:12' ),
			'variation delete'        => array( 'DELETE', '/wc/v3/products/12/variations/40', 'write', 'products', 'products:delete', 'product:12' ),
			'category update'         => array( 'PUT', '/wc/v3/products/categories/7', 'write', 'product_categories', 'product_categories:update', 'product_category:7' ),
			'category list'           => array( 'GET', '/wc/v3/products/categories', 'read', 'product_categories', '', '' ),
			'tags read as products'   => array( 'GET', '/wc/v3/products/tags', 'read', 'products', '', '' ),
			'tag write unknown'       => array( 'POST', '/wc/v3/products/tags', 'unknown', '', 'unknown:write', '' ),
			'order update'            => array( 'PUT', '/wc/v3/orders/5', 'write', 'orders', 'orders:update', 'order:5' ),
			'refund is an order action' => array( 'POST', '/wc/v3/orders/5/refunds', 'write', 'orders', 'orders:refund', 'order:5' ),
			'note'                    => array( 'POST', '/wc/v3/orders/5/notes', 'write', 'orders', 'orders:note', 'order:5' ),
			'customer delete'         => array( 'DELETE', '/wc/v3/customers/3', 'write', 'customers', 'customers:delete', 'customer:3' ),
			'coupon create'           => array( 'POST', '/wc/v3/coupons', 'write', 'coupons', 'coupons:create', '' ),
			'webhook update'          => array( 'PUT', '/wc/v3/webhooks/2', 'write', 'webhooks', 'webhooks:update', 'webhook:2' ),
			'reports'                 => array( 'GET', '/wc/v3/reports/sales', 'read', 'reports', '', '' ),
			'analytics'               => array( 'GET', '/wc-analytics/reports/revenue/stats', 'read', 'reports', '', '' ),
			'setting update'          => array( 'PUT', '/wc/v3/settings/general/woocommerce_currency', 'write', 'settings', 'settings:update', 'setting:woocommerce_currency' ),
			'system tools write'      => array( 'PUT', '/wc/v3/system_status/tools/clear_transients', 'unknown', '', 'unknown:write', '' ),
			'unknown wc write'        => array( 'POST', '/wc/v3/orders/5/actions/send_email', 'unknown', '', 'unknown:write', '' ),
			'store api read'          => array( 'GET', '/wc/store/v1/products', 'read', 'products', '', '' ),
			'store api cart'          => array( 'POST', '/wc/store/v1/cart/add-item', 'unknown', '', 'unknown:write', '' ),
			'wp post update'          => array( 'POST', '/wp/v2/posts/9', 'write', 'posts', 'posts:update', 'post:9' ),
			'wp page create'          => array( 'POST', '/wp/v2/pages', 'write', 'pages', 'pages:create', '' ),
			'wp users write'          => array( 'POST', '/wp/v2/users', 'unknown', '', 'unknown:write', '' ),
			'wp users read'           => array( 'GET', '/wp/v2/users', 'unknown', '', '', '' ),
			'wp settings'             => array( 'POST', '/wp/v2/settings', 'unknown', '', 'unknown:write', '' ),
			'index'                   => array( 'GET', '/', 'discovery', '', '', '' ),
			'namespace index'         => array( 'GET', '/wc/v3', 'discovery', '', '', '' ),
			'batch container'         => array( 'POST', '/batch/v1', 'container', '', '', '' ),
			'guard route'             => array( 'GET', '/agent-guard/v1/approvals/3', 'guard', '', '', '' ),
			'other plugin route'      => array( 'POST', '/my-plugin/v1/do', 'unknown', '', 'unknown:write', '' ),
			'head is a read'          => array( 'HEAD', '/wc/v3/products', 'read', 'products', '', '' ),
		);
	}

	/**
	 * @dataProvider routes
	 */
	public function test_routes_map_to_actions_and_targets( string $method, string $route, string $kind, string $resource, string $action, string $target ): void {
		$class = ( new Classifier() )->classify( $method, $route, array() );
		$this->assertSame( $kind, $class->kind );
		$this->assertSame( $resource, $class->resource );
		$this->assertSame( $action, $class->action );
		$this->assertSame( $target, $class->target_key() );
	}

	public function test_batch_items_each_get_their_action_and_target(): void {
		$class = ( new Classifier() )->classify(
			'POST',
			'/wc/v3/products/batch',
			array(
				'create' => array( array( 'name' => 'New' ) ),
				'update' => array( array( 'id' => 12, 'regular_price' => '9.00' ), array( 'id' => '13', 'sale_price' => '' ) ),
				'delete' => array( 14 ),
			)
		);
		$this->assertTrue( $class->is_batch );
		$this->assertSame( 'products:batch', $class->action );
		$this->assertSame(
			array( 'products:create', 'products:update', 'products:update', 'products:delete' ),
			array_map( static fn ( $i ) => $i->action, $class->items )
		);
		$this->assertSame( array( '', '12', '13', '14' ), array_map( static fn ( $i ) => $i->target_id, $class->items ) );
		$this->assertSame( array( 'products:batch', 'products:create', 'products:update', 'products:delete' ), $class->actions() );
	}

	public function test_variation_batches_keep_the_parent(): void {
		$class = ( new Classifier() )->classify( 'POST', '/wc/v3/products/12/variations/batch', array( 'update' => array( array( 'id' => 40 ) ) ) );
		$this->assertSame( 12, $class->parent_id );
		$this->assertSame( 'product_variation', $class->target_type );
	}

	/**
	 * @return array<string, array{0: array<string, mixed>, 1: string}>
	 */
	public static function malformed_batches(): array {
		return array(
			'update not a list'   => array( array( 'update' => 'x' ), 'update' ),
			'update is a map'     => array( array( 'update' => array( 'a' => array( 'id' => 1 ) ) ), 'update' ),
			'item not an object'  => array( array( 'update' => array( 5 ) ), 'update.0' ),
			'missing id'          => array( array( 'update' => array( array( 'regular_price' => '1' ) ) ), 'update.0.id' ),
			'bad id'              => array( array( 'delete' => array( '12abc' ) ), 'delete.0.id' ),
			'negative id'         => array( array( 'delete' => array( -1 ) ), 'delete.0.id' ),
		);
	}

	/**
	 * @dataProvider malformed_batches
	 * @param array<string, mixed> $params
	 */
	public function test_malformed_batches_are_refused_naming_the_item( array $params, string $path ): void {
		try {
			( new Classifier() )->classify( 'POST', '/wc/v3/products/batch', $params );
			$this->fail( 'expected a refusal' );
		} catch ( DomainException $error ) {
			$this->assertSame( 'agent_guard_invalid_batch', $error->error_code );
			$this->assertSame( $path, $error->data['path'] );
		}
	}

	public function test_unknown_reads_are_unknown_not_readable(): void {
		$class = ( new Classifier() )->classify( 'GET', '/wc/v3/layout-templates', array() );
		$this->assertSame( Classification::UNKNOWN, $class->kind );
		$this->assertSame( '', $class->action );
	}
}

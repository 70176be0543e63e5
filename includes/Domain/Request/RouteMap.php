<?php
/**
 * Which REST routes do what.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Request;

/**
 * The route table of the classifier: each dispatched route (matched case-insensitively, like
 * WordPress matches) maps to a readable resource, the action of each write method, and how
 * the target is found in the URL. Routes not in the table are unknown: writes are denied,
 * reads are denied unless a resource is named.
 *
 * Route keys use {id}, {pid} (parent id) placeholders for numeric path segments.
 *
 * @since 0.1.0
 */
final class RouteMap {

	/**
	 * @var array<string, array{resource: string, target: string, writes: array<string, string>, batch?: string}>
	 *     target: `product`, `product_variation`… (the type of {id}), or '' for collections.
	 *     writes: HTTP method => action (POST/PUT/PATCH/DELETE).
	 *     batch: for `…/batch` routes, the per-item target type.
	 */
	public const WC = array(
		'products'                              => array(
			'resource' => 'products',
			'target'   => '',
			'writes'   => array( 'POST' => 'products:create' ),
			'create'   => 'product',
		),
		'products/{id}'                         => array(
			'resource' => 'products',
			'target'   => 'product',
			'writes'   => array(
				'POST'   => 'products:update',
				'PUT'    => 'products:update',
				'PATCH'  => 'products:update',
				'DELETE' => 'products:delete',
			),
		),
		'products/batch'                        => array(
			'resource' => 'products',
			'target'   => '',
			'writes'   => array(
				'POST'  => 'products:batch',
				'PUT'   => 'products:batch',
				'PATCH' => 'products:batch',
			),
			'batch'    => 'product',
		),
		'products/{pid}/variations'             => array(
			'resource' => 'products',
			'target'   => 'product',
			'target_from_parent' => true,
			'writes'   => array( 'POST' => 'products:update' ),
			'create'   => 'product_variation',
		),
		'products/{pid}/variations/{id}'        => array(
			'resource' => 'products',
			'target'   => 'product_variation',
			'writes'   => array(
				'POST'   => 'products:update',
				'PUT'    => 'products:update',
				'PATCH'  => 'products:update',
				'DELETE' => 'products:delete',
			),
		),
		'products/{pid}/variations/batch'       => array(
			'resource' => 'products',
			'target'   => '',
			'writes'   => array(
				'POST'  => 'products:batch',
				'PUT'   => 'products:batch',
				'PATCH' => 'products:batch',
			),
			'batch'    => 'product_variation',
		),
		'products/{pid}/variations/generate'    => array(
			'resource' => 'products',
			'target'   => 'product',
			'target_from_parent' => true,
			'writes'   => array( 'POST' => 'products:update' ),
		),
		'products/categories'                   => array(
			'resource' => 'product_categories',
			'target'   => '',
			'writes'   => array( 'POST' => 'product_categories:create' ),
			'create'   => 'product_category',
		),
		'products/categories/{id}'              => array(
			'resource' => 'product_categories',
			'target'   => 'product_category',
			'writes'   => array(
				'POST'   => 'product_categories:update',
				'PUT'    => 'product_categories:update',
				'PATCH'  => 'product_categories:update',
				'DELETE' => 'product_categories:delete',
			),
		),
		'products/categories/batch'             => array(
			'resource' => 'product_categories',
			'target'   => '',
			'writes'   => array(
				'POST'  => 'product_categories:batch',
				'PUT'   => 'product_categories:batch',
				'PATCH' => 'product_categories:batch',
			),
			'batch'    => 'product_category',
		),
		'orders'                                => array(
			'resource' => 'orders',
			'target'   => '',
			'writes'   => array( 'POST' => 'orders:create' ),
			'create'   => 'order',
		),
		'orders/{id}'                           => array(
			'resource' => 'orders',
			'target'   => 'order',
			'writes'   => array(
				'POST'   => 'orders:update',
				'PUT'    => 'orders:update',
				'PATCH'  => 'orders:update',
				'DELETE' => 'orders:delete',
			),
		),
		'orders/batch'                          => array(
			'resource' => 'orders',
			'target'   => '',
			'writes'   => array(
				'POST'  => 'orders:batch',
				'PUT'   => 'orders:batch',
				'PATCH' => 'orders:batch',
			),
			'batch'    => 'order',
		),
		'orders/{pid}/notes'                    => array(
			'resource' => 'orders',
			'target'   => 'order',
			'target_from_parent' => true,
			'writes'   => array( 'POST' => 'orders:note' ),
		),
		'orders/{pid}/notes/{id}'               => array(
			'resource' => 'orders',
			'target'   => 'order',
			'target_from_parent' => true,
			'writes'   => array( 'DELETE' => 'orders:note' ),
		),
		'orders/{pid}/refunds'                  => array(
			'resource' => 'orders',
			'target'   => 'order',
			'target_from_parent' => true,
			'writes'   => array( 'POST' => 'orders:refund' ),
		),
		'orders/{pid}/refunds/{id}'             => array(
			'resource' => 'orders',
			'target'   => 'order',
			'target_from_parent' => true,
			'writes'   => array( 'DELETE' => 'orders:refund' ),
		),
		'refunds'                               => array(
			'resource' => 'orders',
			'target'   => '',
			'writes'   => array(),
		),
		'customers'                             => array(
			'resource' => 'customers',
			'target'   => '',
			'writes'   => array( 'POST' => 'customers:create' ),
			'create'   => 'customer',
		),
		'customers/{id}'                        => array(
			'resource' => 'customers',
			'target'   => 'customer',
			'writes'   => array(
				'POST'   => 'customers:update',
				'PUT'    => 'customers:update',
				'PATCH'  => 'customers:update',
				'DELETE' => 'customers:delete',
			),
		),
		'customers/batch'                       => array(
			'resource' => 'customers',
			'target'   => '',
			'writes'   => array(
				'POST'  => 'customers:batch',
				'PUT'   => 'customers:batch',
				'PATCH' => 'customers:batch',
			),
			'batch'    => 'customer',
		),
		'customers/{id}/downloads'              => array(
			'resource' => 'customers',
			'target'   => 'customer',
			'writes'   => array(),
		),
		'coupons'                               => array(
			'resource' => 'coupons',
			'target'   => '',
			'writes'   => array( 'POST' => 'coupons:create' ),
			'create'   => 'coupon',
		),
		'coupons/{id}'                          => array(
			'resource' => 'coupons',
			'target'   => 'coupon',
			'writes'   => array(
				'POST'   => 'coupons:update',
				'PUT'    => 'coupons:update',
				'PATCH'  => 'coupons:update',
				'DELETE' => 'coupons:delete',
			),
		),
		'coupons/batch'                         => array(
			'resource' => 'coupons',
			'target'   => '',
			'writes'   => array(
				'POST'  => 'coupons:batch',
				'PUT'   => 'coupons:batch',
				'PATCH' => 'coupons:batch',
			),
			'batch'    => 'coupon',
		),
		'webhooks'                              => array(
			'resource' => 'webhooks',
			'target'   => '',
			'writes'   => array( 'POST' => 'webhooks:create' ),
			'create'   => 'webhook',
		),
		'webhooks/{id}'                         => array(
			'resource' => 'webhooks',
			'target'   => 'webhook',
			'writes'   => array(
				'POST'   => 'webhooks:update',
				'PUT'    => 'webhooks:update',
				'PATCH'  => 'webhooks:update',
				'DELETE' => 'webhooks:delete',
			),
		),
		'webhooks/batch'                        => array(
			'resource' => 'webhooks',
			'target'   => '',
			'writes'   => array(
				'POST'  => 'webhooks:batch',
				'PUT'   => 'webhooks:batch',
				'PATCH' => 'webhooks:batch',
			),
			'batch'    => 'webhook',
		),
		'settings'                              => array(
			'resource' => 'settings',
			'target'   => '',
			'writes'   => array(),
		),
		'settings/{group}'                      => array(
			'resource' => 'settings',
			'target'   => '',
			'writes'   => array(),
		),
		'settings/{group}/batch'                => array(
			'resource' => 'settings',
			'target'   => 'setting_group',
			'writes'   => array(
				'POST'  => 'settings:update',
				'PUT'   => 'settings:update',
				'PATCH' => 'settings:update',
			),
		),
		'settings/{group}/{key}'                => array(
			'resource' => 'settings',
			'target'   => 'setting',
			'writes'   => array(
				'POST'  => 'settings:update',
				'PUT'   => 'settings:update',
				'PATCH' => 'settings:update',
			),
		),
	);

	/**
	 * Read-only route prefixes of WooCommerce namespaces => resource (reads only; writes unknown).
	 */
	public const WC_READ_PREFIXES = array(
		'products/tags'             => 'products',
		'products/attributes'       => 'products',
		'products/shipping_classes' => 'products',
		'products/reviews'          => 'products',
		'products/custom-fields'    => 'products',
		'reports'                   => 'reports',
		'system_status'             => 'settings',
		'payment_gateways'          => 'settings',
		'shipping_methods'          => 'settings',
		'shipping'                  => 'settings',
		'taxes'                     => 'settings',
		'data'                      => 'settings',
	);

	/** wp/v2 content routes: base => [ resource, target type ]. */
	public const WP = array(
		'posts'    => array( 'posts', 'post' ),
		'pages'    => array( 'pages', 'page' ),
		'media'    => array( 'media', 'media' ),
		'comments' => array( 'comments', 'comment' ),
	);

	/** wp/v2 reads that describe content (types, taxonomies, terms) => resource. */
	public const WP_READS = array(
		'categories' => 'posts',
		'tags'       => 'posts',
		'types'      => 'posts',
		'taxonomies' => 'posts',
		'statuses'   => 'posts',
	);
}

<?php
/**
 * Starting policies for the common agents of the field.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Policy;

/**
 * Templates prefilled with the field's defaults. Every template starts in observe mode;
 * write-capable agents default to 5 writes a minute and 50 items a batch.
 *
 * @since 0.1.0
 */
final class PolicyTemplates {

	public const NAMES = array( 'pricing', 'inventory', 'support', 'marketing', 'read_only' );

	/**
	 * @return array<string, array{label: string, description: string}>
	 */
	public static function catalogue(): array {
		return array(
			'pricing'   => array(
				'label'       => 'Pricing agent',
				'description' => 'Reads and updates product prices. Price changes over ±5 % in 24 h, over $50, or over 20 % in 7 days go to a human.',
			),
			'inventory' => array(
				'label'       => 'Inventory agent',
				'description' => 'Updates stock counts; every stock write must carry the count it expects, batches up to 100 items.',
			),
			'support'   => array(
				'label'       => 'Support agent',
				'description' => 'Reads orders with customer details redacted, adds notes, updates statuses; every refund needs a human.',
			),
			'marketing' => array(
				'label'       => 'Marketing agent',
				'description' => 'Creates coupons; percentage coupons above 20 % need a human.',
			),
			'read_only' => array(
				'label'       => 'Read-only agent',
				'description' => 'Reads products and categories; may not write anything.',
			),
		);
	}

	/**
	 * The full policy document of a template.
	 *
	 * @return array<string, mixed>
	 */
	public static function get( string $name ): array {
		$base = self::base();
		switch ( $name ) {
			case 'pricing':
				$base['data_access']['resources'] = array(
					'products'           => 'read',
					'product_categories' => 'read',
					'reports'            => 'read',
				);
				$base['actions']['allow']         = array( 'products:update', 'products:batch' );
				$base['actions']['deny']          = array( 'products:delete', 'products:create' );
				$base['actions']['fields']        = array(
					'products:update' => array( 'regular_price', 'sale_price', 'date_on_sale_from', 'date_on_sale_to', 'date_on_sale_from_gmt', 'date_on_sale_to_gmt' ),
					'products:batch'  => array( 'regular_price', 'sale_price', 'date_on_sale_from', 'date_on_sale_to', 'date_on_sale_from_gmt', 'date_on_sale_to_gmt' ),
				);
				$base['approvals']['price']       = array(
					'max_change_percent_24h'    => 5,
					'max_change_minor'          => 5000,
					'max_cumulative_percent_7d' => 20,
					'sale_dates_need_approval'  => false,
				);
				$base['approvals']['bulk_over_items'] = 20;
				return $base;
			case 'inventory':
				$base['data_access']['resources']  = array(
					'products' => 'read',
					'orders'   => 'read',
				);
				$base['actions']['allow']          = array( 'products:update', 'products:batch' );
				$base['actions']['deny']           = array( 'products:delete', 'products:create' );
				$base['actions']['fields']         = array(
					'products:update' => array( 'stock_quantity', 'manage_stock', 'stock_status', 'backorders' ),
					'products:batch'  => array( 'stock_quantity', 'manage_stock', 'stock_status', 'backorders' ),
				);
				$base['approvals']['stock']        = array(
					'require_expected' => true,
					'max_change_units' => null,
				);
				$base['limits']['items_per_batch'] = 100;
				return $base;
			case 'support':
				$base['data_access']['resources'] = array(
					'orders'    => 'read',
					'customers' => 'read',
					'products'  => 'read',
				);
				$base['data_access']['pii']       = 'redacted';
				$base['actions']['allow']         = array( 'orders:note', 'orders:update', 'orders:refund' );
				$base['actions']['deny']          = array( 'orders:delete' );
				$base['actions']['fields']        = array(
					'orders:update' => array( 'status', 'customer_note' ),
				);
				$base['approvals']['always']            = array( 'orders:refund' );
				$base['approvals']['refund_over_minor'] = 0;
				return $base;
			case 'marketing':
				$base['data_access']['resources'] = array(
					'coupons'            => 'read',
					'products'           => 'read',
					'product_categories' => 'read',
				);
				$base['actions']['allow']         = array( 'coupons:create', 'coupons:update' );
				$base['actions']['deny']          = array( 'coupons:delete' );
				$base['approvals']['coupons']     = array(
					'max_percent'     => 20,
					'max_fixed_minor' => 2000,
				);
				return $base;
			case 'read_only':
				$base['data_access']['resources'] = array(
					'products'           => 'read',
					'product_categories' => 'read',
				);
				return $base;
		}
		throw new \InvalidArgumentException( sprintf( 'Unknown policy template "%s".', $name ) );
	}

	/**
	 * What every template shares: observe mode, nothing readable or allowed, field defaults.
	 *
	 * @return array<string, mixed>
	 */
	public static function base(): array {
		return array(
			'schema_version'   => Policy::SCHEMA_VERSION,
			'mode'             => 'observe',
			'data_access'      => array(
				'resources' => array(),
				'pii'       => 'redacted',
			),
			'actions'          => array(
				'allow'       => array(),
				'deny'        => array(),
				'constraints' => array(),
				'fields'      => array(),
			),
			'approvals'        => array(
				'price'                      => array(
					'max_change_percent_24h'    => null,
					'max_change_minor'          => null,
					'max_cumulative_percent_7d' => null,
					'sale_dates_need_approval'  => false,
				),
				'stock'                      => array(
					'require_expected' => false,
					'max_change_units' => null,
				),
				'coupons'                    => array(
					'max_percent'     => null,
					'max_fixed_minor' => null,
				),
				'refund_over_minor'          => null,
				'deletes'                    => true,
				'bulk_over_items'            => null,
				'always'                     => array(),
				'second_approver_over_minor' => null,
				'expires_hours'              => 48,
			),
			'limits'           => array(
				'writes_per_minute' => 5,
				'actions_per_day'   => 1000,
				'items_per_batch'   => 50,
			),
			'canary'           => array(
				'percent' => 0,
				'outside' => 'refuse',
			),
			'tokens'           => array(
				'lifetime_days'           => 30,
				'critical_actions'        => array(),
				'critical_lifetime_hours' => 1,
			),
			'circuit_breakers' => Policy::DEFAULT_BREAKERS,
			'launch'           => array(
				'integrations'  => array(),
				'rollback_plan' => '',
				'alert_emails'  => array(),
				'on_call'       => '',
				'callback_url'  => '',
			),
		);
	}
}

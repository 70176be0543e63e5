<?php
/**
 * The plugin's capabilities and who holds them.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\WordPress;

/**
 * agent_guard_manage (registry, policies, canary), agent_guard_approve, agent_guard_halt,
 * agent_guard_audit. Administrators get all; shop managers approve and halt by default.
 *
 * @since 0.1.0
 */
final class Capabilities {

	public const MANAGE  = 'agent_guard_manage';
	public const APPROVE = 'agent_guard_approve';
	public const HALT    = 'agent_guard_halt';
	public const AUDIT   = 'agent_guard_audit';

	/** Role => capabilities granted on activation. */
	public const DEFAULTS = array(
		'administrator' => array( self::MANAGE, self::APPROVE, self::HALT, self::AUDIT ),
		'shop_manager'  => array( self::APPROVE, self::HALT ),
	);

	/**
	 * @return list<string>
	 */
	public static function all(): array {
		return array( self::MANAGE, self::APPROVE, self::HALT, self::AUDIT );
	}

	/**
	 * Grants the defaults (idempotent; roles created later, e.g. by WooCommerce, are handled on
	 * the next upgrade or on `woocommerce_installed`).
	 */
	public static function grant_defaults(): void {
		foreach ( self::DEFAULTS as $role_name => $caps ) {
			$role = get_role( $role_name );
			if ( ! $role ) {
				continue;
			}
			foreach ( $caps as $cap ) {
				if ( ! $role->has_cap( $cap ) ) {
					$role->add_cap( $cap );
				}
			}
		}
	}

	public static function remove_all(): void {
		foreach ( wp_roles()->role_objects as $role ) {
			foreach ( self::all() as $cap ) {
				$role->remove_cap( $cap );
			}
		}
	}
}

<?php
/**
 * Agents' dedicated WordPress users.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\WordPress;

use AgentGuard\Domain\Agent\ServiceAccounts;
use AgentGuard\Domain\DomainException;

/**
 * Each agent acts as its own user with the role `agent_guard_agent`: no capabilities of its
 * own (the policy grants them per request, see ServiceUserGuard), no wp-admin login, no
 * application passwords or WooCommerce keys.
 *
 * @since 0.1.0
 */
final class WpServiceAccounts implements ServiceAccounts {

	public const ROLE = 'agent_guard_agent';

	public static function register_role(): void {
		if ( null === get_role( self::ROLE ) ) {
			add_role( self::ROLE, 'Agent (Agent Guard)', array() );
		}
	}

	public function create( string $agent_name ): int {
		self::register_role();
		$base  = 'agent-' . ( sanitize_user( sanitize_title( $agent_name ), true ) ?: 'agent' );
		$base  = substr( $base, 0, 50 );
		$login = $base;
		for ( $i = 2; username_exists( $login ); $i++ ) {
			$login = $base . '-' . $i;
		}
		$user_id = wp_insert_user(
			array(
				'user_login'   => $login,
				'user_pass'    => wp_generate_password( 64, true, true ),
				'user_email'   => $login . '@agents.agent-guard.invalid',
				'display_name' => $agent_name . ' (agent)',
				'role'         => self::ROLE,
			)
		);
		if ( is_wp_error( $user_id ) ) {
			throw new DomainException( 'agent_guard_service_user_failed', 'Could not create the agent\'s service user: ' . $user_id->get_error_message(), 500 );
		}
		update_user_meta( $user_id, 'agent_guard_service_user', 1 );
		return (int) $user_id;
	}

	public function rename( int $user_id, string $agent_name ): void {
		wp_update_user(
			array(
				'ID'           => $user_id,
				'display_name' => $agent_name . ' (agent)',
			)
		);
	}

	public function user_exists( int $user_id ): bool {
		$user = get_userdata( $user_id );
		return false !== $user && ! ServiceUserGuard::is_service_user( $user_id );
	}
}

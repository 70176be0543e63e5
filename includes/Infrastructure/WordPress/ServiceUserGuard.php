<?php
/**
 * Keeps agents' service users inside the guard.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\WordPress;

use AgentGuard\Domain\Agent\AgentRepository;
use AgentGuard\Domain\Policy\CapabilityMap;
use AgentGuard\Domain\Policy\Policy;
use AgentGuard\Infrastructure\WooCommerce\RequestScope;

/**
 * A service user holds exactly the capabilities its agent's policy needs, and only while it
 * acts through an agent token on a REST request. It cannot log in to wp-admin, cannot be
 * given application passwords, and WooCommerce API keys are never issued to it.
 *
 * @since 0.1.0
 */
final class ServiceUserGuard {

	/**
	 * WpServiceAccounts::ROLE, written out: checking a user does not load the class that creates
	 * service users (a test keeps the two equal).
	 */
	public const ROLE = 'agent_guard_agent';

	/** @var \WeakMap<object, array<string, array<string, bool>>>|null Capabilities granted, by identity (while it lives) and reading mode. */
	private ?\WeakMap $granted = null;

	/**
	 * @param \Closure(): AgentRepository $agents Built when a service user is first met.
	 */
	public function __construct( private RequestScope $scope, private \Closure $agents ) {
	}

	/**
	 * @return list<array{0: string, 1: string|callable, 2?: int, 3?: int}>
	 */
	public static function hooks(): array {
		return array(
			array( 'user_has_cap', 'filter_caps', 999, 4 ),
			array( 'map_meta_cap', array( self::class, 'protect_service_users' ), 999, 4 ),
			array( 'set_current_user', 'borrowed_user' ),
			array( 'wp_authenticate_user', array( self::class, 'refuse_login' ), 99 ),
			array( 'wp_is_application_passwords_available_for_user', array( self::class, 'no_application_passwords' ), 99, 2 ),
			// The role is stored with the roles; it is added on activation and upgrade, and put back
			// from wp-admin if someone removed it (not on every request).
			array( 'admin_init', array( WpServiceAccounts::class, 'register_role' ) ),
		);
	}

	/**
	 * Service users: the caps of their policy, only while acting through their token.
	 *
	 * @param array<string, bool> $allcaps
	 * @param array<int, string>  $caps
	 * @param array<int, mixed>   $args
	 * @param \WP_User            $user
	 * @return array<string, bool>
	 */
	public function filter_caps( $allcaps, $caps, $args, $user ) {
		if ( ! $user instanceof \WP_User ) {
			return $allcaps;
		}
		$identity = $this->scope->identity;
		$acting   = null !== $identity && $identity->acting_user_id === (int) $user->ID && null === $this->scope->failure;
		if ( ! $acting && ! self::is_service_account( $user ) ) {
			// Not an agent: people and other integrations keep their capabilities untouched.
			return $allcaps;
		}
		if ( ! $acting ) {
			$borrowed = $this->scope->borrowed_agent;
			if ( null !== $borrowed && $borrowed->service_user_id === (int) $user->ID ) {
				// Code running as the agent's user (WooCommerce building its webhook payload):
				// what the agent may read, nothing more.
				return array_fill_keys( CapabilityMap::reads_for_policy( Policy::from_array( $borrowed->policy ) ), true );
			}
			// A service user outside its agent's own request holds nothing.
			return array();
		}
		// WordPress asks for capabilities many times per request: the policy's are worked out once.
		$this->granted ??= new \WeakMap();
		$mode = $this->scope->guard_reading ? 'guard' : 'agent';
		if ( ! isset( $this->granted[ $identity ][ $mode ] ) ) {
			$granted = array();
			foreach ( CapabilityMap::for_policy( Policy::from_array( $identity->agent->policy ) ) as $cap ) {
				$granted[ $cap ] = true;
			}
			if ( $this->scope->guard_reading ) {
				// The guard reads targets for its own decision, whatever the agent may read.
				foreach ( CapabilityMap::all_reads() as $cap ) {
					$granted[ $cap ] = true;
				}
			}
			$this->granted[ $identity ] = array( $mode => $granted ) + ( $this->granted[ $identity ] ?? array() );
		}
		$granted = $this->granted[ $identity ][ $mode ];
		if ( $identity->is_adopted() ) {
			// An adopted key acts as a person's account: never more than that person holds.
			return array_intersect_key( $granted, array_filter( $allcaps ) );
		}
		return $granted;
	}

	/**
	 * Notes when code switches to a service user outside that agent's own request.
	 */
	public function borrowed_user(): void {
		$user_id  = get_current_user_id();
		$identity = $this->scope->identity;
		if ( $user_id > 0 && ( null === $identity || $identity->acting_user_id !== $user_id ) && self::is_service_user( $user_id ) ) {
			$this->scope->borrowed_agent = ( $this->agents )()->find_by_service_user( $user_id );
			return;
		}
		$this->scope->borrowed_agent = null;
	}

	/**
	 * Nobody edits, deletes or promotes a service user by hand: its agent owns it (and WooCommerce
	 * only issues API keys for users one may edit).
	 *
	 * @param list<string>     $caps
	 * @param string           $cap
	 * @param int              $user_id
	 * @param array<int, mixed> $args
	 * @return list<string>
	 */
	public static function protect_service_users( $caps, $cap, $user_id, $args ) {
		if ( in_array( $cap, array( 'edit_user', 'delete_user', 'promote_user', 'remove_user' ), true ) && isset( $args[0] ) && self::is_service_user( (int) $args[0] ) ) {
			return array( 'do_not_allow' );
		}
		return $caps;
	}

	/**
	 * @param \WP_User|\WP_Error $user
	 * @return \WP_User|\WP_Error
	 */
	public static function refuse_login( $user ) {
		if ( $user instanceof \WP_User && self::is_service_account( $user ) ) {
			return new \WP_Error( 'agent_guard_service_user', __( 'This account belongs to an AI agent and cannot log in.', 'agent-guard' ) );
		}
		return $user;
	}

	/**
	 * @param bool          $available
	 * @param \WP_User|null $user
	 */
	public static function no_application_passwords( $available, $user ): bool {
		if ( $user instanceof \WP_User && self::is_service_account( $user ) ) {
			return false;
		}
		return (bool) $available;
	}

	/**
	 * Whether a user is an agent's service user: from the stored role list (the meta cache
	 * WordPress fills when it loads a user), not a new WP_User, since this runs on every
	 * authenticated request. A service user stays one even if someone removed the role itself.
	 */
	public static function is_service_user( int $user_id ): bool {
		if ( $user_id <= 0 ) {
			return false;
		}
		$roles = get_user_meta( $user_id, $GLOBALS['wpdb']->get_blog_prefix() . 'capabilities', true );
		return is_array( $roles ) && ! empty( $roles[ self::ROLE ] );
	}

	/**
	 * The same for a loaded user (its stored roles, whether or not the role still exists).
	 */
	private static function is_service_account( \WP_User $user ): bool {
		return ! empty( $user->caps[ self::ROLE ] );
	}
}

<?php
declare( strict_types=1 );

namespace AgentGuard\Tests\integration;

use AgentGuard\Infrastructure\Persistence\Schema;
use AgentGuard\Infrastructure\WordPress\Maintenance;
use AgentGuard\Infrastructure\WordPress\WpServiceAccounts;
use AgentGuard\Plugin;

/**
 * The composition root's hook table and what activation and upgrades settle.
 */
final class PluginTest extends TestCase {

	public function test_the_hook_table_is_each_hooked_class_hooks(): void {
		$this->assertCount( 9, Plugin::HOOKS );
		foreach ( Plugin::HOOKS as $service => $hooks ) {
			$class = get_class( $this->plugin()->{$service} );
			$this->assertSame( $class::hooks(), $hooks, "Plugin::HOOKS['{$service}'] differs from {$class}::hooks()" );
		}
	}

	public function test_constants_written_out_for_speed_equal_their_sources(): void {
		$this->assertSame( \AgentGuard\Infrastructure\Persistence\WpdbAdoptions::FLAG_OPTION, \AgentGuard\Infrastructure\WooCommerce\AgentAuthentication::ADOPTIONS_FLAG );
		$this->assertSame( Plugin::REST_NAMESPACE, \AgentGuard\Rest\RestController::NAMESPACE );
		$this->assertSame( WpServiceAccounts::ROLE, \AgentGuard\Infrastructure\WordPress\ServiceUserGuard::ROLE );
	}

	public function test_every_hook_of_the_table_is_attached_outside_wp_admin_except_admin_ones(): void {
		$this->assertFalse( is_admin() );
		$admin_only = array( 'admin_init', 'admin_menu', 'admin_head', 'admin_notices', 'admin_post_agent_guard_halt', 'admin_post_agent_guard_resume' );
		foreach ( Plugin::HOOKS as $service => $hooks ) {
			foreach ( $hooks as $hook ) {
				$attached = $this->ours( $hook[0], $hook[2] ?? 10 );
				if ( in_array( $hook[0], $admin_only, true ) ) {
					$this->assertSame( 0, $attached, "{$hook[0]} is attached outside wp-admin" );
				} else {
					$this->assertGreaterThan( 0, $attached, "{$service}: {$hook[0]} is not attached" );
				}
			}
		}
		$this->assertNotFalse( has_filter( 'rest_exposed_cors_headers', array( Plugin::class, 'exposed_headers' ) ) );
	}

	public function test_a_request_does_not_load_a_hooked_class_to_attach_its_static_callbacks(): void {
		// The static callbacks of the table name classes that only load when they run.
		$script = sprintf(
			'require %s; echo wp_json_encode( array( "maintenance" => class_exists( %s, false ), "admin_bar" => class_exists( %s, false ) ) );',
			var_export( ABSPATH . 'wp-load.php', true ),
			var_export( Maintenance::class, true ),
			var_export( \AgentGuard\Admin\AdminBar::class, true )
		);
		$out = shell_exec( sprintf( 'cd %s && php -r %s 2>&1', escapeshellarg( ABSPATH ), escapeshellarg( '$_SERVER["HTTP_HOST"] = ' . var_export( (string) wp_parse_url( home_url(), PHP_URL_HOST ) . ':' . (string) wp_parse_url( home_url(), PHP_URL_PORT ), true ) . '; $_SERVER["REQUEST_URI"] = "/"; define( "WP_USE_THEMES", false ); ' . $script ) ) );
		$this->assertSame( array( 'maintenance' => false, 'admin_bar' => false ), json_decode( (string) $out, true ), (string) $out );
	}

	public function test_activation_registers_the_role_and_schedules_maintenance_without_the_plugin_booted_hooks(): void {
		wp_clear_scheduled_hook( Maintenance::HOOK );
		remove_role( WpServiceAccounts::ROLE );
		remove_filter( 'cron_schedules', array( Maintenance::class, 'schedules' ) );
		try {
			Plugin::activate();
			$this->assertNotNull( get_role( WpServiceAccounts::ROLE ) );
			$next = wp_get_scheduled_event( Maintenance::HOOK );
			$this->assertNotFalse( $next );
			$this->assertSame( 'agent_guard_five_minutes', $next->schedule );
		} finally {
			add_filter( 'cron_schedules', array( Maintenance::class, 'schedules' ) );
		}
	}

	public function test_an_upgrade_settles_the_role_and_the_schedule_too(): void {
		wp_clear_scheduled_hook( Maintenance::HOOK );
		remove_role( WpServiceAccounts::ROLE );
		update_option( Schema::VERSION_OPTION, 0 );
		$this->plugin()->schema->maybe_upgrade();
		$this->assertNotNull( get_role( WpServiceAccounts::ROLE ) );
		$this->assertNotFalse( wp_next_scheduled( Maintenance::HOOK ) );
	}

	/**
	 * How many of the plugin's callbacks are attached to a hook at a priority: its classes'
	 * methods, and the closures of its composition root.
	 */
	private function ours( string $hook, int $priority ): int {
		global $wp_filter;
		$count = 0;
		foreach ( isset( $wp_filter[ $hook ] ) ? ( $wp_filter[ $hook ]->callbacks[ $priority ] ?? array() ) : array() as $callback ) {
			$function = $callback['function'];
			if ( is_array( $function ) ) {
				$class = is_object( $function[0] ) ? get_class( $function[0] ) : (string) $function[0];
				$count += str_starts_with( $class, 'AgentGuard\\' ) ? 1 : 0;
			} elseif ( $function instanceof \Closure ) {
				$count += ( new \ReflectionFunction( $function ) )->getClosureThis() instanceof Plugin ? 1 : 0;
			}
		}
		return $count;
	}
}

<?php
declare( strict_types=1 );

namespace AgentGuard\Tests\integration\Infrastructure\Persistence;

use AgentGuard\Infrastructure\Persistence\Schema;
use AgentGuard\Tests\integration\TestCase;

final class SchemaTest extends TestCase {

	public function test_every_table_exists_after_activation(): void {
		global $wpdb;
		foreach ( $this->plugin()->schema->table_names() as $table ) {
			$this->assertSame( $table, $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $table ) ), "{$table} is missing" );
		}
		$this->assertSame( Schema::VERSION, (int) get_option( Schema::VERSION_OPTION ) );
	}

	public function test_the_global_control_row_exists_and_is_running(): void {
		global $wpdb;
		$row = $wpdb->get_row( "SELECT halted, epoch FROM {$wpdb->prefix}agent_guard_control WHERE id = 1", ARRAY_A );
		$this->assertSame( '0', (string) $row['halted'] );
		$this->assertGreaterThanOrEqual( 1, (int) $row['epoch'] );
	}

	public function test_dbdelta_finds_nothing_to_change_on_an_up_to_date_install(): void {
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$changes = array();
		foreach ( $this->plugin()->schema->table_definitions() as $sql ) {
			$changes = array_merge( $changes, dbDelta( $sql, false ) );
		}
		$this->assertSame( array(), $changes, 'dbDelta would alter: ' . implode( '; ', $changes ) );
	}

	public function test_upgrade_runs_when_the_stored_version_is_older_and_fires_the_hook(): void {
		$fired = array();
		add_action(
			'agent_guard_schema_upgraded',
			static function ( int $from, int $to ) use ( &$fired ): void {
				$fired[] = array( $from, $to );
			},
			10,
			2
		);
		update_option( Schema::VERSION_OPTION, 0 );
		$this->plugin()->schema->maybe_upgrade();
		$this->assertSame( array( array( 0, Schema::VERSION ) ), $fired );
		$this->assertSame( Schema::VERSION, (int) get_option( Schema::VERSION_OPTION ) );
		$this->plugin()->schema->maybe_upgrade();
		$this->assertCount( 1, $fired, 'an up-to-date schema does not upgrade again' );
	}
}

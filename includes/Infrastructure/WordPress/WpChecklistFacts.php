<?php
/**
 * Checklist facts read from WordPress.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\WordPress;

use AgentGuard\Domain\Agent\ChecklistFacts;
use AgentGuard\Infrastructure\Persistence\Dates;
use AgentGuard\Infrastructure\Persistence\Tables;

/**
 * Approvers are users holding agent_guard_approve; the kill-switch test is the latest
 * `kill_switch_tested` audit event of the agent.
 *
 * @since 0.1.0
 */
final class WpChecklistFacts implements ChecklistFacts {

	public function __construct( private \wpdb $wpdb ) {
	}

	public function approver_count(): int {
		$roles = array();
		foreach ( wp_roles()->role_objects as $name => $role ) {
			if ( $role->has_cap( Capabilities::APPROVE ) ) {
				$roles[] = $name;
			}
		}
		if ( ! $roles ) {
			return 0;
		}
		$query = new \WP_User_Query(
			array(
				'role__in'    => $roles,
				'fields'      => 'ID',
				'number'      => 1,
				'count_total' => true,
			)
		);
		return (int) $query->get_total();
	}

	public function kill_switch_tested_at( int $agent_id ): ?int {
		$table = Tables::audit_events( $this->wpdb );
		$value = $this->wpdb->get_var(
			$this->wpdb->prepare(
				"SELECT occurred_at_gmt FROM {$table} WHERE agent_id = %d AND event_type = %s ORDER BY id DESC LIMIT 1", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				$agent_id,
				'kill_switch_tested'
			)
		);
		return Dates::from_gmt( $value );
	}
}

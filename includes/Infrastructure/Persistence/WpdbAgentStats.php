<?php
/**
 * Read models about agents for the admin screens.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\Persistence;

/**
 * Last activity and token counts, computed with indexed queries (one per agent for the
 * activity, one for all token counts).
 *
 * @since 0.1.0
 */
final class WpdbAgentStats {

	public function __construct( private \wpdb $wpdb ) {
	}

	public function last_activity( int $agent_id ): ?int {
		$table = Tables::audit_events( $this->wpdb );
		$value = $this->wpdb->get_var( $this->wpdb->prepare( "SELECT occurred_at_gmt FROM {$table} WHERE agent_id = %d AND actor_type = 'agent' ORDER BY id DESC LIMIT 1", $agent_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return Dates::from_gmt( $value );
	}

	/**
	 * Active tokens and those expiring within $soon seconds, per agent.
	 *
	 * @return array<int, array{active: int, expiring: int}>
	 */
	public function token_counts( int $now, int $soon ): array {
		$table = Tables::tokens( $this->wpdb );
		$rows  = $this->wpdb->get_results(
			$this->wpdb->prepare(
				"SELECT agent_id, COUNT(*) AS active, SUM(CASE WHEN expires_at_gmt <= %s THEN 1 ELSE 0 END) AS expiring
				FROM {$table}
				WHERE expires_at_gmt > %s AND (revoked_at_gmt IS NULL OR revoked_at_gmt > %s)
				GROUP BY agent_id", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				Dates::to_gmt( $now + $soon ),
				Dates::to_gmt( $now ),
				Dates::to_gmt( $now )
			),
			ARRAY_A
		);
		$out = array();
		foreach ( $rows ?: array() as $row ) {
			$out[ (int) $row['agent_id'] ] = array(
				'active'   => (int) $row['active'],
				'expiring' => (int) $row['expiring'],
			);
		}
		return $out;
	}
}

<?php
/**
 * Policy history in {$wpdb->prefix}agent_guard_policy_versions.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\Persistence;

use AgentGuard\Domain\Policy\PolicyVersions;
use AgentGuard\Domain\StorageFailure;

/**
 * wpdb adapter of the policy history.
 *
 * @since 0.1.0
 */
final class WpdbPolicyVersions implements PolicyVersions {

	public function __construct( private \wpdb $wpdb ) {
	}

	public function record( int $agent_id, int $version, array $policy, int $author_id, string $note, int $at ): void {
		$ok = $this->wpdb->insert(
			Tables::policy_versions( $this->wpdb ),
			array(
				'agent_id'       => $agent_id,
				'version'        => $version,
				'policy'         => (string) wp_json_encode( $policy ),
				'author_id'      => $author_id,
				'note'           => mb_substr( $note, 0, 500 ),
				'created_at_gmt' => Dates::to_gmt( $at ),
			)
		);
		if ( false === $ok ) {
			throw new StorageFailure( 'policy versions' );
		}
	}

	public function list( int $agent_id ): array {
		$table = Tables::policy_versions( $this->wpdb );
		$rows  = $this->wpdb->get_results( $this->wpdb->prepare( "SELECT version, author_id, note, created_at_gmt FROM {$table} WHERE agent_id = %d ORDER BY version DESC", $agent_id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return array_map(
			static fn ( array $row ): array => array(
				'version'    => (int) $row['version'],
				'author_id'  => (int) $row['author_id'],
				'note'       => (string) $row['note'],
				'created_at' => (int) Dates::from_gmt( $row['created_at_gmt'] ),
			),
			$rows ?: array()
		);
	}

	public function get( int $agent_id, int $version ): ?array {
		$table = Tables::policy_versions( $this->wpdb );
		$json  = $this->wpdb->get_var( $this->wpdb->prepare( "SELECT policy FROM {$table} WHERE agent_id = %d AND version = %d", $agent_id, $version ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$data  = null === $json ? null : json_decode( (string) $json, true );
		return is_array( $data ) ? $data : null;
	}
}

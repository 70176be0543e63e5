<?php
/**
 * What happened inside and outside an agent's canary.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\Persistence;

use AgentGuard\Domain\Canary\Cohort;
use AgentGuard\Domain\Decision\TargetStates;

/**
 * Counts the agent's writes since it entered canary mode (or since the dial last moved):
 * executed inside the cohort, failed, refused or queued outside it, and reverted — a change
 * whose target now holds the value from before the agent's write again. Hourly series for the
 * chart. Reads at most the latest 5,000 events.
 *
 * @since 0.1.0
 */
final class WpdbCanaryStats {

	public function __construct( private \wpdb $wpdb, private TargetStates $states ) {
	}

	/**
	 * @return array<string, mixed>
	 */
	public function for_agent( int $agent_id, int $now, bool $with_reverts = true ): array {
		$table = Tables::audit_events( $this->wpdb );
		$since = (int) $this->wpdb->get_var( $this->wpdb->prepare( "SELECT MAX(id) FROM {$table} WHERE agent_id = %d AND event_type IN ('canary_changed', 'mode_changed')", $agent_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$rows  = $this->wpdb->get_results(
			$this->wpdb->prepare(
				"SELECT id, occurred_at_gmt, decision, status, action, target_type, target_id, before_state, after_state FROM {$table} WHERE agent_id = %d AND id > %d AND event_type = 'agent_request' AND method IN ('POST', 'PUT', 'PATCH', 'DELETE') ORDER BY id DESC LIMIT 5000", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				$agent_id,
				$since
			),
			ARRAY_A
		);
		$inside   = 0;
		$outside  = 0;
		$failures = 0;
		$series   = array();
		$written  = array();
		foreach ( $rows ?: array() as $row ) {
			$hour = substr( (string) $row['occurred_at_gmt'], 0, 13 ) . ':00:00Z';
			$hour = str_replace( ' ', 'T', $hour );
			if ( ! isset( $series[ $hour ] ) ) {
				$series[ $hour ] = array(
					'hour'    => $hour,
					'inside'  => 0,
					'outside' => 0,
				);
			}
			if ( 'outside_canary' === $row['decision'] ) {
				++$outside;
				++$series[ $hour ]['outside'];
				continue;
			}
			if ( 'allow' === $row['decision'] ) {
				++$inside;
				++$series[ $hour ]['inside'];
				if ( count( $written ) < 200 && null !== $row['after_state'] ) {
					$written[] = $row;
				}
			} elseif ( 'error' === $row['decision'] ) {
				++$inside;
				++$failures;
				++$series[ $hour ]['inside'];
			}
		}
		$reverts = $with_reverts ? $this->reverts( $written ) : 0;
		ksort( $series );
		return array(
			'since_event_id' => $since,
			'actions'        => $inside,
			'outside'        => $outside,
			'failures'       => $failures,
			'reverts'        => $reverts,
			'failure_rate'   => $inside > 0 ? round( $failures / $inside * 100, 2 ) : 0.0,
			'revert_rate'    => $inside > 0 ? round( $reverts / $inside * 100, 2 ) : 0.0,
			'series'         => array_values( $series ),
		);
	}

	/**
	 * How many of the agent's written targets hold their before-value again.
	 *
	 * @param list<array<string, mixed>> $written
	 */
	private function reverts( array $written ): int {
		$checks  = array();
		$targets = array();
		foreach ( $written as $row ) {
			$before = json_decode( (string) $row['before_state'], true );
			$after  = json_decode( (string) $row['after_state'], true );
			foreach ( is_array( $after ) ? $after : array() as $key => $state ) {
				if ( ! is_array( $state ) || ! preg_match( '/^(product|product_variation|order|coupon):(\d+)$/', (string) $key, $m ) || ! isset( $before[ $key ] ) || ! is_array( $before[ $key ] ) ) {
					continue;
				}
				$checks[]  = array( $key, $before[ $key ], $state );
				$targets[] = array(
					'type'   => $m[1],
					'id'     => $m[2],
					'parent' => (int) ( $state['parent_id'] ?? 0 ),
				);
			}
		}
		if ( ! $checks ) {
			return 0;
		}
		$now     = $this->states->read( $targets );
		$reverts = 0;
		$seen    = array();
		foreach ( $checks as list( $key, $before, $after ) ) {
			if ( isset( $seen[ $key ] ) || ! isset( $now[ $key ] ) ) {
				continue;
			}
			$seen[ $key ] = true;
			foreach ( array( 'regular_price', 'sale_price', 'stock_quantity', 'status', 'amount' ) as $field ) {
				if ( array_key_exists( $field, $after ) && ( $before[ $field ] ?? null ) !== ( $after[ $field ] ?? null ) && ( $now[ $key ][ $field ] ?? null ) === ( $before[ $field ] ?? null ) ) {
					++$reverts;
					break;
				}
			}
		}
		return $reverts;
	}

	/**
	 * How many of the store's products are in the cohort at a percentage.
	 *
	 * @param list<int> $product_ids
	 * @return array{size: int, total: int}
	 */
	public static function cohort( int $agent_id, array $product_ids, float $percent ): array {
		$size = 0;
		foreach ( $product_ids as $id ) {
			$size += Cohort::contains( $agent_id, 'product:' . $id, $percent ) ? 1 : 0;
		}
		return array(
			'size'  => $size,
			'total' => count( $product_ids ),
		);
	}
}

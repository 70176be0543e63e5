<?php
/**
 * Queued requests in {$wpdb->prefix}agent_guard_approvals.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\Persistence;

use AgentGuard\Domain\Approval\Approval;
use AgentGuard\Domain\Approval\ApprovalRepository;
use AgentGuard\Domain\Approval\ApprovalState;
use AgentGuard\Domain\Approval\PendingRequest;
use AgentGuard\Domain\Audit\AuditChain;
use AgentGuard\Domain\StorageFailure;

/**
 * Stores requests whole (payload and target state hashed) and moves them between states with
 * one conditional UPDATE each: `WHERE id = ? AND version = ? AND state = ?`. Row locks
 * (InnoDB) or the database lock (SQLite) make exactly one concurrent caller win.
 *
 * @since 0.1.0
 */
final class WpdbApprovalRepository implements ApprovalRepository {

	public function __construct( private \wpdb $wpdb ) {
	}

	public function enqueue( PendingRequest $request ): int {
		$exposure = (array) apply_filters( 'agent_guard_approval_exposure', array(), $request );
		$ok       = $this->wpdb->insert(
			Tables::approvals( $this->wpdb ),
			array(
				'agent_id'           => $request->agent_id,
				'token_id'           => $request->token_id,
				'acting_user_id'     => $request->acting_user_id,
				'state'              => ApprovalState::Pending->value,
				'version'            => 1,
				'action'             => $request->action,
				'target_type'        => $request->target_type,
				'target_id'          => mb_substr( $request->target_id, 0, 64 ),
				'method'             => $request->method,
				'route'              => mb_substr( $request->route, 0, 255 ),
				'params'             => AuditChain::encode( $request->params ),
				'payload_hash'       => $request->payload_hash(),
				'target_state'       => AuditChain::encode( $request->target_state ),
				'target_hash'        => $request->target_hash(),
				'diff'               => AuditChain::encode( $request->diff ),
				'rule'               => mb_substr( $request->rule, 0, 120 ),
				'reason'             => mb_substr( $request->reason, 0, 500 ),
				'metadata'           => AuditChain::encode(
					$request->metadata + array(
						'reasons'   => $request->reasons,
						'queued_by' => $request->queued_by,
					)
				),
				'exposure'           => AuditChain::encode( $exposure ),
				'exposure_minor'     => (int) ( $exposure['amount_minor'] ?? 0 ),
				'required_approvals' => max( $request->required_approvals, (int) ( $exposure['required_approvals'] ?? 1 ) ),
				'decisions'          => '[]',
				'created_at_gmt'     => Dates::to_gmt( $request->created_at ),
				'expires_at_gmt'     => Dates::to_gmt( $request->expires_at ),
			)
		);
		if ( false === $ok ) {
			throw new StorageFailure( 'approval queue' );
		}
		$id = (int) $this->wpdb->insert_id;
		/**
		 * Fires when an agent request was queued for a human.
		 *
		 * @since 0.1.0
		 *
		 * @param int            $id      Approval id.
		 * @param PendingRequest $request The stored request.
		 */
		do_action( 'agent_guard_approval_queued', $id, $request );
		return $id;
	}

	public function find( int $id ): ?Approval {
		$table = Tables::approvals( $this->wpdb );
		$row   = $this->wpdb->get_row( $this->wpdb->prepare( "SELECT * FROM {$table} WHERE id = %d", $id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		if ( '' !== $this->wpdb->last_error ) {
			throw new StorageFailure( 'approval queue' );
		}
		return $row ? self::hydrate( $row ) : null;
	}

	public function transition( int $id, int $version, ApprovalState $from, ApprovalState $to, array $fields = array() ): bool {
		if ( ! $from->can_move_to( $to ) ) {
			return false;
		}
		$table = Tables::approvals( $this->wpdb );
		$sets  = array( 'state = %s', 'version = version + 1' );
		$args  = array( $to->value );
		foreach ( $fields as $column => $value ) {
			if ( ! preg_match( '/^[a-z_]+$/', (string) $column ) ) {
				continue;
			}
			if ( null === $value ) {
				$sets[] = "{$column} = NULL";
				continue;
			}
			$sets[] = "{$column} = " . ( is_int( $value ) ? '%d' : '%s' );
			$args[] = is_array( $value ) ? AuditChain::encode( $value ) : $value;
		}
		$args[] = $id;
		$args[] = $version;
		$args[] = $from->value;
		$sql    = "UPDATE {$table} SET " . implode( ', ', $sets ) . ' WHERE id = %d AND version = %d AND state = %s';
		$result = $this->wpdb->query( $this->wpdb->prepare( $sql, $args ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- placeholders built above.
		if ( false === $result ) {
			throw new StorageFailure( 'approval queue' );
		}
		return 1 === (int) $result;
	}

	public function page( array $filters, int $page, int $per_page ): array {
		$table = Tables::approvals( $this->wpdb );
		$where = array( '1=1' );
		$args  = array();
		if ( ! empty( $filters['state'] ) && 'all' !== $filters['state'] ) {
			$states  = 'decided' === $filters['state'] ? array( 'approved', 'executing', 'executed', 'failed', 'conflict', 'rejected', 'expired' ) : array( (string) $filters['state'] );
			$where[] = 'state IN (' . implode( ', ', array_fill( 0, count( $states ), '%s' ) ) . ')';
			$args    = array_merge( $args, $states );
		}
		if ( ! empty( $filters['agent_id'] ) ) {
			$where[] = 'agent_id = %d';
			$args[]  = (int) $filters['agent_id'];
		}
		if ( ! empty( $filters['action'] ) ) {
			$where[] = 'action = %s';
			$args[]  = (string) $filters['action'];
		}
		$order = match ( $filters['order'] ?? 'oldest' ) {
			'newest'   => 'id DESC',
			'exposure' => 'exposure_minor DESC, id ASC',
			'expiring' => 'expires_at_gmt ASC, id ASC',
			default    => 'id ASC',
		};
		$clause = implode( ' AND ', $where );
		$sql    = "SELECT * FROM {$table} WHERE {$clause} ORDER BY {$order} LIMIT %d OFFSET %d";
		$rows   = $this->wpdb->get_results( $this->wpdb->prepare( $sql, array_merge( $args, array( $per_page, max( 0, ( $page - 1 ) * $per_page ) ) ) ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		$count  = "SELECT COUNT(*) FROM {$table} WHERE {$clause}";
		$total  = (int) ( $args ? $this->wpdb->get_var( $this->wpdb->prepare( $count, $args ) ) : $this->wpdb->get_var( $count ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		if ( '' !== $this->wpdb->last_error ) {
			throw new StorageFailure( 'approval queue' );
		}
		return array(
			'items' => array_map( array( self::class, 'hydrate' ), $rows ?: array() ),
			'total' => $total,
		);
	}

	public function overdue( int $now, int $lease ): array {
		$table = Tables::approvals( $this->wpdb );
		$rows  = $this->wpdb->get_results(
			$this->wpdb->prepare(
				"SELECT * FROM {$table} WHERE (state = 'pending' AND expires_at_gmt <= %s) OR (state = 'executing' AND claimed_at_gmt <= %s) ORDER BY id ASC LIMIT 500", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				Dates::to_gmt( $now ),
				Dates::to_gmt( $now - $lease )
			),
			ARRAY_A
		);
		return array_map( array( self::class, 'hydrate' ), $rows ?: array() );
	}

	public function waiting( int $limit ): array {
		$table = Tables::approvals( $this->wpdb );
		$rows  = $this->wpdb->get_results( $this->wpdb->prepare( "SELECT * FROM {$table} WHERE state = 'approved' ORDER BY id ASC LIMIT %d", $limit ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return array_map( array( self::class, 'hydrate' ), $rows ?: array() );
	}

	public function count_pending(): int {
		$table = Tables::approvals( $this->wpdb );
		return (int) $this->wpdb->get_var( "SELECT COUNT(*) FROM {$table} WHERE state = 'pending'" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	/**
	 * @param array<string, mixed> $row
	 */
	public static function hydrate( array $row ): Approval {
		$json = static function ( $value ): array {
			$decoded = json_decode( (string) $value, true );
			return is_array( $decoded ) ? $decoded : array();
		};
		$result = null === $row['result'] ? null : $json( $row['result'] );
		return new Approval(
			id: (int) $row['id'],
			agent_id: (int) $row['agent_id'],
			token_id: (int) $row['token_id'],
			state: ApprovalState::tryFrom( (string) $row['state'] ) ?? ApprovalState::Conflict,
			version: (int) $row['version'],
			action: (string) $row['action'],
			target_type: (string) $row['target_type'],
			target_id: (string) $row['target_id'],
			method: (string) $row['method'],
			route: (string) $row['route'],
			params: $json( $row['params'] ),
			payload_hash: (string) $row['payload_hash'],
			target_state: $json( $row['target_state'] ),
			target_hash: (string) $row['target_hash'],
			diff: $json( $row['diff'] ),
			rule: (string) $row['rule'],
			reason: (string) $row['reason'],
			metadata: $json( $row['metadata'] ),
			exposure: $json( $row['exposure'] ),
			exposure_minor: (int) $row['exposure_minor'],
			required_approvals: max( 1, (int) $row['required_approvals'] ),
			decisions: array_values( $json( $row['decisions'] ) ),
			edited_by: (int) $row['edited_by'],
			comment: (string) ( $row['comment'] ?? '' ),
			result: $result,
			result_status: (int) $row['result_status'],
			created_at: (int) Dates::from_gmt( $row['created_at_gmt'] ),
			expires_at: (int) Dates::from_gmt( $row['expires_at_gmt'] ),
			decided_at: Dates::from_gmt( $row['decided_at_gmt'] ),
			claimed_at: Dates::from_gmt( $row['claimed_at_gmt'] ),
			finished_at: Dates::from_gmt( $row['finished_at_gmt'] ),
			acting_user_id: (int) ( $row['acting_user_id'] ?? 0 ),
			audit_event_id: (int) $row['audit_event_id']
		);
	}
}

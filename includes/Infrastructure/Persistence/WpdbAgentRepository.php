<?php
/**
 * Agents in {$wpdb->prefix}agent_guard_agents.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\Persistence;

use AgentGuard\Domain\Agent\Agent;
use AgentGuard\Domain\Agent\AgentMode;
use AgentGuard\Domain\Agent\AgentRepository;
use AgentGuard\Domain\Agent\Identity;
use AgentGuard\Domain\Agent\RiskTier;
use AgentGuard\Domain\Control\HaltState;
use AgentGuard\Domain\DomainException;
use AgentGuard\Domain\StorageFailure;
use AgentGuard\Domain\Token\Token;

/**
 * wpdb adapter of the agent repository. Reads go straight to the database (no object cache),
 * so a halt or a revocation is seen by the very next request.
 *
 * @since 0.1.0
 */
final class WpdbAgentRepository implements AgentRepository {

	public function __construct( private \wpdb $wpdb, private ?WpdbAuditLog $audit = null ) {
	}

	public function find( int $id ): ?Agent {
		$table = Tables::agents( $this->wpdb );
		$row   = $this->wpdb->get_row( $this->wpdb->prepare( "SELECT * FROM {$table} WHERE id = %d", $id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->fail_on_error( 'agents' );
		return $row ? self::hydrate( $row ) : null;
	}

	public function find_by_name( string $name ): ?Agent {
		$table = Tables::agents( $this->wpdb );
		$row   = $this->wpdb->get_row( $this->wpdb->prepare( "SELECT * FROM {$table} WHERE name = %s", $name ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->fail_on_error( 'agents' );
		return $row ? self::hydrate( $row ) : null;
	}

	public function find_by_service_user( int $user_id ): ?Agent {
		if ( $user_id <= 0 ) {
			return null;
		}
		$table = Tables::agents( $this->wpdb );
		$row   = $this->wpdb->get_row( $this->wpdb->prepare( "SELECT * FROM {$table} WHERE service_user_id = %d", $user_id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->fail_on_error( 'agents' );
		return $row ? self::hydrate( $row ) : null;
	}

	public function list( array $filters = array() ): array {
		$table = Tables::agents( $this->wpdb );
		$where = array( '1=1' );
		$args  = array();
		if ( ! empty( $filters['status'] ) ) {
			$where[] = 'status = %s';
			$args[]  = (string) $filters['status'];
		}
		if ( ! empty( $filters['mode'] ) ) {
			$where[] = 'mode = %s';
			$args[]  = (string) $filters['mode'];
		}
		if ( ! empty( $filters['risk_tier'] ) ) {
			$where[] = 'risk_tier = %s';
			$args[]  = (string) $filters['risk_tier'];
		}
		if ( ! empty( $filters['owner'] ) ) {
			$where[] = 'owner_user_id = %d';
			$args[]  = (int) $filters['owner'];
		}
		if ( isset( $filters['search'] ) && '' !== $filters['search'] ) {
			$like    = '%' . $this->wpdb->esc_like( (string) $filters['search'] ) . '%';
			$where[] = '(name LIKE %s OR purpose LIKE %s)';
			$args[]  = $like;
			$args[]  = $like;
		}
		$sql = "SELECT * FROM {$table} WHERE " . implode( ' AND ', $where ) . ' ORDER BY name ASC';
		if ( $args ) {
			$sql = $this->wpdb->prepare( $sql, $args ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- placeholders built above.
		}
		$rows = $this->wpdb->get_results( $sql, ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		$this->fail_on_error( 'agents' );
		return array_map( array( self::class, 'hydrate' ), $rows ?: array() );
	}

	public function insert( Agent $agent ): Agent {
		$ok = $this->wpdb->insert( Tables::agents( $this->wpdb ), $this->dehydrate( $agent ) );
		if ( false === $ok ) {
			if ( $this->find_by_name( $agent->name ) ) {
				throw new DomainException( 'agent_guard_duplicate_name', sprintf( 'An agent named "%s" already exists.', $agent->name ), 409, array( 'field' => 'name' ) );
			}
			throw new StorageFailure( 'agents' );
		}
		$id = (int) $this->wpdb->insert_id;
		$this->wpdb->insert( Tables::counters( $this->wpdb ), array( 'agent_id' => $id ) );
		return $this->find( $id ) ?? throw new StorageFailure( 'agents' );
	}

	public function update( Agent $agent ): Agent {
		$table  = Tables::agents( $this->wpdb );
		$fields = $this->dehydrate( $agent );
		unset( $fields['created_at_gmt'] );
		$fields['version'] = $agent->version + 1;
		$result            = $this->wpdb->update( $table, $fields, array( 'id' => $agent->id, 'version' => $agent->version ) );
		if ( false === $result ) {
			$existing = $this->find_by_name( $agent->name );
			if ( $existing && $existing->id !== $agent->id ) {
				throw new DomainException( 'agent_guard_duplicate_name', sprintf( 'An agent named "%s" already exists.', $agent->name ), 409, array( 'field' => 'name' ) );
			}
			throw new StorageFailure( 'agents' );
		}
		if ( 0 === $result ) {
			throw new DomainException( 'agent_guard_version_conflict', 'The agent was changed by someone else since it was loaded; reload and try again.', 409 );
		}
		return $this->find( $agent->id ) ?? throw new StorageFailure( 'agents' );
	}

	public function identify_by_token_lookup( string $lookup ): ?Identity {
		$agents   = Tables::agents( $this->wpdb );
		$tokens   = Tables::tokens( $this->wpdb );
		$control  = Tables::control( $this->wpdb );
		$counters = Tables::counters( $this->wpdb );
		$audit    = Tables::audit_events( $this->wpdb );
		// One round trip: token, agent, global halt state, the agent's breaker counters and the
		// audit log's head (which also proves the log is readable before anything runs).
		$sql = $this->wpdb->prepare(
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names from Tables.
			"SELECT a.*, t.id AS t_id, t.lookup AS t_lookup, t.hash AS t_hash, t.label AS t_label, t.scope AS t_scope,
				t.created_at_gmt AS t_created, t.created_by AS t_created_by, t.expires_at_gmt AS t_expires,
				t.last_used_at_gmt AS t_last_used, t.revoked_at_gmt AS t_revoked, t.rotated_to AS t_rotated_to,
				c.halted AS g_halted, c.halt_reason AS g_reason, c.halted_by AS g_by, c.halted_at_gmt AS g_at, c.epoch AS g_epoch,
				k.attempt_key AS k_attempt_key, k.attempt_n AS k_attempt_n, k.fail_key AS k_fail_key, k.fail_n AS k_fail_n, k.burst_key AS k_burst_key, k.burst_n AS k_burst_n,
				(SELECT h.id FROM {$audit} h ORDER BY h.id DESC LIMIT 1) AS h_id,
				(SELECT h.hash FROM {$audit} h ORDER BY h.id DESC LIMIT 1) AS h_hash
			FROM {$tokens} t
			INNER JOIN {$agents} a ON a.id = t.agent_id
			LEFT JOIN {$control} c ON c.id = 1
			LEFT JOIN {$counters} k ON k.agent_id = a.id
			WHERE t.lookup = %s",
			$lookup
		);
		$row = $this->wpdb->get_row( $sql, ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		$this->fail_on_error( 'tokens' );
		if ( ! $row ) {
			return null;
		}
		$token = new Token(
			id: (int) $row['t_id'],
			agent_id: (int) $row['id'],
			lookup: (string) $row['t_lookup'],
			hash: (string) $row['t_hash'],
			label: (string) $row['t_label'],
			created_at: (int) Dates::from_gmt( $row['t_created'] ),
			expires_at: (int) Dates::from_gmt( $row['t_expires'] ),
			last_used_at: Dates::from_gmt( $row['t_last_used'] ),
			revoked_at: Dates::from_gmt( $row['t_revoked'] ),
			created_by: (int) $row['t_created_by'],
			rotated_to: (int) $row['t_rotated_to'] ?: null,
			scope: (string) $row['t_scope']
		);
		if ( null !== $this->audit ) {
			$this->audit->hint_head( null === $row['h_id'] ? 0 : (int) $row['h_id'], null === $row['h_hash'] ? '' : (string) $row['h_hash'] );
		}
		return new Identity( self::hydrate( $row ), Identity::CREDENTIAL_TOKEN, $token, self::halt_state( $row ), '', 0, self::counters( $row ) );
	}

	/**
	 * @param array<string, mixed> $row
	 * @return array<string, int>
	 */
	public static function counters( array $row ): array {
		$out = array();
		foreach ( array( 'attempt_key', 'attempt_n', 'fail_key', 'fail_n', 'burst_key', 'burst_n' ) as $key ) {
			if ( array_key_exists( 'k_' . $key, $row ) && null !== $row[ 'k_' . $key ] ) {
				$out[ $key ] = (int) $row[ 'k_' . $key ];
			}
		}
		return $out;
	}

	/**
	 * @param array<string, mixed> $row
	 */
	public static function halt_state( array $row ): HaltState {
		if ( null === $row['g_halted'] ) {
			// The control row is missing: treat as halted (fail closed for agents).
			return new HaltState( true, 'Agent Guard control state is missing.', 0, null, 0 );
		}
		return new HaltState(
			'1' === (string) $row['g_halted'],
			(string) $row['g_reason'],
			(int) $row['g_by'],
			Dates::from_gmt( $row['g_at'] ),
			(int) $row['g_epoch']
		);
	}

	/**
	 * @param array<string, mixed> $row
	 */
	public static function hydrate( array $row ): Agent {
		$policy = json_decode( (string) ( $row['policy'] ?? '' ), true );
		return new Agent(
			id: (int) $row['id'],
			name: (string) $row['name'],
			purpose: (string) ( $row['purpose'] ?? '' ),
			owner_user_id: (int) $row['owner_user_id'],
			service_user_id: (int) $row['service_user_id'],
			risk_tier: RiskTier::tryFrom( (string) $row['risk_tier'] ) ?? RiskTier::Medium,
			mode: AgentMode::tryFrom( (string) $row['mode'] ) ?? AgentMode::Paused,
			status: (string) $row['status'],
			policy: is_array( $policy ) ? $policy : array(),
			policy_version: (int) $row['policy_version'],
			notes: (string) ( $row['notes'] ?? '' ),
			halted_at: Dates::from_gmt( $row['halted_at_gmt'] ?? null ),
			halt_reason: (string) ( $row['halt_reason'] ?? '' ),
			halted_by: (int) ( $row['halted_by'] ?? 0 ) ?: null,
			created_at: (int) Dates::from_gmt( $row['created_at_gmt'] ?? null ),
			updated_at: (int) Dates::from_gmt( $row['updated_at_gmt'] ?? null ),
			version: (int) ( $row['version'] ?? 1 ),
			archived_at: Dates::from_gmt( $row['archived_at_gmt'] ?? null )
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	private function dehydrate( Agent $agent ): array {
		return array(
			'name'            => $agent->name,
			'purpose'         => $agent->purpose,
			'owner_user_id'   => $agent->owner_user_id,
			'service_user_id' => $agent->service_user_id,
			'risk_tier'       => $agent->risk_tier->value,
			'mode'            => $agent->mode->value,
			'status'          => $agent->status,
			'policy'          => (string) wp_json_encode( $agent->policy ),
			'policy_version'  => $agent->policy_version,
			'notes'           => $agent->notes,
			'halted_at_gmt'   => null === $agent->halted_at ? null : Dates::to_gmt( $agent->halted_at ),
			'halt_reason'     => $agent->halt_reason,
			'halted_by'       => (int) $agent->halted_by,
			'created_at_gmt'  => Dates::to_gmt( $agent->created_at ),
			'updated_at_gmt'  => Dates::to_gmt( $agent->updated_at ),
			'archived_at_gmt' => null === $agent->archived_at ? null : Dates::to_gmt( $agent->archived_at ),
		);
	}

	private function fail_on_error( string $what ): void {
		if ( '' !== $this->wpdb->last_error ) {
			throw new StorageFailure( $what );
		}
	}
}

<?php
/**
 * Token hashes in {$wpdb->prefix}agent_guard_tokens.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\Persistence;

use AgentGuard\Domain\StorageFailure;
use AgentGuard\Domain\Token\Token;
use AgentGuard\Domain\Token\TokenRepository;

/**
 * wpdb adapter of the token repository. Only hashes and lookup ids are stored.
 *
 * @since 0.1.0
 */
final class WpdbTokenRepository implements TokenRepository {

	public function __construct( private \wpdb $wpdb ) {
	}

	public function insert( Token $token ): Token {
		$ok = $this->wpdb->insert(
			Tables::tokens( $this->wpdb ),
			array(
				'agent_id'       => $token->agent_id,
				'lookup'         => $token->lookup,
				'hash'           => $token->hash,
				'label'          => $token->label,
				'scope'          => $token->scope,
				'created_at_gmt' => Dates::to_gmt( $token->created_at ),
				'created_by'     => (int) $token->created_by,
				'expires_at_gmt' => Dates::to_gmt( $token->expires_at ),
			)
		);
		if ( false === $ok ) {
			throw new StorageFailure( 'tokens' );
		}
		return $this->find( (int) $this->wpdb->insert_id ) ?? throw new StorageFailure( 'tokens' );
	}

	public function find( int $id ): ?Token {
		$table = Tables::tokens( $this->wpdb );
		$row   = $this->wpdb->get_row( $this->wpdb->prepare( "SELECT * FROM {$table} WHERE id = %d", $id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return $row ? self::hydrate( $row ) : null;
	}

	public function for_agent( int $agent_id ): array {
		$table = Tables::tokens( $this->wpdb );
		$rows  = $this->wpdb->get_results( $this->wpdb->prepare( "SELECT * FROM {$table} WHERE agent_id = %d ORDER BY id DESC", $agent_id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		if ( '' !== $this->wpdb->last_error ) {
			throw new StorageFailure( 'tokens' );
		}
		return array_map( array( self::class, 'hydrate' ), $rows ?: array() );
	}

	public function revoke( int $token_id, int $at, int $by, int $rotated_to = 0 ): bool {
		$table = Tables::tokens( $this->wpdb );
		$when  = Dates::to_gmt( $at );
		// Never postpone a revocation that is already earlier.
		$sql    = $this->wpdb->prepare(
			"UPDATE {$table} SET revoked_at_gmt = %s, revoked_by = %d, rotated_to = CASE WHEN %d > 0 THEN %d ELSE rotated_to END WHERE id = %d AND (revoked_at_gmt IS NULL OR revoked_at_gmt > %s)", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$when,
			$by,
			$rotated_to,
			$rotated_to,
			$token_id,
			$when
		);
		$result = $this->wpdb->query( $sql ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		if ( false === $result ) {
			throw new StorageFailure( 'tokens' );
		}
		return $result > 0;
	}

	public function touch( Token $token, int $now ): void {
		if ( null !== $token->last_used_at && $now - $token->last_used_at < 60 ) {
			return;
		}
		$this->wpdb->update( Tables::tokens( $this->wpdb ), array( 'last_used_at_gmt' => Dates::to_gmt( $now ) ), array( 'id' => $token->id ) );
	}

	/**
	 * @param array<string, mixed> $row
	 */
	public static function hydrate( array $row ): Token {
		return new Token(
			id: (int) $row['id'],
			agent_id: (int) $row['agent_id'],
			lookup: (string) $row['lookup'],
			hash: (string) $row['hash'],
			label: (string) $row['label'],
			created_at: (int) Dates::from_gmt( $row['created_at_gmt'] ),
			expires_at: (int) Dates::from_gmt( $row['expires_at_gmt'] ),
			last_used_at: Dates::from_gmt( $row['last_used_at_gmt'] ),
			revoked_at: Dates::from_gmt( $row['revoked_at_gmt'] ),
			created_by: (int) $row['created_by'],
			rotated_to: (int) $row['rotated_to'] ?: null,
			scope: (string) $row['scope']
		);
	}
}

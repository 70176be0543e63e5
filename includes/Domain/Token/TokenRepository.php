<?php
/**
 * Port: where token hashes are kept.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Token;

/**
 * Storage of tokens (hashes only).
 *
 * @since 0.1.0
 */
interface TokenRepository {

	public function insert( Token $token ): Token;

	public function find( int $id ): ?Token;

	/**
	 * @return list<Token>
	 */
	public function for_agent( int $agent_id ): array;

	/**
	 * Sets revoked_at (now for a revocation, later for a rotation's grace period) unless the
	 * token is already revoked earlier. Returns whether a row changed.
	 */
	public function revoke( int $token_id, int $at, int $by, int $rotated_to = 0 ): bool;

	/**
	 * Records a use, at most once a minute per token (cheap on the hot path).
	 */
	public function touch( Token $token, int $now ): void;
}

<?php
/**
 * A stored token (never its secret).
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Token;

/**
 * One credential of an agent, as stored: hash, lookup id, lifetime and state.
 *
 * @since 0.1.0
 */
final class Token {

	public const SCOPE_STANDARD = 'standard';
	public const SCOPE_CRITICAL = 'critical';

	public function __construct(
		public readonly int $id,
		public readonly int $agent_id,
		public readonly string $lookup,
		public readonly string $hash,
		public readonly string $label,
		public readonly int $created_at,
		public readonly int $expires_at,
		public readonly ?int $last_used_at = null,
		public readonly ?int $revoked_at = null,
		public readonly ?int $created_by = null,
		public readonly ?int $rotated_to = null,
		public readonly string $scope = self::SCOPE_STANDARD
	) {
	}

	public function is_revoked( int $now ): bool {
		return null !== $this->revoked_at && $this->revoked_at <= $now;
	}

	public function is_expired( int $now ): bool {
		return $this->expires_at <= $now;
	}

	/**
	 * Why this token may not be used now: null when it may, else `revoked` or `expired`.
	 */
	public function refusal( int $now ): ?string {
		if ( $this->is_revoked( $now ) ) {
			return 'revoked';
		}
		if ( $this->is_expired( $now ) ) {
			return 'expired';
		}
		return null;
	}

	public function display_prefix(): string {
		return TokenFormat::display_prefix( $this->lookup );
	}
}

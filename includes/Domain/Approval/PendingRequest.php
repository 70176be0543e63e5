<?php
/**
 * A request stored whole for a human.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Approval;

/**
 * Everything needed to show the request to a manager and to replay it later, unchanged: the
 * route, method and parameters (hashed: what is approved is exactly what executes), the
 * targets' state when queued (hashed: a change since then is a conflict), the diff, the rule
 * that queued it and the agent's own account of it.
 *
 * @since 0.1.0
 */
final class PendingRequest {

	/**
	 * @param array<string, mixed> $params       Query and body parameters as the agent sent them.
	 * @param array<string, mixed> $target_state Stored states of the targets when queued.
	 * @param array<string, mixed> $diff
	 * @param list<array<string, mixed>> $reasons
	 * @param array<string, string> $metadata   The agent's X-Agent-* fields.
	 */
	public function __construct(
		public readonly int $agent_id,
		public readonly int $token_id,
		public readonly string $action,
		public readonly string $target_type,
		public readonly string $target_id,
		public readonly string $method,
		public readonly string $route,
		public readonly array $params,
		public readonly array $target_state,
		public readonly array $diff,
		public readonly string $rule,
		public readonly string $reason,
		public readonly array $reasons,
		public readonly array $metadata,
		public readonly int $required_approvals,
		public readonly int $created_at,
		public readonly int $expires_at,
		public readonly string $queued_by = 'threshold',
		public readonly int $acting_user_id = 0
	) {
	}

	public function payload_hash(): string {
		return self::hash_payload( $this->method, $this->route, $this->params );
	}

	public function target_hash(): string {
		return self::hash_state( $this->target_state );
	}

	/**
	 * @param array<string, mixed> $params
	 */
	public static function hash_payload( string $method, string $route, array $params ): string {
		return hash( 'sha256', strtoupper( $method ) . ' ' . strtolower( $route ) . ' ' . self::canonical_json( $params ) );
	}

	/**
	 * @param array<string, mixed> $state
	 */
	public static function hash_state( array $state ): string {
		return hash( 'sha256', self::canonical_json( $state ) );
	}

	/**
	 * JSON with object keys sorted at every level, so equal data always hashes the same.
	 */
	public static function canonical_json( mixed $value ): string {
		$sort = static function ( mixed $item ) use ( &$sort ): mixed {
			if ( ! is_array( $item ) ) {
				return $item;
			}
			if ( ! array_is_list( $item ) ) {
				ksort( $item, SORT_STRING );
			}
			return array_map( $sort, $item );
		};
		return (string) json_encode( $sort( $value ), JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_PRESERVE_ZERO_FRACTION );
	}
}

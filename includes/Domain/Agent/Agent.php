<?php
/**
 * An agent of the registry.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Agent;

/**
 * One registered agent: identity, owner, service user, mode, halt state and current policy.
 *
 * @since 0.1.0
 */
final class Agent {

	public const STATUS_ACTIVE   = 'active';
	public const STATUS_ARCHIVED = 'archived';

	/**
	 * @param array<string, mixed> $policy Current policy document (validated against schemas/policy.schema.json).
	 */
	public function __construct(
		public readonly int $id,
		public readonly string $name,
		public readonly string $purpose,
		public readonly int $owner_user_id,
		public readonly int $service_user_id,
		public readonly RiskTier $risk_tier,
		public readonly AgentMode $mode,
		public readonly string $status,
		public readonly array $policy,
		public readonly int $policy_version,
		public readonly string $notes = '',
		public readonly ?int $halted_at = null,
		public readonly string $halt_reason = '',
		public readonly ?int $halted_by = null,
		public readonly int $created_at = 0,
		public readonly int $updated_at = 0,
		public readonly int $version = 1,
		public readonly ?int $archived_at = null
	) {
	}

	public function is_archived(): bool {
		return self::STATUS_ARCHIVED === $this->status;
	}

	public function is_halted(): bool {
		return null !== $this->halted_at;
	}

	/**
	 * A copy with some fields changed (named arguments of the constructor).
	 *
	 * @param array<string, mixed> $changes
	 */
	public function with( array $changes ): self {
		$fields = get_object_vars( $this );
		foreach ( $changes as $key => $value ) {
			if ( ! array_key_exists( $key, $fields ) ) {
				throw new \InvalidArgumentException( "Agent has no field {$key}." );
			}
			$fields[ $key ] = $value;
		}
		return new self( ...$fields );
	}
}

<?php
/**
 * One row of the audit log.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Audit;

/**
 * An audit event: who did what to which target, what was decided and why, before and after.
 * Built with named constructors, then sealed into the hash chain by the log.
 *
 * @since 0.1.0
 */
final class AuditEvent {

	public const GENESIS_HASH = '0000000000000000000000000000000000000000000000000000000000000000';

	/**
	 * @param array<string, mixed>      $metadata The agent's X-Agent-* fields, or the human's comment.
	 * @param array<string, mixed>|null $before   Redacted state of the target before.
	 * @param array<string, mixed>|null $after    Redacted state after (or what would have been).
	 * @param array<string, mixed>      $details  Anything else worth keeping (reason texts, ids…).
	 */
	public function __construct(
		public readonly string $event_type,
		public readonly string $actor_type,
		public readonly int $actor_id,
		public readonly int $agent_id,
		public readonly int $occurred_at,
		public readonly string $action = '',
		public readonly string $target_type = '',
		public readonly string $target_id = '',
		public readonly string $decision = '',
		public readonly string $rule = '',
		public readonly string $method = '',
		public readonly string $route = '',
		public readonly int $status = 0,
		public readonly int $duration_ms = 0,
		public readonly int $approval_id = 0,
		public readonly array $metadata = array(),
		public readonly ?array $before = null,
		public readonly ?array $after = null,
		public readonly array $details = array(),
		public readonly int $id = 0,
		public readonly string $prev_hash = '',
		public readonly string $hash = ''
	) {
	}

	/**
	 * An event recording a human's or the system's act (policy saved, token issued, halt…).
	 *
	 * @param array<string, mixed>      $details
	 * @param array<string, mixed>|null $before
	 * @param array<string, mixed>|null $after
	 */
	public static function for_user_act(
		string $event_type,
		int $user_id,
		int $agent_id,
		int $occurred_at,
		array $details = array(),
		?array $before = null,
		?array $after = null,
		string $target_type = '',
		string $target_id = ''
	): self {
		return new self(
			event_type: $event_type,
			actor_type: $user_id > 0 ? 'user' : 'system',
			actor_id: $user_id,
			agent_id: $agent_id,
			occurred_at: $occurred_at,
			target_type: $target_type,
			target_id: $target_id,
			before: $before,
			after: $after,
			details: $details
		);
	}

	/**
	 * The same event placed in the chain at position $id after a row whose hash is $prev_hash.
	 */
	public function sealed( int $id, string $prev_hash ): self {
		$unsealed = $this->with_chain( $id, $prev_hash, '' );
		return $this->with_chain( $id, $prev_hash, AuditChain::hash( $unsealed ) );
	}

	private function with_chain( int $id, string $prev_hash, string $hash ): self {
		return new self(
			$this->event_type,
			$this->actor_type,
			$this->actor_id,
			$this->agent_id,
			$this->occurred_at,
			$this->action,
			$this->target_type,
			$this->target_id,
			$this->decision,
			$this->rule,
			$this->method,
			$this->route,
			$this->status,
			$this->duration_ms,
			$this->approval_id,
			$this->metadata,
			$this->before,
			$this->after,
			$this->details,
			$id,
			$prev_hash,
			$hash
		);
	}
}

<?php
/**
 * A queued request and what people decided about it.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Approval;

use AgentGuard\Domain\DomainException;

/**
 * An approval item as stored, with the rules of deciding it: who may approve (a person with
 * the capability, never the agent, never the user whose credential made the request), how
 * many distinct approvers it needs, and when it expires.
 *
 * @since 0.1.0
 */
final class Approval {

	/**
	 * @param array<string, mixed>       $params
	 * @param array<string, mixed>       $target_state
	 * @param array<string, mixed>       $diff
	 * @param array<string, mixed>       $metadata
	 * @param array<string, mixed>       $exposure
	 * @param list<array<string, mixed>> $decisions  Each person's decision: user_id, decision, comment, at.
	 * @param array<string, mixed>|null  $result
	 */
	public function __construct(
		public readonly int $id,
		public readonly int $agent_id,
		public readonly int $token_id,
		public readonly ApprovalState $state,
		public readonly int $version,
		public readonly string $action,
		public readonly string $target_type,
		public readonly string $target_id,
		public readonly string $method,
		public readonly string $route,
		public readonly array $params,
		public readonly string $payload_hash,
		public readonly array $target_state,
		public readonly string $target_hash,
		public readonly array $diff,
		public readonly string $rule,
		public readonly string $reason,
		public readonly array $metadata,
		public readonly array $exposure,
		public readonly int $exposure_minor,
		public readonly int $required_approvals,
		public readonly array $decisions,
		public readonly int $edited_by,
		public readonly string $comment,
		public readonly ?array $result,
		public readonly int $result_status,
		public readonly int $created_at,
		public readonly int $expires_at,
		public readonly ?int $decided_at,
		public readonly ?int $claimed_at,
		public readonly ?int $finished_at,
		public readonly int $acting_user_id = 0,
		public readonly int $audit_event_id = 0
	) {
	}

	public function is_expired( int $now ): bool {
		return ApprovalState::Pending === $this->state && $this->expires_at <= $now;
	}

	/**
	 * @return list<int>
	 */
	public function approvers(): array {
		$ids = array();
		foreach ( $this->decisions as $decision ) {
			if ( 'approve' === ( $decision['decision'] ?? '' ) ) {
				$ids[] = (int) $decision['user_id'];
			}
		}
		return array_values( array_unique( $ids ) );
	}

	/**
	 * Checks that $user_id may decide this item now; throws the refusal otherwise.
	 *
	 * @throws DomainException 409 for decided, expired or stale items; 403 for self-approval.
	 */
	public function assert_decidable( int $user_id, int $expected_version, int $now ): void {
		if ( $this->state->is_final() || ApprovalState::Pending !== $this->state ) {
			throw new DomainException(
				'agent_guard_approval_decided',
				sprintf( 'This request was already decided (%s); nothing was changed.', $this->state->value ),
				409,
				array( 'state' => $this->state->value )
			);
		}
		if ( $this->is_expired( $now ) ) {
			throw new DomainException( 'agent_guard_approval_expired', 'This request expired before anyone decided it; the agent must ask again.', 409, array( 'state' => 'expired' ) );
		}
		if ( $expected_version !== $this->version ) {
			throw new DomainException(
				'agent_guard_version_conflict',
				sprintf( 'This request changed since you loaded it (version %d, now %d); reload it and decide again.', $expected_version, $this->version ),
				409,
				array( 'version' => $this->version )
			);
		}
		if ( $user_id > 0 && $user_id === $this->acting_user_id ) {
			throw new DomainException( 'agent_guard_self_approval', 'You made this request with your own credentials; someone else must decide it.', 403 );
		}
		if ( in_array( $user_id, $this->approvers(), true ) ) {
			throw new DomainException( 'agent_guard_second_approver_required', 'You already approved this request; it needs a different person as its second approver.', 409 );
		}
	}

	/**
	 * Whether one more approval by $user_id completes the approvals this item needs.
	 */
	public function completes_with( int $user_id ): bool {
		return count( array_unique( array_merge( $this->approvers(), array( $user_id ) ) ) ) >= $this->required_approvals;
	}
}

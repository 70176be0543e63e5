<?php
/**
 * States of a queued request.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Approval;

/**
 * pending → approved → executing → executed | failed | conflict; pending → rejected | expired.
 * `executing` is the short claim an executor holds while it runs the request; an item left
 * there past its lease (a crash) becomes `conflict`, for a person to check — never a second run.
 * A state never moves backwards.
 *
 * @since 0.1.0
 */
enum ApprovalState: string {
	case Pending   = 'pending';
	case Approved  = 'approved';
	case Executing = 'executing';
	case Executed  = 'executed';
	case Failed    = 'failed';
	case Conflict  = 'conflict';
	case Rejected  = 'rejected';
	case Expired   = 'expired';

	/**
	 * @return list<self>
	 */
	public function next(): array {
		return match ( $this ) {
			self::Pending   => array( self::Pending, self::Approved, self::Rejected, self::Expired ),
			self::Approved  => array( self::Executing ),
			self::Executing => array( self::Executed, self::Failed, self::Conflict, self::Approved ),
			default         => array(),
		};
	}

	public function can_move_to( self $to ): bool {
		return in_array( $to, $this->next(), true );
	}

	public function is_final(): bool {
		return in_array( $this, array( self::Executed, self::Failed, self::Conflict, self::Rejected, self::Expired ), true );
	}

	/**
	 * Rank on the way forward; no transition lowers it (except releasing a claim when the
	 * agents are halted, which puts an item back to `approved` without running it).
	 */
	public function rank(): int {
		return match ( $this ) {
			self::Pending   => 0,
			self::Approved  => 1,
			self::Executing => 2,
			default         => 3,
		};
	}
}

<?php
/**
 * Whether agents are halted.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Control;

/**
 * The global kill switch as read on this request: halted or not, why, by whom, since when,
 * and the epoch (bumped on every change, recorded with each decision).
 *
 * @since 0.1.0
 */
final class HaltState {

	public function __construct(
		public readonly bool $halted,
		public readonly string $reason = '',
		public readonly int $halted_by = 0,
		public readonly ?int $halted_at = null,
		public readonly int $epoch = 1,
		public readonly bool $by_constant = false
	) {
	}

	public static function running( int $epoch = 1 ): self {
		return new self( false, '', 0, null, $epoch );
	}
}

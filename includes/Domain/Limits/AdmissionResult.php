<?php
/**
 * The answer of the admission counters.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Limits;

/**
 * Admitted, or why not: halted (global / agent) or over a limit, with when to retry.
 *
 * @since 0.1.0
 */
final class AdmissionResult {

	public function __construct(
		public readonly bool $admitted,
		public readonly string $refusal = '',
		public readonly int $retry_after = 0,
		public readonly string $halt_reason = '',
		public readonly int $epoch = 0,
		public readonly int $count = 0
	) {
	}

	public static function admitted( int $epoch, int $count = 0 ): self {
		return new self( true, '', 0, '', $epoch, $count );
	}
}

<?php
/**
 * The outcome of running the pipeline on one request.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Application;

use AgentGuard\Domain\Decision\Decision;
use AgentGuard\Domain\Decision\WriteUnit;
use AgentGuard\Domain\Request\Classification;

/**
 * The decision, what the request was, the targets' states before, and — for observe mode —
 * what would have happened; for a queued request, its approval id.
 *
 * @since 0.1.0
 */
final class Verdict {

	/**
	 * @param list<WriteUnit>          $units
	 * @param array<string, mixed>|null $would What would have happened (observe mode).
	 */
	public function __construct(
		public readonly Decision $decision,
		public readonly ?Classification $classification = null,
		public readonly array $units = array(),
		public readonly ?array $would = null,
		public readonly int $approval_id = 0,
		public readonly int $epoch = 0,
		public readonly bool $admitted = false
	) {
	}

	public function with_approval( int $approval_id ): self {
		return new self( $this->decision, $this->classification, $this->units, $this->would, $approval_id, $this->epoch, $this->admitted );
	}

	public function admitted(): self {
		return new self( $this->decision, $this->classification, $this->units, $this->would, $this->approval_id, $this->epoch, true );
	}

	/**
	 * The targets' states before, keyed by target, for the audit log.
	 *
	 * @return array<string, mixed>|null
	 */
	public function before(): ?array {
		$states = array();
		foreach ( $this->units as $unit ) {
			if ( '' !== $unit->key() ) {
				$states[ $unit->key() ] = $unit->state;
			}
		}
		return $states ? $states : null;
	}

	public function action(): string {
		return $this->classification?->action ?? '';
	}

	public function target_type(): string {
		if ( null === $this->classification ) {
			return '';
		}
		if ( Classification::READ === $this->classification->kind ) {
			return $this->classification->resource;
		}
		return $this->classification->target_type;
	}

	public function target_id(): string {
		if ( null === $this->classification ) {
			return '';
		}
		if ( $this->classification->is_batch ) {
			return 'batch:' . count( $this->units );
		}
		return $this->classification->target_id;
	}
}

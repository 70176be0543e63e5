<?php
/**
 * Port: the stored state of the objects a request targets.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Decision;

/**
 * Reads targets as the store holds them (through WooCommerce's own REST API, so the guard
 * sees exactly what WooCommerce would answer), limited to the fields the guard judges.
 *
 * @since 0.1.0
 */
interface TargetStates {

	/**
	 * States keyed by `<type>:<id>`; a missing object maps to null.
	 *
	 * @param list<array{type: string, id: string, parent: int}> $targets
	 * @return array<string, array<string, mixed>|null>
	 */
	public function read( array $targets ): array;
}

<?php
/**
 * Port: incidents.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Control;

/**
 * Incidents opened when a breaker trips or a canary condition pauses an agent.
 *
 * @since 0.1.0
 */
interface Incidents {

	/**
	 * @param array<string, mixed> $evidence
	 */
	public function open( int $agent_id, string $kind, string $summary, array $evidence, int $audit_event_id, int $now ): int;

	public function has_open( int $agent_id, string $kind ): bool;

	public function close( int $id, int $by, string $note, int $now ): bool;
}

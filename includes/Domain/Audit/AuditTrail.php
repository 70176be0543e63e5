<?php
/**
 * Port: reading recent events.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Audit;

/**
 * The latest audit events of an agent, newest first (incident evidence).
 *
 * @since 0.1.0
 */
interface AuditTrail {

	/**
	 * The agent's latest requests (not people's acts about it), newest first.
	 *
	 * @return list<array<string, mixed>>
	 */
	public function recent_for_agent( int $agent_id, int $limit ): array;
}

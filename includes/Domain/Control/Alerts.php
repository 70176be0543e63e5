<?php
/**
 * Port: telling people an agent was stopped.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Control;

use AgentGuard\Domain\Agent\Agent;

/**
 * Notifies the agent's owner (and its policy's alert addresses) when the system stops it.
 *
 * @since 0.1.0
 */
interface Alerts {

	public function agent_stopped( Agent $agent, string $summary, int $incident_id ): void;
}

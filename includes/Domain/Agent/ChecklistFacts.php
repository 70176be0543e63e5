<?php
/**
 * Port: what the checklist needs to know beyond the policy.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Agent;

/**
 * Facts about the site the pre-launch checklist reads.
 *
 * @since 0.1.0
 */
interface ChecklistFacts {

	/**
	 * How many people (other than the agent's service user) may approve queued requests.
	 */
	public function approver_count(): int;

	/**
	 * When the kill switch was last tested against this agent, or null.
	 */
	public function kill_switch_tested_at( int $agent_id ): ?int;
}

<?php
/**
 * Port: the WordPress user an agent acts as.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Agent;

/**
 * Creates and retires the dedicated service user of each agent.
 *
 * @since 0.1.0
 */
interface ServiceAccounts {

	/**
	 * Creates a service user for a new agent and returns its user id.
	 */
	public function create( string $agent_name ): int;

	/**
	 * Renames the service user's display name after the agent was renamed.
	 */
	public function rename( int $user_id, string $agent_name ): void;

	public function user_exists( int $user_id ): bool;
}

<?php
/**
 * Port: where agents are kept.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Agent;

/**
 * Storage of agents and the identity look-up of every agent request.
 *
 * @since 0.1.0
 */
interface AgentRepository {

	public function find( int $id ): ?Agent;

	public function find_by_name( string $name ): ?Agent;

	public function find_by_service_user( int $user_id ): ?Agent;

	/**
	 * @param array{status?: string, mode?: string, search?: string, risk_tier?: string, owner?: int} $filters
	 * @return list<Agent>
	 */
	public function list( array $filters = array() ): array;

	/**
	 * Stores a new agent and returns it with its id.
	 */
	public function insert( Agent $agent ): Agent;

	/**
	 * Saves changed fields if the stored version is still $agent->version (compare-and-swap),
	 * and returns the agent with the next version.
	 *
	 * @throws \AgentGuard\Domain\DomainException 409 when another change landed first.
	 */
	public function update( Agent $agent ): Agent;

	/**
	 * Everything a request needs about the caller of a token, in one read: the token,
	 * its agent and the global halt state. Null when no token has that lookup id.
	 */
	public function identify_by_token_lookup( string $lookup ): ?Identity;
}

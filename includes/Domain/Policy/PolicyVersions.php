<?php
/**
 * Port: the history of every agent's policy.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Policy;

/**
 * Every saved policy version with its author, time and note.
 *
 * @since 0.1.0
 */
interface PolicyVersions {

	/**
	 * @param array<string, mixed> $policy
	 */
	public function record( int $agent_id, int $version, array $policy, int $author_id, string $note, int $at ): void;

	/**
	 * @return list<array{version: int, author_id: int, note: string, created_at: int}>
	 */
	public function list( int $agent_id ): array;

	/**
	 * @return array<string, mixed>|null
	 */
	public function get( int $agent_id, int $version ): ?array;
}

<?php
/**
 * Port: reading and deciding queued requests.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Approval;

/**
 * Every state change is a compare-and-swap on (id, version, state): exactly one concurrent
 * caller wins it, the others learn they lost.
 *
 * @since 0.1.0
 */
interface ApprovalRepository extends ApprovalQueue {

	public function find( int $id ): ?Approval;

	/**
	 * Moves an item from $from (at $version) to $to, bumping the version and setting the given
	 * columns. Returns false when another change won.
	 *
	 * @param array<string, mixed> $fields Columns to set with the transition.
	 */
	public function transition( int $id, int $version, ApprovalState $from, ApprovalState $to, array $fields = array() ): bool;

	/**
	 * @param array{state?: string, agent_id?: int, action?: string, order?: string} $filters
	 * @return array{items: list<Approval>, total: int}
	 */
	public function page( array $filters, int $page, int $per_page ): array;

	/**
	 * Pending items past their expiry, and claims past their lease.
	 *
	 * @return list<Approval>
	 */
	public function overdue( int $now, int $lease ): array;

	/**
	 * Approved items waiting to run (after a halt is lifted).
	 *
	 * @return list<Approval>
	 */
	public function waiting( int $limit ): array;

	public function count_pending(): int;
}

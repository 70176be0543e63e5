<?php
/**
 * Port: where queued requests wait for a human.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Approval;

/**
 * Stores a pending request and returns its approval id.
 *
 * @since 0.1.0
 */
interface ApprovalQueue {

	/**
	 * @throws \AgentGuard\Domain\StorageFailure
	 */
	public function enqueue( PendingRequest $request ): int;
}

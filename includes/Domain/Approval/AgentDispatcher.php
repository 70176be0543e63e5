<?php
/**
 * Port: running an approved request as its agent.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Approval;

use AgentGuard\Application\Verdict;
use AgentGuard\Domain\Agent\Identity;
use AgentGuard\Domain\Request\AgentRequest;

/**
 * Dispatches a request to the store as the agent (its user and capabilities) and records it
 * in the audit log as the agent's, linked to the approval.
 *
 * @since 0.1.0
 */
interface AgentDispatcher {

	/**
	 * @return array{status: int, data: mixed, event_id: int}
	 */
	public function dispatch( Identity $identity, AgentRequest $request, Verdict $verdict, int $approval_id, int $approved_by ): array;

	/**
	 * The identity the agent of an approval acts with now (fresh halt state and token).
	 */
	public function identity_for( Approval $approval ): ?Identity;
}

<?php
/**
 * Queued requests in {$wpdb->prefix}agent_guard_approvals.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\Persistence;

use AgentGuard\Domain\Approval\ApprovalQueue;
use AgentGuard\Domain\Approval\PendingRequest;
use AgentGuard\Domain\Audit\AuditChain;
use AgentGuard\Domain\StorageFailure;

/**
 * Stores a request whole, with the hash of its payload and of its targets' state.
 *
 * @since 0.1.0
 */
final class WpdbApprovalQueue implements ApprovalQueue {

	public function __construct( private \wpdb $wpdb ) {
	}

	public function enqueue( PendingRequest $request ): int {
		$ok = $this->wpdb->insert(
			Tables::approvals( $this->wpdb ),
			array(
				'agent_id'           => $request->agent_id,
				'token_id'           => $request->token_id,
				'state'              => 'pending',
				'version'            => 1,
				'action'             => $request->action,
				'target_type'        => $request->target_type,
				'target_id'          => mb_substr( $request->target_id, 0, 64 ),
				'method'             => $request->method,
				'route'              => mb_substr( $request->route, 0, 255 ),
				'params'             => AuditChain::encode( $request->params ),
				'payload_hash'       => $request->payload_hash(),
				'target_state'       => AuditChain::encode( $request->target_state ),
				'target_hash'        => $request->target_hash(),
				'diff'               => AuditChain::encode( $request->diff ),
				'rule'               => mb_substr( $request->rule, 0, 120 ),
				'reason'             => mb_substr( $request->reason, 0, 500 ),
				'metadata'           => AuditChain::encode( $request->metadata + array( 'reasons' => $request->reasons, 'queued_by' => $request->queued_by ) ),
				'required_approvals' => $request->required_approvals,
				'decisions'          => '[]',
				'created_at_gmt'     => Dates::to_gmt( $request->created_at ),
				'expires_at_gmt'     => Dates::to_gmt( $request->expires_at ),
			)
		);
		if ( false === $ok ) {
			throw new StorageFailure( 'approval queue' );
		}
		$id = (int) $this->wpdb->insert_id;
		/**
		 * Fires when an agent request was queued for a human.
		 *
		 * @since 0.1.0
		 *
		 * @param int            $id      Approval id.
		 * @param PendingRequest $request The stored request.
		 */
		do_action( 'agent_guard_approval_queued', $id, $request );
		return $id;
	}
}

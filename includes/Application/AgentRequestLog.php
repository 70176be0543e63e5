<?php
/**
 * Recording what agents did.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Application;

use AgentGuard\Domain\Audit\AuditEvent;
use AgentGuard\Domain\Audit\AuditLog;
use AgentGuard\Domain\Request\AgentMetadata;

/**
 * Builds the one audit event of an agent request and appends it to the chain.
 *
 * @since 0.1.0
 */
final class AgentRequestLog {

	public const EVENT_TYPE = 'agent_request';

	public function __construct( private AuditLog $audit ) {
	}

	public function preflight(): void {
		$this->audit->preflight();
	}

	/**
	 * @param array<string, mixed>      $fields action, target_type, target_id, decision, rule, method, route, status, duration_ms, approval_id.
	 * @param array<string, mixed>|null $before
	 * @param array<string, mixed>|null $after
	 * @param array<string, mixed>      $details
	 */
	public function record( int $agent_id, int $occurred_at, array $fields, AgentMetadata $metadata, ?array $before = null, ?array $after = null, array $details = array() ): AuditEvent {
		return $this->audit->append(
			new AuditEvent(
				event_type: self::EVENT_TYPE,
				actor_type: 'agent',
				actor_id: $agent_id,
				agent_id: $agent_id,
				occurred_at: $occurred_at,
				action: (string) ( $fields['action'] ?? '' ),
				target_type: (string) ( $fields['target_type'] ?? '' ),
				target_id: (string) ( $fields['target_id'] ?? '' ),
				decision: (string) ( $fields['decision'] ?? '' ),
				rule: (string) ( $fields['rule'] ?? '' ),
				method: (string) ( $fields['method'] ?? '' ),
				route: mb_substr( (string) ( $fields['route'] ?? '' ), 0, 255 ),
				status: (int) ( $fields['status'] ?? 0 ),
				duration_ms: max( 0, (int) ( $fields['duration_ms'] ?? 0 ) ),
				approval_id: (int) ( $fields['approval_id'] ?? 0 ),
				metadata: $metadata->to_array(),
				before: $before,
				after: $after,
				details: $details
			)
		);
	}
}

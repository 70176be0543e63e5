<?php
/**
 * The guard's own storage failed.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain;

/**
 * Thrown by repositories when the database refuses a read or write. For agent traffic it
 * becomes 503 `agent_guard_unavailable` (fail closed); other traffic never sees it.
 *
 * @since 0.1.0
 */
final class StorageFailure extends DomainException {

	public function __construct( string $what ) {
		parent::__construct( 'agent_guard_unavailable', 'Agent Guard cannot reach its storage (' . $what . '); agent requests are refused until it can.', 503 );
	}
}

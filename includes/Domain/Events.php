<?php
/**
 * Port: announcing what happened.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain;

/**
 * Use cases announce events (approval decided, halt changed) without knowing who listens; in
 * WordPress each becomes an action hook `agent_guard_<noun>_<past-verb>`.
 *
 * @since 0.1.0
 */
interface Events {

	public function emit( string $name, mixed ...$args ): void;
}

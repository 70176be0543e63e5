<?php
/**
 * Domain events as WordPress actions.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\WordPress;

use AgentGuard\Domain\Events;

/**
 * `emit( 'approval_decided', $approval )` fires the action `agent_guard_approval_decided`.
 *
 * @since 0.1.0
 */
final class WpEvents implements Events {

	public function emit( string $name, mixed ...$args ): void {
		do_action( 'agent_guard_' . $name, ...$args );
	}
}

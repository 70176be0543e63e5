<?php
/**
 * Port: where the kill switch lives.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Control;

/**
 * Global and per-agent halt state, read and written without any cache in between.
 *
 * @since 0.1.0
 */
interface KillSwitchStore {

	public function global_state(): HaltState;

	/**
	 * @return int The new epoch.
	 */
	public function set_global( bool $halted, string $reason, int $by, int $now ): int;

	public function set_agent( int $agent_id, bool $halted, string $reason, int $by, int $now ): bool;
}

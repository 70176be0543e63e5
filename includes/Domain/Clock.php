<?php
/**
 * Where the domain gets the time from.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain;

/**
 * A source of the current time; the domain never calls time() itself.
 *
 * @since 0.1.0
 */
interface Clock {

	/**
	 * Current time as a Unix timestamp in seconds (UTC).
	 */
	public function now(): int;
}

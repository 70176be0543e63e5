<?php
/**
 * Port: the append-only audit log.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Audit;

/**
 * Appends events to the hash chain and reads them back.
 *
 * @since 0.1.0
 */
interface AuditLog {

	/**
	 * Seals the event into the chain and stores it. Returns the stored event (with id and hash).
	 *
	 * @throws \AgentGuard\Domain\StorageFailure When the log cannot be written.
	 */
	public function append( AuditEvent $event ): AuditEvent;

	/**
	 * Proves the log can be read before an agent write runs (fail closed).
	 *
	 * @throws \AgentGuard\Domain\StorageFailure
	 */
	public function preflight(): void;
}

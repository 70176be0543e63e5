<?php
/**
 * Port: schema validation of policy documents.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Policy;

/**
 * Validates a policy document against schemas/policy.schema.json and the cross-field rules.
 *
 * @since 0.1.0
 */
interface PolicyValidator {

	/**
	 * @param mixed $document Decoded JSON.
	 * @return array<string, mixed> The sanitised, normalised document.
	 * @throws \AgentGuard\Domain\DomainException 400 naming the field path.
	 */
	public function validate( mixed $document ): array;
}

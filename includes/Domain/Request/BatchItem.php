<?php
/**
 * One item of a WooCommerce `…/batch` request.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Request;

/**
 * A create, update or delete inside a batch, with its own action and target. WooCommerce
 * applies batch items by internal calls that skip the REST hooks, so the guard judges each
 * item itself.
 *
 * @since 0.1.0
 */
final class BatchItem {

	/**
	 * @param array<string, mixed> $params The item as sent.
	 */
	public function __construct(
		public readonly int $index,
		public readonly string $operation,
		public readonly string $action,
		public readonly string $target_type,
		public readonly string $target_id,
		public readonly array $params
	) {
	}

	public function label(): string {
		return sprintf( '%s[%d]', $this->operation, $this->index );
	}
}

<?php
/**
 * What a request is, in the policy's words.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Request;

/**
 * The action and target of a request: a read of a resource, a write action on a target
 * (with its parent for variations, refunds and notes), a batch with its items, or one of the
 * guard's own routes, a batch/v1 container, a discovery read, or an unknown route.
 *
 * @since 0.1.0
 */
final class Classification {

	public const READ      = 'read';
	public const WRITE     = 'write';
	public const GUARD     = 'guard';
	public const CONTAINER = 'container';
	public const DISCOVERY = 'discovery';
	public const UNKNOWN   = 'unknown';

	/**
	 * @param list<BatchItem> $items
	 */
	public function __construct(
		public readonly string $kind,
		public readonly string $resource = '',
		public readonly string $action = '',
		public readonly string $target_type = '',
		public readonly string $target_id = '',
		public readonly int $parent_id = 0,
		public readonly array $items = array(),
		public readonly bool $is_batch = false,
		public readonly string $namespace = ''
	) {
	}

	public function is_write(): bool {
		return self::WRITE === $this->kind || ( self::UNKNOWN === $this->kind && '' !== $this->action );
	}

	/**
	 * Every action this request performs: the batch action and each item's action.
	 *
	 * @return list<string>
	 */
	public function actions(): array {
		$actions = '' === $this->action ? array() : array( $this->action );
		foreach ( $this->items as $item ) {
			$actions[] = $item->action;
		}
		return array_values( array_unique( $actions ) );
	}

	/**
	 * The canary / scope key of the target: variations, notes and refunds by their parent.
	 */
	public function target_key(): string {
		if ( $this->parent_id > 0 ) {
			return ( 'order' === $this->target_type ? 'order' : 'product' ) . ':' . $this->parent_id;
		}
		return '' === $this->target_id ? '' : $this->target_type . ':' . $this->target_id;
	}
}

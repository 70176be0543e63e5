<?php
/**
 * One change a write request makes.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Decision;

/**
 * A single write, or one item of a batch, with the target's stored state: the unit every
 * scope, field, constraint, canary and threshold check works on.
 *
 * @since 0.1.0
 */
final class WriteUnit {

	/**
	 * @param array<string, mixed>      $params        What the agent sent for this change.
	 * @param array<string, mixed>|null $state         The target as stored (null: new, or not found).
	 * @param array<string, mixed>|null $parent_state  For a variation: its parent product.
	 */
	public function __construct(
		public readonly string $label,
		public readonly string $path_prefix,
		public readonly string $operation,
		public readonly string $action,
		public readonly string $target_type,
		public readonly string $target_id,
		public readonly int $parent_id,
		public readonly array $params,
		public readonly ?array $state,
		public readonly ?array $parent_state = null
	) {
	}

	public function path( string $field ): string {
		return '' === $this->path_prefix ? $field : $this->path_prefix . '.' . $field;
	}

	public function is_delete(): bool {
		return 'delete' === $this->operation;
	}

	public function is_create(): bool {
		return 'create' === $this->operation;
	}

	public function is_product(): bool {
		return in_array( $this->target_type, array( 'product', 'product_variation' ), true );
	}

	/**
	 * The key of the target in states and baselines (`product:12`, `product_variation:40`).
	 */
	public function key(): string {
		return '' === $this->target_id ? '' : $this->target_type . ':' . $this->target_id;
	}

	/**
	 * The key the canary and product constraints judge by: variations by their parent.
	 */
	public function cohort_key(): string {
		if ( 'product_variation' === $this->target_type && $this->parent_id > 0 ) {
			return 'product:' . $this->parent_id;
		}
		if ( $this->is_create() ) {
			foreach ( array( 'sku', 'code', 'slug', 'email', 'name' ) as $natural ) {
				if ( isset( $this->params[ $natural ] ) && is_scalar( $this->params[ $natural ] ) && '' !== (string) $this->params[ $natural ] ) {
					return 'new:' . $this->target_type . ':' . strtolower( (string) $this->params[ $natural ] );
				}
			}
			return 'new:' . $this->target_type;
		}
		return $this->key();
	}

	public function sent( string $field ): bool {
		return array_key_exists( $field, $this->params );
	}
}

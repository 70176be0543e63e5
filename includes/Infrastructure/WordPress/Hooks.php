<?php
/**
 * What a class that serves WordPress hooks declares.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\WordPress;

/**
 * A hooked class lists its hooks once, in hooks(); register() attaches them to the object.
 * The composition root reads the same list to attach lazy callbacks instead, so that an
 * object (and what it depends on) is only built when one of its hooks fires.
 *
 * @since 0.1.0
 */
trait Hooks {

	/**
	 * The hooks served: hook name, method name (or a static callable), priority, accepted args.
	 *
	 * @return list<array{0: string, 1: string|callable, 2?: int, 3?: int}>
	 */
	abstract public static function hooks(): array;

	/**
	 * Attaches every hook to this object.
	 */
	public function register(): void {
		foreach ( static::hooks() as $hook ) {
			add_filter( $hook[0], is_string( $hook[1] ) ? array( $this, $hook[1] ) : $hook[1], $hook[2] ?? 10, $hook[3] ?? 1 );
		}
	}
}

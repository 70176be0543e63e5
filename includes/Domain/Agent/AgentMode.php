<?php
/**
 * How far an agent is trusted to act.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Agent;

/**
 * observe → canary → active; paused refuses everything.
 *
 * @since 0.1.0
 */
enum AgentMode: string {
	case Observe = 'observe';
	case Canary  = 'canary';
	case Active  = 'active';
	case Paused  = 'paused';

	/**
	 * @return list<string>
	 */
	public static function values(): array {
		return array_map( static fn ( self $mode ): string => $mode->value, self::cases() );
	}
}

<?php
/**
 * How much harm an agent could do.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Agent;

/**
 * Risk tier of an agent; high-risk agents need two approvers.
 *
 * @since 0.1.0
 */
enum RiskTier: string {
	case Low    = 'low';
	case Medium = 'medium';
	case High   = 'high';

	/**
	 * @return list<string>
	 */
	public static function values(): array {
		return array_map( static fn ( self $tier ): string => $tier->value, self::cases() );
	}
}

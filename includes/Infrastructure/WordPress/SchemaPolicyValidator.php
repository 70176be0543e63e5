<?php
/**
 * Policy validation with WordPress's schema validator.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\WordPress;

use AgentGuard\Domain\DomainException;
use AgentGuard\Domain\Policy\Policy;
use AgentGuard\Domain\Policy\PolicyRules;
use AgentGuard\Domain\Policy\PolicyValidator;

/**
 * schemas/policy.schema.json through rest_validate_value_from_schema(), then the domain's
 * cross-field rules; documents of an older schema_version are migrated first.
 *
 * @since 0.1.0
 */
final class SchemaPolicyValidator implements PolicyValidator {

	public function validate( mixed $document ): array {
		if ( ! is_array( $document ) || ( array() !== $document && array_is_list( $document ) ) ) {
			throw new DomainException( 'agent_guard_invalid_policy', 'A policy is a JSON object.', 400, array( 'path' => '' ) );
		}
		$version = $document['schema_version'] ?? null;
		if ( ! is_int( $version ) ) {
			throw new DomainException( 'agent_guard_invalid_policy', 'schema_version is missing; this does not look like an Agent Guard policy.', 400, array( 'path' => 'schema_version' ) );
		}
		if ( $version > Policy::SCHEMA_VERSION ) {
			throw new DomainException(
				'agent_guard_policy_version_unsupported',
				sprintf( 'This policy uses schema version %d, newer than this plugin understands (%d); update Agent Guard first.', $version, Policy::SCHEMA_VERSION ),
				400,
				array( 'path' => 'schema_version' )
			);
		}
		if ( $version < 1 ) {
			throw new DomainException( 'agent_guard_policy_version_unsupported', sprintf( 'Schema version %d does not exist.', $version ), 400, array( 'path' => 'schema_version' ) );
		}
		$clean = self::integral_numbers( JsonSchemas::validate( 'policy', $document, 'agent_guard_invalid_policy' ) );
		PolicyRules::check( $clean );
		return Policy::normalize( $clean );
	}

	/**
	 * WordPress sanitises `number` values to floats; whole numbers are stored as integers so a
	 * document reads the same after a save (5, not 5.0).
	 */
	private static function integral_numbers( mixed $value ): mixed {
		if ( is_float( $value ) && is_finite( $value ) && floor( $value ) === $value && abs( $value ) < PHP_INT_MAX ) {
			return (int) $value;
		}
		if ( is_array( $value ) ) {
			return array_map( array( self::class, 'integral_numbers' ), $value );
		}
		return $value;
	}
}

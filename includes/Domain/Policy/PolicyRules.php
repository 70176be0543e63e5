<?php
/**
 * Rules a policy must follow beyond its JSON Schema.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Policy;

use AgentGuard\Domain\DomainException;

/**
 * Cross-field checks the schema cannot express: the keys of `actions.fields` must be known
 * actions, an action may not be both allowed and denied, a canary percentage has at most two
 * decimals, the callback URL must be http(s). Each failure names the field path.
 *
 * @since 0.1.0
 */
final class PolicyRules {

	/**
	 * @param array<string, mixed> $document A document that passed the schema.
	 * @throws DomainException 400 `agent_guard_invalid_policy` with data.path.
	 */
	public static function check( array $document ): void {
		$fields = $document['actions']['fields'] ?? array();
		foreach ( array_keys( (array) $fields ) as $action ) {
			if ( ! Vocabulary::is_action( (string) $action ) ) {
				self::fail( 'actions.fields.' . $action, sprintf( '"%s" is not a known action.', $action ) );
			}
		}
		$both = array_intersect( (array) ( $document['actions']['allow'] ?? array() ), (array) ( $document['actions']['deny'] ?? array() ) );
		if ( $both ) {
			self::fail( 'actions.deny', sprintf( '%s is both allowed and denied; remove it from one list.', implode( ', ', $both ) ) );
		}
		$percent = $document['canary']['percent'] ?? 0;
		if ( abs( round( (float) $percent, 2 ) - (float) $percent ) > 1e-9 ) {
			self::fail( 'canary.percent', 'The canary percentage takes at most two decimals.' );
		}
		$url = (string) ( $document['launch']['callback_url'] ?? '' );
		if ( '' !== $url && ! preg_match( '~\Ahttps?://[^\s/$.?#][^\s]*\z~i', $url ) ) {
			self::fail( 'launch.callback_url', 'The callback URL must be an http or https URL.' );
		}
	}

	private static function fail( string $path, string $message ): never {
		throw new DomainException( 'agent_guard_invalid_policy', $message, 400, array( 'path' => $path ) );
	}
}

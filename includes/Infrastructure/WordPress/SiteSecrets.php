<?php
/**
 * Keys derived from the site's secrets.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\WordPress;

/**
 * Derives the plugin's keys from wp-config.php's salts, so no key is stored in the database.
 * Changing the salts invalidates every agent token (documented in the README).
 *
 * @since 0.1.0
 */
final class SiteSecrets {

	public static function token_key(): string {
		$base = defined( 'AGENT_GUARD_TOKEN_KEY' ) ? (string) AGENT_GUARD_TOKEN_KEY : wp_salt( 'auth' );
		return hash_hmac( 'sha256', 'agent-guard/token-key/v1', $base, true ) . hash_hmac( 'sha256', 'agent-guard/token-key/v1/b', $base, true );
	}

	public static function callback_key(): string {
		return hash_hmac( 'sha256', 'agent-guard/callback-key/v1', wp_salt( 'auth' ) );
	}
}

<?php
/**
 * Keyed hashing of tokens.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Token;

/**
 * HMAC-SHA256 of a token with a key derived from the site's secrets; compared in constant time.
 *
 * @since 0.1.0
 */
final class TokenHasher {

	public function __construct( #[\SensitiveParameter] private string $key ) {
		if ( strlen( $key ) < 32 ) {
			throw new \InvalidArgumentException( 'The token hashing key must be at least 32 bytes.' );
		}
	}

	public function hash( #[\SensitiveParameter] string $token ): string {
		return hash_hmac( 'sha256', $token, $this->key );
	}

	public function matches( string $stored_hash, #[\SensitiveParameter] string $token ): bool {
		return hash_equals( $stored_hash, $this->hash( $token ) );
	}
}

<?php
/**
 * Turns a presented credential into an agent identity.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Application;

use AgentGuard\Domain\Agent\AgentRepository;
use AgentGuard\Domain\Agent\Identity;
use AgentGuard\Domain\Token\TokenFormat;
use AgentGuard\Domain\Token\TokenHasher;

/**
 * Checks the shape of a token before any hashing or look-up, finds it by its lookup id and
 * compares the keyed hash in constant time. Unknown id, wrong secret and malformed token all
 * give the same answer (null), so the response cannot tell which part was wrong.
 *
 * @since 0.1.0
 */
final class Authenticator {

	public function __construct( private AgentRepository $agents, private TokenHasher $hasher ) {
	}

	/**
	 * @return Identity|null Null when the token is not a valid token of this site.
	 */
	public function identify_token( #[\SensitiveParameter] string $token ): ?Identity {
		if ( ! TokenFormat::is_well_formed( $token ) ) {
			// Hash anyway so a malformed token costs the same as a wrong one.
			$this->hasher->hash( $token );
			return null;
		}
		$identity = $this->agents->identify_by_token_lookup( TokenFormat::lookup( $token ) );
		if ( null === $identity || null === $identity->token ) {
			$this->hasher->hash( $token );
			return null;
		}
		return $this->hasher->matches( $identity->token->hash, $token ) ? $identity : null;
	}

	/**
	 * Extracts a bearer token from an Authorization header value. Returns null when the header
	 * is not a bearer credential at all; an empty string when it is one but malformed.
	 */
	public static function bearer_from_header( string $header ): ?string {
		$header = trim( $header );
		if ( ! preg_match( '/\ABearer(?:\s+(.*))?\z/si', $header, $match ) ) {
			return null;
		}
		$token = trim( $match[1] ?? '' );
		if ( strlen( $token ) > 512 ) {
			return '';
		}
		return $token;
	}
}

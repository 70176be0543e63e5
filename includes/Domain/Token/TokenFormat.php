<?php
/**
 * The shape of an agent token: `agk_` + a 12-character lookup id + a 32-character secret.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Token;

/**
 * Generates and parses plugin tokens. The lookup id finds the stored row (and is shown as
 * the token's prefix); the whole token is only ever stored as a keyed hash.
 *
 * @since 0.1.0
 */
final class TokenFormat {

	public const PREFIX        = 'agk_';
	public const LOOKUP_LENGTH = 12;
	public const SECRET_LENGTH = 32;
	public const LENGTH        = 48; // 4 + 12 + 32.

	private const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

	/**
	 * A new random token. `$random_bytes` is injectable for tests.
	 *
	 * @param callable(int):string|null $random_bytes
	 */
	public static function generate( ?callable $random_bytes = null ): string {
		$random_bytes = $random_bytes ?? 'random_bytes';
		$length       = self::LOOKUP_LENGTH + self::SECRET_LENGTH;
		$out          = '';
		while ( strlen( $out ) < $length ) {
			foreach ( str_split( $random_bytes( $length ) ) as $byte ) {
				$value = ord( $byte );
				// Rejection sampling keeps every character equally likely (248 = 62 * 4).
				if ( $value < 248 && strlen( $out ) < $length ) {
					$out .= self::ALPHABET[ $value % 62 ];
				}
			}
		}
		return self::PREFIX . $out;
	}

	/**
	 * Whether a string has the exact shape of a token (checked before any hashing or lookup).
	 */
	public static function is_well_formed( string $token ): bool {
		return self::LENGTH === strlen( $token )
			&& 1 === preg_match( '/\Aagk_[A-Za-z0-9]{44}\z/', $token );
	}

	/**
	 * The lookup id of a well-formed token.
	 */
	public static function lookup( string $token ): string {
		return substr( $token, strlen( self::PREFIX ), self::LOOKUP_LENGTH );
	}

	/**
	 * What may be shown of a token: its prefix and lookup id, never the secret.
	 */
	public static function display_prefix( string $lookup ): string {
		return self::PREFIX . $lookup;
	}
}

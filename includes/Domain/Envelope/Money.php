<?php
/**
 * Strict prices.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Envelope;

/**
 * Parses prices the way an agent must send them — a decimal string with at most the store's
 * number of decimals — into integer minor units. Never WooCommerce's lenient parsing:
 * `-1`, `NaN`, `1e309`, `12abc`, `0x10`, `1..23`, `" 12 "`, `12,50`, Arabic-Indic digits,
 * `1e-7` and twenty-digit numbers are all refused.
 *
 * @since 0.1.0
 */
final class Money {

	public const MAX_INTEGER_DIGITS = 9;

	/**
	 * Minor units of a price string, or null when the string is not a valid price.
	 * An empty string (clearing a sale price) is valid and returns 0 with $empty = true.
	 */
	public static function parse( mixed $value, int $decimals ): ?int {
		if ( ! is_string( $value ) ) {
			return null;
		}
		if ( '' === $value ) {
			return 0;
		}
		$decimals = max( 0, min( 8, $decimals ) );
		$pattern  = 0 === $decimals
			? '/\A(\d{1,' . self::MAX_INTEGER_DIGITS . '})\z/'
			: '/\A(\d{1,' . self::MAX_INTEGER_DIGITS . '})(?:\.(\d{1,' . $decimals . '}))?\z/';
		if ( ! preg_match( $pattern, $value, $match ) ) {
			return null;
		}
		$fraction = str_pad( $match[2] ?? '', $decimals, '0' );
		return (int) $match[1] * ( 10 ** $decimals ) + ( '' === $fraction ? 0 : (int) $fraction );
	}

	public static function format( int $minor, int $decimals ): string {
		if ( $decimals <= 0 ) {
			return (string) $minor;
		}
		$sign  = $minor < 0 ? '-' : '';
		$minor = abs( $minor );
		return $sign . intdiv( $minor, 10 ** $decimals ) . '.' . str_pad( (string) ( $minor % ( 10 ** $decimals ) ), $decimals, '0', STR_PAD_LEFT );
	}

	/**
	 * Lenient reading of a price already stored by the store (WooCommerce may hold "12" or
	 * "12.5"): digits with an optional fraction, rounded to $decimals; null when unreadable.
	 */
	public static function from_store( mixed $value, int $decimals ): ?int {
		if ( is_int( $value ) || is_float( $value ) ) {
			$value = (string) $value;
		}
		if ( ! is_string( $value ) || ! preg_match( '/\A-?\d+(\.\d+)?\z/', trim( $value ) ) ) {
			return null;
		}
		return (int) round( (float) trim( $value ) * ( 10 ** max( 0, $decimals ) ) );
	}

	/**
	 * Percentage change from $from to $to; infinite when moving away from zero.
	 */
	public static function percent_change( int $from, int $to ): float {
		if ( $from === $to ) {
			return 0.0;
		}
		if ( 0 === $from ) {
			return INF;
		}
		return abs( $to - $from ) / abs( $from ) * 100;
	}
}

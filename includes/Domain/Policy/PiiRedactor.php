<?php
/**
 * Customer details hidden from agents that may not see them.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Policy;

/**
 * Replaces customer e-mail addresses, phone numbers, names, street addresses and IP / user
 * agent strings with a marker, wherever they appear in a REST or webhook payload: lists,
 * single items, billing and shipping blocks, and `_embedded` objects.
 *
 * @since 0.1.0
 */
final class PiiRedactor {

	public const MARK = '[redacted]';

	/** Keys redacted anywhere. */
	private const ALWAYS = array( 'email', 'phone', 'billing_email', 'billing_phone', 'customer_ip_address', 'customer_user_agent', 'username', 'avatar_url', 'email_restrictions', 'used_by' );

	/** Keys redacted inside billing / shipping / address blocks. */
	private const ADDRESS = array( 'first_name', 'last_name', 'company', 'address_1', 'address_2', 'city', 'postcode', 'email', 'phone' );

	/** Blocks that hold a person's address. */
	private const BLOCKS = array( 'billing', 'shipping', 'billing_address', 'shipping_address' );

	/**
	 * @param mixed $data Decoded JSON.
	 * @return mixed
	 */
	public static function redact( mixed $data, bool $names = true ): mixed {
		if ( ! is_array( $data ) ) {
			return $data;
		}
		foreach ( $data as $key => $value ) {
			if ( is_string( $key ) && in_array( $key, self::BLOCKS, true ) && is_array( $value ) ) {
				foreach ( self::ADDRESS as $field ) {
					if ( isset( $value[ $field ] ) && '' !== $value[ $field ] ) {
						$value[ $field ] = self::MARK;
					}
				}
				$data[ $key ] = $value;
				continue;
			}
			if ( is_string( $key ) && in_array( $key, self::ALWAYS, true ) ) {
				if ( is_array( $value ) ) {
					$data[ $key ] = array() === $value ? $value : array( self::MARK );
				} elseif ( null !== $value && '' !== $value ) {
					$data[ $key ] = self::MARK;
				}
				continue;
			}
			if ( $names && is_string( $key ) && in_array( $key, array( 'first_name', 'last_name' ), true ) && is_string( $value ) && '' !== $value && isset( $data['email'] ) ) {
				// A customer record: its own name fields.
				$data[ $key ] = self::MARK;
				continue;
			}
			if ( is_array( $value ) ) {
				$data[ $key ] = self::redact( $value, $names );
			}
		}
		return $data;
	}
}

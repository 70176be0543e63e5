<?php
/**
 * Domain exceptions to WordPress errors, in one place.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\WordPress;

use AgentGuard\Domain\DomainException;

/**
 * The single place where a thrown domain exception becomes a WP_Error with its status.
 *
 * @since 0.1.0
 */
final class ErrorMapper {

	public static function to_wp_error( DomainException $error ): \WP_Error {
		return new \WP_Error( $error->error_code, $error->getMessage(), array( 'status' => $error->status ) + $error->data );
	}

	public static function status_of( \WP_Error $error ): int {
		$data = $error->get_error_data();
		return is_array( $data ) && isset( $data['status'] ) ? (int) $data['status'] : 500;
	}
}

<?php
/**
 * The one exception type the domain throws; the REST layer maps it to a WP_Error.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain;

/**
 * A refusal with a stable error code, an HTTP status and optional data.
 *
 * @since 0.1.0
 */
class DomainException extends \RuntimeException {

	/**
	 * @param string               $error_code Stable machine-readable code, `agent_guard_<reason>`.
	 * @param string               $message    Human-readable, already translated where it reaches a person.
	 * @param int                  $status     HTTP status.
	 * @param array<string, mixed> $data       Extra data for the error body (rule, field path…).
	 */
	public function __construct(
		public readonly string $error_code,
		string $message,
		public readonly int $status = 400,
		public readonly array $data = array()
	) {
		parent::__construct( $message );
	}

	public static function not_found( string $what ): self {
		return new self( 'agent_guard_not_found', sprintf( '%s was not found.', $what ), 404 );
	}

	public static function invalid( string $message, array $data = array() ): self {
		return new self( 'agent_guard_invalid', $message, 400, $data );
	}

	public static function conflict( string $message, array $data = array() ): self {
		return new self( 'agent_guard_conflict', $message, 409, $data );
	}
}

<?php
/**
 * What an agent says about its own request.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Request;

/**
 * The `X-Agent-*` headers an agent sends with a request, length-capped and cleaned, ready
 * for the audit log: rationale, confidence, model, prompt version, run id.
 *
 * @since 0.1.0
 */
final class AgentMetadata {

	/** Header (lower case, dashes) => [ field, maximum length ]. */
	public const HEADERS = array(
		'x-agent-rationale'      => array( 'rationale', 1000 ),
		'x-agent-confidence'     => array( 'confidence', 16 ),
		'x-agent-model'          => array( 'model', 100 ),
		'x-agent-prompt-version' => array( 'prompt_version', 100 ),
		'x-agent-run-id'         => array( 'run_id', 100 ),
	);

	/**
	 * @param array<string, string> $fields
	 */
	private function __construct( private array $fields ) {
	}

	/**
	 * @param array<string, string|list<string>> $headers Header name (any case, dashes or underscores) => value(s).
	 */
	public static function from_headers( array $headers ): self {
		$normalised = array();
		foreach ( $headers as $name => $value ) {
			$key = strtolower( str_replace( '_', '-', (string) $name ) );
			if ( isset( self::HEADERS[ $key ] ) ) {
				$normalised[ $key ] = is_array( $value ) ? (string) reset( $value ) : (string) $value;
			}
		}
		$fields = array();
		foreach ( self::HEADERS as $header => list( $field, $max ) ) {
			if ( ! isset( $normalised[ $header ] ) ) {
				continue;
			}
			$clean = self::clean( $normalised[ $header ], $max );
			if ( '' === $clean ) {
				continue;
			}
			if ( 'confidence' === $field ) {
				if ( ! is_numeric( $clean ) || (float) $clean < 0 || (float) $clean > 1 ) {
					continue;
				}
				$clean = (string) round( (float) $clean, 4 );
			}
			$fields[ $field ] = $clean;
		}
		return new self( $fields );
	}

	/**
	 * @param array<string, mixed> $fields As stored (for replaying a queued request).
	 */
	public static function from_array( array $fields ): self {
		$out = array();
		foreach ( self::HEADERS as list( $field, $max ) ) {
			if ( isset( $fields[ $field ] ) && is_scalar( $fields[ $field ] ) ) {
				$out[ $field ] = self::clean( (string) $fields[ $field ], $max );
			}
		}
		return new self( array_filter( $out, static fn ( string $v ): bool => '' !== $v ) );
	}

	/**
	 * Valid UTF-8, no control characters (bidi overrides shown escaped later), at most $max characters.
	 */
	private static function clean( string $value, int $max ): string {
		if ( ! mb_check_encoding( $value, 'UTF-8' ) ) {
			$value = mb_convert_encoding( $value, 'UTF-8', 'UTF-8' );
		}
		$value = (string) preg_replace( '/[\x00-\x1F\x7F]+/u', ' ', $value );
		$value = trim( $value );
		if ( mb_strlen( $value ) > $max ) {
			$value = mb_substr( $value, 0, $max - 1 ) . '…';
		}
		return $value;
	}

	/**
	 * @return array<string, string>
	 */
	public function to_array(): array {
		return $this->fields;
	}

	public function get( string $field ): ?string {
		return $this->fields[ $field ] ?? null;
	}
}

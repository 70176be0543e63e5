<?php
/**
 * The names policies use.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Policy;

/**
 * Actions (`<resource>:<verb>`) and readable resources, read from schemas/vocabulary.json,
 * the file the policy schema and the admin app share.
 *
 * @since 0.1.0
 */
final class Vocabulary {

	/** @var array{actions: list<string>, resources: list<string>}|null */
	private static ?array $data = null;

	/**
	 * @return list<string>
	 */
	public static function actions(): array {
		return self::load()['actions'];
	}

	/**
	 * @return list<string>
	 */
	public static function resources(): array {
		return self::load()['resources'];
	}

	public static function is_action( string $action ): bool {
		return in_array( $action, self::actions(), true );
	}

	public static function path(): string {
		return dirname( __DIR__, 3 ) . '/schemas/vocabulary.json';
	}

	/**
	 * @return array{actions: list<string>, resources: list<string>}
	 */
	private static function load(): array {
		if ( null === self::$data ) {
			$decoded = json_decode( (string) file_get_contents( self::path() ), true );
			if ( ! is_array( $decoded ) || ! isset( $decoded['actions'], $decoded['resources'] ) ) {
				throw new \RuntimeException( 'schemas/vocabulary.json is missing or broken.' );
			}
			self::$data = array(
				'actions'   => array_values( $decoded['actions'] ),
				'resources' => array_values( $decoded['resources'] ),
			);
		}
		return self::$data;
	}
}

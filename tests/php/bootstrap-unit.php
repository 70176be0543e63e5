<?php
/**
 * Unit tests: no WordPress is loaded, so a stray WordPress call fails at once.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

spl_autoload_register(
	static function ( string $class_name ): void {
		$map = array(
			'AgentGuard\\Tests\\' => __DIR__ . '/',
			'AgentGuard\\'        => dirname( __DIR__, 2 ) . '/includes/',
		);
		foreach ( $map as $prefix => $dir ) {
			if ( str_starts_with( $class_name, $prefix ) ) {
				$file = $dir . str_replace( '\\', '/', substr( $class_name, strlen( $prefix ) ) ) . '.php';
				if ( is_readable( $file ) ) {
					require $file;
				}
				return;
			}
		}
	}
);

if ( function_exists( 'add_action' ) ) {
	throw new RuntimeException( 'WordPress must not be loaded in unit tests.' );
}

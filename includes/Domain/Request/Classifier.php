<?php
/**
 * Route + method → action and target.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Request;

use AgentGuard\Domain\DomainException;

/**
 * Classifies the request WordPress is about to dispatch — its dispatched route and its
 * (possibly overridden) method, never the raw URL — against the route table, and parses the
 * items of `…/batch` bodies.
 *
 * @since 0.1.0
 */
final class Classifier {

	private const READ_METHODS = array( 'GET', 'HEAD', 'OPTIONS' );

	/** @var array<string, array<string, mixed>>|null Compiled WooCommerce routes (regex => entry). */
	private static ?array $compiled = null;

	/**
	 * @param array<string, mixed> $params The request's parameters as the handler will read them.
	 * @throws DomainException 400 when a batch body is malformed.
	 */
	public function classify( string $method, string $route, array $params ): Classification {
		$method = strtoupper( $method );
		$route  = '/' . ltrim( $route, '/' );
		$read   = in_array( $method, self::READ_METHODS, true );
		if ( '/' === $route || preg_match( '#^/(wc/v[123]|wc/store(?:/v1)?|wc-analytics|wp/v2|agent-guard/v1|wc-admin|wp-site-health/v1|oembed/1\.0)/?$#i', $route ) ) {
			return new Classification( $read ? Classification::DISCOVERY : Classification::UNKNOWN, '', $read ? '' : 'unknown:write' );
		}
		if ( preg_match( '#^/batch/v1/?$#i', $route ) ) {
			return new Classification( Classification::CONTAINER, '', '', '', '', 0, array(), false, 'batch/v1' );
		}
		if ( preg_match( '#^/agent-guard/v1/#i', $route ) ) {
			return new Classification( Classification::GUARD, '', '', '', '', 0, array(), false, 'agent-guard/v1' );
		}
		if ( preg_match( '#^/(wc/v[23])/(.+)$#i', $route, $match ) ) {
			return $this->woocommerce( $method, $read, rtrim( $match[2], '/' ), $params, strtolower( $match[1] ) );
		}
		if ( preg_match( '#^/wc-analytics/#i', $route ) ) {
			return $read ? new Classification( Classification::READ, 'reports', '', '', '', 0, array(), false, 'wc-analytics' ) : $this->unknown( 'wc-analytics' );
		}
		if ( preg_match( '#^/wc/store(?:/v1)?/(.+)$#i', $route, $match ) ) {
			if ( $read && preg_match( '#^products(/|$)#i', $match[1] ) ) {
				return new Classification( Classification::READ, 'products', '', '', '', 0, array(), false, 'wc/store' );
			}
			return $read ? new Classification( Classification::UNKNOWN, '', '', '', '', 0, array(), false, 'wc/store' ) : $this->unknown( 'wc/store' );
		}
		if ( preg_match( '#^/wp/v2/([a-z_-]+)(?:/(\d+))?(/.*)?$#i', $route, $match ) ) {
			return $this->wordpress( $method, $read, strtolower( $match[1] ), $match[2] ?? '', $match[3] ?? '' );
		}
		return $read ? new Classification( Classification::UNKNOWN ) : $this->unknown( '' );
	}

	private function unknown( string $namespace ): Classification {
		return new Classification( Classification::UNKNOWN, '', 'unknown:write', '', '', 0, array(), false, $namespace );
	}

	/**
	 * @param array<string, mixed> $params
	 */
	private function woocommerce( string $method, bool $read, string $path, array $params, string $namespace ): Classification {
		foreach ( self::compiled() as $regex => $entry ) {
			if ( ! preg_match( $regex, $path, $match ) ) {
				continue;
			}
			$id  = isset( $match['id'] ) ? $match['id'] : '';
			$pid = isset( $match['pid'] ) ? (int) $match['pid'] : 0;
			if ( $read ) {
				return new Classification( Classification::READ, $entry['resource'], '', '', '', 0, array(), false, $namespace );
			}
			$action = $entry['writes'][ $method ] ?? null;
			if ( null === $action ) {
				return $this->unknown( $namespace );
			}
			if ( isset( $entry['batch'] ) ) {
				return new Classification(
					Classification::WRITE,
					$entry['resource'],
					$action,
					$entry['batch'],
					'',
					$pid,
					$this->batch_items( $entry['resource'], $entry['batch'], $params ),
					true,
					$namespace
				);
			}
			if ( ! empty( $entry['target_from_parent'] ) ) {
				return new Classification( Classification::WRITE, $entry['resource'], $action, $entry['target'], (string) $pid, 0, array(), false, $namespace );
			}
			if ( '' === $entry['target'] ) {
				// A create: the new object has no id yet.
				return new Classification( Classification::WRITE, $entry['resource'], $action, (string) ( $entry['create'] ?? '' ), '', 0, array(), false, $namespace );
			}
			$target_id = '' !== $id ? $id : (string) ( $match['key'] ?? $match['group'] ?? '' );
			return new Classification( Classification::WRITE, $entry['resource'], $action, $entry['target'], $target_id, $pid, array(), false, $namespace );
		}
		foreach ( RouteMap::WC_READ_PREFIXES as $prefix => $resource ) {
			if ( 0 === strncasecmp( $path, $prefix, strlen( $prefix ) ) ) {
				return $read ? new Classification( Classification::READ, $resource, '', '', '', 0, array(), false, $namespace ) : $this->unknown( $namespace );
			}
		}
		return $read ? new Classification( Classification::UNKNOWN, '', '', '', '', 0, array(), false, $namespace ) : $this->unknown( $namespace );
	}

	private function wordpress( string $method, bool $read, string $base, string $id, string $rest ): Classification {
		if ( isset( RouteMap::WP[ $base ] ) && '' === $rest ) {
			list( $resource, $type ) = RouteMap::WP[ $base ];
			if ( $read ) {
				return new Classification( Classification::READ, $resource, '', '', '', 0, array(), false, 'wp/v2' );
			}
			if ( '' === $id ) {
				return 'POST' === $method
					? new Classification( Classification::WRITE, $resource, $resource . ':create', $type, '', 0, array(), false, 'wp/v2' )
					: $this->unknown( 'wp/v2' );
			}
			$action = 'DELETE' === $method ? $resource . ':delete' : $resource . ':update';
			return new Classification( Classification::WRITE, $resource, $action, $type, $id, 0, array(), false, 'wp/v2' );
		}
		if ( $read && isset( RouteMap::WP_READS[ $base ] ) ) {
			return new Classification( Classification::READ, RouteMap::WP_READS[ $base ], '', '', '', 0, array(), false, 'wp/v2' );
		}
		if ( $read && isset( RouteMap::WP[ $base ] ) ) {
			// Revisions, autosaves and the like of readable content.
			return new Classification( Classification::READ, RouteMap::WP[ $base ][0], '', '', '', 0, array(), false, 'wp/v2' );
		}
		return $read ? new Classification( Classification::UNKNOWN, '', '', '', '', 0, array(), false, 'wp/v2' ) : $this->unknown( 'wp/v2' );
	}

	/**
	 * @param array<string, mixed> $params
	 * @return list<BatchItem>
	 * @throws DomainException 400 on a malformed batch.
	 */
	private function batch_items( string $resource, string $type, array $params ): array {
		$items = array();
		foreach ( array( 'create', 'update', 'delete' ) as $operation ) {
			if ( ! array_key_exists( $operation, $params ) || null === $params[ $operation ] ) {
				continue;
			}
			$list = $params[ $operation ];
			if ( ! is_array( $list ) || ( array() !== $list && ! array_is_list( $list ) ) ) {
				throw new DomainException( 'agent_guard_invalid_batch', sprintf( '"%s" must be a list.', $operation ), 400, array( 'path' => $operation ) );
			}
			$action = 'settings' === $resource ? 'settings:update' : $resource . ':' . $operation;
			foreach ( $list as $index => $item ) {
				if ( 'delete' === $operation ) {
					$id     = is_array( $item ) ? ( $item['id'] ?? null ) : $item;
					$fields = is_array( $item ) ? $item : array( 'id' => $item );
				} else {
					if ( ! is_array( $item ) || array_is_list( $item ) && array() !== $item ) {
						throw new DomainException( 'agent_guard_invalid_batch', sprintf( '%s[%d] must be an object.', $operation, $index ), 400, array( 'path' => "{$operation}.{$index}" ) );
					}
					$id     = $item['id'] ?? null;
					$fields = $item;
				}
				if ( 'create' !== $operation && ( ! is_scalar( $id ) || ! preg_match( '/^[1-9]\d{0,18}$/', (string) $id ) ) && 'settings' !== $resource ) {
					throw new DomainException( 'agent_guard_invalid_batch', sprintf( '%s[%d] needs a valid id.', $operation, $index ), 400, array( 'path' => "{$operation}.{$index}.id" ) );
				}
				$items[] = new BatchItem( count( $items ), $operation, $action, $type, 'create' === $operation ? '' : (string) $id, $fields );
			}
		}
		return $items;
	}

	/**
	 * @return array<string, array<string, mixed>>
	 */
	private static function compiled(): array {
		if ( null === self::$compiled ) {
			self::$compiled = array();
			foreach ( RouteMap::WC as $pattern => $entry ) {
				$regex                    = '#^' . strtr(
					$pattern,
					array(
						'{id}'    => '(?P<id>\d+)',
						'{pid}'   => '(?P<pid>\d+)',
						'{group}' => '(?P<group>[\w-]+)',
						'{key}'   => '(?P<key>[\w-]+)',
					)
				) . '$#i';
				self::$compiled[ $regex ] = $entry;
			}
			// Fixed segments (batch, categories, generate) before numeric ids and free groups.
			uksort(
				self::$compiled,
				static fn ( string $a, string $b ): int => ( substr_count( $a, '(?P<group>' ) + substr_count( $a, '(?P<key>' ) ) <=> ( substr_count( $b, '(?P<group>' ) + substr_count( $b, '(?P<key>' ) ) ?: strlen( $b ) <=> strlen( $a )
			);
		}
		return self::$compiled;
	}
}

<?php
/**
 * The store's existing API credentials.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\WooCommerce;

use AgentGuard\Infrastructure\Persistence\WpdbAdoptions;

/**
 * Lists WooCommerce REST API keys (from WooCommerce's own table) and application passwords
 * (from WordPress), with the agent each one is adopted by, if any. Never a secret: WooCommerce
 * keeps only the last 7 characters of a key in clear, application passwords are hashed.
 *
 * @since 0.1.0
 */
final class CredentialInventory {

	public function __construct( private \wpdb $wpdb, private WpdbAdoptions $adoptions ) {
	}

	/**
	 * @return list<array<string, mixed>>
	 */
	public function all(): array {
		$adopted = array();
		foreach ( $this->adoptions->list() as $row ) {
			$adopted[ $row['kind'] . ':' . $row['external_id'] ] = array(
				'adoption_id' => (int) $row['id'],
				'agent_id'    => (int) $row['agent_id'],
			);
		}
		$items = array();
		foreach ( $this->wc_keys() as $key ) {
			$items[] = $key + ( $adopted[ 'wc_key:' . $key['external_id'] ] ?? array(
				'adoption_id' => 0,
				'agent_id'    => 0,
			) );
		}
		foreach ( $this->application_passwords() as $password ) {
			$items[] = $password + ( $adopted[ 'app_password:' . $password['external_id'] ] ?? array(
				'adoption_id' => 0,
				'agent_id'    => 0,
			) );
		}
		return $items;
	}

	/**
	 * @return array<string, mixed>|null
	 */
	public function find( string $kind, string $external_id ): ?array {
		foreach ( 'wc_key' === $kind ? $this->wc_keys() : $this->application_passwords() as $item ) {
			if ( $item['external_id'] === $external_id ) {
				return $item;
			}
		}
		return null;
	}

	/**
	 * @return list<array<string, mixed>>
	 */
	private function wc_keys(): array {
		$table = $this->wpdb->prefix . 'woocommerce_api_keys';
		if ( $this->wpdb->get_var( $this->wpdb->prepare( 'SHOW TABLES LIKE %s', $table ) ) !== $table ) {
			return array();
		}
		$rows = $this->wpdb->get_results( "SELECT key_id, user_id, description, permissions, truncated_key, last_access FROM {$table} ORDER BY key_id ASC", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return array_map(
			function ( array $row ): array {
				return array(
					'kind'        => 'wc_key',
					'external_id' => (string) $row['key_id'],
					'label'       => (string) $row['description'],
					'user_id'     => (int) $row['user_id'],
					'user_name'   => $this->user_name( (int) $row['user_id'] ),
					'permissions' => (string) $row['permissions'],
					'hint'        => '…' . (string) $row['truncated_key'],
					'last_access' => $row['last_access'] ? gmdate( 'Y-m-d\TH:i:s\Z', (int) strtotime( (string) $row['last_access'] . ' UTC' ) ) : null,
				);
			},
			$rows ?: array()
		);
	}

	/**
	 * @return list<array<string, mixed>>
	 */
	private function application_passwords(): array {
		$items = array();
		$users = get_users(
			array(
				'meta_key' => \WP_Application_Passwords::USERMETA_KEY_APPLICATION_PASSWORDS, // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_key
				'fields'   => 'ID',
			)
		);
		foreach ( $users as $user_id ) {
			foreach ( \WP_Application_Passwords::get_user_application_passwords( (int) $user_id ) as $item ) {
				$items[] = array(
					'kind'        => 'app_password',
					'external_id' => (string) $item['uuid'],
					'label'       => (string) $item['name'],
					'user_id'     => (int) $user_id,
					'user_name'   => $this->user_name( (int) $user_id ),
					'permissions' => 'user',
					'hint'        => '',
					'last_access' => $item['last_used'] ? gmdate( 'Y-m-d\TH:i:s\Z', (int) $item['last_used'] ) : null,
				);
			}
		}
		return $items;
	}

	private function user_name( int $user_id ): string {
		$user = get_userdata( $user_id );
		return $user ? (string) $user->display_name : '';
	}
}

<?php
/**
 * Existing credentials brought under guard.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\Persistence;

use AgentGuard\Domain\Agent\Identity;
use AgentGuard\Domain\DomainException;
use AgentGuard\Domain\StorageFailure;

/**
 * Adoptions map a WooCommerce API key (by key_id) or an application password (by uuid) to an
 * agent, for agents that cannot change how they authenticate. Identification reads the
 * adoption, the agent and the global halt state in one query.
 *
 * @since 0.1.0
 */
final class WpdbAdoptions {

	public const KIND_WC_KEY       = Identity::CREDENTIAL_WC_KEY;
	public const KIND_APP_PASSWORD = Identity::CREDENTIAL_APP_PASSWORD;

	/** Autoloaded flag: whether any adoption exists (skips the look-up on every other request). */
	public const FLAG_OPTION = 'agent_guard_has_adoptions';

	public function __construct( private \wpdb $wpdb ) {
	}

	public static function any(): bool {
		return (bool) get_option( self::FLAG_OPTION, false );
	}

	/**
	 * @return array<string, mixed>|null Agent row + halt state + adoption, or null.
	 */
	public function identify_wc_key( string $consumer_key_hash ): ?array {
		$keys = $this->wpdb->prefix . 'woocommerce_api_keys';
		return $this->identify(
			"INNER JOIN {$keys} k ON k.key_id = ad.external_id WHERE ad.kind = %s AND k.consumer_key = %s",
			array( self::KIND_WC_KEY, $consumer_key_hash )
		);
	}

	/**
	 * @return array<string, mixed>|null
	 */
	public function identify_app_password( string $uuid ): ?array {
		return $this->identify( 'WHERE ad.kind = %s AND ad.external_id = %s', array( self::KIND_APP_PASSWORD, $uuid ) );
	}

	/**
	 * @param list<mixed> $args
	 * @return array<string, mixed>|null
	 */
	private function identify( string $clause, array $args ): ?array {
		$adoptions = Tables::adoptions( $this->wpdb );
		$agents    = Tables::agents( $this->wpdb );
		$control   = Tables::control( $this->wpdb );
		$sql       = "SELECT a.*, ad.id AS ad_id, ad.kind AS ad_kind, ad.external_id AS ad_external, ad.user_id AS ad_user, ad.label AS ad_label,
				c.halted AS g_halted, c.halt_reason AS g_reason, c.halted_by AS g_by, c.halted_at_gmt AS g_at, c.epoch AS g_epoch
			FROM {$adoptions} ad
			INNER JOIN {$agents} a ON a.id = ad.agent_id
			LEFT JOIN {$control} c ON c.id = 1 {$clause}";
		$row       = $this->wpdb->get_row( $this->wpdb->prepare( $sql, $args ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		if ( '' !== $this->wpdb->last_error ) {
			throw new StorageFailure( 'adoptions' );
		}
		return $row ?: null;
	}

	/**
	 * @return list<array<string, mixed>>
	 */
	public function list(): array {
		$table = Tables::adoptions( $this->wpdb );
		$rows  = $this->wpdb->get_results( "SELECT * FROM {$table} ORDER BY id ASC", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return $rows ?: array();
	}

	public function adopt( int $agent_id, string $kind, string $external_id, int $user_id, string $label, int $by, int $now ): int {
		$ok = $this->wpdb->insert(
			Tables::adoptions( $this->wpdb ),
			array(
				'agent_id'       => $agent_id,
				'kind'           => $kind,
				'external_id'    => $external_id,
				'user_id'        => $user_id,
				'label'          => mb_substr( $label, 0, 200 ),
				'created_at_gmt' => Dates::to_gmt( $now ),
				'created_by'     => $by,
			)
		);
		if ( false === $ok ) {
			throw new DomainException( 'agent_guard_already_adopted', 'This credential is already under guard.', 409 );
		}
		$id = (int) $this->wpdb->insert_id;
		update_option( self::FLAG_OPTION, 1, true );
		return $id;
	}

	/**
	 * @return array<string, mixed>|null The removed adoption.
	 */
	public function release( int $id ): ?array {
		$table = Tables::adoptions( $this->wpdb );
		$row   = $this->wpdb->get_row( $this->wpdb->prepare( "SELECT * FROM {$table} WHERE id = %d", $id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		if ( ! $row ) {
			return null;
		}
		$this->wpdb->delete( $table, array( 'id' => $id ) );
		if ( ! $this->list() ) {
			update_option( self::FLAG_OPTION, 0, true );
		}
		return $row;
	}
}

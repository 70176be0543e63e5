<?php
/**
 * An agent's written policy.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Policy;

use AgentGuard\Domain\Agent\AgentMode;

/**
 * Read-only view of a policy document (schemas/policy.schema.json) with the defaults of
 * optional fields filled in. The document itself stays the source of truth: it is what is
 * versioned, exported and shown.
 *
 * @since 0.1.0
 */
final class Policy {

	public const SCHEMA_VERSION = 1;

	/** Defaults of the field, applied to optional members. */
	public const DEFAULT_BREAKERS = array(
		'failures_per_5_minutes'          => 20,
		'writes_per_minute'               => 50,
		'burst_writes'                    => 120,
		'burst_window_minutes'            => 10,
		'canary_max_failure_rate_percent' => 2,
		'canary_max_revert_rate_percent'  => 0.5,
	);

	/**
	 * @param array<string, mixed> $document A document that passed schema validation.
	 */
	private function __construct( private array $document ) {
	}

	/**
	 * @param array<string, mixed> $document
	 */
	public static function from_array( array $document ): self {
		return new self( self::normalize( $document ) );
	}

	/**
	 * Fills optional members with their defaults so every reader sees one shape.
	 *
	 * @param array<string, mixed> $document
	 * @return array<string, mixed>
	 */
	public static function normalize( array $document ): array {
		$document += array(
			'schema_version'   => self::SCHEMA_VERSION,
			'mode'             => AgentMode::Observe->value,
			'data_access'      => array(),
			'actions'          => array(),
			'approvals'        => array(),
			'limits'           => array(),
			'canary'           => array(),
			'tokens'           => array(),
			'circuit_breakers' => array(),
			'launch'           => array(),
		);
		$document['data_access'] += array(
			'resources' => array(),
			'pii'       => 'redacted',
		);
		$document['actions']     += array(
			'allow'       => array(),
			'deny'        => array(),
			'constraints' => array(),
			'fields'      => array(),
		);
		$document['approvals']   += array(
			'price'                      => array(),
			'stock'                      => array(),
			'coupons'                    => array(),
			'refund_over_minor'          => null,
			'deletes'                    => true,
			'bulk_over_items'            => null,
			'always'                     => array(),
			'second_approver_over_minor' => null,
			'expires_hours'              => 48,
		);
		$document['approvals']['price']   += array(
			'max_change_percent_24h'    => null,
			'max_change_minor'          => null,
			'max_cumulative_percent_7d' => null,
			'sale_dates_need_approval'  => false,
		);
		$document['approvals']['stock']   += array(
			'require_expected' => false,
			'max_change_units' => null,
		);
		$document['approvals']['coupons'] += array(
			'max_percent'     => null,
			'max_fixed_minor' => null,
		);
		$document['limits']              += array(
			'writes_per_minute' => 5,
			'actions_per_day'   => 1000,
			'items_per_batch'   => 50,
		);
		$document['canary']              += array(
			'percent' => 0,
			'outside' => 'refuse',
		);
		$document['tokens']              += array(
			'lifetime_days'           => 30,
			'critical_actions'        => array(),
			'critical_lifetime_hours' => 1,
		);
		$document['circuit_breakers']    += self::DEFAULT_BREAKERS;
		$document['launch']              += array(
			'integrations'  => array(),
			'rollback_plan' => '',
			'alert_emails'  => array(),
			'on_call'       => '',
			'callback_url'  => '',
		);
		return $document;
	}

	/**
	 * @return array<string, mixed>
	 */
	public function to_array(): array {
		return $this->document;
	}

	public function mode(): AgentMode {
		return AgentMode::tryFrom( (string) $this->document['mode'] ) ?? AgentMode::Paused;
	}

	public function can_read( string $resource ): bool {
		return 'read' === ( $this->document['data_access']['resources'][ $resource ] ?? 'none' );
	}

	public function redacts_pii(): bool {
		return 'shown' !== $this->document['data_access']['pii'];
	}

	public function denies( string $action ): bool {
		return in_array( $action, (array) $this->document['actions']['deny'], true );
	}

	public function allows( string $action ): bool {
		return in_array( $action, (array) $this->document['actions']['allow'], true ) && ! $this->denies( $action );
	}

	/**
	 * @return list<int>
	 */
	public function allowed_product_categories(): array {
		return array_map( 'intval', (array) ( $this->document['actions']['constraints']['product_categories'] ?? array() ) );
	}

	/**
	 * @return list<int>
	 */
	public function allowed_product_ids(): array {
		return array_map( 'intval', (array) ( $this->document['actions']['constraints']['product_ids'] ?? array() ) );
	}

	/**
	 * @return list<string>
	 */
	public function allowed_order_statuses(): array {
		return array_map( 'strval', (array) ( $this->document['actions']['constraints']['order_statuses'] ?? array() ) );
	}

	/**
	 * The field allow-list of an action, or null when the action has none.
	 *
	 * @return list<string>|null
	 */
	public function fields_for( string $action ): ?array {
		$fields = $this->document['actions']['fields'][ $action ] ?? null;
		return is_array( $fields ) ? array_values( array_map( 'strval', $fields ) ) : null;
	}

	/**
	 * @return array<string, mixed>
	 */
	public function approvals(): array {
		return $this->document['approvals'];
	}

	public function always_needs_approval( string $action ): bool {
		return in_array( $action, (array) $this->document['approvals']['always'], true );
	}

	public function approval_expiry_seconds(): int {
		return (int) $this->document['approvals']['expires_hours'] * 3600;
	}

	/**
	 * @return array{writes_per_minute: int, actions_per_day: int, items_per_batch: int}
	 */
	public function limits(): array {
		$limits = $this->document['limits'];
		return array(
			'writes_per_minute' => (int) $limits['writes_per_minute'],
			'actions_per_day'   => (int) $limits['actions_per_day'],
			'items_per_batch'   => (int) $limits['items_per_batch'],
		);
	}

	public function canary_percent(): float {
		return (float) $this->document['canary']['percent'];
	}

	public function canary_outside_queues(): bool {
		return 'queue' === $this->document['canary']['outside'];
	}

	public function token_lifetime_seconds(): int {
		return (int) $this->document['tokens']['lifetime_days'] * 86400;
	}

	public function critical_token_lifetime_seconds(): int {
		return (int) $this->document['tokens']['critical_lifetime_hours'] * 3600;
	}

	public function is_critical( string $action ): bool {
		return in_array( $action, (array) $this->document['tokens']['critical_actions'], true );
	}

	/**
	 * @return array<string, int|float|null>
	 */
	public function breakers(): array {
		return $this->document['circuit_breakers'];
	}

	/**
	 * @return array<string, mixed>
	 */
	public function launch(): array {
		return $this->document['launch'];
	}
}

<?php
/**
 * Webhooks owned by agents.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\WooCommerce;

use AgentGuard\Domain\Agent\Agent;
use AgentGuard\Domain\Agent\AgentMode;
use AgentGuard\Domain\Agent\AgentRepository;
use AgentGuard\Domain\Policy\PiiRedactor;
use AgentGuard\Domain\Policy\Policy;
use AgentGuard\Infrastructure\Persistence\Tables;

/**
 * A webhook belongs to an agent when its user is the agent's service user (the agent created
 * it with its token). While that agent — or every agent — is halted or paused, its webhooks
 * are not delivered: neither when WooCommerce decides to deliver (`woocommerce_webhook_should_deliver`)
 * nor when a delivery queued earlier runs in the background. Payloads carry no customer details
 * the agent's policy redacts (`woocommerce_webhook_payload`).
 *
 * @since 0.1.0
 */
final class WebhookGate {

	/** @var array<int, Agent|null> webhook id => owning agent */
	private array $owners = array();

	private bool $removed = false;

	public function __construct( private \wpdb $wpdb, private AgentRepository $agents, private bool $halted_by_constant = false ) {
	}

	/**
	 * @return list<array{0: string, 1: string|callable, 2?: int, 3?: int}>
	 */
	public static function hooks(): array {
		return array(
			array( 'woocommerce_webhook_should_deliver', 'should_deliver', 99, 3 ),
			array( 'woocommerce_webhook_payload', 'redact_payload', 99, 4 ),
			array( 'woocommerce_deliver_webhook_async', 'before_async_delivery', 5, 2 ),
			array( 'woocommerce_deliver_webhook_async', 'after_async_delivery', 15, 2 ),
		);
	}

	/**
	 * @param bool   $should_deliver
	 * @param object $webhook WC_Webhook (or the stand-in's equivalent).
	 * @param mixed  $arg
	 */
	public function should_deliver( $should_deliver, $webhook, $arg ): bool {
		if ( ! $should_deliver || ! is_object( $webhook ) || ! method_exists( $webhook, 'get_user_id' ) ) {
			return (bool) $should_deliver;
		}
		$agent = $this->agents->find_by_service_user( (int) $webhook->get_user_id() );
		return null === $agent || ! $this->stopped( $agent );
	}

	/**
	 * A delivery queued before the halt must not run after it.
	 *
	 * @param int   $webhook_id
	 * @param mixed $arg
	 */
	public function before_async_delivery( $webhook_id, $arg = null ): void {
		$agent = $this->owner( (int) $webhook_id );
		if ( null !== $agent && $this->stopped( $agent ) && function_exists( 'wc_deliver_webhook_async' ) ) {
			$this->removed = remove_action( 'woocommerce_deliver_webhook_async', 'wc_deliver_webhook_async', 10 );
		}
	}

	/**
	 * @param int   $webhook_id
	 * @param mixed $arg
	 */
	public function after_async_delivery( $webhook_id, $arg = null ): void {
		if ( $this->removed ) {
			add_action( 'woocommerce_deliver_webhook_async', 'wc_deliver_webhook_async', 10, 2 );
			$this->removed = false;
		}
	}

	/**
	 * @param mixed  $payload
	 * @param string $resource
	 * @param mixed  $resource_id
	 * @param int    $webhook_id
	 * @return mixed
	 */
	public function redact_payload( $payload, $resource, $resource_id, $webhook_id ) {
		$agent = $this->owner( (int) $webhook_id );
		if ( null === $agent || ! Policy::from_array( $agent->policy )->redacts_pii() ) {
			return $payload;
		}
		return PiiRedactor::redact( $payload );
	}

	private function stopped( Agent $agent ): bool {
		if ( $this->halted_by_constant || $agent->is_halted() || AgentMode::Paused === $agent->mode || $agent->is_archived() ) {
			return true;
		}
		$control = Tables::control( $this->wpdb );
		return '1' === (string) $this->wpdb->get_var( "SELECT halted FROM {$control} WHERE id = 1" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	private function owner( int $webhook_id ): ?Agent {
		if ( ! array_key_exists( $webhook_id, $this->owners ) ) {
			$table   = $this->wpdb->prefix . 'wc_webhooks';
			$user_id = (int) $this->wpdb->get_var( $this->wpdb->prepare( "SELECT user_id FROM {$table} WHERE webhook_id = %d", $webhook_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$this->owners[ $webhook_id ] = $user_id > 0 ? $this->agents->find_by_service_user( $user_id ) : null;
		}
		return $this->owners[ $webhook_id ];
	}
}

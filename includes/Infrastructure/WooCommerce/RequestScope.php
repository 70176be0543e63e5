<?php
/**
 * What the guard knows about the current HTTP request.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\WooCommerce;

use AgentGuard\Domain\Agent\Identity;

/**
 * Per HTTP request: whether an agent credential was presented, the identity it resolved to
 * (or why it did not), and the per-REST-request records (top level and each batch/v1
 * sub-request), keyed by the WP_REST_Request object.
 *
 * @since 0.1.0
 */
final class RequestScope {

	public const FAILURE_INVALID     = 'invalid';
	public const FAILURE_WRONG_PLACE = 'wrong_place';
	public const FAILURE_AMBIGUOUS   = 'ambiguous';

	public bool $resolved = false;

	/** An agent credential (token or adopted key) was presented on this request. */
	public bool $attempted = false;

	public ?Identity $identity = null;

	public ?string $failure = null;

	/** Uuid of the application password WordPress authenticated this request with, if any. */
	public string $app_password_uuid = '';

	/** The agent whose service user other code switched to (e.g. to build a webhook payload). */
	public ?\AgentGuard\Domain\Agent\Agent $borrowed_agent = null;

	/** The guard is reading targets for its own decision (read capabilities granted meanwhile). */
	public bool $guard_reading = false;

	/** The request authenticated with a WooCommerce key that no agent adopted. */
	public bool $unregistered_key = false;

	/** The bearer credential as sent, to recognise the top-level request among internal dispatches. */
	public string $credential = '';

	/** @var array<int, array<string, mixed>> spl_object_id( request ) => record */
	private array $records = array();

	/** Key of the top-level agent request, once seen. */
	public ?int $top_level = null;

	/** Whether the top-level request is a `/batch/v1` container. */
	public bool $top_level_is_batch = false;

	/** @var list<int> Keys of tracked requests whose callbacks are running (innermost last). */
	public array $executing = array();

	/** A batch/v1 sub-request seen in rest_pre_dispatch (as a clone) waiting for its original. */
	public ?int $pending_sub = null;

	public function is_agent(): bool {
		return $this->attempted;
	}

	/**
	 * Whether the REST gate has anything to do: an agent was identified or tried, or an
	 * unregistered WooCommerce key is in use.
	 */
	public function concerns_guard(): bool {
		return null !== $this->identity || $this->attempted || $this->unregistered_key;
	}

	/**
	 * @return array<string, mixed>
	 */
	public function &record( \WP_REST_Request $request ): array {
		$key = spl_object_id( $request );
		if ( ! isset( $this->records[ $key ] ) ) {
			$this->records[ $key ] = array(
				'started'  => hrtime( true ),
				'event_id' => 0,
				'recorded' => false,
				'request'  => $request,
			);
		}
		return $this->records[ $key ];
	}

	public function has_record( \WP_REST_Request $request ): bool {
		return isset( $this->records[ spl_object_id( $request ) ] );
	}

	/**
	 * Moves a record to another request object (batch/v1 decides on a clone, runs the original).
	 */
	public function adopt( int $from_key, \WP_REST_Request $request ): void {
		if ( ! isset( $this->records[ $from_key ] ) ) {
			return;
		}
		$record            = $this->records[ $from_key ];
		$record['request'] = $request;
		unset( $this->records[ $from_key ] );
		$this->records[ spl_object_id( $request ) ] = $record;
	}

	/**
	 * Records not yet written (for the shutdown safety net).
	 *
	 * @return list<array<string, mixed>>
	 */
	public function pending(): array {
		return array_values( array_filter( $this->records, static fn ( array $r ): bool => ! $r['recorded'] ) );
	}

	public function reset(): void {
		$this->resolved  = false;
		$this->attempted = false;
		$this->identity  = null;
		$this->failure   = null;
		$this->records   = array();
		$this->app_password_uuid  = '';
		$this->unregistered_key   = false;
		$this->credential         = '';
		$this->top_level          = null;
		$this->top_level_is_batch = false;
		$this->executing          = array();
		$this->pending_sub        = null;
	}
}

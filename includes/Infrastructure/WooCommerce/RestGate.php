<?php
/**
 * The enforcement point inside the store's REST API.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\WooCommerce;

use AgentGuard\Application\AgentRequestLog;
use AgentGuard\Application\Authenticator;
use AgentGuard\Application\Enforcement;
use AgentGuard\Application\KillSwitch;
use AgentGuard\Application\Verdict;
use AgentGuard\Domain\Agent\AgentMode;
use AgentGuard\Domain\Approval\PendingRequest;
use AgentGuard\Domain\Clock;
use AgentGuard\Domain\Decision\Decision;
use AgentGuard\Domain\DomainException;
use AgentGuard\Domain\Policy\PiiRedactor;
use AgentGuard\Domain\Policy\Policy;
use AgentGuard\Domain\Request\AgentMetadata;
use AgentGuard\Domain\Request\AgentRequest;
use AgentGuard\Domain\Token\TokenRepository;
use AgentGuard\Infrastructure\Persistence\WpdbIdempotency;
use AgentGuard\Infrastructure\Persistence\WpdbPriceHistory;
use AgentGuard\Infrastructure\WordPress\ErrorMapper;
use AgentGuard\Infrastructure\WordPress\Settings;

/**
 * Hooks every REST request; acts only on agent requests (identified by AgentAuthentication).
 *
 * - `rest_pre_dispatch`: kill switch and credential, before anything else (also for each
 *   batch/v1 sub-request, each decided on its own);
 * - `rest_request_before_callbacks`: the pipeline on the dispatched route, method and
 *   parameters (Enforcement); a refused, queued or observed request gets its answer here
 *   and never reaches WooCommerce;
 * - `rest_request_after_callbacks`: the one audit event of an executed request, with its
 *   before/after states, and PII redaction of what the agent reads;
 * - `rest_post_dispatch`: requests that never reached a handler are recorded; headers.
 *
 * Traffic that is not from an agent passes untouched: no query, no record.
 *
 * @since 0.1.0
 */
final class RestGate {

	public function __construct(
		private RequestScope $scope,
		private Enforcement $enforcement,
		private AgentRequestLog $log,
		private TokenRepository $tokens,
		private WriteRecorder $recorder,
		private KillSwitch $kill_switch,
		private WpdbIdempotency $idempotency,
		private Settings $settings,
		private Clock $clock,
		private bool $halted_by_constant = false
	) {
	}

	/**
	 * @return list<array{0: string, 1: string|callable, 2?: int, 3?: int}>
	 */
	public static function hooks(): array {
		return array(
			array( 'rest_pre_dispatch', 'before_dispatch', 1, 3 ),
			array( 'rest_request_before_callbacks', 'before_callbacks', 1, 3 ),
			array( 'rest_dispatch_request', 'dispatch_replay', 1, 4 ),
			array( 'rest_request_after_callbacks', 'after_callbacks', 999, 3 ),
			array( 'rest_post_dispatch', 'post_dispatch', 999, 3 ),
			array( 'rest_jsonp_enabled', 'no_jsonp_for_agents', 99 ),
			array( 'shutdown', 'record_pending' ),
		);
	}

	/**
	 * Steps 2 and 3: the kill switch, then the credential.
	 *
	 * @param mixed            $result
	 * @param \WP_REST_Server  $server
	 * @param \WP_REST_Request $request
	 * @return mixed
	 */
	public function before_dispatch( $result, $server, $request ) {
		if ( ! $request instanceof \WP_REST_Request ) {
			return $result;
		}
		if ( null === $this->scope->identity ) {
			if ( $this->scope->unregistered_key && $this->settings->refuses_unregistered_key_writes() && self::is_write_method( $request->get_method() ) ) {
				return new \WP_Error(
					'agent_guard_unregistered_key',
					__( 'This store refuses writes from WooCommerce API keys that are not registered as agents. Ask the store owner to bring this key under Agent Guard.', 'agent-guard' ),
					array(
						'status' => 403,
						'rule'   => 'settings.refuse_unregistered_key_writes',
					)
				);
			}
			return $result;
		}
		if ( ! $this->track( $request ) ) {
			return $result;
		}
		$identity = $this->scope->identity;
		$now      = $this->clock->now();
		$decision = null;
		if ( $this->halted_by_constant ) {
			$decision = Decision::halted( 'global', 'AGENT_GUARD_HALT_ALL is set in wp-config.php' );
		} elseif ( $identity->global_halt->halted ) {
			$decision = Decision::halted( 'global', $identity->global_halt->reason );
		} elseif ( $identity->agent->is_halted() ) {
			$decision = Decision::halted( 'agent', $identity->agent->halt_reason );
		} else {
			$refusal = $identity->agent->is_archived() ? 'revoked' : $identity->credential_refusal( $now );
			if ( null !== $refusal ) {
				$decision = new Decision(
					Decision::REFUSED,
					'credential.' . $refusal,
					'agent_guard_token_' . $refusal,
					'expired' === $refusal ? __( 'The agent token has expired; ask the store owner for a new one.', 'agent-guard' ) : __( 'The agent token was revoked.', 'agent-guard' ),
					401
				);
			} elseif ( AgentMode::Paused === $identity->agent->mode ) {
				$decision = Decision::deny( 'mode.paused', __( 'This agent is paused; it may not act until a person resumes it.', 'agent-guard' ) );
			}
		}
		if ( null !== $decision ) {
			return $this->refuse( $request, new Verdict( $decision ) );
		}
		if ( null !== $identity->token ) {
			$this->tokens->touch( $identity->token, $now );
		}
		return $result;
	}

	/**
	 * Steps 4–9 on what WordPress will actually dispatch.
	 *
	 * @param mixed                $response Null, or the WP_Error of parameter validation.
	 * @param array<string, mixed> $handler
	 * @param \WP_REST_Request     $request
	 * @return mixed
	 */
	public function before_callbacks( $response, $handler, $request ) {
		if ( null === $this->scope->identity || ! $request instanceof \WP_REST_Request || ! $this->adopt( $request ) ) {
			return $response;
		}
		$this->scope->executing[] = spl_object_id( $request );
		if ( is_wp_error( $response ) ) {
			return $response;
		}
		$record = &$this->scope->record( $request );
		if ( $record['recorded'] ) {
			return $response;
		}
		$agent_request = $this->agent_request( $request );
		if ( self::is_write_method( $request->get_method() ) ) {
			$media = $this->media_type_error( $request );
			if ( null !== $media ) {
				return $this->refuse( $request, new Verdict( $media ) );
			}
		}
		// Idempotency-Key: replay the first answer, refuse a different body, never run twice.
		$key = (string) $request->get_header( 'idempotency-key' );
		if ( '' !== $key && self::is_write_method( $request->get_method() ) ) {
			$refused = $this->idempotent( $request, $agent_request, $key );
			if ( null !== $refused ) {
				return $refused;
			}
			if ( ! empty( $record['replay'] ) ) {
				return $response;
			}
		}
		try {
			$verdict = $this->enforcement->decide( $this->scope->identity, $agent_request );
			if ( $verdict->decision->is_allow() && $verdict->classification?->is_write() ) {
				// Fail closed: the audit log must be writable before anything is written.
				$this->log->preflight();
			}
		} catch ( DomainException $error ) {
			$verdict = new Verdict( Decision::unavailable( $error->getMessage() ) );
		}
		$record['verdict'] = $verdict;
		if ( $verdict->decision->stops() ) {
			if ( '' !== $record['idempotency_key'] && in_array( $verdict->decision->outcome, array( Decision::QUEUE, Decision::OBSERVE, Decision::OUTSIDE_CANARY ), true ) && 202 === $verdict->decision->status ) {
				$error = $this->refuse( $request, $verdict );
				$this->idempotency->complete( $this->scope->identity->agent->id, $record['idempotency_key'], 202, rest_convert_error_to_response( $error )->get_data() );
				return $error;
			}
			if ( '' !== $record['idempotency_key'] ) {
				$this->idempotency->release( $this->scope->identity->agent->id, $record['idempotency_key'] );
			}
			return $this->refuse( $request, $verdict );
		}
		if ( $request->has_param( 'expected_stock_quantity' ) ) {
			// Ours, not WooCommerce's: checked above, never passed on.
			$request->offsetUnset( 'expected_stock_quantity' );
		}
		return $response;
	}

	/**
	 * Records the executed request with before/after, redacts what the agent may not see and
	 * marks the response with its audit event id.
	 *
	 * @param mixed                $response
	 * @param array<string, mixed> $handler
	 * @param \WP_REST_Request     $request
	 * @return mixed
	 */
	public function after_callbacks( $response, $handler, $request ) {
		if ( null === $this->scope->identity || ! $request instanceof \WP_REST_Request || ! $this->scope->has_record( $request ) ) {
			return $response;
		}
		$key = spl_object_id( $request );
		if ( end( $this->scope->executing ) === $key ) {
			array_pop( $this->scope->executing );
		}
		$record = &$this->scope->record( $request );
		if ( $record['recorded'] ) {
			return $response;
		}
		if ( $key === $this->scope->top_level && $this->scope->top_level_is_batch && ! $response instanceof \WP_Error ) {
			// The batch/v1 container: each sub-request was recorded on its own.
			$record['recorded'] = true;
			return $response;
		}
		if ( ! $response instanceof \WP_Error && ! $response instanceof \WP_HTTP_Response ) {
			// Handlers may answer plain data (WooCommerce's batch endpoints do): judge it as the answer.
			$response = rest_ensure_response( $response );
		}
		$policy = Policy::from_array( $this->scope->identity->agent->policy );
		if ( $response instanceof \WP_HTTP_Response && $policy->redacts_pii() ) {
			$response->set_data( PiiRedactor::redact( $response->get_data() ) );
		}
		$status   = $response instanceof \WP_Error ? ErrorMapper::status_of( $response ) : ( $response instanceof \WP_HTTP_Response ? $response->get_status() : 200 );
		$verdict  = $record['verdict'] ?? null;
		$decision = $response instanceof \WP_Error ? 'error' : 'allow';
		$rule     = $response instanceof \WP_Error ? (string) $response->get_error_code() : '';
		$after    = null;
		$marks    = array();
		if ( $verdict instanceof Verdict && $verdict->classification?->is_write() && $response instanceof \WP_HTTP_Response && $status < 400 ) {
			$after = $this->recorder->after_state( $verdict, $response->get_data() );
			$marks = $this->recorder->price_marks( $verdict );
		}
		$in_event = $verdict instanceof Verdict && WriteRecorder::fits_the_event( $verdict, $marks );
		$event_id = $this->write_record( $request, $record, $status, $decision, $rule, $verdict, $after, $in_event ? $marks : null );
		if ( $marks && ! $in_event ) {
			$this->recorder->log_prices( $marks, $this->scope->identity->agent->id, $this->clock->now(), $event_id );
		}
		if ( $response instanceof \WP_HTTP_Response ) {
			if ( $event_id > 0 ) {
				$response->header( 'X-Agent-Guard-Event', (string) $event_id );
			}
			if ( '' !== $record['idempotency_key'] ) {
				$this->idempotency->complete( $this->scope->identity->agent->id, $record['idempotency_key'], $status, rest_get_server()->response_to_data( rest_ensure_response( $response ), false ) );
			}
		} elseif ( $response instanceof \WP_Error && '' !== $record['idempotency_key'] ) {
			$this->idempotency->complete( $this->scope->identity->agent->id, $record['idempotency_key'], $status, rest_convert_error_to_response( $response )->get_data() );
		}
		$this->observe( $request, $verdict, $status );
		/**
		 * Fires after an agent request was executed and recorded.
		 *
		 * @since 0.1.0
		 *
		 * @param int          $agent_id
		 * @param int          $status   HTTP status of the answer.
		 * @param Verdict|null $verdict  What the guard decided.
		 */
		do_action( 'agent_guard_request_executed', $this->scope->identity->agent->id, $status, $verdict );
		return $response;
	}

	/**
	 * Records agent requests that never reached a handler (unknown route, invalid parameters)
	 * and adds the headers of the answer.
	 *
	 * @param \WP_HTTP_Response $response
	 * @param \WP_REST_Server   $server
	 * @param \WP_REST_Request  $request
	 * @return \WP_HTTP_Response
	 */
	public function post_dispatch( $response, $server, $request ) {
		if ( null === $this->scope->identity || ! $response instanceof \WP_HTTP_Response || ! $request instanceof \WP_REST_Request || ! $this->adopt( $request ) ) {
			return $response;
		}
		$record = &$this->scope->record( $request );
		if ( ! $record['recorded'] ) {
			$data = $response->get_data();
			$code = is_array( $data ) && isset( $data['code'] ) ? (string) $data['code'] : '';
			$this->write_record( $request, $record, $response->get_status(), $response->get_status() >= 400 ? 'error' : 'allow', $code, null, null );
		}
		if ( $record['event_id'] > 0 ) {
			$response->header( 'X-Agent-Guard-Event', (string) $record['event_id'] );
		}
		if ( ! empty( $record['retry_after'] ) ) {
			$response->header( 'Retry-After', (string) $record['retry_after'] );
		}
		return $response;
	}

	/**
	 * Safety net: a request that died before any hook could record it is still recorded.
	 */
	public function record_pending(): void {
		if ( null === $this->scope->identity ) {
			return;
		}
		foreach ( $this->scope->pending() as $record ) {
			$copy = $record;
			$this->write_record( $record['request'], $copy, 500, 'error', 'agent_guard_incomplete', $record['verdict'] ?? null, null );
		}
	}

	/**
	 * JSONP would let a page read an agent's answers across origins; agents never get it.
	 */
	public function no_jsonp_for_agents( $enabled ): bool {
		return $this->scope->is_agent() ? false : (bool) $enabled;
	}

	/**
	 * Turns a stopping verdict into the agent's answer and records it.
	 */
	private function refuse( \WP_REST_Request $request, Verdict $verdict ): \WP_Error {
		$record   = &$this->scope->record( $request );
		$decision = $verdict->decision;
		$data     = $decision->error_data();
		if ( $verdict->approval_id > 0 ) {
			$data['approval_id'] = $verdict->approval_id;
			$data['status_url']  = rest_url( sprintf( 'agent-guard/v1/approvals/%d', $verdict->approval_id ) );
		}
		if ( null !== $verdict->would ) {
			$data['would_have'] = $verdict->would;
			$data['diff']       = $decision->diff;
		}
		$event_id = $this->write_record( $request, $record, $decision->status, $decision->outcome, $decision->rule, $verdict, null );
		if ( $event_id > 0 ) {
			$data['event_id'] = $event_id;
		}
		if ( ! in_array( $decision->outcome, array( Decision::HALTED, Decision::REFUSED ), true ) ) {
			$this->observe( $request, $verdict, $decision->status );
		}
		if ( $decision->retry_after > 0 ) {
			$record['retry_after'] = $decision->retry_after;
		}
		return new \WP_Error( $decision->code, $decision->message, $data );
	}

	/**
	 * Feeds the circuit breakers: write attempts, failures and price writes of the agent.
	 */
	private function observe( \WP_REST_Request $request, ?Verdict $verdict, int $status ): void {
		$identity = $this->scope->identity;
		if ( null === $identity ) {
			return;
		}
		$write  = null !== $verdict && null !== $verdict->classification ? $verdict->classification->is_write() : self::is_write_method( $request->get_method() );
		$failed = $status >= 400 && 503 !== $status;
		$prices = null === $verdict ? 0 : Enforcement::price_items( $verdict->units );
		// Admitted writes were counted by the admission statement itself.
		$counted = null !== $verdict && $verdict->admitted;
		try {
			$this->kill_switch->observe( $identity->agent, $write, $failed, $prices, $counted, $identity->counters );
		} catch ( DomainException $error ) {
			error_log( 'Agent Guard: circuit breaker counters unavailable: ' . $error->getMessage() ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log
		}
	}

	/**
	 * @param array<string, mixed>      $record
	 * @param array<string, mixed>|null $after
	 * @param array<string, mixed>|null $prices Prices before a single-target price write.
	 */
	private function write_record( \WP_REST_Request $request, array &$record, int $status, string $decision, string $rule, ?Verdict $verdict, ?array $after, ?array $prices = null ): int {
		$record['recorded'] = true;
		$identity           = $this->scope->identity;
		if ( null === $identity ) {
			return 0;
		}
		$policy  = Policy::from_array( $identity->agent->policy );
		$details = array( 'credential' => $identity->credential_id() );
		if ( null !== $verdict ) {
			if ( $verdict->decision->reasons ) {
				$details['reasons'] = array_slice( $verdict->decision->reasons, 0, 20 );
			}
			if ( $verdict->decision->diff ) {
				$details['diff'] = $verdict->decision->diff;
			}
			if ( null !== $verdict->would ) {
				$details['would_have'] = $verdict->would;
			}
			if ( '' !== $verdict->decision->message && ! $verdict->decision->is_allow() ) {
				$details['message'] = $verdict->decision->message;
			}
			$details['epoch'] = $verdict->epoch;
		}
		if ( null !== $prices ) {
			// Read back as the product's price baseline (see WpdbPriceHistory).
			$details[ WpdbPriceHistory::DETAILS_KEY ] = $prices;
		}
		$before = null === $verdict ? null : $verdict->before();
		if ( $policy->redacts_pii() ) {
			$before  = null === $before ? null : PiiRedactor::redact( $before );
			$after   = null === $after ? null : PiiRedactor::redact( $after );
			$details = PiiRedactor::redact( $details );
		}
		try {
			$event = $this->log->record(
				$identity->agent->id,
				$this->clock->now(),
				array(
					'action'      => null === $verdict ? '' : $verdict->action(),
					'target_type' => null === $verdict ? '' : $verdict->target_type(),
					'target_id'   => null === $verdict ? '' : $verdict->target_id(),
					'decision'    => $decision,
					'rule'        => $rule,
					'method'      => $request->get_method(),
					'route'       => $request->get_route(),
					'status'      => $status,
					'duration_ms' => (int) round( ( hrtime( true ) - (int) $record['started'] ) / 1e6 ),
					'approval_id' => null === $verdict ? 0 : $verdict->approval_id,
				),
				AgentMetadata::from_headers( $request->get_headers() ),
				self::cap( $before ),
				self::cap( $after ),
				$details
			);
		} catch ( DomainException $error ) {
			// Never lose the trace silently; the pre-flight check makes this rare for writes.
			error_log( 'Agent Guard: could not record an agent request in the audit log: ' . $error->getMessage() ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log
			return 0;
		}
		$record['event_id'] = $event->id;
		return $event->id;
	}

	/**
	 * States stored in the audit log are capped (about 8 KB per row).
	 *
	 * @param array<string, mixed>|null $state
	 * @return array<string, mixed>|null
	 */
	private static function cap( ?array $state ): ?array {
		if ( null === $state ) {
			return null;
		}
		$json = (string) wp_json_encode( $state );
		if ( strlen( $json ) <= 6000 ) {
			return $state;
		}
		return array(
			'truncated' => true,
			'sha256'    => hash( 'sha256', $json ),
			'keys'      => array_slice( array_keys( $state ), 0, 50 ),
		);
	}

	/**
	 * @return \WP_Error|null The refusal; null to go on (a replay is flagged on the record).
	 */
	private function idempotent( \WP_REST_Request $request, AgentRequest $agent_request, string $key ): ?\WP_Error {
		$record = &$this->scope->record( $request );
		if ( strlen( $key ) > 100 || ! preg_match( '/\A[A-Za-z0-9._:-]+\z/', $key ) ) {
			return $this->refuse( $request, new Verdict( Decision::invalid( 'agent_guard_invalid_idempotency_key', __( 'Idempotency-Key must be 1–100 characters: letters, digits, dot, dash, underscore or colon.', 'agent-guard' ), 'Idempotency-Key' ) ) );
		}
		$fingerprint = PendingRequest::hash_payload( $agent_request->method, $agent_request->route, $agent_request->sent_params() );
		try {
			$claim = $this->idempotency->claim( $this->scope->identity->agent->id, $key, $fingerprint, $this->clock->now() );
		} catch ( DomainException $error ) {
			return $this->refuse( $request, new Verdict( Decision::unavailable( $error->getMessage() ) ) );
		}
		switch ( $claim['state'] ) {
			case WpdbIdempotency::CLAIMED:
				$record['idempotency_key'] = $key;
				return null;
			case WpdbIdempotency::MISMATCH:
				return $this->refuse( $request, new Verdict( new Decision( Decision::INVALID, 'idempotency.mismatch', 'agent_guard_idempotency_mismatch', __( 'This Idempotency-Key was already used with a different request.', 'agent-guard' ), 422 ) ) );
			case WpdbIdempotency::IN_PROGRESS:
				return $this->refuse( $request, new Verdict( new Decision( Decision::CONFLICT, 'idempotency.in_progress', 'agent_guard_idempotency_in_progress', __( 'A request with this Idempotency-Key is still running; retry shortly.', 'agent-guard' ), 409, array(), array(), array(), 1 ) ) );
		}
		// Replay: the first answer again, without a second effect (served in rest_dispatch_request).
		$record['replay'] = array(
			'status' => (int) $claim['status'],
			'body'   => $claim['response'],
		);
		$this->write_record( $request, $record, (int) $claim['status'], 'replay', 'idempotency.replay', null, null );
		return null;
	}

	/**
	 * Serves a replayed idempotent answer instead of running the handler again.
	 *
	 * @param mixed                $result
	 * @param \WP_REST_Request     $request
	 * @param string               $route
	 * @param array<string, mixed> $handler
	 * @return mixed
	 */
	public function dispatch_replay( $result, $request, $route, $handler ) {
		if ( null === $this->scope->identity || ! $request instanceof \WP_REST_Request || ! $this->scope->has_record( $request ) ) {
			return $result;
		}
		$record = &$this->scope->record( $request );
		if ( empty( $record['replay'] ) ) {
			return $result;
		}
		$response = new \WP_REST_Response( $record['replay']['body'], $record['replay']['status'] );
		$response->header( 'Idempotent-Replayed', 'true' );
		if ( $record['event_id'] > 0 ) {
			$response->header( 'X-Agent-Guard-Event', (string) $record['event_id'] );
		}
		return $response;
	}

	/**
	 * Agent writes must send JSON or a form body; anything else could be read differently by
	 * the guard and the handler.
	 */
	private function media_type_error( \WP_REST_Request $request ): ?Decision {
		if ( '' === (string) $request->get_body() ) {
			return null;
		}
		$type = $request->get_content_type();
		$ok   = null === $type
			|| in_array( $type['value'] ?? '', array( 'application/json', 'application/x-www-form-urlencoded', 'multipart/form-data' ), true )
			|| str_ends_with( (string) ( $type['value'] ?? '' ), '+json' );
		if ( $ok ) {
			return null;
		}
		return new Decision( Decision::INVALID, 'validation.media_type', 'agent_guard_unsupported_media_type', __( 'Agent writes must send a JSON (application/json) or form body.', 'agent-guard' ), 415 );
	}

	/**
	 * The request as the pipeline judges it: dispatched method and route, the parameters the
	 * handler will read, and the names the agent sent (not defaults, not URL parameters).
	 */
	private function agent_request( \WP_REST_Request $request ): AgentRequest {
		$sent = array_keys(
			array_merge(
				(array) $request->get_query_params(),
				(array) $request->get_body_params(),
				(array) ( $request->get_json_params() ?? array() )
			)
		);
		return new AgentRequest(
			$request->get_method(),
			$request->get_route(),
			(array) $request->get_params(),
			array_values( array_map( 'strval', $sent ) ),
			AgentMetadata::from_headers( $request->get_headers() )->to_array(),
			(string) $request->get_header( 'idempotency-key' )
		);
	}

	/**
	 * Whether a request seen in rest_pre_dispatch is an agent request of its own: the top-level
	 * request (the one carrying the agent's credential), or a sub-request of its batch/v1
	 * container. Internal dispatches made while a request runs are not.
	 */
	private function track( \WP_REST_Request $request ): bool {
		if ( $this->scope->has_record( $request ) ) {
			return true;
		}
		if ( null === $this->scope->top_level ) {
			if ( ! $this->is_top_level( $request ) ) {
				return false;
			}
			$this->scope->top_level          = spl_object_id( $request );
			$this->scope->top_level_is_batch = '/batch/v1' === strtolower( untrailingslashit( $request->get_route() ) );
			$this->init_record( $request );
			return true;
		}
		if ( $this->scope->top_level_is_batch && array( $this->scope->top_level ) === $this->scope->executing ) {
			$this->init_record( $request );
			$this->scope->pending_sub = spl_object_id( $request );
			return true;
		}
		return false;
	}

	private function init_record( \WP_REST_Request $request ): void {
		$record                    = &$this->scope->record( $request );
		$record['idempotency_key'] = '';
		$record['retry_after']     = 0;
	}

	private function is_top_level( \WP_REST_Request $request ): bool {
		$identity = $this->scope->identity;
		if ( null !== $identity && null !== $identity->token ) {
			$bearer = Authenticator::bearer_from_header( (string) $request->get_header( 'authorization' ) );
			return null !== $bearer && hash_equals( $this->scope->credential, $bearer );
		}
		// Adopted credentials: the request WordPress parsed from the URL.
		$route = isset( $GLOBALS['wp'] ) && is_object( $GLOBALS['wp'] ) ? (string) ( $GLOBALS['wp']->query_vars['rest_route'] ?? '' ) : '';
		return '' === $route || 0 === strcasecmp( untrailingslashit( $route ), untrailingslashit( $request->get_route() ) );
	}

	/**
	 * Whether a request in a later hook is tracked, taking over the record of its batch clone.
	 */
	private function adopt( \WP_REST_Request $request ): bool {
		if ( $this->scope->has_record( $request ) ) {
			return true;
		}
		if ( null !== $this->scope->pending_sub ) {
			$this->scope->adopt( $this->scope->pending_sub, $request );
			$this->scope->pending_sub = null;
			return true;
		}
		return false;
	}

	public static function is_write_method( string $method ): bool {
		return in_array( strtoupper( $method ), array( 'POST', 'PUT', 'PATCH', 'DELETE' ), true );
	}
}

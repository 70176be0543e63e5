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
use AgentGuard\Domain\Clock;
use AgentGuard\Domain\DomainException;
use AgentGuard\Domain\Request\AgentMetadata;
use AgentGuard\Domain\Token\TokenRepository;
use AgentGuard\Infrastructure\WordPress\ErrorMapper;

/**
 * Hooks every REST request. Requests without an agent credential pass untouched (no query,
 * no record). Agent requests are identified in `determine_current_user`, refused early when
 * their credential is bad, and recorded once each in the audit log; allowed responses carry
 * `X-Agent-Guard-Event`.
 *
 * @since 0.1.0
 */
final class RestGate {

	public function __construct(
		private RequestScope $scope,
		private Authenticator $authenticator,
		private TokenRepository $tokens,
		private AgentRequestLog $log,
		private Clock $clock
	) {
	}

	public function register(): void {
		add_filter( 'determine_current_user', array( $this, 'authenticate' ), 30 );
		add_filter( 'rest_authentication_errors', array( $this, 'authentication_errors' ), 90 );
		add_filter( 'rest_pre_dispatch', array( $this, 'before_dispatch' ), 1, 3 );
		add_filter( 'rest_request_before_callbacks', array( $this, 'before_callbacks' ), 1, 3 );
		add_filter( 'rest_request_after_callbacks', array( $this, 'after_callbacks' ), 999, 3 );
		add_filter( 'rest_post_dispatch', array( $this, 'post_dispatch' ), 999, 3 );
		add_action( 'shutdown', array( $this, 'record_pending' ) );
	}

	/**
	 * Identifies an agent from `Authorization: Bearer agk_…` on REST requests.
	 *
	 * @param int|false $user_id User found by earlier handlers.
	 * @return int|false
	 */
	public function authenticate( $user_id ) {
		if ( $this->scope->resolved ) {
			return $this->scope->identity && null === $this->scope->failure ? $this->scope->identity->agent->service_user_id : $user_id;
		}
		if ( ! self::is_rest_request() ) {
			return $user_id;
		}
		$header = self::authorization_header();
		$bearer = null === $header ? null : Authenticator::bearer_from_header( $header );
		if ( null === $bearer || ( '' !== $bearer && ! str_starts_with( $bearer, 'agk_' ) ) ) {
			// Not an agent credential: leave the request to WordPress and other plugins.
			return $user_id;
		}
		$this->scope->resolved   = true;
		$this->scope->attempted  = true;
		$this->scope->credential = (string) $bearer;
		if ( ! empty( $user_id ) ) {
			// A cookie or another credential already identified someone: never guess which wins.
			$this->scope->failure = RequestScope::FAILURE_AMBIGUOUS;
			return $user_id;
		}
		try {
			$identity = $this->authenticator->identify_token( $bearer );
		} catch ( DomainException $error ) {
			$this->scope->failure = 'unavailable';
			return false;
		}
		if ( null === $identity ) {
			$this->scope->failure = RequestScope::FAILURE_INVALID;
			return false;
		}
		$this->scope->identity = $identity;
		if ( null !== $identity->credential_refusal( $this->clock->now() ) || $identity->agent->is_archived() ) {
			// Expired or revoked: the pipeline answers after the kill switch check.
			return false;
		}
		return $identity->agent->service_user_id;
	}

	/**
	 * Refuses requests whose agent credential could not be used at all.
	 *
	 * @param \WP_Error|true|null $result
	 * @return \WP_Error|true|null
	 */
	public function authentication_errors( $result ) {
		if ( ! $this->scope->resolved ) {
			// Make sure authenticate() ran for this request.
			wp_get_current_user();
		}
		switch ( $this->scope->failure ) {
			case RequestScope::FAILURE_INVALID:
				return new \WP_Error( 'agent_guard_token_invalid', __( 'The agent token is not valid.', 'agent-guard' ), array( 'status' => 401 ) );
			case RequestScope::FAILURE_AMBIGUOUS:
				return new \WP_Error( 'agent_guard_ambiguous_auth', __( 'The request carries an agent token and another credential; send only one.', 'agent-guard' ), array( 'status' => 400 ) );
			case 'unavailable':
				return new \WP_Error( 'agent_guard_unavailable', __( 'Agent Guard cannot reach its storage; agent requests are refused until it can.', 'agent-guard' ), array( 'status' => 503 ) );
		}
		return $result;
	}

	/**
	 * Starts the record of an agent request and refuses credentials that expired or were revoked.
	 *
	 * @param mixed            $result
	 * @param \WP_REST_Server  $server
	 * @param \WP_REST_Request $request
	 * @return mixed
	 */
	public function before_dispatch( $result, $server, $request ) {
		if ( null === $this->scope->identity || ! $request instanceof \WP_REST_Request || ! $this->track( $request ) ) {
			return $result;
		}
		$now     = $this->clock->now();
		$refusal = $this->scope->identity->credential_refusal( $now );
		if ( null === $refusal && $this->scope->identity->agent->is_archived() ) {
			$refusal = 'revoked';
		}
		if ( null !== $refusal ) {
			$error = new \WP_Error(
				'agent_guard_token_' . $refusal,
				'expired' === $refusal ? __( 'The agent token has expired; ask the store owner for a new one.', 'agent-guard' ) : __( 'The agent token was revoked.', 'agent-guard' ),
				array(
					'status' => 401,
					'rule'   => 'credential.' . $refusal,
				)
			);
			return $this->refuse( $request, $error, 'credential.' . $refusal, 'refused' );
		}
		if ( null !== $this->scope->identity->token ) {
			$this->tokens->touch( $this->scope->identity->token, $now );
		}
		return $result;
	}

	/**
	 * Marks a tracked request as executing (internal dispatches made while it runs are not
	 * agent requests of their own).
	 *
	 * @param mixed                $response
	 * @param array<string, mixed> $handler
	 * @param \WP_REST_Request     $request
	 * @return mixed
	 */
	public function before_callbacks( $response, $handler, $request ) {
		if ( null === $this->scope->identity || ! $this->adopt( $request ) ) {
			return $response;
		}
		$this->scope->executing[] = spl_object_id( $request );
		return $response;
	}

	/**
	 * Records the executed request and marks the response with its audit event id.
	 *
	 * @param \WP_REST_Response|\WP_HTTP_Response|\WP_Error|mixed $response
	 * @param array<string, mixed>                                $handler
	 * @param \WP_REST_Request                                    $request
	 * @return mixed
	 */
	public function after_callbacks( $response, $handler, $request ) {
		if ( null === $this->scope->identity || ! $this->scope->has_record( $request ) ) {
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
		$status   = $response instanceof \WP_Error ? ErrorMapper::status_of( $response ) : ( $response instanceof \WP_HTTP_Response ? $response->get_status() : 200 );
		$decision = $response instanceof \WP_Error ? 'error' : 'allow';
		$event_id = $this->write_record( $request, $record, $status, $decision, $response instanceof \WP_Error ? (string) $response->get_error_code() : '' );
		if ( $event_id > 0 && $response instanceof \WP_HTTP_Response ) {
			$response->header( 'X-Agent-Guard-Event', (string) $event_id );
		}
		return $response;
	}

	/**
	 * Records agent requests that never reached a handler (unknown route, bad params).
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
			$this->write_record( $request, $record, $response->get_status(), $response->get_status() >= 400 ? 'error' : 'allow', $code );
		}
		if ( $record['event_id'] > 0 ) {
			$response->header( 'X-Agent-Guard-Event', (string) $record['event_id'] );
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
			$this->write_record( $record['request'], $copy, 500, 'error', 'agent_guard_incomplete' );
		}
	}

	/**
	 * Whether a request seen in rest_pre_dispatch is an agent request of its own: the top-level
	 * request carrying the agent's credential, or a sub-request of its batch/v1 container.
	 * Internal dispatches by plugins (or by the guard) while a request runs are not.
	 */
	private function track( \WP_REST_Request $request ): bool {
		if ( $this->scope->has_record( $request ) ) {
			return true;
		}
		if ( null === $this->scope->top_level ) {
			$header = (string) $request->get_header( 'authorization' );
			$bearer = Authenticator::bearer_from_header( $header );
			if ( null === $bearer || ! hash_equals( $this->scope->credential, $bearer ) ) {
				return false;
			}
			$this->scope->top_level          = spl_object_id( $request );
			$this->scope->top_level_is_batch = '/batch/v1' === strtolower( untrailingslashit( $request->get_route() ) );
			$this->scope->record( $request );
			return true;
		}
		if ( $this->scope->top_level_is_batch && array( $this->scope->top_level ) === $this->scope->executing ) {
			$this->scope->record( $request );
			$this->scope->pending_sub = spl_object_id( $request );
			return true;
		}
		return false;
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

	/**
	 * @param array<string, mixed> $record
	 */
	private function refuse( \WP_REST_Request $request, \WP_Error $error, string $rule, string $decision ): \WP_Error {
		$record   = &$this->scope->record( $request );
		$event_id = $this->write_record( $request, $record, ErrorMapper::status_of( $error ), $decision, $rule );
		if ( $event_id > 0 ) {
			$data             = (array) $error->get_error_data();
			$data['event_id'] = $event_id;
			$error->add_data( $data );
		}
		return $error;
	}

	/**
	 * @param array<string, mixed> $record
	 */
	private function write_record( \WP_REST_Request $request, array &$record, int $status, string $decision, string $rule ): int {
		$record['recorded'] = true;
		$identity           = $this->scope->identity;
		if ( null === $identity ) {
			return 0;
		}
		try {
			$event = $this->log->record(
				$identity->agent->id,
				$this->clock->now(),
				array(
					'decision'    => $decision,
					'rule'        => $rule,
					'method'      => $request->get_method(),
					'route'       => $request->get_route(),
					'status'      => $status,
					'duration_ms' => (int) round( ( hrtime( true ) - (int) $record['started'] ) / 1e6 ),
				),
				AgentMetadata::from_headers( $request->get_headers() ),
				null,
				null,
				array( 'credential' => $identity->credential_id() )
			);
		} catch ( DomainException $error ) {
			// The write already happened; never lose the trace silently.
			error_log( 'Agent Guard: could not record an agent request in the audit log: ' . $error->getMessage() ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log
			return 0;
		}
		$record['event_id'] = $event->id;
		return $event->id;
	}

	/**
	 * Whether this HTTP request is for the REST API (identification only; decisions never
	 * read the raw URL).
	 */
	public static function is_rest_request(): bool {
		if ( defined( 'REST_REQUEST' ) && REST_REQUEST ) {
			return true;
		}
		// phpcs:disable WordPress.Security.NonceVerification.Recommended, WordPress.Security.ValidatedSanitizedInput
		if ( isset( $_GET['rest_route'] ) ) {
			return true;
		}
		$uri = isset( $_SERVER['REQUEST_URI'] ) ? (string) wp_unslash( $_SERVER['REQUEST_URI'] ) : '';
		// phpcs:enable
		$prefix = '/' . trim( rest_get_url_prefix(), '/' ) . '/';
		return false !== stripos( $uri, $prefix ) || str_ends_with( strtok( $uri, '?' ) ?: '', rtrim( $prefix, '/' ) );
	}

	public static function authorization_header(): ?string {
		// phpcs:disable WordPress.Security.ValidatedSanitizedInput -- a credential, compared, never output.
		foreach ( array( 'HTTP_AUTHORIZATION', 'REDIRECT_HTTP_AUTHORIZATION' ) as $key ) {
			if ( isset( $_SERVER[ $key ] ) && is_string( $_SERVER[ $key ] ) && '' !== $_SERVER[ $key ] ) {
				return wp_unslash( $_SERVER[ $key ] );
			}
		}
		// phpcs:enable
		return null;
	}
}

<?php
/**
 * Runs an approved request as its agent.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\WooCommerce;

use AgentGuard\Application\AgentRequestLog;
use AgentGuard\Application\Verdict;
use AgentGuard\Domain\Agent\AgentRepository;
use AgentGuard\Domain\Agent\Identity;
use AgentGuard\Domain\Approval\AgentDispatcher;
use AgentGuard\Domain\Approval\Approval;
use AgentGuard\Domain\Clock;
use AgentGuard\Domain\Policy\PiiRedactor;
use AgentGuard\Domain\Policy\Policy;
use AgentGuard\Domain\Request\AgentMetadata;
use AgentGuard\Domain\Request\AgentRequest;
use AgentGuard\Domain\Token\TokenRepository;
use AgentGuard\Infrastructure\Persistence\Tables;
use AgentGuard\Infrastructure\Persistence\WpdbAgentRepository;
use AgentGuard\Infrastructure\Persistence\WpdbPriceHistory;

/**
 * Dispatches the stored request through WordPress's REST server as the agent's user, with the
 * agent's capabilities (the request scope carries its identity while it runs), then records
 * the audit event of the agent's action with before/after and the approval that allowed it.
 *
 * @since 0.1.0
 */
final class RestAgentDispatcher implements AgentDispatcher {

	public function __construct(
		private \wpdb $wpdb,
		private RequestScope $scope,
		private AgentRepository $agents,
		private TokenRepository $tokens,
		private AgentRequestLog $log,
		private WriteRecorder $recorder,
		private Clock $clock
	) {
	}

	public function identity_for( Approval $approval ): ?Identity {
		$agent = $this->agents->find( $approval->agent_id );
		if ( null === $agent ) {
			return null;
		}
		$control = Tables::control( $this->wpdb );
		$row     = $this->wpdb->get_row( "SELECT halted AS g_halted, halt_reason AS g_reason, halted_by AS g_by, halted_at_gmt AS g_at, epoch AS g_epoch FROM {$control} WHERE id = 1", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$halt    = WpdbAgentRepository::halt_state( $row ?: array( 'g_halted' => null ) );
		$token   = $approval->token_id > 0 ? $this->tokens->find( $approval->token_id ) : null;
		return new Identity(
			$agent,
			null !== $token ? Identity::CREDENTIAL_TOKEN : 'approval',
			$token,
			$halt,
			'',
			$approval->acting_user_id
		);
	}

	public function dispatch( Identity $identity, AgentRequest $request, Verdict $verdict, int $approval_id, int $approved_by ): array {
		$started       = hrtime( true );
		$saved_user    = get_current_user_id();
		$saved_scope   = clone $this->scope;
		$this->scope->reset();
		$this->scope->identity  = $identity;
		$this->scope->attempted = true;
		// The guard's decision is made: its own hooks must not judge this internal dispatch again.
		$this->scope->top_level = -1;
		wp_set_current_user( $identity->acting_user_id );
		try {
			$inner = new \WP_REST_Request( $request->method, $request->route );
			if ( in_array( $request->method, array( 'GET', 'DELETE' ), true ) ) {
				$inner->set_query_params( $request->params );
			} else {
				$inner->set_header( 'content-type', 'application/json' );
				$inner->set_body( (string) wp_json_encode( $request->params ) );
			}
			$response = rest_do_request( $inner );
			$status   = $response->get_status();
			$data     = rest_get_server()->response_to_data( $response, false );
		} finally {
			wp_set_current_user( $saved_user );
			foreach ( get_object_vars( $saved_scope ) as $property => $value ) {
				$this->scope->$property = $value;
			}
		}
		$after  = $status < 400 ? $this->recorder->after_state( $verdict, $data ) : null;
		$before = $verdict->before();
		if ( Policy::from_array( $identity->agent->policy )->redacts_pii() ) {
			$before = null === $before ? null : PiiRedactor::redact( $before );
			$after  = null === $after ? null : PiiRedactor::redact( $after );
		}
		$marks    = $status < 400 ? $this->recorder->price_marks( $verdict ) : array();
		$in_event = WriteRecorder::fits_the_event( $verdict, $marks );
		$details  = array(
			'approved_by' => $approved_by,
			'epoch'       => $verdict->epoch,
		);
		if ( $in_event ) {
			$details[ WpdbPriceHistory::DETAILS_KEY ] = $marks;
		}
		$event = $this->log->record(
			$identity->agent->id,
			$this->clock->now(),
			array(
				'action'      => $verdict->action(),
				'target_type' => $verdict->target_type(),
				'target_id'   => $verdict->target_id(),
				'decision'    => $status < 400 ? 'allow' : 'error',
				'rule'        => $status < 400 ? 'approvals.approved' : ( is_array( $data ) ? (string) ( $data['code'] ?? '' ) : '' ),
				'method'      => $request->method,
				'route'       => $request->route,
				'status'      => $status,
				'duration_ms' => (int) round( ( hrtime( true ) - $started ) / 1e6 ),
				'approval_id' => $approval_id,
			),
			AgentMetadata::from_array( $request->metadata ),
			$before,
			$after,
			$details
		);
		if ( $marks && ! $in_event ) {
			$this->recorder->log_prices( $marks, $identity->agent->id, $this->clock->now(), $event->id );
		}
		return array(
			'status'   => $status,
			'data'     => $data,
			'event_id' => $event->id,
		);
	}
}

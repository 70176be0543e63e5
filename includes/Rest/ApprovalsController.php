<?php
/**
 * REST: the approval queue.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Rest;

use AgentGuard\Application\ApprovalService;
use AgentGuard\Domain\Agent\AgentRepository;
use AgentGuard\Domain\Approval\Approval;
use AgentGuard\Domain\Approval\ApprovalRepository;
use AgentGuard\Domain\Approval\ApprovalState;
use AgentGuard\Domain\Clock;
use AgentGuard\Domain\DomainException;
use AgentGuard\Infrastructure\Persistence\Dates;
use AgentGuard\Infrastructure\WooCommerce\RequestScope;
use AgentGuard\Infrastructure\WordPress\Capabilities;
use AgentGuard\Infrastructure\WordPress\ErrorMapper;

/**
 * `approvals` (queue and history), `approvals/<id>` (agents poll their own),
 * `approvals/<id>/approve` {version, comment, edit}, `approvals/<id>/reject` {version, comment},
 * `approvals/bulk`. Deciding needs agent_guard_approve; an agent can never decide.
 *
 * @since 0.1.0
 */
final class ApprovalsController extends RestController {

	protected $rest_base = 'approvals';

	public function __construct(
		RequestScope $scope,
		private ApprovalRepository $approvals,
		private ApprovalService $service,
		private AgentRepository $agents,
		private Clock $clock
	) {
		parent::__construct( $scope );
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/approvals',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_items' ),
				'permission_callback' => array( $this, 'can_approve' ),
				'args'                => $this->paging_args() + array(
					'state'    => array(
						'type'    => 'string',
						'enum'    => array( 'pending', 'approved', 'executing', 'executed', 'failed', 'conflict', 'rejected', 'expired', 'decided', 'all' ),
						'default' => 'pending',
					),
					'agent_id' => array(
						'type'    => 'integer',
						'minimum' => 1,
					),
					'action'   => array(
						'type'    => 'string',
						'pattern' => '^[a-z_]+:[a-z_]+$',
					),
					'order'    => array(
						'type'    => 'string',
						'enum'    => array( 'oldest', 'newest', 'exposure', 'expiring' ),
						'default' => 'oldest',
					),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/approvals/(?P<id>\d+)',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_item' ),
				'permission_callback' => array( $this, 'can_read_item' ),
			)
		);
		$decide_args = array(
			'version' => array(
				'type'     => 'integer',
				'minimum'  => 1,
				'required' => true,
			),
			'comment' => array(
				'type'      => 'string',
				'maxLength' => 1000,
				'default'   => '',
			),
		);
		register_rest_route(
			$this->namespace,
			'/approvals/(?P<id>\d+)/approve',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'approve' ),
				'permission_callback' => array( $this, 'can_approve' ),
				'args'                => $decide_args + array(
					'edit' => array(
						'type'                 => 'object',
						'additionalProperties' => array( 'type' => array( 'string', 'integer' ) ),
						'default'              => array(),
					),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/approvals/(?P<id>\d+)/reject',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'reject' ),
				'permission_callback' => array( $this, 'can_approve' ),
				'args'                => $decide_args,
			)
		);
		register_rest_route(
			$this->namespace,
			'/approvals/bulk',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'bulk' ),
				'permission_callback' => array( $this, 'can_approve' ),
				'args'                => array(
					'decision' => array(
						'type'     => 'string',
						'enum'     => array( 'approve', 'reject' ),
						'required' => true,
					),
					'items'    => array(
						'type'     => 'array',
						'required' => true,
						'minItems' => 1,
						'maxItems' => 100,
						'items'    => array(
							'type'                 => 'object',
							'additionalProperties' => false,
							'properties'           => array(
								'id'      => array(
									'type'     => 'integer',
									'minimum'  => 1,
									'required' => true,
								),
								'version' => array(
									'type'     => 'integer',
									'minimum'  => 1,
									'required' => true,
								),
							),
						),
					),
					'comment'  => array(
						'type'      => 'string',
						'maxLength' => 1000,
						'default'   => '',
					),
				),
			)
		);
	}

	/**
	 * @return true|\WP_Error
	 */
	public function can_approve() {
		return $this->require_person_with( Capabilities::APPROVE );
	}

	/**
	 * Approvers read any item; an agent reads its own (to poll it), never another's.
	 *
	 * @return true|\WP_Error
	 */
	public function can_read_item( \WP_REST_Request $request ) {
		if ( null !== $this->scope->identity && null === $this->scope->failure ) {
			$approval = $this->approvals->find( (int) $request['id'] );
			if ( null !== $approval && $approval->agent_id === $this->scope->identity->agent->id ) {
				return true;
			}
			// Same answer for another agent's item and a missing one: no enumeration.
			return new \WP_Error( 'agent_guard_approval_not_found', __( 'No queued request of yours has that id.', 'agent-guard' ), array( 'status' => 404 ) );
		}
		return $this->require_person_with( Capabilities::APPROVE, Capabilities::AUDIT );
	}

	public function get_items( $request ) {
		return $this->run(
			function () use ( $request ) {
				$this->service->tidy();
				$result = $this->approvals->page(
					array_filter(
						array(
							'state'    => $request['state'],
							'agent_id' => $request['agent_id'],
							'action'   => $request['action'],
							'order'    => $request['order'],
						)
					),
					(int) $request['page'],
					(int) $request['per_page']
				);
				$names  = $this->agent_names();
				$items  = array_map( fn ( Approval $a ): array => $this->present( $a, $names, true ), $result['items'] );
				return $this->collection( $items, $result['total'], (int) $request['per_page'] );
			}
		);
	}

	public function get_item( $request ) {
		return $this->run(
			function () use ( $request ) {
				$approval = $this->service->require( (int) $request['id'] );
				if ( $approval->is_expired( $this->clock->now() ) ) {
					$this->service->tidy();
					$approval = $this->service->require( $approval->id );
				}
				$person = null === $this->scope->identity;
				return rest_ensure_response( $this->present( $approval, $this->agent_names(), $person ) );
			}
		);
	}

	public function approve( $request ) {
		$check = $this->only_params( $request, array( 'version', 'comment', 'edit' ) );
		if ( is_wp_error( $check ) ) {
			return $check;
		}
		return $this->run(
			fn () => rest_ensure_response(
				$this->present(
					$this->service->approve( (int) $request['id'], get_current_user_id(), (int) $request['version'], (string) $request['comment'], (array) $request['edit'] ),
					$this->agent_names(),
					true
				)
			)
		);
	}

	public function reject( $request ) {
		$check = $this->only_params( $request, array( 'version', 'comment' ) );
		if ( is_wp_error( $check ) ) {
			return $check;
		}
		return $this->run(
			fn () => rest_ensure_response(
				$this->present(
					$this->service->reject( (int) $request['id'], get_current_user_id(), (int) $request['version'], (string) $request['comment'] ),
					$this->agent_names(),
					true
				)
			)
		);
	}

	/**
	 * One confirmation, many items: each is decided on its own and reported on its own.
	 */
	public function bulk( $request ) {
		$results = array();
		foreach ( (array) $request['items'] as $item ) {
			try {
				$approval  = 'approve' === $request['decision']
					? $this->service->approve( (int) $item['id'], get_current_user_id(), (int) $item['version'], (string) $request['comment'] )
					: $this->service->reject( (int) $item['id'], get_current_user_id(), (int) $item['version'], (string) $request['comment'] );
				$results[] = array(
					'id'    => $approval->id,
					'ok'    => true,
					'state' => $approval->state->value,
				);
			} catch ( DomainException $error ) {
				$wp_error  = ErrorMapper::to_wp_error( $error );
				$results[] = array(
					'id'      => (int) $item['id'],
					'ok'      => false,
					'code'    => $error->error_code,
					'message' => $error->getMessage(),
					'status'  => ErrorMapper::status_of( $wp_error ),
				);
			}
		}
		return rest_ensure_response( array( 'results' => $results ) );
	}

	/**
	 * @return array<int, string>
	 */
	private function agent_names(): array {
		$names = array();
		foreach ( $this->agents->list() as $agent ) {
			$names[ $agent->id ] = $agent->name;
		}
		return $names;
	}

	/**
	 * @param array<int, string> $names
	 * @return array<string, mixed>
	 */
	public function present( Approval $approval, array $names, bool $full ): array {
		$first   = (array) ( array_values( $approval->target_state )[0] ?? array() );
		$me      = get_current_user_id();
		$decided = array();
		foreach ( $approval->decisions as $decision ) {
			$user      = get_userdata( (int) ( $decision['user_id'] ?? 0 ) );
			$decided[] = array(
				'user_id'   => (int) ( $decision['user_id'] ?? 0 ),
				'user_name' => $user ? (string) $user->display_name : '',
				'decision'  => (string) ( $decision['decision'] ?? '' ),
				'comment'   => (string) ( $decision['comment'] ?? '' ),
				'at'        => (string) ( $decision['at'] ?? '' ),
				'edit'      => $decision['edit'] ?? null,
			);
		}
		$out = array(
			'id'                 => $approval->id,
			'agent_id'           => $approval->agent_id,
			'agent_name'         => $names[ $approval->agent_id ] ?? '',
			'state'              => $approval->state->value,
			'version'            => $approval->version,
			'action'             => $approval->action,
			'target_type'        => $approval->target_type,
			'target_id'          => $approval->target_id,
			'target_name'        => (string) ( $first['name'] ?? $first['code'] ?? '' ),
			'target_sku'         => (string) ( $first['sku'] ?? '' ),
			'rule'               => $approval->rule,
			'reason'             => $approval->reason,
			'required_approvals' => $approval->required_approvals,
			'approvals'          => $decided,
			'created_at'         => (string) Dates::iso( $approval->created_at ),
			'expires_at'         => (string) Dates::iso( $approval->expires_at ),
			'decided_at'         => Dates::iso( $approval->decided_at ),
			'finished_at'        => Dates::iso( $approval->finished_at ),
			'result'             => $approval->result ?? new \stdClass(),
			'result_status'      => $approval->result_status,
			'status_url'         => rest_url( sprintf( '%s/approvals/%d', $this->namespace, $approval->id ) ),
		);
		if ( ! $full ) {
			return $out;
		}
		return $out + array(
			'method'          => $approval->method,
			'route'           => $approval->route,
			'params'          => $approval->params ?: new \stdClass(),
			'payload_hash'    => $approval->payload_hash,
			'diff'            => $approval->diff ?: new \stdClass(),
			'reasons'         => (array) ( $approval->metadata['reasons'] ?? array() ),
			'queued_by'       => (string) ( $approval->metadata['queued_by'] ?? 'threshold' ),
			'metadata'        => array_intersect_key( $approval->metadata, array_flip( array( 'rationale', 'confidence', 'model', 'prompt_version', 'run_id' ) ) ) ?: new \stdClass(),
			'exposure'        => $approval->exposure ?: new \stdClass(),
			'exposure_minor'  => $approval->exposure_minor,
			'edited_by'       => $approval->edited_by,
			'audit_event_id'  => $approval->audit_event_id,
			'can_decide'      => ApprovalState::Pending === $approval->state
				&& ! $approval->is_expired( $this->clock->now() )
				&& current_user_can( Capabilities::APPROVE )
				&& $me !== $approval->acting_user_id
				&& ! in_array( $me, $approval->approvers(), true ),
		);
	}
}

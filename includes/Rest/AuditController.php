<?php
/**
 * REST: the audit log.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Rest;

use AgentGuard\Domain\Agent\AgentRepository;
use AgentGuard\Infrastructure\Persistence\WpdbAuditQuery;
use AgentGuard\Infrastructure\WooCommerce\RequestScope;
use AgentGuard\Infrastructure\WordPress\Capabilities;

/**
 * `audit` (filtered pages, newest first), `audit/<id>`, `audit/verify`. Reading recent agent
 * activity is open to every Agent Guard role (the Overview shows it); the full log, its
 * before/after states and verification need agent_guard_audit.
 *
 * @since 0.1.0
 */
final class AuditController extends RestController {

	protected $rest_base = 'audit';

	public function __construct( RequestScope $scope, private WpdbAuditQuery $query, private AgentRepository $agents ) {
		parent::__construct( $scope );
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/audit',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'can_view' ),
					'args'                => $this->paging_args() + array(
						'agent_id'    => array(
							'type'    => 'integer',
							'minimum' => 1,
						),
						'action'      => array(
							'type'    => 'string',
							'pattern' => '^[a-z_]+:[a-z_]+$',
						),
						'decision'    => array(
							'type'    => 'string',
							'pattern' => '^[a-z_]{1,24}$',
						),
						'event_type'  => array(
							'type'    => 'string',
							'pattern' => '^[a-z_]{1,40}$',
						),
						'target_type' => array(
							'type'    => 'string',
							'pattern' => '^[a-z_]{1,30}$',
						),
						'target_id'   => array(
							'type'      => 'string',
							'maxLength' => 64,
						),
						'approval_id' => array(
							'type'    => 'integer',
							'minimum' => 1,
						),
						'from'        => array(
							'type'   => 'string',
							'format' => 'date-time',
						),
						'to'          => array(
							'type'   => 'string',
							'format' => 'date-time',
						),
						'before_id'   => array(
							'type'    => 'integer',
							'minimum' => 1,
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/audit/(?P<id>\d+)',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_item' ),
				'permission_callback' => array( $this, 'can_audit' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/audit/verify',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'verify' ),
				'permission_callback' => array( $this, 'can_audit' ),
			)
		);
	}

	/**
	 * @return true|\WP_Error
	 */
	public function can_audit() {
		return $this->require_person_with( Capabilities::AUDIT );
	}

	public function get_items( $request ) {
		$filters = array();
		foreach ( array( 'agent_id', 'action', 'decision', 'event_type', 'target_type', 'target_id', 'approval_id', 'before_id' ) as $key ) {
			if ( null !== $request[ $key ] ) {
				$filters[ $key ] = $request[ $key ];
			}
		}
		foreach ( array( 'from', 'to' ) as $key ) {
			if ( null !== $request[ $key ] ) {
				$time = strtotime( (string) $request[ $key ] );
				if ( false === $time ) {
					return new \WP_Error( 'rest_invalid_param', sprintf( '%s is not a valid date.', $key ), array( 'status' => 400 ) );
				}
				$filters[ $key ] = $time;
			}
		}
		$full   = current_user_can( Capabilities::AUDIT );
		$result = $this->query->page( $filters, (int) $request['page'], (int) $request['per_page'] );
		$names  = $this->agent_names();
		$items  = array_map( fn ( array $event ): array => $this->present( $event, $names, $full ), $result['items'] );
		return $this->collection( $items, $result['total'], (int) $request['per_page'] );
	}

	public function get_item( $request ) {
		$event = $this->query->find( (int) $request['id'] );
		if ( null === $event ) {
			return new \WP_Error( 'agent_guard_not_found', __( 'No audit event has that id.', 'agent-guard' ), array( 'status' => 404 ) );
		}
		return rest_ensure_response( $this->present( $event, $this->agent_names(), true ) );
	}

	public function verify() {
		return rest_ensure_response( $this->query->verify() );
	}

	public function get_item_schema() {
		return $this->add_additional_fields_schema( $this->schema_from_file( 'audit-event' ) );
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
	 * @param array<string, mixed> $event
	 * @param array<int, string>   $names
	 * @return array<string, mixed>
	 */
	private function present( array $event, array $names, bool $full ): array {
		$event['agent_name'] = $names[ $event['agent_id'] ] ?? '';
		if ( 'user' === $event['actor_type'] ) {
			$user                = get_userdata( (int) $event['actor_id'] );
			$event['actor_name'] = $user ? (string) $user->display_name : '';
		} elseif ( 'agent' === $event['actor_type'] ) {
			$event['actor_name'] = $event['agent_name'];
		} else {
			$event['actor_name'] = 'Agent Guard';
		}
		if ( ! $full ) {
			// Without agent_guard_audit: the outline of the event, not the stored states.
			$event['before']  = null;
			$event['after']   = null;
			$event['details'] = new \stdClass();
		}
		return $event;
	}
}

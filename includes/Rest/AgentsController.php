<?php
/**
 * REST: the agent registry.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Rest;

use AgentGuard\Application\AgentRegistry;
use AgentGuard\Application\TokenService;
use AgentGuard\Domain\Agent\Agent;
use AgentGuard\Domain\Agent\AgentMode;
use AgentGuard\Domain\Agent\AgentRepository;
use AgentGuard\Domain\Agent\LaunchChecklist;
use AgentGuard\Domain\Clock;
use AgentGuard\Domain\Policy\Policy;
use AgentGuard\Domain\Policy\PolicyTemplates;
use AgentGuard\Domain\Policy\PolicyVersions;
use AgentGuard\Infrastructure\Persistence\Dates;
use AgentGuard\Infrastructure\Persistence\WpdbAgentStats;
use AgentGuard\Infrastructure\WooCommerce\RequestScope;
use AgentGuard\Infrastructure\WordPress\Capabilities;
use AgentGuard\Infrastructure\WordPress\JsonSchemas;
use AgentGuard\Infrastructure\WordPress\WpServiceAccounts;

/**
 * `agents`, `agents/<id>`, `agents/<id>/mode`, `agents/<id>/canary`, `agents/<id>/checklist`,
 * `templates`. Reading needs any Agent Guard capability; changing needs agent_guard_manage.
 *
 * @since 0.1.0
 */
final class AgentsController extends RestController {

	protected $rest_base = 'agents';

	public const EXPIRING_SOON = 7 * 86400;

	public function __construct(
		RequestScope $scope,
		private AgentRepository $agents,
		private AgentRegistry $registry,
		private TokenService $tokens,
		private LaunchChecklist $checklist,
		private PolicyVersions $versions,
		private WpdbAgentStats $stats,
		private Clock $clock
	) {
		parent::__construct( $scope );
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/agents',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'can_view' ),
					'args'                => array(
						'status'    => array(
							'type'    => 'string',
							'enum'    => array( 'active', 'archived', 'all' ),
							'default' => 'active',
						),
						'mode'      => array(
							'type' => 'string',
							'enum' => AgentMode::values(),
						),
						'risk_tier' => array(
							'type' => 'string',
							'enum' => array( 'low', 'medium', 'high' ),
						),
						'search'    => array(
							'type'      => 'string',
							'maxLength' => 100,
						),
					),
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'can_manage' ),
					'args'                => $this->agent_args( true ) + array(
						'template' => array(
							'type' => 'string',
							'enum' => PolicyTemplates::NAMES,
						),
						'policy'   => array(
							'type' => 'object',
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/agents/(?P<id>\d+)',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'can_view' ),
				),
				array(
					'methods'             => \WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'can_manage' ),
					'args'                => $this->agent_args( false ) + array(
						'version' => array(
							'type'    => 'integer',
							'minimum' => 1,
						),
					),
				),
				array(
					'methods'             => \WP_REST_Server::DELETABLE,
					'callback'            => array( $this, 'delete_item' ),
					'permission_callback' => array( $this, 'can_manage' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/agents/(?P<id>\d+)/mode',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'change_mode' ),
				'permission_callback' => array( $this, 'can_manage' ),
				'args'                => array(
					'mode'            => array(
						'type'     => 'string',
						'enum'     => AgentMode::values(),
						'required' => true,
					),
					'override_reason' => array(
						'type'      => 'string',
						'maxLength' => 1000,
					),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/agents/(?P<id>\d+)/canary',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'set_canary' ),
				'permission_callback' => array( $this, 'can_manage' ),
				'args'                => array(
					'percent' => array(
						'type'     => 'number',
						'minimum'  => 0,
						'maximum'  => 100,
						'required' => true,
					),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/agents/(?P<id>\d+)/checklist',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_checklist' ),
				'permission_callback' => array( $this, 'can_view' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/templates',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_templates' ),
				'permission_callback' => array( $this, 'can_view' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/owners',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_owners' ),
				'permission_callback' => array( $this, 'can_manage' ),
				'args'                => array(
					'search' => array(
						'type'      => 'string',
						'maxLength' => 100,
						'default'   => '',
					),
				),
			)
		);
	}

	/**
	 * The agent's own fields, as create (name required, medium risk by default) and update take them.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private function agent_args( bool $creating ): array {
		return array(
			'name'          => array(
				'type'      => 'string',
				'minLength' => 1,
				'maxLength' => 100,
			) + ( $creating ? array( 'required' => true ) : array() ),
			'purpose'       => array(
				'type'      => 'string',
				'maxLength' => 1000,
			),
			'owner_user_id' => array(
				'type'    => 'integer',
				'minimum' => 1,
			),
			'risk_tier'     => array(
				'type' => 'string',
				'enum' => array( 'low', 'medium', 'high' ),
			) + ( $creating ? array( 'default' => 'medium' ) : array() ),
			'notes'         => array(
				'type'      => 'string',
				'maxLength' => 5000,
			),
		);
	}

	/**
	 * The people who may own an agent: users holding an Agent Guard capability, never the
	 * service users agents act as; by name, at most 200.
	 *
	 * @param \WP_REST_Request $request
	 */
	public function get_owners( $request ) {
		$query = array(
			'capability__in' => Capabilities::all(),
			'role__not_in'   => array( WpServiceAccounts::ROLE ),
			'orderby'        => 'display_name',
			'number'         => 200,
			'fields'         => array( 'ID', 'display_name' ),
		);
		if ( '' !== (string) $request['search'] ) {
			$query['search']         = '*' . (string) $request['search'] . '*';
			$query['search_columns'] = array( 'user_login', 'user_email', 'display_name' );
		}
		$out = array();
		foreach ( get_users( $query ) as $user ) {
			$out[] = array(
				'id'   => (int) $user->ID,
				'name' => (string) $user->display_name,
			);
		}
		return rest_ensure_response( $out );
	}

	public function get_items( $request ) {
		return $this->run(
			function () use ( $request ) {
				$filters = array_filter(
					array(
						'status'    => 'all' === $request['status'] ? null : $request['status'],
						'mode'      => $request['mode'],
						'risk_tier' => $request['risk_tier'],
						'search'    => $request['search'],
					),
					static fn ( $v ): bool => null !== $v && '' !== $v
				);
				$agents  = $this->agents->list( $filters );
				$counts  = $this->stats->token_counts( $this->clock->now(), self::EXPIRING_SOON );
				$items   = array();
				foreach ( $agents as $agent ) {
					$items[] = $this->present( $agent, $counts[ $agent->id ] ?? array(
						'active'   => 0,
						'expiring' => 0,
					) );
				}
				return $this->collection( $items, count( $items ), max( 1, count( $items ) ) );
			}
		);
	}

	public function get_item( $request ) {
		return $this->run(
			function () use ( $request ) {
				$agent  = $this->registry->require_agent( (int) $request['id'] );
				$counts = $this->stats->token_counts( $this->clock->now(), self::EXPIRING_SOON );
				return rest_ensure_response( $this->present( $agent, $counts[ $agent->id ] ?? array( 'active' => 0, 'expiring' => 0 ) ) );
			}
		);
	}

	public function create_item( $request ) {
		return $this->run(
			function () use ( $request ) {
				$input = array(
					'name'          => (string) $request['name'],
					'purpose'       => (string) ( $request['purpose'] ?? '' ),
					'owner_user_id' => (int) ( $request['owner_user_id'] ?? get_current_user_id() ),
					'risk_tier'     => (string) $request['risk_tier'],
					'notes'         => (string) ( $request['notes'] ?? '' ),
				);
				if ( null !== $request['policy'] ) {
					$input['policy'] = $request['policy'];
				} else {
					$input['template'] = (string) ( $request['template'] ?? 'read_only' );
				}
				$agent    = $this->registry->create( $input, get_current_user_id() );
				$response = rest_ensure_response( $this->present( $agent, array( 'active' => 0, 'expiring' => 0 ) ) );
				$response->set_status( 201 );
				$response->header( 'Location', rest_url( sprintf( '%s/agents/%d', $this->namespace, $agent->id ) ) );
				return $response;
			}
		);
	}

	public function update_item( $request ) {
		$check = $this->only_params( $request, array( 'name', 'purpose', 'owner_user_id', 'risk_tier', 'notes', 'version' ) );
		if ( is_wp_error( $check ) ) {
			return $check;
		}
		return $this->run(
			function () use ( $request ) {
				$changes = array();
				foreach ( array( 'name', 'purpose', 'owner_user_id', 'risk_tier', 'notes' ) as $key ) {
					if ( $request->has_param( $key ) && null !== $request[ $key ] ) {
						$changes[ $key ] = $request[ $key ];
					}
				}
				$agent = $this->registry->update( (int) $request['id'], $changes, null === $request['version'] ? null : (int) $request['version'], get_current_user_id() );
				return rest_ensure_response( $this->present( $agent, null ) );
			}
		);
	}

	/**
	 * Archives (never deletes): history and audit stay.
	 */
	public function delete_item( $request ) {
		return $this->run(
			function () use ( $request ) {
				$agent = $this->registry->archive( (int) $request['id'], get_current_user_id() );
				$this->tokens->revoke_all( $agent->id, get_current_user_id() );
				return rest_ensure_response( $this->present( $agent, null ) );
			}
		);
	}

	public function change_mode( $request ) {
		return $this->run(
			function () use ( $request ) {
				$agent = $this->registry->change_mode(
					(int) $request['id'],
					AgentMode::from( (string) $request['mode'] ),
					get_current_user_id(),
					current_user_can( 'manage_options' ),
					(string) ( $request['override_reason'] ?? '' )
				);
				return rest_ensure_response( $this->present( $agent, null ) );
			}
		);
	}

	public function set_canary( $request ) {
		return $this->run(
			function () use ( $request ) {
				$agent = $this->registry->set_canary_percent( (int) $request['id'], (float) $request['percent'], get_current_user_id() );
				return rest_ensure_response( $this->present( $agent, null ) );
			}
		);
	}

	public function get_checklist( $request ) {
		return $this->run(
			function () use ( $request ) {
				$agent = $this->registry->require_agent( (int) $request['id'] );
				return rest_ensure_response(
					array(
						'agent_id' => $agent->id,
						'items'    => $this->checklist->items( $agent ),
					)
				);
			}
		);
	}

	public function get_templates() {
		$out = array();
		foreach ( PolicyTemplates::catalogue() as $name => $info ) {
			$out[] = array(
				'name'        => $name,
				'label'       => $info['label'],
				'description' => $info['description'],
				'policy'      => JsonSchemas::shape( 'policy', PolicyTemplates::get( $name ) ),
			);
		}
		return rest_ensure_response( $out );
	}

	public function get_item_schema() {
		return $this->add_additional_fields_schema( $this->schema_from_file( 'agent' ) );
	}

	/**
	 * @param array{active: int, expiring: int}|null $counts
	 * @return array<string, mixed>
	 */
	public function present( Agent $agent, ?array $counts ): array {
		if ( null === $counts ) {
			$all    = $this->stats->token_counts( $this->clock->now(), self::EXPIRING_SOON );
			$counts = $all[ $agent->id ] ?? array(
				'active'   => 0,
				'expiring' => 0,
			);
		}
		$owner  = get_userdata( $agent->owner_user_id );
		$policy = Policy::from_array( $agent->policy );
		return array(
			'id'                   => $agent->id,
			'name'                 => $agent->name,
			'purpose'              => $agent->purpose,
			'owner_user_id'        => $agent->owner_user_id,
			'owner_name'           => $owner ? (string) $owner->display_name : '',
			'service_user_id'      => $agent->service_user_id,
			'risk_tier'            => $agent->risk_tier->value,
			'mode'                 => $agent->mode->value,
			'status'               => $agent->status,
			'notes'                => $agent->notes,
			'policy_version'       => $agent->policy_version,
			'canary_percent'       => $policy->canary_percent(),
			'halted'               => $agent->is_halted(),
			'halt_reason'          => $agent->halt_reason,
			'halted_at'            => Dates::iso( $agent->halted_at ),
			'halted_by'            => $agent->halted_by,
			'created_at'           => (string) Dates::iso( $agent->created_at ),
			'updated_at'           => (string) Dates::iso( $agent->updated_at ),
			'last_activity_at'     => Dates::iso( $this->stats->last_activity( $agent->id ) ),
			'tokens_active'        => $counts['active'],
			'tokens_expiring_soon' => $counts['expiring'],
			'checklist_open'       => count( $this->checklist->open_items( $agent ) ),
			'version'              => $agent->version,
		);
	}
}

<?php
/**
 * REST: kill switch, incidents, canary figures and overview metrics.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Rest;

use AgentGuard\Application\KillSwitch;
use AgentGuard\Domain\Agent\Agent;
use AgentGuard\Domain\Agent\AgentMode;
use AgentGuard\Domain\Agent\AgentRepository;
use AgentGuard\Domain\Agent\Identity;
use AgentGuard\Domain\Approval\ApprovalRepository;
use AgentGuard\Domain\Clock;
use AgentGuard\Domain\Control\Breakers;
use AgentGuard\Domain\Policy\Policy;
use AgentGuard\Infrastructure\Persistence\Dates;
use AgentGuard\Infrastructure\Persistence\Tables;
use AgentGuard\Infrastructure\Persistence\WpdbCanaryStats;
use AgentGuard\Infrastructure\Persistence\WpdbIncidents;
use AgentGuard\Infrastructure\Persistence\WpdbKillSwitch;
use AgentGuard\Infrastructure\WooCommerce\RequestScope;
use AgentGuard\Infrastructure\WordPress\Capabilities;

/**
 * `halt` (global state, GET and POST), `agents/<id>/halt`, `agents/<id>/kill-switch-test`,
 * `incidents`, `incidents/<id>/close`, `agents/<id>/canary` (figures), `metrics` (Overview).
 * Halting and resuming need agent_guard_halt; the test needs agent_guard_manage.
 *
 * @since 0.1.0
 */
final class ControlController extends RestController {

	public function __construct(
		RequestScope $scope,
		private KillSwitch $kill_switch,
		private WpdbKillSwitch $store,
		private AgentRepository $agents,
		private WpdbIncidents $incidents,
		private WpdbCanaryStats $canary,
		private ApprovalRepository $approvals,
		private \wpdb $wpdb,
		private Clock $clock,
		private bool $halted_by_constant
	) {
		parent::__construct( $scope );
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/halt',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_halt' ),
					'permission_callback' => array( $this, 'can_view' ),
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'set_halt' ),
					'permission_callback' => array( $this, 'can_halt' ),
					'args'                => $this->halt_args(),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/agents/(?P<id>\d+)/halt',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'set_agent_halt' ),
				'permission_callback' => array( $this, 'can_halt' ),
				'args'                => $this->halt_args(),
			)
		);
		register_rest_route(
			$this->namespace,
			'/agents/(?P<id>\d+)/kill-switch-test',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'test_kill_switch' ),
				'permission_callback' => array( $this, 'can_manage' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/agents/(?P<id>\d+)/canary',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_canary' ),
				'permission_callback' => array( $this, 'can_view' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/incidents',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_incidents' ),
				'permission_callback' => array( $this, 'can_view' ),
				'args'                => array(
					'state' => array(
						'type'    => 'string',
						'enum'    => array( 'open', 'closed', 'all' ),
						'default' => 'open',
					),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/incidents/(?P<id>\d+)',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_incident' ),
				'permission_callback' => array( $this, 'can_view' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/incidents/(?P<id>\d+)/close',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'close_incident' ),
				'permission_callback' => array( $this, 'can_close' ),
				'args'                => array(
					'note' => array(
						'type'      => 'string',
						'maxLength' => 2000,
						'required'  => true,
					),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/metrics',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_metrics' ),
				'permission_callback' => array( $this, 'can_view' ),
			)
		);
	}

	/**
	 * @return array<string, array<string, mixed>>
	 */
	private function halt_args(): array {
		return array(
			'halted' => array(
				'type'     => 'boolean',
				'required' => true,
			),
			'reason' => array(
				'type'      => 'string',
				'maxLength' => 500,
				'default'   => '',
			),
		);
	}

	/**
	 * @return true|\WP_Error
	 */
	public function can_halt() {
		return $this->require_person_with( Capabilities::HALT );
	}

	/**
	 * @return true|\WP_Error
	 */
	public function can_close() {
		return $this->require_person_with( Capabilities::HALT, Capabilities::MANAGE );
	}

	public function get_halt() {
		return $this->run( fn () => rest_ensure_response( $this->halt_state() ) );
	}

	public function set_halt( $request ) {
		return $this->run(
			function () use ( $request ) {
				if ( $request['halted'] ) {
					$this->kill_switch->halt_all( (string) $request['reason'], get_current_user_id() );
				} else {
					$this->kill_switch->resume_all( get_current_user_id() );
				}
				return rest_ensure_response( $this->halt_state() );
			}
		);
	}

	public function set_agent_halt( $request ) {
		return $this->run(
			function () use ( $request ) {
				$agent = $request['halted']
					? $this->kill_switch->halt_agent( (int) $request['id'], (string) $request['reason'], get_current_user_id() )
					: $this->kill_switch->resume_agent( (int) $request['id'], get_current_user_id() );
				return rest_ensure_response( $this->agent_state( $agent ) );
			}
		);
	}

	public function test_kill_switch( $request ) {
		return $this->run(
			function () use ( $request ) {
				$result = $this->kill_switch->test(
					(int) $request['id'],
					get_current_user_id(),
					function ( int $agent_id ): ?Identity {
						$agent = $this->agents->find( $agent_id );
						return null === $agent ? null : new Identity( $agent, 'kill_switch_test', null, $this->store->global_state() );
					}
				);
				return rest_ensure_response(
					array(
						'ms'        => $result['ms'],
						'refused'   => $result['refused'],
						'tested_at' => Dates::iso( $result['tested_at'] ),
					)
				);
			}
		);
	}

	public function get_canary( $request ) {
		return $this->run(
			function () use ( $request ) {
				$agent = $this->agents->find( (int) $request['id'] );
				if ( null === $agent ) {
					return new \WP_Error( 'agent_guard_agent_not_found', __( 'No agent has that id.', 'agent-guard' ), array( 'status' => 404 ) );
				}
				$percent = Policy::from_array( $agent->policy )->canary_percent();
				$stats   = $this->canary->for_agent( $agent->id, $this->clock->now() );
				return rest_ensure_response(
					array(
						'agent_id'  => $agent->id,
						'mode'      => $agent->mode->value,
						'percent'   => $percent,
						'next_step' => Breakers::next_step( $percent ),
						'min_sample' => Breakers::CANARY_MIN_SAMPLE,
						'cohort'    => WpdbCanaryStats::cohort( $agent->id, $this->product_ids(), $percent ),
						'limits'    => array(
							'failure_rate_percent' => Policy::from_array( $agent->policy )->breakers()['canary_max_failure_rate_percent'],
							'revert_rate_percent'  => Policy::from_array( $agent->policy )->breakers()['canary_max_revert_rate_percent'],
						),
					) + $stats
				);
			}
		);
	}

	public function get_incidents( $request ) {
		$names = $this->agent_names();
		$items = array_map( fn ( array $item ): array => $this->present_incident( $item, $names ), $this->incidents->list( (string) $request['state'] ) );
		return $this->collection( $items, count( $items ), max( 1, count( $items ) ) );
	}

	public function get_incident( $request ) {
		$incident = $this->incidents->find( (int) $request['id'] );
		if ( null === $incident ) {
			return new \WP_Error( 'agent_guard_not_found', __( 'No incident has that id.', 'agent-guard' ), array( 'status' => 404 ) );
		}
		return rest_ensure_response( $this->present_incident( $incident, $this->agent_names() ) );
	}

	public function close_incident( $request ) {
		return $this->run(
			function () use ( $request ) {
				$this->kill_switch->close_incident( (int) $request['id'], get_current_user_id(), (string) $request['note'] );
				return rest_ensure_response( $this->present_incident( (array) $this->incidents->find( (int) $request['id'] ), $this->agent_names() ) );
			}
		);
	}

	/**
	 * An incident as the API answers it: with the agent's and the closer's names.
	 *
	 * @param array<string, mixed> $item
	 * @param array<int, string>   $names
	 * @return array<string, mixed>
	 */
	private function present_incident( array $item, array $names ): array {
		$item['agent_name']     = $names[ $item['agent_id'] ] ?? '';
		$closer                 = $item['closed_by'] ? get_userdata( $item['closed_by'] ) : false;
		$item['closed_by_name'] = $closer ? (string) $closer->display_name : '';
		return $item;
	}

	/**
	 * What the Overview shows first: halt state, agents halted or paused, pending approvals,
	 * open incidents, the canary stage of each agent, and activity by hour over 24 hours.
	 */
	public function get_metrics() {
		return $this->run(
			function () {
				$agents = array();
				foreach ( $this->agents->list( array( 'status' => Agent::STATUS_ACTIVE ) ) as $agent ) {
					$agents[] = $this->agent_state( $agent );
				}
				return rest_ensure_response(
					array(
						'halt'      => $this->halt_state(),
						'agents'    => $agents,
						'approvals' => array( 'pending' => $this->approvals->count_pending() ),
						'incidents' => array( 'open' => $this->incidents->count_open() ),
						'activity'  => $this->activity(),
					)
				);
			}
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	private function halt_state(): array {
		$state = $this->store->global_state();
		$user  = $state->halted_by ? get_userdata( $state->halted_by ) : false;
		return array(
			'halted'         => $state->halted || $this->halted_by_constant,
			'by_constant'    => $this->halted_by_constant,
			'reason'         => $this->halted_by_constant ? 'AGENT_GUARD_HALT_ALL is set in wp-config.php' : $state->reason,
			'halted_by'      => $state->halted_by,
			'halted_by_name' => $user ? (string) $user->display_name : '',
			'halted_at'      => Dates::iso( $state->halted_at ),
			'epoch'          => $state->epoch,
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	private function agent_state( Agent $agent ): array {
		$by     = $agent->halted_by ? get_userdata( $agent->halted_by ) : false;
		$policy = Policy::from_array( $agent->policy );
		return array(
			'id'             => $agent->id,
			'name'           => $agent->name,
			'mode'           => $agent->mode->value,
			'halted'         => $agent->is_halted(),
			'halt_reason'    => $agent->halt_reason,
			'halted_at'      => Dates::iso( $agent->halted_at ),
			'halted_by_name' => $by ? (string) $by->display_name : ( $agent->is_halted() ? 'Agent Guard' : '' ),
			'canary_percent' => $policy->canary_percent(),
			'canary_next'    => AgentMode::Canary === $agent->mode ? Breakers::next_step( $policy->canary_percent() ) : null,
		);
	}

	/**
	 * @return list<array{hour: string, allowed: int, refused: int, queued: int}>
	 */
	private function activity(): array {
		$table = Tables::audit_events( $this->wpdb );
		$from  = $this->clock->now() - 86400;
		$first = (int) $this->wpdb->get_var( $this->wpdb->prepare( "SELECT MIN(id) FROM {$table} WHERE occurred_at_gmt >= %s", Dates::to_gmt( $from ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$hours = array();
		for ( $h = 23; $h >= 0; $h-- ) {
			$key           = gmdate( 'Y-m-d\TH:00:00\Z', $this->clock->now() - $h * 3600 );
			$hours[ $key ] = array(
				'hour'    => $key,
				'allowed' => 0,
				'refused' => 0,
				'queued'  => 0,
			);
		}
		if ( $first > 0 ) {
			$rows = $this->wpdb->get_results( $this->wpdb->prepare( "SELECT occurred_at_gmt, decision FROM {$table} WHERE id >= %d AND event_type = 'agent_request' ORDER BY id DESC LIMIT 20000", $first ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			foreach ( $rows ?: array() as $row ) {
				$key = str_replace( ' ', 'T', substr( (string) $row['occurred_at_gmt'], 0, 13 ) ) . ':00:00Z';
				if ( ! isset( $hours[ $key ] ) ) {
					continue;
				}
				$column = match ( (string) $row['decision'] ) {
					'allow', 'replay' => 'allowed',
					'queue', 'observe' => 'queued',
					default => 'refused',
				};
				++$hours[ $key ][ $column ];
			}
		}
		return array_values( $hours );
	}

	/**
	 * @return list<int>
	 */
	private function product_ids(): array {
		$ids = get_posts(
			array(
				'post_type'      => 'product',
				'post_status'    => array( 'publish', 'private', 'draft', 'pending' ),
				'fields'         => 'ids',
				'posts_per_page' => 20000,
				'no_found_rows'  => true,
			)
		);
		return array_map( 'intval', $ids );
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
}

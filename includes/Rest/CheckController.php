<?php
/**
 * REST: dry runs of the pipeline.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Rest;

use AgentGuard\Application\Enforcement;
use AgentGuard\Domain\Agent\AgentRepository;
use AgentGuard\Domain\Agent\Identity;
use AgentGuard\Domain\Control\HaltState;
use AgentGuard\Domain\Request\AgentMetadata;
use AgentGuard\Domain\Request\AgentRequest;
use AgentGuard\Infrastructure\Persistence\Tables;
use AgentGuard\Infrastructure\WooCommerce\RequestScope;
use AgentGuard\Infrastructure\WordPress\Capabilities;

/**
 * `POST check` — given a method, a route and a body, answers what the guard would decide and
 * which rule would fire, executing nothing: no counter moves, nothing is queued, no store data
 * is touched. Agents check their own plans with their token; store owners (agent_guard_manage)
 * test a policy by naming the agent.
 *
 * @since 0.1.0
 */
final class CheckController extends RestController {

	public function __construct( RequestScope $scope, private Enforcement $enforcement, private AgentRepository $agents, private \wpdb $wpdb ) {
		parent::__construct( $scope );
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/check',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'check' ),
				'permission_callback' => array( $this, 'can_check' ),
				'args'                => array(
					'method'   => array(
						'type'     => 'string',
						'enum'     => array( 'GET', 'POST', 'PUT', 'PATCH', 'DELETE' ),
						'required' => true,
					),
					'route'    => array(
						'type'      => 'string',
						'pattern'   => '^/',
						'maxLength' => 255,
						'required'  => true,
					),
					'body'     => array(
						'type'    => 'object',
						'default' => array(),
					),
					'query'    => array(
						'type'    => 'object',
						'default' => array(),
					),
					'agent_id' => array(
						'type'    => 'integer',
						'minimum' => 1,
					),
				),
			)
		);
	}

	/**
	 * @return true|\WP_Error
	 */
	public function can_check() {
		if ( null !== $this->scope->identity && null === $this->scope->failure ) {
			return true;
		}
		return $this->require_person_with( Capabilities::MANAGE );
	}

	public function check( \WP_REST_Request $request ) {
		$identity = $this->scope->identity;
		if ( null === $identity ) {
			$agent = null === $request['agent_id'] ? null : $this->agents->find( (int) $request['agent_id'] );
			if ( null === $agent ) {
				return new \WP_Error( 'agent_guard_agent_not_found', __( 'Name the agent to check with agent_id.', 'agent-guard' ), array( 'status' => 400 ) );
			}
			$identity = new Identity( $agent, 'check', null, $this->halt_state() );
		} elseif ( null !== $request['agent_id'] && (int) $request['agent_id'] !== $identity->agent->id ) {
			return new \WP_Error( 'agent_guard_forbidden', __( 'An agent may only check its own requests.', 'agent-guard' ), array( 'status' => 403 ) );
		}
		$method   = strtoupper( (string) $request['method'] );
		$route    = '/' . ltrim( (string) $request['route'], '/' );
		$body     = (array) $request['body'];
		$query    = (array) $request['query'];
		$inner    = new \WP_REST_Request( $method, $route );
		$inner->set_query_params( $query );
		if ( $body ) {
			$inner->set_header( 'content-type', 'application/json' );
			$inner->set_body( (string) wp_json_encode( $body ) );
		}
		$matched = $this->match( $inner );
		if ( is_wp_error( $matched ) ) {
			return rest_ensure_response( $this->answer( 'invalid', (string) $matched->get_error_code(), $matched->get_error_message(), (int) ( $matched->get_error_data()['status'] ?? 400 ), '' ) );
		}
		$verdict  = $this->enforcement->decide(
			$identity,
			new AgentRequest( $method, $route, (array) $inner->get_params(), array_values( array_map( 'strval', array_keys( array_merge( $query, $body ) ) ) ), AgentMetadata::from_headers( $request->get_headers() )->to_array() ),
			array(),
			true
		);
		$decision = $verdict->decision;
		$answer   = $this->answer( $decision->outcome, $decision->code, $decision->message, $decision->is_allow() ? 200 : $decision->status, $decision->rule );
		$answer  += array(
			'action'  => $verdict->action(),
			'target'  => $verdict->classification?->target_key() ?? '',
			'reasons' => $decision->reasons,
			'diff'    => $decision->diff,
		);
		if ( null !== $verdict->would ) {
			$answer['would_have'] = $verdict->would;
		}
		return rest_ensure_response( $answer );
	}

	/**
	 * @return array<string, mixed>
	 */
	private function answer( string $decision, string $code, string $message, int $status, string $rule ): array {
		return array(
			'decision' => $decision,
			'code'     => $code,
			'message'  => '' === $message && 'allow' === $decision ? __( 'The request would be executed.', 'agent-guard' ) : $message,
			'status'   => $status,
			'rule'     => $rule,
			'executed' => false,
		);
	}

	/**
	 * Matches the route the way WordPress does and validates and sanitises its parameters.
	 *
	 * @return true|\WP_Error
	 */
	private function match( \WP_REST_Request $request ) {
		$server = rest_get_server();
		foreach ( $server->get_routes() as $route => $handlers ) {
			if ( ! preg_match( '@^' . $route . '$@i', $request->get_route(), $matches ) ) {
				continue;
			}
			foreach ( $handlers as $handler ) {
				if ( empty( $handler['methods'][ $request->get_method() ] ) ) {
					continue;
				}
				$request->set_url_params( array_filter( $matches, 'is_string', ARRAY_FILTER_USE_KEY ) );
				$request->set_attributes( $handler );
				$defaults = array();
				foreach ( (array) $handler['args'] as $arg => $options ) {
					if ( isset( $options['default'] ) ) {
						$defaults[ $arg ] = $options['default'];
					}
				}
				$request->set_default_params( $defaults );
				$valid = $request->has_valid_params();
				if ( is_wp_error( $valid ) ) {
					return $valid;
				}
				$clean = $request->sanitize_params();
				return is_wp_error( $clean ) ? $clean : true;
			}
		}
		return new \WP_Error( 'rest_no_route', __( 'No route was found matching the URL and request method.', 'agent-guard' ), array( 'status' => 404 ) );
	}

	private function halt_state(): HaltState {
		$table = Tables::control( $this->wpdb );
		$row   = $this->wpdb->get_row( "SELECT * FROM {$table} WHERE id = 1", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return new HaltState( (bool) ( $row['halted'] ?? true ), (string) ( $row['halt_reason'] ?? '' ), (int) ( $row['halted_by'] ?? 0 ), null, (int) ( $row['epoch'] ?? 0 ) );
	}
}

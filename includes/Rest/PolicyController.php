<?php
/**
 * REST: an agent's policy, its history, export and import.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Rest;

use AgentGuard\Application\AgentRegistry;
use AgentGuard\Domain\Policy\Policy;
use AgentGuard\Domain\Policy\PolicyDiff;
use AgentGuard\Domain\Policy\PolicyValidator;
use AgentGuard\Domain\Policy\PolicyVersions;
use AgentGuard\Infrastructure\Persistence\Dates;
use AgentGuard\Infrastructure\WooCommerce\RequestScope;
use AgentGuard\Infrastructure\WordPress\JsonSchemas;

/**
 * `agents/<id>/policy` (GET, PUT), `agents/<id>/policy/versions`,
 * `agents/<id>/policy/versions/<v>`, `agents/<id>/policy/export`,
 * `agents/<id>/policy/import` (preview, then apply). Saving and importing need
 * agent_guard_manage; a rejected document changes nothing and names the bad field.
 *
 * @since 0.1.0
 */
final class PolicyController extends RestController {

	public function __construct(
		RequestScope $scope,
		private AgentRegistry $registry,
		private PolicyValidator $validator,
		private PolicyVersions $versions
	) {
		parent::__construct( $scope );
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/agents/(?P<id>\d+)/policy',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_policy' ),
					'permission_callback' => array( $this, 'can_view' ),
				),
				array(
					'methods'             => 'PUT',
					'callback'            => array( $this, 'put_policy' ),
					'permission_callback' => array( $this, 'can_manage' ),
					'args'                => array(
						'policy'           => array(
							'type'     => 'object',
							'required' => true,
						),
						'note'             => array(
							'type'      => 'string',
							'maxLength' => 500,
							'default'   => '',
						),
						'expected_version' => array(
							'type'    => 'integer',
							'minimum' => 1,
						),
					),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/agents/(?P<id>\d+)/policy/versions',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_versions' ),
				'permission_callback' => array( $this, 'can_view' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/agents/(?P<id>\d+)/policy/versions/(?P<version>\d+)',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_version' ),
				'permission_callback' => array( $this, 'can_view' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/agents/(?P<id>\d+)/policy/export',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'export' ),
				'permission_callback' => array( $this, 'can_manage' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/agents/(?P<id>\d+)/policy/import',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'import' ),
				'permission_callback' => array( $this, 'can_manage' ),
				'args'                => array(
					'document' => array(
						'type'     => 'object',
						'required' => true,
					),
					'apply'    => array(
						'type'    => 'boolean',
						'default' => false,
					),
				),
			)
		);
	}

	public function get_policy( $request ) {
		return $this->run(
			function () use ( $request ) {
				$agent = $this->registry->require_agent( (int) $request['id'] );
				return rest_ensure_response(
					array(
						'agent_id' => $agent->id,
						'version'  => $agent->policy_version,
						'policy'   => JsonSchemas::shape( 'policy', Policy::normalize( $agent->policy ) ),
					)
				);
			}
		);
	}

	public function put_policy( $request ) {
		return $this->run(
			function () use ( $request ) {
				$agent = $this->registry->save_policy(
					(int) $request['id'],
					$this->raw_param( $request, 'policy' ),
					get_current_user_id(),
					(string) $request['note'],
					null === $request['expected_version'] ? null : (int) $request['expected_version']
				);
				return rest_ensure_response(
					array(
						'agent_id' => $agent->id,
						'version'  => $agent->policy_version,
						'policy'   => JsonSchemas::shape( 'policy', $agent->policy ),
					)
				);
			}
		);
	}

	public function get_versions( $request ) {
		return $this->run(
			function () use ( $request ) {
				$agent = $this->registry->require_agent( (int) $request['id'] );
				$items = array_map(
					static function ( array $row ): array {
						$author = get_userdata( $row['author_id'] );
						return array(
							'version'     => $row['version'],
							'author_id'   => $row['author_id'],
							'author_name' => $author ? (string) $author->display_name : '',
							'note'        => $row['note'],
							'created_at'  => (string) Dates::iso( $row['created_at'] ),
						);
					},
					$this->versions->list( $agent->id )
				);
				return $this->collection( $items, count( $items ), max( 1, count( $items ) ) );
			}
		);
	}

	public function get_version( $request ) {
		$policy = $this->versions->get( (int) $request['id'], (int) $request['version'] );
		if ( null === $policy ) {
			return new \WP_Error( 'agent_guard_not_found', __( 'That policy version does not exist.', 'agent-guard' ), array( 'status' => 404 ) );
		}
		return rest_ensure_response(
			array(
				'agent_id' => (int) $request['id'],
				'version'  => (int) $request['version'],
				'policy'   => JsonSchemas::shape( 'policy', $policy ),
			)
		);
	}

	/**
	 * The policy as a file: `agent-policy-YYYYMMDD-<agent>.json`.
	 */
	public function export( $request ) {
		return $this->run(
			function () use ( $request ) {
				$agent    = $this->registry->require_agent( (int) $request['id'] );
				$filename = sprintf( 'agent-policy-%s-%s.json', gmdate( 'Ymd' ), sanitize_title( $agent->name ) ?: 'agent-' . $agent->id );
				$response = rest_ensure_response(
					array(
						'agent'       => $agent->name,
						'exported_at' => gmdate( 'c' ),
						'version'     => $agent->policy_version,
						'policy'      => JsonSchemas::shape( 'policy', Policy::normalize( $agent->policy ) ),
					)
				);
				$response->header( 'Content-Disposition', 'attachment; filename="' . $filename . '"' );
				$response->header( 'X-Agent-Guard-Filename', $filename );
				return $response;
			}
		);
	}

	/**
	 * Validates an imported document like a save and shows what it would change; applies it
	 * only when asked to. Accepts the export file itself or a bare policy.
	 */
	public function import( $request ) {
		return $this->run(
			function () use ( $request ) {
				$agent    = $this->registry->require_agent( (int) $request['id'] );
				$document = $this->raw_param( $request, 'document' );
				if ( is_array( $document ) && isset( $document['policy'] ) && is_array( $document['policy'] ) ) {
					$document = $document['policy'];
				}
				$clean         = $this->validator->validate( $document );
				$clean['mode'] = $agent->mode->value;
				$diff          = PolicyDiff::between( Policy::normalize( $agent->policy ), $clean );
				if ( ! $request['apply'] ) {
					return rest_ensure_response(
						array(
							'valid'   => true,
							'applied' => false,
							'changes' => $diff,
						)
					);
				}
				$saved = $this->registry->save_policy( $agent->id, $clean, get_current_user_id(), 'Imported' );
				return rest_ensure_response(
					array(
						'valid'   => true,
						'applied' => true,
						'changes' => $diff,
						'version' => $saved->policy_version,
					)
				);
			}
		);
	}

	/**
	 * The parameter exactly as sent (WordPress's `object` sanitising would already have
	 * coerced what our own schema must judge).
	 *
	 * @return mixed
	 */
	private function raw_param( \WP_REST_Request $request, string $name ) {
		$json = $request->get_json_params();
		if ( is_array( $json ) && array_key_exists( $name, $json ) ) {
			return $json[ $name ];
		}
		return $request->get_param( $name );
	}
}

<?php
/**
 * REST: an agent's tokens.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Rest;

use AgentGuard\Application\TokenService;
use AgentGuard\Domain\Clock;
use AgentGuard\Domain\Token\Token;
use AgentGuard\Domain\Token\TokenRepository;
use AgentGuard\Infrastructure\Persistence\Dates;
use AgentGuard\Infrastructure\WooCommerce\RequestScope;

/**
 * `agents/<id>/tokens` (list, issue), `agents/<id>/tokens/<token_id>` (revoke),
 * `agents/<id>/tokens/<token_id>/rotate`. The secret appears once, in the answer that
 * created the token. All of it needs agent_guard_manage.
 *
 * @since 0.1.0
 */
final class TokensController extends RestController {

	public function __construct(
		RequestScope $scope,
		private TokenService $service,
		private TokenRepository $tokens,
		private Clock $clock
	) {
		parent::__construct( $scope );
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/agents/(?P<agent_id>\d+)/tokens',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'can_manage' ),
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'can_manage' ),
					'args'                => array(
						'label'            => array(
							'type'      => 'string',
							'maxLength' => 100,
							'default'   => '',
						),
						'scope'            => array(
							'type'    => 'string',
							'enum'    => array( Token::SCOPE_STANDARD, Token::SCOPE_CRITICAL ),
							'default' => Token::SCOPE_STANDARD,
						),
						'lifetime_seconds' => array(
							'type'    => 'integer',
							'minimum' => 60,
							'maximum' => TokenService::MAX_LIFETIME,
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/agents/(?P<agent_id>\d+)/tokens/(?P<id>\d+)',
			array(
				'methods'             => \WP_REST_Server::DELETABLE,
				'callback'            => array( $this, 'delete_item' ),
				'permission_callback' => array( $this, 'can_manage' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/agents/(?P<agent_id>\d+)/tokens/(?P<id>\d+)/rotate',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'rotate_item' ),
				'permission_callback' => array( $this, 'can_manage' ),
				'args'                => array(
					'grace_seconds' => array(
						'type'     => 'integer',
						'minimum'  => 0,
						'maximum'  => TokenService::MAX_GRACE,
						'required' => true,
					),
				),
			)
		);
	}

	public function get_items( $request ) {
		return $this->run(
			function () use ( $request ) {
				$items = array_map( fn ( Token $t ): array => $this->present( $t ), $this->tokens->for_agent( (int) $request['agent_id'] ) );
				return $this->collection( $items, count( $items ), max( 1, count( $items ) ) );
			}
		);
	}

	public function create_item( $request ) {
		return $this->run(
			function () use ( $request ) {
				$issued   = $this->service->issue(
					(int) $request['agent_id'],
					(string) $request['label'],
					null === $request['lifetime_seconds'] ? null : (int) $request['lifetime_seconds'],
					(string) $request['scope'],
					get_current_user_id()
				);
				$response = rest_ensure_response( $this->present( $issued['token'] ) + array( 'secret' => $issued['secret'] ) );
				$response->set_status( 201 );
				// The secret must not be kept by caches or proxies.
				$response->header( 'Cache-Control', 'no-store' );
				return $response;
			}
		);
	}

	public function delete_item( $request ) {
		return $this->run(
			fn () => rest_ensure_response( $this->present( $this->service->revoke( (int) $request['agent_id'], (int) $request['id'], get_current_user_id() ) ) )
		);
	}

	public function rotate_item( $request ) {
		return $this->run(
			function () use ( $request ) {
				$issued   = $this->service->rotate( (int) $request['agent_id'], (int) $request['id'], (int) $request['grace_seconds'], get_current_user_id() );
				$response = rest_ensure_response( $this->present( $issued['token'] ) + array( 'secret' => $issued['secret'] ) );
				$response->set_status( 201 );
				$response->header( 'Cache-Control', 'no-store' );
				return $response;
			}
		);
	}

	public function get_item_schema() {
		return $this->add_additional_fields_schema( $this->schema_from_file( 'token' ) );
	}

	/**
	 * @return array<string, mixed>
	 */
	public function present( Token $token ): array {
		$now = $this->clock->now();
		if ( null !== $token->revoked_at && $token->revoked_at <= $now ) {
			$status = 'revoked';
		} elseif ( $token->expires_at <= $now ) {
			$status = 'expired';
		} elseif ( null !== $token->revoked_at ) {
			$status = 'grace';
		} elseif ( $token->expires_at - $now <= AgentsController::EXPIRING_SOON ) {
			$status = 'expiring';
		} else {
			$status = 'active';
		}
		return array(
			'id'           => $token->id,
			'agent_id'     => $token->agent_id,
			'prefix'       => $token->display_prefix(),
			'label'        => $token->label,
			'scope'        => $token->scope,
			'created_at'   => (string) Dates::iso( $token->created_at ),
			'expires_at'   => (string) Dates::iso( $token->expires_at ),
			'last_used_at' => Dates::iso( $token->last_used_at ),
			'revoked_at'   => Dates::iso( $token->revoked_at ),
			'status'       => $status,
		);
	}
}

<?php
/**
 * Shared plumbing of the plugin's REST controllers.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Rest;

use AgentGuard\Domain\DomainException;
use AgentGuard\Infrastructure\WooCommerce\RequestScope;
use AgentGuard\Infrastructure\WordPress\Capabilities;
use AgentGuard\Infrastructure\WordPress\ErrorMapper;
use AgentGuard\Infrastructure\WordPress\JsonSchemas;

/**
 * Namespace `agent-guard/v1`. Admin routes need a logged-in person with the right capability
 * (cookie + X-WP-Nonce, or an application password); an agent token never passes them.
 * Domain exceptions become WP_Errors here and nowhere else.
 *
 * @since 0.1.0
 */
abstract class RestController extends \WP_REST_Controller {

	public const NAMESPACE = \AgentGuard\Plugin::REST_NAMESPACE;

	protected $namespace = self::NAMESPACE;

	public function __construct( protected RequestScope $scope ) {
	}

	/**
	 * @return list<array{0: string, 1: string|callable, 2?: int, 3?: int}>
	 */
	public static function hooks(): array {
		return array(
			array( 'rest_api_init', 'register_routes' ),
		);
	}

	/**
	 * A person (never an agent) holding one of the capabilities.
	 *
	 * @param string ...$caps Any one suffices.
	 * @return true|\WP_Error
	 */
	protected function require_person_with( string ...$caps ) {
		if ( $this->scope->is_agent() ) {
			return new \WP_Error( 'agent_guard_forbidden', __( 'Agents cannot use the administration routes.', 'agent-guard' ), array( 'status' => 403 ) );
		}
		if ( ! is_user_logged_in() ) {
			return new \WP_Error( 'rest_not_logged_in', __( 'You are not currently logged in.', 'agent-guard' ), array( 'status' => 401 ) );
		}
		foreach ( $caps as $cap ) {
			if ( current_user_can( $cap ) ) {
				return true;
			}
		}
		return new \WP_Error( 'agent_guard_forbidden', __( 'Sorry, you are not allowed to do that.', 'agent-guard' ), array( 'status' => 403 ) );
	}

	/**
	 * Anyone who may see Agent Guard at all.
	 *
	 * @return true|\WP_Error
	 */
	public function can_view() {
		return $this->require_person_with( ...Capabilities::all() );
	}

	/**
	 * @return true|\WP_Error
	 */
	public function can_manage() {
		return $this->require_person_with( Capabilities::MANAGE );
	}

	/**
	 * Runs a use case and maps a domain exception to a WP_Error.
	 *
	 * @param callable(): mixed $use_case
	 * @return mixed|\WP_Error
	 */
	protected function run( callable $use_case ) {
		try {
			return $use_case();
		} catch ( DomainException $error ) {
			return ErrorMapper::to_wp_error( $error );
		}
	}

	/**
	 * The item schema of a schemas/<name>.schema.json file, in WordPress's REST format.
	 *
	 * @return array<string, mixed>
	 */
	protected function schema_from_file( string $name ): array {
		$schema            = JsonSchemas::get( $name );
		$schema['$schema'] = 'http://json-schema.org/draft-04/schema#';
		$schema['title']   = $schema['title'] ?? $name;
		return $schema;
	}

	/**
	 * `page` / `per_page` args (per_page at most 100).
	 *
	 * @return array<string, array<string, mixed>>
	 */
	protected function paging_args(): array {
		return array(
			'page'     => array(
				'type'    => 'integer',
				'minimum' => 1,
				'default' => 1,
			),
			'per_page' => array(
				'type'    => 'integer',
				'minimum' => 1,
				'maximum' => 100,
				'default' => 20,
			),
		);
	}

	/**
	 * A collection response with X-WP-Total and X-WP-TotalPages.
	 *
	 * @param list<mixed> $items
	 */
	protected function collection( array $items, int $total, int $per_page ): \WP_REST_Response {
		$response = rest_ensure_response( $items );
		$response->header( 'X-WP-Total', (string) $total );
		$response->header( 'X-WP-TotalPages', (string) max( 1, (int) ceil( $total / max( 1, $per_page ) ) ) );
		return $response;
	}

	/**
	 * Refuses body members the route does not declare (a payload where none belongs).
	 *
	 * @param list<string> $allowed
	 * @return true|\WP_Error
	 */
	protected function only_params( \WP_REST_Request $request, array $allowed ) {
		$body = $request->get_json_params();
		if ( ! is_array( $body ) ) {
			$body = $request->get_body_params();
		}
		foreach ( array_keys( (array) $body ) as $key ) {
			if ( ! in_array( $key, $allowed, true ) ) {
				return new \WP_Error(
					'agent_guard_unexpected_field',
					/* translators: %s: field name. */
					sprintf( __( '%s is not accepted by this route.', 'agent-guard' ), $key ),
					array(
						'status' => 400,
						'path'   => (string) $key,
					)
				);
			}
		}
		return true;
	}
}

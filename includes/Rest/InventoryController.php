<?php
/**
 * REST: the store's existing credentials and site settings.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Rest;

use AgentGuard\Application\AgentRegistry;
use AgentGuard\Domain\Audit\AuditEvent;
use AgentGuard\Domain\Audit\AuditLog;
use AgentGuard\Domain\Clock;
use AgentGuard\Infrastructure\Persistence\WpdbAdoptions;
use AgentGuard\Infrastructure\WooCommerce\CredentialInventory;
use AgentGuard\Infrastructure\WooCommerce\RequestScope;
use AgentGuard\Infrastructure\WordPress\Settings;

/**
 * `inventory` (WooCommerce keys and application passwords), `inventory/adopt`,
 * `inventory/adoptions/<id>` (release), `settings`. All need agent_guard_manage; adopting and
 * releasing are audited.
 *
 * @since 0.1.0
 */
final class InventoryController extends RestController {

	public function __construct(
		RequestScope $scope,
		private CredentialInventory $inventory,
		private WpdbAdoptions $adoptions,
		private AgentRegistry $registry,
		private Settings $settings,
		private AuditLog $audit,
		private Clock $clock
	) {
		parent::__construct( $scope );
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/inventory',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'list_credentials' ),
				'permission_callback' => array( $this, 'can_manage' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/inventory/adopt',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'adopt' ),
				'permission_callback' => array( $this, 'can_manage' ),
				'args'                => array(
					'kind'        => array(
						'type'     => 'string',
						'enum'     => array( WpdbAdoptions::KIND_WC_KEY, WpdbAdoptions::KIND_APP_PASSWORD ),
						'required' => true,
					),
					'external_id' => array(
						'type'      => 'string',
						'minLength' => 1,
						'maxLength' => 64,
						'required'  => true,
					),
					'agent_id'    => array(
						'type'     => 'integer',
						'minimum'  => 1,
						'required' => true,
					),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/inventory/adoptions/(?P<id>\d+)',
			array(
				'methods'             => \WP_REST_Server::DELETABLE,
				'callback'            => array( $this, 'release' ),
				'permission_callback' => array( $this, 'can_manage' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/settings',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_settings' ),
					'permission_callback' => array( $this, 'can_manage' ),
				),
				array(
					'methods'             => \WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_settings' ),
					'permission_callback' => array( $this, 'can_manage' ),
					'args'                => array(
						'refuse_unregistered_key_writes' => array( 'type' => 'boolean' ),
						'approval_email_minutes'         => array(
							'type'    => 'integer',
							'minimum' => 1,
							'maximum' => 1440,
						),
						'notify_approvers'               => array( 'type' => 'boolean' ),
					),
				),
			)
		);
	}

	public function list_credentials() {
		return rest_ensure_response( $this->inventory->all() );
	}

	public function adopt( $request ) {
		return $this->run(
			function () use ( $request ) {
				$agent = $this->registry->require_agent( (int) $request['agent_id'] );
				$item  = $this->inventory->find( (string) $request['kind'], (string) $request['external_id'] );
				if ( null === $item ) {
					return new \WP_Error( 'agent_guard_not_found', __( 'No such credential on this store.', 'agent-guard' ), array( 'status' => 404 ) );
				}
				$now = $this->clock->now();
				$id  = $this->adoptions->adopt( $agent->id, $item['kind'], $item['external_id'], (int) $item['user_id'], $item['label'] . ' ' . $item['hint'], get_current_user_id(), $now );
				$this->audit->append(
					AuditEvent::for_user_act(
						'credential_adopted',
						get_current_user_id(),
						$agent->id,
						$now,
						array(
							'kind'  => $item['kind'],
							'label' => $item['label'],
							'hint'  => $item['hint'],
							'user'  => $item['user_id'],
						),
						null,
						null,
						$item['kind'],
						$item['external_id']
					)
				);
				$response = rest_ensure_response( array( 'adoption_id' => $id ) + $item + array( 'agent_id' => $agent->id ) );
				$response->set_status( 201 );
				return $response;
			}
		);
	}

	public function release( $request ) {
		$row = $this->adoptions->release( (int) $request['id'] );
		if ( null === $row ) {
			return new \WP_Error( 'agent_guard_not_found', __( 'No such adoption.', 'agent-guard' ), array( 'status' => 404 ) );
		}
		$this->audit->append(
			AuditEvent::for_user_act( 'credential_released', get_current_user_id(), (int) $row['agent_id'], $this->clock->now(), array( 'kind' => $row['kind'], 'label' => $row['label'] ), null, null, (string) $row['kind'], (string) $row['external_id'] )
		);
		return rest_ensure_response(
			array(
				'released' => true,
				'id'       => (int) $row['id'],
			)
		);
	}

	public function get_settings() {
		return rest_ensure_response( $this->settings->all() );
	}

	public function update_settings( $request ) {
		$changes = array();
		foreach ( array_keys( Settings::DEFAULTS ) as $key ) {
			if ( null !== $request[ $key ] ) {
				$changes[ $key ] = $request[ $key ];
			}
		}
		$before = $this->settings->all();
		$after  = $this->settings->update( $changes );
		$this->audit->append( AuditEvent::for_user_act( 'settings_changed', get_current_user_id(), 0, $this->clock->now(), array(), $before, $after, 'settings', 'agent_guard' ) );
		return rest_ensure_response( $after );
	}
}

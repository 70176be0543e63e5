<?php
/**
 * webhooks, webhooks/<id>, webhooks/batch — after WC_REST_Webhooks_Controller (manage_woocommerce).
 * As in WooCommerce, a created webhook is always `active` whatever status was asked for, and
 * a ping is posted to its delivery URL.
 *
 * @package AgentGuard\Tests\WooCommerceStandIn
 */

defined( 'ABSPATH' ) || exit;

/**
 * Webhooks.
 */
class WC_Stand_In_REST_Webhooks_Controller extends WC_Stand_In_REST_Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'webhooks';

	/**
	 * Object name.
	 *
	 * @var string
	 */
	protected $post_type = 'shop_webhook';

	/**
	 * Routes.
	 */
	public function register_routes() {
		$this->register_standard_routes(
			array(
				'create_args' => array_merge(
					$this->get_endpoint_args_for_item_schema( WP_REST_Server::CREATABLE ),
					array(
						'topic'        => array(
							'required'    => true,
							'type'        => 'string',
							'description' => 'Webhook topic.',
						),
						'delivery_url' => array(
							'required'    => true,
							'type'        => 'string',
							'description' => 'Webhook delivery URL.',
						),
					)
				),
				'delete_args' => array(
					'force' => array(
						'default'     => false,
						'type'        => 'boolean',
						'description' => 'Required to be true, as resource does not support trashing.',
					),
				),
			)
		);
	}

	/**
	 * Schema properties.
	 *
	 * @return array
	 */
	protected function get_schema_properties() {
		return array(
			'id'                => self::readonly( 'integer' ),
			'name'              => self::field( 'string' ),
			'status'            => self::field( 'string', array( 'default' => 'active', 'enum' => array_keys( WC_Stand_In_Webhook::statuses() ) ) ),
			'topic'             => self::field( 'string' ),
			'resource'          => self::readonly( 'string' ),
			'event'             => self::readonly( 'string' ),
			'hooks'             => self::readonly( 'array', array( 'items' => array( 'type' => 'string' ) ) ),
			'delivery_url'      => self::readonly( 'string', array( 'format' => 'uri' ) ),
			'secret'            => self::field( 'string', array(), array( 'edit' ) ),
			'date_created'      => self::date_field( true ),
			'date_created_gmt'  => self::date_field( true ),
			'date_modified'     => self::date_field( true ),
			'date_modified_gmt' => self::date_field( true ),
		);
	}

	/**
	 * Collection parameters.
	 *
	 * @return array
	 */
	public function get_collection_params() {
		$crud = $this->crud_collection_params();
		return array(
			'context'  => $crud['context'],
			'page'     => $crud['page'],
			'per_page' => $crud['per_page'],
			'search'   => $crud['search'],
			'after'    => $crud['after'],
			'before'   => $crud['before'],
			'exclude'  => $crud['exclude'],
			'include'  => $crud['include'],
			'offset'   => $crud['offset'],
			'order'    => $crud['order'],
			'orderby'  => array(
				'default' => 'date',
				'type'    => 'string',
				'enum'    => array( 'date', 'id', 'title' ),
			),
			'status'   => array(
				'default' => 'all',
				'type'    => 'string',
				'enum'    => array( 'all', 'active', 'paused', 'disabled' ),
			),
		);
	}

	/**
	 * manage_woocommerce for everything.
	 *
	 * @param string          $action  Action.
	 * @param WP_REST_Request $request Request.
	 * @return bool
	 */
	protected function can( $action, $request ) {
		return wc_stand_in_check_manager_permissions( 'webhooks', 'list' === $action ? 'read' : $action );
	}

	/**
	 * GET webhooks.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ) {
		global $wpdb;
		$where = array( '1=1' );
		if ( 'all' !== $request['status'] ) {
			$where[] = $wpdb->prepare( 'status = %s', $request['status'] );
		}
		if ( ! empty( $request['search'] ) ) {
			$where[] = $wpdb->prepare( 'name LIKE %s', '%' . $wpdb->esc_like( $request['search'] ) . '%' );
		}
		if ( ! empty( $request['include'] ) ) {
			$where[] = 'webhook_id IN (' . implode( ',', array_map( 'absint', $request['include'] ) ) . ')';
		}
		if ( ! empty( $request['exclude'] ) ) {
			$where[] = 'webhook_id NOT IN (' . implode( ',', array_map( 'absint', $request['exclude'] ) ) . ')';
		}
		foreach ( array( 'after' => '>', 'before' => '<' ) as $param => $operator ) {
			if ( ! empty( $request[ $param ] ) ) {
				$where[] = $wpdb->prepare( "date_created_gmt {$operator} %s", gmdate( 'Y-m-d H:i:s', (int) wc_stand_in_parse_date( $request[ $param ] ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			}
		}
		$where    = implode( ' AND ', $where );
		$orderby  = array(
			'date'  => 'date_created_gmt',
			'id'    => 'webhook_id',
			'title' => 'name',
		)[ $request['orderby'] ] . ( 'asc' === $request['order'] ? ' ASC' : ' DESC' ) . ', webhook_id' . ( 'asc' === $request['order'] ? ' ASC' : ' DESC' );
		$per_page = (int) $request['per_page'];
		$offset   = ! empty( $request['offset'] ) ? (int) $request['offset'] : ( max( 1, (int) $request['page'] ) - 1 ) * $per_page;
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- $where and $orderby are built from prepared or whitelisted parts.
		$total = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}wc_webhooks WHERE {$where}" );
		$ids   = $wpdb->get_col( $wpdb->prepare( "SELECT webhook_id FROM {$wpdb->prefix}wc_webhooks WHERE {$where} ORDER BY {$orderby} LIMIT %d OFFSET %d", $per_page, $offset ) );
		// phpcs:enable
		$items = array();
		foreach ( $ids as $id ) {
			$items[] = $this->prepare_response_for_collection( $this->prepare_webhook( WC_Stand_In_Webhook::get( (int) $id ), $request ) );
		}
		return $this->paginate( $items, $total, (int) ceil( $total / max( 1, $per_page ) ), $request );
	}

	/**
	 * GET webhooks/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		$webhook = WC_Stand_In_Webhook::get( (int) $request['id'] );
		if ( ! $webhook ) {
			return new WP_Error( "woocommerce_rest_{$this->post_type}_invalid_id", 'ID is invalid.', array( 'status' => 404 ) );
		}
		return $this->prepare_webhook( $webhook, $request );
	}

	/**
	 * POST webhooks.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		if ( ! empty( $request['id'] ) ) {
			return new WP_Error( "woocommerce_rest_{$this->post_type}_exists", sprintf( 'Cannot create existing %s.', $this->post_type ), array( 'status' => 400 ) );
		}
		if ( empty( $request['topic'] ) || ! WC_Stand_In_Webhook::is_valid_topic( strtolower( $request['topic'] ) ) ) {
			return new WP_Error( "woocommerce_rest_{$this->post_type}_invalid_topic", 'Webhook topic is required and must be valid.', array( 'status' => 400 ) );
		}
		if ( empty( $request['delivery_url'] ) || ! self::is_valid_url( $request['delivery_url'] ) ) {
			return new WP_Error( "woocommerce_rest_{$this->post_type}_invalid_delivery_url", 'Webhook delivery URL must be a valid URL starting with http:// or https://.', array( 'status' => 400 ) );
		}
		$webhook = new WC_Stand_In_Webhook();
		$webhook->set( 'name', ! empty( $request['name'] ) ? $request['name'] : sprintf( 'Webhook created on %s', ( new DateTime( 'now' ) )->format( 'M d, Y @ h:i A' ) ) );
		$webhook->set( 'user_id', get_current_user_id() );
		$webhook->set( 'status', 'active' );
		$webhook->set( 'topic', $request['topic'] );
		$webhook->set( 'delivery_url', $request['delivery_url'] );
		$webhook->set( 'secret', ! empty( $request['secret'] ) ? $request['secret'] : wp_generate_password( 50, true, true ) );
		$webhook->set( 'api_version', (int) substr( $this->namespace, -1 ) );
		$webhook->set( 'pending_delivery', 1 );
		$webhook->save();
		do_action( 'woocommerce_rest_insert_webhook_object', $webhook, $request, true );
		$request->set_param( 'context', 'edit' );
		$response = $this->created( $this->prepare_webhook( $webhook, $request ), $webhook->get_id() );
		$webhook->deliver_ping();
		return $response;
	}

	/**
	 * PUT webhooks/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( $request ) {
		$webhook = WC_Stand_In_Webhook::get( (int) $request['id'] );
		if ( ! $webhook ) {
			return new WP_Error( "woocommerce_rest_{$this->post_type}_invalid_id", 'ID is invalid.', array( 'status' => 400 ) );
		}
		if ( ! empty( $request['topic'] ) ) {
			if ( ! WC_Stand_In_Webhook::is_valid_topic( strtolower( $request['topic'] ) ) ) {
				return new WP_Error( "woocommerce_rest_{$this->post_type}_invalid_topic", 'Webhook topic must be valid.', array( 'status' => 400 ) );
			}
			$webhook->set( 'topic', $request['topic'] );
		}
		if ( ! empty( $request['delivery_url'] ) ) {
			if ( ! self::is_valid_url( $request['delivery_url'] ) ) {
				return new WP_Error( "woocommerce_rest_{$this->post_type}_invalid_delivery_url", 'Webhook delivery URL must be a valid URL starting with http:// or https://.', array( 'status' => 400 ) );
			}
			$webhook->set( 'delivery_url', $request['delivery_url'] );
		}
		if ( ! empty( $request['secret'] ) ) {
			$webhook->set( 'secret', $request['secret'] );
		}
		if ( ! empty( $request['status'] ) ) {
			if ( ! array_key_exists( strtolower( $request['status'] ), WC_Stand_In_Webhook::statuses() ) ) {
				return new WP_Error( "woocommerce_rest_{$this->post_type}_invalid_status", 'Webhook status must be valid.', array( 'status' => 400 ) );
			}
			$webhook->set( 'status', $request['status'] );
		}
		if ( ! empty( $request['name'] ) ) {
			$webhook->set( 'name', $request['name'] );
		}
		$webhook->save();
		do_action( 'woocommerce_rest_insert_webhook_object', $webhook, $request, false );
		$request->set_param( 'context', 'edit' );
		return rest_ensure_response( $this->prepare_webhook( $webhook, $request ) );
	}

	/**
	 * DELETE webhooks/<id> (force only).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function delete_item( $request ) {
		if ( empty( $request['force'] ) ) {
			return new WP_Error( 'woocommerce_rest_trash_not_supported', 'Webhooks do not support trashing.', array( 'status' => 501 ) );
		}
		$webhook = WC_Stand_In_Webhook::get( (int) $request['id'] );
		if ( ! $webhook ) {
			return new WP_Error( "woocommerce_rest_{$this->post_type}_invalid_id", 'Invalid ID.', array( 'status' => 404 ) );
		}
		$request->set_param( 'context', 'edit' );
		$response = $this->prepare_webhook( $webhook, $request );
		if ( ! $webhook->delete() ) {
			return new WP_Error( 'woocommerce_rest_cannot_delete', sprintf( 'The %s cannot be deleted.', $this->post_type ), array( 'status' => 500 ) );
		}
		do_action( 'woocommerce_rest_delete_webhook_object', $webhook, $response, $request );
		return $response;
	}

	/**
	 * wc_is_valid_url(): a URL with an http or https scheme.
	 *
	 * @param string $url URL.
	 * @return bool
	 */
	private static function is_valid_url( $url ) {
		return false !== filter_var( $url, FILTER_VALIDATE_URL ) && in_array( wp_parse_url( $url, PHP_URL_SCHEME ), array( 'http', 'https' ), true );
	}

	/**
	 * The REST representation of a webhook.
	 *
	 * @param WC_Stand_In_Webhook $webhook Webhook.
	 * @param WP_REST_Request     $request Request.
	 * @return WP_REST_Response
	 */
	private function prepare_webhook( $webhook, $request ) {
		$data = array(
			'id'           => $webhook->get_id(),
			'name'         => $webhook->get_name(),
			'status'       => $webhook->get_status(),
			'topic'        => $webhook->get_topic(),
			'resource'     => $webhook->get_resource(),
			'event'        => $webhook->get_event(),
			'hooks'        => $webhook->get_hooks(),
			'delivery_url' => $webhook->get_delivery_url(),
		) + self::date_pair( 'date_created', $webhook->get_date_created() ) + self::date_pair( 'date_modified', $webhook->get_date_modified() );
		return $this->finish_response( $data, $request, $this->item_links( $webhook->get_id() ), "woocommerce_rest_prepare_{$this->post_type}", $webhook );
	}
}

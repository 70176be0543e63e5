<?php
/**
 * Webhooks as WC_Webhook: rows of {prefix}wc_webhooks; each active webhook listens to its
 * topic's hooks (woocommerce_new_product, woocommerce_update_order, wp_trash_post…), checks
 * `woocommerce_webhook_should_deliver`, queues, and at shutdown POSTs the payload (the REST
 * representation of the resource as the webhook's user sees it, through
 * `woocommerce_webhook_payload`) with wp_safe_remote_request() and WooCommerce's X-WC-Webhook-*
 * headers. Like wc_webhook_execute_queue(), deliveries go through the
 * `woocommerce_deliver_webhook_async` action (handled by wc_deliver_webhook_async()) unless
 * `woocommerce_webhook_deliver_async` is false, in which case deliver() is called directly.
 * Difference: WooCommerce schedules that action in Action Scheduler (it runs later, from
 * WP-Cron); the stand-in runs it at the end of the same request, so tests can observe it.
 *
 * @package AgentGuard\Tests\WooCommerceStandIn
 */

defined( 'ABSPATH' ) || exit;

/**
 * One webhook.
 */
class WC_Stand_In_Webhook {

	/**
	 * Deliveries queued in this request.
	 *
	 * @var array<int,array{webhook:WC_Stand_In_Webhook,arg:mixed}>
	 */
	private static $queue = array();

	/**
	 * Id.
	 *
	 * @var int
	 */
	private $id = 0;

	/**
	 * Row data.
	 *
	 * @var array
	 */
	private $data = array(
		'status'            => 'disabled',
		'name'              => '',
		'user_id'           => 0,
		'delivery_url'      => '',
		'secret'            => '',
		'topic'             => '',
		'date_created_gmt'  => null,
		'date_modified_gmt' => null,
		'api_version'       => 3,
		'failure_count'     => 0,
		'pending_delivery'  => 0,
	);

	/**
	 * Args already queued by this webhook in this request.
	 *
	 * @var array
	 */
	private $processed = array();

	/**
	 * Hooks: load active webhooks, deliver at shutdown.
	 */
	public static function register() {
		add_action( 'init', array( __CLASS__, 'load_active' ), 20 );
		add_action( 'shutdown', array( __CLASS__, 'execute_queue' ) );
		add_action( 'woocommerce_deliver_webhook_async', 'wc_deliver_webhook_async', 10, 2 );
	}

	/**
	 * Loads a webhook.
	 *
	 * @param int $id Id.
	 * @return self|null
	 */
	public static function get( $id ) {
		global $wpdb;
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$wpdb->prefix}wc_webhooks WHERE webhook_id = %d", $id ), ARRAY_A );
		if ( ! $row ) {
			return null;
		}
		$webhook     = new self();
		$webhook->id = (int) $row['webhook_id'];
		foreach ( array_keys( $webhook->data ) as $key ) {
			$webhook->data[ $key ] = $row[ $key ] ?? null;
		}
		foreach ( array( 'date_created_gmt', 'date_modified_gmt' ) as $key ) {
			if ( '0000-00-00 00:00:00' === $webhook->data[ $key ] ) {
				$webhook->data[ $key ] = null;
			}
		}
		return $webhook;
	}

	/**
	 * Ids of stored webhooks.
	 *
	 * @param string $status Only this status; all when empty.
	 * @return int[]
	 */
	public static function ids( $status = '' ) {
		global $wpdb;
		if ( $status ) {
			return array_map( 'intval', $wpdb->get_col( $wpdb->prepare( "SELECT webhook_id FROM {$wpdb->prefix}wc_webhooks WHERE status = %s ORDER BY webhook_id", $status ) ) );
		}
		return array_map( 'intval', $wpdb->get_col( "SELECT webhook_id FROM {$wpdb->prefix}wc_webhooks ORDER BY webhook_id" ) );
	}

	/**
	 * Enqueues every active webhook (wc_load_webhooks( 'active' )).
	 */
	public static function load_active() {
		global $wpdb;
		if ( get_option( 'wc_stand_in_db_version' ) && $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}wc_webhooks WHERE status = 'active'" ) ) {
			foreach ( self::ids( 'active' ) as $id ) {
				$webhook = self::get( $id );
				if ( $webhook ) {
					$webhook->enqueue();
				}
			}
		}
	}

	/**
	 * Delivers what was queued in this request.
	 */
	public static function execute_queue() {
		$queue       = self::$queue;
		self::$queue = array();
		foreach ( $queue as $item ) {
			if ( apply_filters( 'woocommerce_webhook_deliver_async', true, $item['webhook'], $item['arg'] ) ) {
				do_action( 'woocommerce_deliver_webhook_async', $item['webhook']->get_id(), $item['arg'] );
			} else {
				$item['webhook']->deliver( $item['arg'] );
			}
		}
	}

	/**
	 * Inserts or updates the row.
	 */
	public function save() {
		global $wpdb;
		$now = current_time( 'mysql', true );
		$row = array(
			'status'       => $this->data['status'],
			'name'         => $this->data['name'],
			'user_id'      => (int) $this->data['user_id'],
			'delivery_url' => $this->data['delivery_url'],
			'secret'       => $this->data['secret'],
			'topic'        => $this->data['topic'],
			'api_version'  => (int) $this->data['api_version'],
			'failure_count' => (int) $this->data['failure_count'],
			'pending_delivery' => (int) $this->data['pending_delivery'],
		);
		if ( $this->id ) {
			$row['date_modified']     = get_date_from_gmt( $now );
			$row['date_modified_gmt'] = $now;
			$wpdb->update( $wpdb->prefix . 'wc_webhooks', $row, array( 'webhook_id' => $this->id ) );
			$this->data['date_modified_gmt'] = $now;
			do_action( 'woocommerce_webhook_updated', $this->id );
		} else {
			$row['date_created']     = get_date_from_gmt( $now );
			$row['date_created_gmt'] = $now;
			$wpdb->insert( $wpdb->prefix . 'wc_webhooks', $row );
			$this->id                       = (int) $wpdb->insert_id;
			$this->data['date_created_gmt'] = $now;
			do_action( 'woocommerce_new_webhook', $this->id, $this );
		}
	}

	/**
	 * Deletes the row.
	 *
	 * @return bool
	 */
	public function delete() {
		global $wpdb;
		$deleted = (bool) $wpdb->delete( $wpdb->prefix . 'wc_webhooks', array( 'webhook_id' => $this->id ) );
		do_action( 'woocommerce_webhook_deleted', $this->id, $this );
		return $deleted;
	}

	/**
	 * Listens to the topic's hooks.
	 */
	public function enqueue() {
		if ( $this->get_delivery_url() ) {
			foreach ( $this->get_hooks() as $hook ) {
				add_action( $hook, array( $this, 'process' ) );
			}
		}
	}

	/**
	 * A hook of the topic fired: queue a delivery unless told not to.
	 *
	 * @param mixed $arg First hook argument (usually the resource id).
	 * @return mixed
	 */
	public function process( $arg ) {
		if ( ! $this->should_deliver( $arg ) ) {
			return $arg;
		}
		$this->processed[] = $arg;
		do_action( 'woocommerce_webhook_process_delivery', $this, $arg );
		self::$queue[] = array(
			'webhook' => $this,
			'arg'     => $arg,
		);
		return $arg;
	}

	/**
	 * Active, valid topic, resource of the right kind and state, not queued yet; then the filter.
	 *
	 * @param mixed $arg First hook argument.
	 * @return bool
	 */
	private function should_deliver( $arg ) {
		$deliver = 'active' === $this->get_status() && self::is_valid_topic( $this->get_topic() ) && $this->is_valid_resource( $arg ) && ! in_array( $arg, $this->processed, true );
		return (bool) apply_filters( 'woocommerce_webhook_should_deliver', $deliver, $this, $arg );
	}

	/**
	 * The resource fits the topic (post type, no drafts; customers for customer.deleted).
	 *
	 * @param mixed $arg First hook argument.
	 * @return bool
	 */
	private function is_valid_resource( $arg ) {
		$resource = $this->get_resource();
		$action   = current_action();
		if ( in_array( $action, array( 'wp_trash_post', 'untrashed_post', 'delete_post' ), true ) ) {
			$post_type = get_post_type( absint( $arg ) );
			if ( ! in_array( $post_type, array( 'shop_coupon', 'shop_order', 'product' ), true ) || str_replace( 'shop_', '', $post_type ) !== $resource ) {
				return false;
			}
		}
		if ( 'delete_user' === $action ) {
			return wc_stand_in_user_has_role( absint( $arg ), 'customer' );
		}
		if ( in_array( $resource, array( 'product', 'coupon' ), true ) && in_array( get_post_status( absint( $arg ) ), array( 'auto-draft', 'new' ), true ) ) {
			return false;
		}
		if ( 'order' === $resource ) {
			$order = WC_Stand_In_Orders::read( absint( $arg ) );
			if ( ! $order || in_array( $order['status'], array( 'draft', 'auto-draft', 'new', 'checkout-draft' ), true ) ) {
				return false;
			}
		}
		return true;
	}

	/**
	 * wc_is_webhook_valid_topic().
	 *
	 * @param string $topic Topic.
	 * @return bool
	 */
	public static function is_valid_topic( $topic ) {
		if ( in_array( $topic, array( 'action.woocommerce_login_credentials', 'action.woocommerce_product_csv_importer_check_import_file_path', 'action.woocommerce_webhook_should_deliver' ), true ) ) {
			return false;
		}
		if ( str_starts_with( $topic, 'action.woocommerce_' ) || str_starts_with( $topic, 'action.wc_' ) ) {
			return true;
		}
		$parts     = explode( '.', (string) $topic );
		$resources = apply_filters( 'woocommerce_valid_webhook_resources', array( 'coupon', 'customer', 'order', 'product' ) );
		$events    = apply_filters( 'woocommerce_valid_webhook_events', array( 'created', 'updated', 'deleted', 'restored' ) );
		return isset( $parts[1] ) && in_array( $parts[0], $resources, true ) && in_array( $parts[1], $events, true );
	}

	/**
	 * Builds and posts the payload, then logs through woocommerce_webhook_delivery.
	 *
	 * @param mixed $arg First hook argument.
	 */
	public function deliver( $arg ) {
		$start   = microtime( true );
		$payload = $this->build_payload( $arg );
		$args    = array(
			'method'      => 'POST',
			'timeout'     => MINUTE_IN_SECONDS,
			'redirection' => 0,
			'httpversion' => '1.0',
			'blocking'    => true,
			'user-agent'  => sprintf( 'WooCommerce/%s Hookshot (WordPress/%s)', WC_STAND_IN_WC_VERSION, $GLOBALS['wp_version'] ),
			'body'        => trim( (string) wp_json_encode( $payload ) ),
			'headers'     => array( 'Content-Type' => 'application/json' ),
			'cookies'     => array(),
		);
		$args = apply_filters( 'woocommerce_webhook_http_args', $args, $arg, $this->get_id() );

		$args['headers']['X-WC-Webhook-Source']      = home_url( '/' );
		$args['headers']['X-WC-Webhook-Topic']       = $this->get_topic();
		$args['headers']['X-WC-Webhook-Resource']    = $this->get_resource();
		$args['headers']['X-WC-Webhook-Event']       = $this->get_event();
		$args['headers']['X-WC-Webhook-Signature']   = $this->generate_signature( $args['body'] );
		$args['headers']['X-WC-Webhook-ID']          = $this->get_id();
		$args['headers']['X-WC-Webhook-Delivery-ID'] = wp_hash( $this->get_id() . strtotime( 'now' ) );

		$response = wp_safe_remote_request( $this->get_delivery_url(), $args );
		$code     = (int) wp_remote_retrieve_response_code( $response );
		if ( $code >= 200 && $code < 303 ) {
			$this->data['failure_count'] = 0;
		} elseif ( (int) $this->data['failure_count'] > apply_filters( 'woocommerce_max_webhook_delivery_failures', 5 ) ) {
			$this->data['status'] = 'disabled';
			do_action( 'woocommerce_webhook_disabled_due_delivery_failures', $this->get_id() );
		} else {
			$this->data['failure_count'] = (int) $this->data['failure_count'] + 1;
		}
		$this->save();
		do_action( 'woocommerce_webhook_delivery', $args, $response, round( microtime( true ) - $start, 5 ), $arg, $this->get_id() );
	}

	/**
	 * The payload: { id } for deleted resources, else the resource read through REST as the
	 * webhook's user; `action` topics send { action, arg }.
	 *
	 * @param mixed $resource_id First hook argument.
	 * @return mixed
	 */
	public function build_payload( $resource_id ) {
		$current_user = get_current_user_id();
		wp_set_current_user( $this->get_user_id() );
		$resource = $this->get_resource();
		if ( 'deleted' === $this->get_event() ) {
			$payload = array( 'id' => $resource_id );
		} elseif ( 'action' === $resource ) {
			$payload = array(
				'action' => current( $this->get_hooks() ),
				'arg'    => $resource_id,
			);
		} elseif ( in_array( $resource, array( 'coupon', 'customer', 'order', 'product' ), true ) ) {
			$version  = max( 1, (int) $this->data['api_version'] );
			$response = rest_do_request( new WP_REST_Request( 'GET', sprintf( '/wc/v%d/%ss/%d', $version, $resource, $resource_id ) ) );
			$payload  = json_decode( (string) wp_json_encode( rest_get_server()->response_to_data( $response, false ) ), true );
		} else {
			$payload = array();
		}
		wp_set_current_user( $current_user );
		return apply_filters( 'woocommerce_webhook_payload', $payload, $resource, $resource_id, $this->get_id() );
	}

	/**
	 * Base64 HMAC of the body with the secret (SHA-256 unless filtered).
	 *
	 * @param string $payload Body.
	 * @return string
	 */
	public function generate_signature( $payload ) {
		$algorithm = apply_filters( 'woocommerce_webhook_hash_algorithm', 'sha256', $payload, $this->get_id() );
		return base64_encode( hash_hmac( $algorithm, $payload, wp_specialchars_decode( $this->get_secret(), ENT_QUOTES ), true ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode
	}

	/**
	 * The ping WooCommerce sends when a webhook is created; a 200 clears pending_delivery.
	 *
	 * @return true|WP_Error
	 */
	public function deliver_ping() {
		$response = wp_safe_remote_post(
			$this->get_delivery_url(),
			array(
				'user-agent' => sprintf( 'WooCommerce/%s Hookshot (WordPress/%s)', WC_STAND_IN_WC_VERSION, $GLOBALS['wp_version'] ),
				'body'       => 'webhook_id=' . $this->get_id(),
			)
		);
		if ( is_wp_error( $response ) ) {
			return new WP_Error( 'error', 'Error: Delivery URL cannot be reached: ' . $response->get_error_message() );
		}
		if ( 200 !== wp_remote_retrieve_response_code( $response ) ) {
			return new WP_Error( 'error', 'Error: Delivery URL returned response code: ' . absint( wp_remote_retrieve_response_code( $response ) ) );
		}
		$this->data['pending_delivery'] = 0;
		$this->save();
		return true;
	}

	/**
	 * Hooks of each topic, as WC_Webhook::get_topic_hooks().
	 *
	 * @return string[]
	 */
	public function get_hooks() {
		if ( 'action' === $this->get_resource() ) {
			$hooks = array( $this->get_event() );
		} else {
			$topic_hooks = apply_filters(
				'woocommerce_webhook_topic_hooks',
				array(
					'coupon.created'   => array( 'woocommerce_process_shop_coupon_meta', 'woocommerce_new_coupon' ),
					'coupon.updated'   => array( 'woocommerce_process_shop_coupon_meta', 'woocommerce_update_coupon' ),
					'coupon.deleted'   => array( 'wp_trash_post' ),
					'coupon.restored'  => array( 'untrashed_post' ),
					'customer.created' => array( 'user_register', 'woocommerce_created_customer', 'woocommerce_new_customer' ),
					'customer.updated' => array( 'profile_update', 'woocommerce_update_customer' ),
					'customer.deleted' => array( 'delete_user' ),
					'order.created'    => array( 'woocommerce_new_order' ),
					'order.updated'    => array( 'woocommerce_update_order', 'woocommerce_order_refunded' ),
					'order.deleted'    => array( 'wp_trash_post', 'woocommerce_trash_order' ),
					'order.restored'   => array( 'untrashed_post', 'woocommerce_untrash_order' ),
					'product.created'  => array( 'woocommerce_process_product_meta', 'woocommerce_new_product', 'woocommerce_new_product_variation' ),
					'product.updated'  => array( 'woocommerce_process_product_meta', 'woocommerce_update_product', 'woocommerce_update_product_variation' ),
					'product.deleted'  => array( 'wp_trash_post' ),
					'product.restored' => array( 'untrashed_post' ),
				),
				$this
			);
			$hooks       = $topic_hooks[ $this->get_topic() ] ?? array();
		}
		return apply_filters( 'woocommerce_webhook_hooks', $hooks, $this->get_id() );
	}

	/**
	 * Id.
	 *
	 * @return int
	 */
	public function get_id() {
		return $this->id;
	}

	/**
	 * Name.
	 *
	 * @return string
	 */
	public function get_name() {
		return apply_filters( 'woocommerce_webhook_name', (string) $this->data['name'], $this->id );
	}

	/**
	 * Status: active, paused or disabled.
	 *
	 * @return string
	 */
	public function get_status() {
		return apply_filters( 'woocommerce_webhook_status', (string) $this->data['status'], $this->id );
	}

	/**
	 * Topic, e.g. product.updated.
	 *
	 * @return string
	 */
	public function get_topic() {
		return apply_filters( 'woocommerce_webhook_topic', (string) $this->data['topic'], $this->id );
	}

	/**
	 * Resource: the topic's first part.
	 *
	 * @return string
	 */
	public function get_resource() {
		$topic = explode( '.', $this->get_topic() );
		return apply_filters( 'woocommerce_webhook_resource', $topic[0], $this->id );
	}

	/**
	 * Event: the topic's second part.
	 *
	 * @return string
	 */
	public function get_event() {
		$topic = explode( '.', $this->get_topic() );
		return apply_filters( 'woocommerce_webhook_event', $topic[1] ?? '', $this->id );
	}

	/**
	 * Delivery URL.
	 *
	 * @return string
	 */
	public function get_delivery_url() {
		return apply_filters( 'woocommerce_webhook_delivery_url', (string) $this->data['delivery_url'], $this->id );
	}

	/**
	 * Secret.
	 *
	 * @return string
	 */
	public function get_secret() {
		return apply_filters( 'woocommerce_webhook_secret', (string) $this->data['secret'], $this->id );
	}

	/**
	 * Owner, whose permissions build the payload.
	 *
	 * @return int
	 */
	public function get_user_id() {
		return (int) $this->data['user_id'];
	}

	/**
	 * API version as WooCommerce names it: wp_api_v3.
	 *
	 * @return string
	 */
	public function get_api_version() {
		return 'wp_api_v' . (int) $this->data['api_version'];
	}

	/**
	 * Failed deliveries in a row.
	 *
	 * @return int
	 */
	public function get_failure_count() {
		return (int) $this->data['failure_count'];
	}

	/**
	 * Whether the ping has not succeeded yet.
	 *
	 * @return bool
	 */
	public function get_pending_delivery() {
		return (bool) $this->data['pending_delivery'];
	}

	/**
	 * Creation date, GMT MySQL datetime.
	 *
	 * @return string|null
	 */
	public function get_date_created() {
		return $this->data['date_created_gmt'];
	}

	/**
	 * Modification date, GMT MySQL datetime.
	 *
	 * @return string|null
	 */
	public function get_date_modified() {
		return $this->data['date_modified_gmt'];
	}

	/**
	 * Sets a prop (status, name, user_id, delivery_url, secret, topic, api_version).
	 *
	 * @param string $key   Prop.
	 * @param mixed  $value Value.
	 */
	public function set( $key, $value ) {
		if ( 'status' === $key && ! array_key_exists( $value, self::statuses() ) ) {
			$value = 'disabled';
		}
		if ( 'topic' === $key && ! self::is_valid_topic( $value ) ) {
			$value = '';
		}
		if ( 'delivery_url' === $key ) {
			$value = esc_url_raw( $value, array( 'http', 'https' ) );
		}
		$this->data[ $key ] = $value;
	}

	/**
	 * Statuses (wc_get_webhook_statuses()).
	 *
	 * @return array<string,string>
	 */
	public static function statuses() {
		return apply_filters(
			'woocommerce_webhook_statuses',
			array(
				'active'   => 'Active',
				'paused'   => 'Paused',
				'disabled' => 'Disabled',
			)
		);
	}
}

if ( ! function_exists( 'wc_deliver_webhook_async' ) ) {
	/**
	 * Delivers a queued webhook, as WooCommerce's handler of `woocommerce_deliver_webhook_async`.
	 *
	 * @param int   $webhook_id Webhook id.
	 * @param mixed $arg        First argument of the hook that queued it.
	 */
	function wc_deliver_webhook_async( $webhook_id, $arg ) {
		$webhook = WC_Stand_In_Webhook::get( (int) $webhook_id );
		if ( $webhook ) {
			$webhook->deliver( $arg );
		}
	}
}

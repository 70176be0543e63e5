<?php
/**
 * Consumer key / secret authentication, as WC_REST_Authentication: Basic auth (or the
 * consumer_key / consumer_secret query parameters) over HTTPS only, OAuth 1.0a one-legged
 * signatures (HMAC-SHA1 / HMAC-SHA256) otherwise; the key's read / write permission is
 * enforced by HTTP method on rest_pre_dispatch; last_access is recorded.
 *
 * @package AgentGuard\Tests\WooCommerceStandIn
 */

defined( 'ABSPATH' ) || exit;

/**
 * REST API authentication.
 */
class WC_Stand_In_Authentication {

	/**
	 * Authentication error.
	 *
	 * @var WP_Error|null
	 */
	protected $error = null;

	/**
	 * The key row of the authenticated request.
	 *
	 * @var stdClass|null
	 */
	protected $user = null;

	/**
	 * basic_auth or oauth1.
	 *
	 * @var string
	 */
	protected $auth_method = '';

	/**
	 * The one instance.
	 *
	 * @return self
	 */
	public static function instance() {
		static $instance;
		if ( ! isset( $instance ) ) {
			$instance = new self();
		}
		return $instance;
	}

	/**
	 * Hooks, with WooCommerce's priorities.
	 */
	public function register() {
		add_filter( 'determine_current_user', array( $this, 'authenticate' ), 15 );
		add_filter( 'rest_authentication_errors', array( $this, 'authentication_fallback' ) );
		add_filter( 'rest_authentication_errors', array( $this, 'check_authentication_error' ), 15 );
		add_filter( 'rest_post_dispatch', array( $this, 'send_unauthorized_headers' ), 50 );
		add_filter( 'rest_pre_dispatch', array( $this, 'check_user_permissions' ), 10, 3 );
	}

	/**
	 * Whether the request goes to a wc/ (or wc-) REST namespace.
	 *
	 * @return bool
	 */
	protected function is_request_to_rest_api() {
		if ( empty( $_SERVER['REQUEST_URI'] ) ) {
			return false;
		}
		$prefix = trailingslashit( rest_get_url_prefix() );
		$uri    = esc_url_raw( wp_unslash( $_SERVER['REQUEST_URI'] ) );
		$ours   = str_contains( $uri, $prefix . 'wc/' ) || str_contains( $uri, $prefix . 'wc-' );
		return (bool) apply_filters( 'woocommerce_rest_is_request_to_rest_api', $ours );
	}

	/**
	 * determine_current_user callback.
	 *
	 * @param int|false $user_id User id found so far.
	 * @return int|false
	 */
	public function authenticate( $user_id ) {
		if ( ! empty( $user_id ) || ! $this->is_request_to_rest_api() ) {
			return $user_id;
		}
		if ( is_ssl() ) {
			$user_id = $this->perform_basic_authentication();
		}
		if ( $user_id ) {
			return $user_id;
		}
		return $this->perform_oauth_authentication();
	}

	/**
	 * Authenticates late when the current user was determined before this plugin loaded.
	 *
	 * @param WP_Error|null|bool $error Error so far.
	 * @return WP_Error|null|bool
	 */
	public function authentication_fallback( $error ) {
		if ( ! empty( $error ) ) {
			return $error;
		}
		if ( empty( $this->error ) && empty( $this->auth_method ) && empty( $this->user ) && 0 === get_current_user_id() ) {
			$user_id = $this->authenticate( false );
			if ( $user_id ) {
				wp_set_current_user( $user_id );
				return true;
			}
		}
		return $error;
	}

	/**
	 * Reports the authentication error, if any.
	 *
	 * @param WP_Error|null|bool $error Error so far.
	 * @return WP_Error|null|bool
	 */
	public function check_authentication_error( $error ) {
		if ( ! empty( $error ) ) {
			return $error;
		}
		return $this->error;
	}

	/**
	 * Records an error and forgets the key.
	 *
	 * @param WP_Error $error Error.
	 */
	protected function set_error( $error ) {
		$this->user  = null;
		$this->error = $error;
	}

	/**
	 * Basic auth with consumer key and secret (HTTPS only).
	 *
	 * @return int|false
	 */
	private function perform_basic_authentication() {
		// phpcs:disable WordPress.Security.NonceVerification.Recommended, WordPress.Security.ValidatedSanitizedInput
		$this->auth_method = 'basic_auth';
		$consumer_key      = '';
		$consumer_secret   = '';
		if ( ! empty( $_GET['consumer_key'] ) && ! empty( $_GET['consumer_secret'] ) ) {
			$consumer_key    = (string) $_GET['consumer_key'];
			$consumer_secret = (string) $_GET['consumer_secret'];
		}
		if ( ! $consumer_key && ! empty( $_SERVER['PHP_AUTH_USER'] ) && ! empty( $_SERVER['PHP_AUTH_PW'] ) ) {
			$consumer_key    = (string) $_SERVER['PHP_AUTH_USER'];
			$consumer_secret = (string) $_SERVER['PHP_AUTH_PW'];
		}
		// phpcs:enable
		if ( ! $consumer_key || ! $consumer_secret ) {
			return false;
		}
		$this->user = $this->get_user_data_by_consumer_key( $consumer_key );
		if ( empty( $this->user ) ) {
			return false;
		}
		if ( ! hash_equals( $this->user->consumer_secret, $consumer_secret ) ) {
			$this->set_error( new WP_Error( 'woocommerce_rest_authentication_error', 'Consumer secret is invalid.', array( 'status' => 401 ) ) );
			return false;
		}
		return (int) $this->user->user_id;
	}

	/**
	 * Parses an `Authorization: OAuth …` header.
	 *
	 * @param string $header Header value.
	 * @return array
	 */
	public function parse_header( $header ) {
		if ( 'OAuth ' !== substr( $header, 0, 6 ) ) {
			return array();
		}
		$params = array();
		if ( preg_match_all( '/(oauth_[a-z_-]*)=(:?"([^"]*)"|([^,]*))/', $header, $matches ) ) {
			foreach ( $matches[1] as $i => $name ) {
				$params[ $name ] = urldecode( empty( $matches[3][ $i ] ) ? $matches[4][ $i ] : $matches[3][ $i ] );
			}
		}
		return $params;
	}

	/**
	 * The Authorization header.
	 *
	 * @return string
	 */
	public function get_authorization_header() {
		if ( ! empty( $_SERVER['HTTP_AUTHORIZATION'] ) ) {
			return wp_unslash( $_SERVER['HTTP_AUTHORIZATION'] ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized
		}
		if ( function_exists( 'getallheaders' ) ) {
			foreach ( (array) getallheaders() as $key => $value ) {
				if ( 'authorization' === strtolower( $key ) ) {
					return $value;
				}
			}
		}
		return '';
	}

	/**
	 * OAuth parameters from the query, the form body or the Authorization header.
	 *
	 * @return array
	 */
	public function get_oauth_parameters() {
		$params = wp_unslash( array_merge( $_GET, $_POST ) ); // phpcs:ignore WordPress.Security.NonceVerification
		$header = trim( $this->get_authorization_header() );
		if ( '' !== $header ) {
			$header_params = $this->parse_header( $header );
			if ( $header_params ) {
				$params = array_merge( $params, $header_params );
			}
		}
		$names    = array( 'oauth_consumer_key', 'oauth_timestamp', 'oauth_nonce', 'oauth_signature', 'oauth_signature_method' );
		$missing  = array();
		$have_one = false;
		foreach ( $names as $name ) {
			if ( empty( $params[ $name ] ) ) {
				$missing[] = $name;
			} else {
				$have_one = true;
			}
		}
		if ( ! $have_one ) {
			return array();
		}
		if ( $missing ) {
			$message = sprintf( 1 === count( $missing ) ? 'Missing OAuth parameter %s' : 'Missing OAuth parameters %s', implode( ', ', $missing ) );
			$this->set_error( new WP_Error( 'woocommerce_rest_authentication_missing_parameter', $message, array( 'status' => 401 ) ) );
			return array();
		}
		return $params;
	}

	/**
	 * OAuth 1.0a one-legged authentication for plain HTTP.
	 *
	 * @return int|false
	 */
	private function perform_oauth_authentication() {
		$this->auth_method = 'oauth1';
		$params            = $this->get_oauth_parameters();
		if ( empty( $params ) ) {
			return false;
		}
		$this->user = $this->get_user_data_by_consumer_key( $params['oauth_consumer_key'] );
		if ( empty( $this->user ) ) {
			$this->set_error( new WP_Error( 'woocommerce_rest_authentication_error', 'Consumer key is invalid.', array( 'status' => 401 ) ) );
			return false;
		}
		$signature = $this->check_oauth_signature( $this->user, $params );
		if ( is_wp_error( $signature ) ) {
			$this->set_error( $signature );
			return false;
		}
		$nonce = $this->check_oauth_timestamp_and_nonce( $this->user, $params['oauth_timestamp'], $params['oauth_nonce'] );
		if ( is_wp_error( $nonce ) ) {
			$this->set_error( $nonce );
			return false;
		}
		return (int) $this->user->user_id;
	}

	/**
	 * Verifies the signature over METHOD & base URL & sorted, RFC 3986-encoded parameters.
	 *
	 * @param stdClass $user   Key row.
	 * @param array    $params Request parameters.
	 * @return true|WP_Error
	 */
	private function check_oauth_signature( $user, $params ) {
		// phpcs:disable WordPress.Security.ValidatedSanitizedInput
		$http_method  = isset( $_SERVER['REQUEST_METHOD'] ) ? strtoupper( $_SERVER['REQUEST_METHOD'] ) : '';
		$request_path = isset( $_SERVER['REQUEST_URI'] ) ? (string) wp_parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) : '';
		// phpcs:enable
		$wp_base = get_home_url( null, '/', 'relative' );
		if ( substr( $request_path, 0, strlen( $wp_base ) ) === $wp_base ) {
			$request_path = substr( $request_path, strlen( $wp_base ) );
		}
		$base_request_uri   = rawurlencode( get_home_url( null, $request_path, is_ssl() ? 'https' : 'http' ) );
		$consumer_signature = rawurldecode( str_replace( ' ', '+', $params['oauth_signature'] ) );
		unset( $params['oauth_signature'] );
		uksort( $params, 'strcmp' );
		$params         = $this->normalize_parameters( $params );
		$query_string   = implode( '%26', $this->join_with_equals_sign( $params ) );
		$string_to_sign = $http_method . '&' . $base_request_uri . '&' . $query_string;

		if ( 'HMAC-SHA1' !== $params['oauth_signature_method'] && 'HMAC-SHA256' !== $params['oauth_signature_method'] ) {
			return new WP_Error( 'woocommerce_rest_authentication_error', 'Invalid signature - signature method is invalid.', array( 'status' => 401 ) );
		}
		$algorithm = strtolower( str_replace( 'HMAC-', '', $params['oauth_signature_method'] ) );
		$signature = base64_encode( hash_hmac( $algorithm, $string_to_sign, $user->consumer_secret . '&', true ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode
		if ( ! hash_equals( $signature, $consumer_signature ) ) {
			return new WP_Error( 'woocommerce_rest_authentication_error', 'Invalid signature - provided signature does not match.', array( 'status' => 401 ) );
		}
		return true;
	}

	/**
	 * RFC 3986 encoding, arrays included.
	 *
	 * @param string|array $value Value.
	 * @return string|array
	 */
	private function urlencode_rfc3986( $value ) {
		if ( is_array( $value ) ) {
			return array_map( array( $this, 'urlencode_rfc3986' ), $value );
		}
		return str_replace( array( '+', '%7E' ), array( ' ', '~' ), rawurlencode( (string) $value ) );
	}

	/**
	 * key=value strings, nested arrays as key%5Bsub%5D.
	 *
	 * @param array  $params       Parameters.
	 * @param array  $query_params Accumulator.
	 * @param string $key          Parent key.
	 * @return string[]
	 */
	private function join_with_equals_sign( $params, $query_params = array(), $key = '' ) {
		foreach ( $params as $param_key => $param_value ) {
			if ( $key ) {
				$param_key = $key . '%5B' . $param_key . '%5D';
			}
			if ( is_array( $param_value ) ) {
				$query_params = $this->join_with_equals_sign( $param_value, $query_params, $param_key );
			} else {
				$query_params[] = $this->urlencode_rfc3986( $param_key . '=' . $param_value );
			}
		}
		return $query_params;
	}

	/**
	 * Encodes keys and values.
	 *
	 * @param array $parameters Parameters.
	 * @return array
	 */
	private function normalize_parameters( $parameters ) {
		return array_combine( $this->urlencode_rfc3986( array_keys( $parameters ) ), $this->urlencode_rfc3986( array_values( $parameters ) ) );
	}

	/**
	 * A timestamp within 15 minutes and a nonce not used within them (stored on the key row).
	 *
	 * @param stdClass   $user      Key row.
	 * @param int|string $timestamp Timestamp.
	 * @param string     $nonce     Nonce.
	 * @return true|WP_Error
	 */
	private function check_oauth_timestamp_and_nonce( $user, $timestamp, $nonce ) {
		global $wpdb;
		$window = 15 * MINUTE_IN_SECONDS;
		if ( $timestamp < time() - $window || $timestamp > time() + $window ) {
			return new WP_Error( 'woocommerce_rest_authentication_error', 'Invalid timestamp.', array( 'status' => 401 ) );
		}
		$used = maybe_unserialize( $user->nonces );
		$used = is_array( $used ) ? $used : array();
		if ( in_array( $nonce, $used, true ) ) {
			return new WP_Error( 'woocommerce_rest_authentication_error', 'Invalid nonce - nonce has already been used.', array( 'status' => 401 ) );
		}
		$used[ $timestamp ] = $nonce;
		foreach ( array_keys( $used ) as $used_at ) {
			if ( $used_at < time() - $window ) {
				unset( $used[ $used_at ] );
			}
		}
		$wpdb->update( $wpdb->prefix . 'woocommerce_api_keys', array( 'nonces' => maybe_serialize( $used ) ), array( 'key_id' => $user->key_id ), array( '%s' ), array( '%d' ) );
		return true;
	}

	/**
	 * The key row for a consumer key.
	 *
	 * @param string $consumer_key Consumer key.
	 * @return stdClass|null
	 */
	private function get_user_data_by_consumer_key( $consumer_key ) {
		global $wpdb;
		return $wpdb->get_row(
			$wpdb->prepare(
				"SELECT key_id, user_id, permissions, consumer_key, consumer_secret, nonces FROM {$wpdb->prefix}woocommerce_api_keys WHERE consumer_key = %s",
				wc_api_hash( sanitize_text_field( $consumer_key ) )
			)
		);
	}

	/**
	 * read keys may GET/HEAD, write keys may POST/PUT/PATCH/DELETE, read_write keys both.
	 *
	 * @param string $method HTTP method.
	 * @return true|WP_Error
	 */
	private function check_permissions( $method ) {
		$permissions = $this->user->permissions;
		switch ( $method ) {
			case 'HEAD':
			case 'GET':
				if ( 'read' !== $permissions && 'read_write' !== $permissions ) {
					return new WP_Error( 'woocommerce_rest_authentication_error', 'The API key provided does not have read permissions.', array( 'status' => 401 ) );
				}
				break;
			case 'POST':
			case 'PUT':
			case 'PATCH':
			case 'DELETE':
				if ( 'write' !== $permissions && 'read_write' !== $permissions ) {
					return new WP_Error( 'woocommerce_rest_authentication_error', 'The API key provided does not have write permissions.', array( 'status' => 401 ) );
				}
				break;
			case 'OPTIONS':
				return true;
			default:
				return new WP_Error( 'woocommerce_rest_authentication_error', 'Unknown request method.', array( 'status' => 401 ) );
		}
		return true;
	}

	/**
	 * Records the key's last access when the dispatched request is the HTTP request itself.
	 *
	 * @param WP_REST_Request $request Request.
	 */
	private function update_last_access( $request ) {
		global $wp, $wpdb;
		$do_not_record = true;
		if ( $wp instanceof WP && $request instanceof WP_REST_Request ) {
			$actual = trim( (string) $wp->request, '/' );
			$prefix = trailingslashit( rest_get_url_prefix() );
			if ( str_starts_with( $actual, $prefix ) ) {
				$actual = substr( $actual, strlen( $prefix ) );
			}
			$do_not_record = trim( $request->get_route(), '/' ) !== $actual;
		}
		if ( apply_filters( 'woocommerce_disable_rest_api_access_log', $do_not_record, $this->user->key_id, $this->user->user_id ) ) {
			return;
		}
		$wpdb->update( $wpdb->prefix . 'woocommerce_api_keys', array( 'last_access' => current_time( 'mysql' ) ), array( 'key_id' => $this->user->key_id ), array( '%s' ), array( '%d' ) );
	}

	/**
	 * WWW-Authenticate on failed Basic auth.
	 *
	 * @param WP_REST_Response $response Response.
	 * @return WP_REST_Response
	 */
	public function send_unauthorized_headers( $response ) {
		if ( is_wp_error( $this->error ) && 'basic_auth' === $this->auth_method ) {
			$response->header( 'WWW-Authenticate', 'Basic realm="WooCommerce API. Use a consumer key in the username field and a consumer secret in the password field."', true );
		}
		return $response;
	}

	/**
	 * rest_pre_dispatch: key permissions by method, then last access.
	 *
	 * @param mixed           $result  Result so far.
	 * @param WP_REST_Server  $server  Server.
	 * @param WP_REST_Request $request Request.
	 * @return mixed
	 */
	public function check_user_permissions( $result, $server, $request ) {
		if ( $this->user ) {
			$allowed = $this->check_permissions( $request->get_method() );
			if ( is_wp_error( $allowed ) ) {
				return $allowed;
			}
			$this->update_last_access( $request );
		}
		return $result;
	}
}

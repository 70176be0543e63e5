<?php
/**
 * customers, customers/<id>, customers/batch — after WC_REST_Customers_Controller: WordPress
 * users with billing_* / shipping_* user meta, user capabilities (list_users, promote_users,
 * edit_users, delete_users; shop managers only reach customers).
 *
 * @package AgentGuard\Tests\WooCommerceStandIn
 */

defined( 'ABSPATH' ) || exit;

/**
 * Customers.
 */
class WC_Stand_In_REST_Customers_Controller extends WC_Stand_In_REST_Controller {

	/**
	 * Address fields in the customer order.
	 */
	const BILLING  = array( 'first_name', 'last_name', 'company', 'address_1', 'address_2', 'city', 'postcode', 'country', 'state', 'email', 'phone' );
	const SHIPPING = array( 'first_name', 'last_name', 'company', 'address_1', 'address_2', 'city', 'postcode', 'country', 'state', 'phone' );

	/**
	 * User meta keys that are customer props.
	 */
	const INTERNAL_META = array( 'locale', 'billing_postcode', 'billing_city', 'billing_address_1', 'billing_address_2', 'billing_state', 'billing_country', 'shipping_postcode', 'shipping_city', 'shipping_address_1', 'shipping_address_2', 'shipping_state', 'shipping_country', 'paying_customer', 'last_update', 'first_name', 'last_name', 'display_name', 'show_admin_bar_front', 'use_ssl', 'admin_color', 'rich_editing', 'comment_shortcuts', 'dismissed_wp_pointers', 'show_welcome_panel', 'session_tokens', 'nickname', 'description', 'billing_first_name', 'billing_last_name', 'billing_company', 'billing_phone', 'billing_email', 'shipping_first_name', 'shipping_last_name', 'shipping_company', 'shipping_phone', 'wptests_capabilities', 'wptests_user_level', 'syntax_highlighting', '_order_count', '_money_spent', '_last_order', '_woocommerce_tracks_anon_id' );

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'customers';

	/**
	 * Object name.
	 *
	 * @var string
	 */
	protected $post_type = 'customer';

	/**
	 * Routes.
	 */
	public function register_routes() {
		$this->register_standard_routes(
			array(
				'delete_args' => array(
					'force'    => array(
						'default'     => false,
						'type'        => 'boolean',
						'description' => 'Required to be true, as resource does not support trashing.',
					),
					'reassign' => array(
						'default'     => 0,
						'type'        => 'integer',
						'description' => 'ID to reassign posts to.',
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
			'id'                 => self::readonly( 'integer' ),
			'date_created'       => self::date_field( true ),
			'date_created_gmt'   => self::date_field( true ),
			'date_modified'      => self::date_field( true ),
			'date_modified_gmt'  => self::date_field( true ),
			'email'              => self::field( 'string', array( 'format' => 'email' ) ),
			'first_name'         => self::field( 'string', array( 'arg_options' => array( 'sanitize_callback' => 'sanitize_text_field' ) ) ),
			'last_name'          => self::field( 'string', array( 'arg_options' => array( 'sanitize_callback' => 'sanitize_text_field' ) ) ),
			'role'               => self::readonly( 'string' ),
			'username'           => self::field( 'string', array( 'arg_options' => array( 'sanitize_callback' => 'sanitize_user' ) ) ),
			'password'           => self::field( 'string', array(), array( 'edit' ) ),
			'billing'            => self::address_field( self::BILLING, array( 'email' => self::field( 'string', array( 'format' => 'email' ) ) ) ),
			'shipping'           => self::address_field( self::SHIPPING ),
			'is_paying_customer' => self::readonly( 'boolean' ),
			'avatar_url'         => self::readonly( 'string' ),
			'meta_data'          => self::meta_data_field(),
		);
	}

	/**
	 * Email is required on create (and WooCommerce drops its format check there).
	 *
	 * @param string $method HTTP method.
	 * @return array
	 */
	public function get_endpoint_args_for_item_schema( $method = WP_REST_Server::CREATABLE ) {
		$args = parent::get_endpoint_args_for_item_schema( $method );
		if ( WP_REST_Server::CREATABLE === $method ) {
			$args['email']['required'] = true;
			unset( $args['email']['format'] );
		}
		return $args;
	}

	/**
	 * Collection parameters.
	 *
	 * @return array
	 */
	public function get_collection_params() {
		$crud  = $this->crud_collection_params();
		$roles = array_merge( array( 'all' ), array_keys( wp_roles()->get_names() ) );
		return array(
			'context'  => $crud['context'],
			'page'     => $crud['page'],
			'per_page' => $crud['per_page'],
			'search'   => $crud['search'],
			'exclude'  => $crud['exclude'],
			'include'  => $crud['include'],
			'offset'   => $crud['offset'],
			'order'    => array(
				'default' => 'asc',
				'type'    => 'string',
				'enum'    => array( 'asc', 'desc' ),
			),
			'orderby'  => array(
				'default' => 'name',
				'type'    => 'string',
				'enum'    => array( 'id', 'include', 'name', 'registered_date' ),
			),
			'email'    => array(
				'type'   => 'string',
				'format' => 'email',
			),
			'role'     => array(
				'default' => 'customer',
				'type'    => 'string',
				'enum'    => $roles,
			),
		);
	}

	/**
	 * User permissions (wc_rest_check_user_permissions()).
	 *
	 * @param string          $action  list, read, create, edit, delete or batch.
	 * @param WP_REST_Request $request Request.
	 * @return bool
	 */
	protected function can( $action, $request ) {
		$single = in_array( $action, array( 'read', 'edit', 'delete' ), true );
		return wc_stand_in_check_user_permissions( 'list' === $action ? 'read' : $action, $single ? (int) $request['id'] : 0 );
	}

	/**
	 * GET customers.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ) {
		$per_page = (int) $request['per_page'];
		$args     = array(
			'exclude' => $request['exclude'],
			'include' => $request['include'],
			'order'   => $request['order'],
			'number'  => $per_page,
			'offset'  => ! empty( $request['offset'] ) ? (int) $request['offset'] : ( (int) $request['page'] - 1 ) * $per_page,
			'orderby' => array(
				'id'              => 'ID',
				'include'         => 'include',
				'name'            => 'display_name',
				'registered_date' => 'registered',
			)[ $request['orderby'] ],
			'search'  => empty( $request['search'] ) ? '' : '*' . $request['search'] . '*',
		);
		if ( ! empty( $request['email'] ) ) {
			$args['search']         = $request['email'];
			$args['search_columns'] = array( 'user_email' );
		}
		if ( 'all' !== $request['role'] ) {
			$args['role'] = $request['role'];
		}
		$args  = apply_filters( 'woocommerce_rest_customer_query', $args, $request );
		$query = new WP_User_Query( $args );
		$users = array();
		foreach ( $query->get_results() as $user ) {
			$users[] = $this->prepare_response_for_collection( $this->prepare_customer( $user, $request ) );
		}
		$total = (int) $query->get_total();
		if ( $total < 1 ) {
			unset( $args['number'], $args['offset'] );
			$total = (int) ( new WP_User_Query( $args + array( 'fields' => 'ID' ) ) )->get_total();
		}
		return $this->paginate( $users, $total, (int) ceil( $total / max( 1, $per_page ) ), $request );
	}

	/**
	 * GET customers/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		$user = get_userdata( (int) $request['id'] );
		if ( ! $user ) {
			return new WP_Error( 'woocommerce_rest_invalid_id', 'Invalid resource ID.', array( 'status' => 404 ) );
		}
		return $this->prepare_customer( $user, $request );
	}

	/**
	 * POST customers, as wc_create_new_customer() (generated username and password when
	 * missing; the `default_password_nag` flag then set).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		if ( ! empty( $request['id'] ) ) {
			return new WP_Error( 'woocommerce_rest_customer_exists', 'Cannot create existing resource.', array( 'status' => 400 ) );
		}
		$email = sanitize_email( (string) $request['email'] );
		if ( ! is_email( $email ) ) {
			return new WP_Error( 'customer_invalid_email', 'Invalid email address', array( 'status' => 400 ) );
		}
		if ( email_exists( $email ) ) {
			return new WP_Error( 'registration-error-email-exists', sprintf( 'An account is already registered with %s. Please log in or use a different email address.', $email ), array( 'status' => 400 ) );
		}
		$username = sanitize_user( (string) $request['username'] );
		if ( '' === $username ) {
			// wc_create_new_customer_username() without names: the e-mail's local part.
			$local    = strstr( $email, '@', true );
			$local    = in_array( $local, array( 'sales', 'hello', 'mail', 'contact', 'info' ), true ) ? substr( strstr( $email, '@' ), 1 ) : $local;
			$base     = strtolower( sanitize_user( $local, true ) );
			$username = $base;
			while ( username_exists( $username ) ) {
				$username = $base . '-' . zeroise( wp_rand( 0, 9999 ), 4 );
			}
		} elseif ( ! validate_username( $username ) ) {
			return new WP_Error( 'registration-error-invalid-username', 'Please enter a valid account username.', array( 'status' => 400 ) );
		} elseif ( username_exists( $username ) ) {
			return new WP_Error( 'registration-error-username-exists', 'An account is already registered with that username. Please choose another.', array( 'status' => 400 ) );
		}
		$password  = (string) $request['password'];
		$generated = '' === $password;
		$user_id   = wp_insert_user(
			array(
				'user_login' => $username,
				'user_pass'  => $generated ? wp_generate_password() : $password,
				'user_email' => $email,
				'role'       => 'customer',
				'first_name' => (string) $request['first_name'],
				'last_name'  => (string) $request['last_name'],
			)
		);
		if ( is_wp_error( $user_id ) ) {
			return new WP_Error( $user_id->get_error_code(), $user_id->get_error_message(), array( 'status' => 400 ) );
		}
		if ( $generated ) {
			update_user_option( $user_id, 'default_password_nag', true, true );
		}
		do_action( 'woocommerce_created_customer', $user_id, array( 'user_login' => $username, 'user_email' => $email ), $generated );
		$this->update_meta_fields( $user_id, $request );
		do_action( 'woocommerce_new_customer', $user_id, new WC_Stand_In_Object( $user_id, 'customer' ) );
		$user = get_userdata( $user_id );
		do_action( 'woocommerce_rest_insert_customer', $user, $request, true );
		$request->set_param( 'context', 'edit' );
		return $this->created( $this->prepare_customer( $user, $request ), $user_id );
	}

	/**
	 * PUT customers/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( $request ) {
		$user = get_userdata( (int) $request['id'] );
		if ( ! $user ) {
			return new WP_Error( 'woocommerce_rest_invalid_id', 'Invalid resource ID.', array( 'status' => 400 ) );
		}
		if ( ! empty( $request['email'] ) && email_exists( $request['email'] ) && $request['email'] !== $user->user_email ) {
			return new WP_Error( 'woocommerce_rest_customer_invalid_email', 'Email address is invalid.', array( 'status' => 400 ) );
		}
		if ( ! empty( $request['username'] ) && $request['username'] !== $user->user_login ) {
			return new WP_Error( 'woocommerce_rest_customer_invalid_argument', "Username isn't editable.", array( 'status' => 400 ) );
		}
		$changes = array( 'ID' => $user->ID );
		if ( isset( $request['email'] ) ) {
			$changes['user_email'] = sanitize_email( $request['email'] );
		}
		if ( isset( $request['password'] ) && '' !== $request['password'] ) {
			$changes['user_pass'] = $request['password'];
		}
		if ( count( $changes ) > 1 ) {
			$updated = wp_update_user( $changes );
			if ( is_wp_error( $updated ) ) {
				return new WP_Error( $updated->get_error_code(), $updated->get_error_message(), array( 'status' => 400 ) );
			}
		}
		$this->update_meta_fields( $user->ID, $request );
		do_action( 'woocommerce_update_customer', $user->ID, new WC_Stand_In_Object( $user->ID, 'customer' ) );
		$user = get_userdata( $user->ID );
		do_action( 'woocommerce_rest_insert_customer', $user, $request, false );
		$request->set_param( 'context', 'edit' );
		return rest_ensure_response( $this->prepare_customer( $user, $request ) );
	}

	/**
	 * DELETE customers/<id> (force only, optional reassign).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function delete_item( $request ) {
		$id       = (int) $request['id'];
		$reassign = isset( $request['reassign'] ) ? absint( $request['reassign'] ) : null;
		if ( empty( $request['force'] ) ) {
			return new WP_Error( 'woocommerce_rest_trash_not_supported', 'Customers do not support trashing.', array( 'status' => 501 ) );
		}
		$user = get_userdata( $id );
		if ( ! $user ) {
			return new WP_Error( 'woocommerce_rest_invalid_id', 'Invalid resource id.', array( 'status' => 400 ) );
		}
		if ( $reassign && ( $reassign === $id || ! get_userdata( $reassign ) ) ) {
			return new WP_Error( 'woocommerce_rest_customer_invalid_reassign', 'Invalid resource id for reassignment.', array( 'status' => 400 ) );
		}
		$request->set_param( 'context', 'edit' );
		$response = $this->prepare_customer( $user, $request );
		require_once ABSPATH . 'wp-admin/includes/user.php';
		if ( ! wp_delete_user( $id, $reassign ? $reassign : null ) ) {
			return new WP_Error( 'woocommerce_rest_cannot_delete', 'The resource cannot be deleted.', array( 'status' => 500 ) );
		}
		do_action( 'woocommerce_rest_delete_customer', $user, $response, $request );
		return $response;
	}

	/**
	 * first_name, last_name, billing, shipping, meta_data; last_update.
	 *
	 * @param int             $user_id User id.
	 * @param WP_REST_Request $request Request.
	 */
	private function update_meta_fields( $user_id, $request ) {
		foreach ( array( 'first_name', 'last_name' ) as $key ) {
			if ( isset( $request[ $key ] ) ) {
				update_user_meta( $user_id, $key, self::clean( $request[ $key ] ) );
			}
		}
		foreach ( array( 'billing' => self::BILLING, 'shipping' => self::SHIPPING ) as $type => $fields ) {
			if ( isset( $request[ $type ] ) && is_array( $request[ $type ] ) ) {
				foreach ( $request[ $type ] as $field => $value ) {
					if ( in_array( $field, $fields, true ) ) {
						update_user_meta( $user_id, $type . '_' . $field, 'email' === $field ? sanitize_email( (string) $value ) : self::clean( $value ) );
					}
				}
			}
		}
		if ( is_array( $request['meta_data'] ) ) {
			WC_Stand_In_Meta::write( 'user', $user_id, $request['meta_data'], self::INTERNAL_META );
		}
		update_user_meta( $user_id, 'last_update', (string) time() );
	}

	/**
	 * sanitize_text_field() for scalars, as wc_clean().
	 *
	 * @param mixed $value Value.
	 * @return string
	 */
	private static function clean( $value ) {
		return is_scalar( $value ) ? sanitize_text_field( (string) $value ) : '';
	}

	/**
	 * The REST representation of a customer.
	 *
	 * @param WP_User         $user    User.
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	private function prepare_customer( $user, $request ) {
		$modified = get_user_meta( $user->ID, 'last_update', true );
		$data     = array(
			'id'                 => $user->ID,
		) + self::date_pair( 'date_created', $user->user_registered ) + self::date_pair( 'date_modified', $modified ? (int) $modified : null ) + array(
			'email'              => $user->user_email,
			'first_name'         => $user->first_name,
			'last_name'          => $user->last_name,
			'role'               => (string) current( $user->roles ),
			'username'           => $user->user_login,
			'billing'            => array(),
			'shipping'           => array(),
			'is_paying_customer' => (bool) get_user_meta( $user->ID, 'paying_customer', true ),
			'avatar_url'         => get_avatar_url( $user->user_email ),
		);
		if ( wc_stand_in_user_has_role( wp_get_current_user(), 'administrator' ) ) {
			$data['meta_data'] = WC_Stand_In_Meta::read( 'user', $user->ID, self::INTERNAL_META );
		}
		foreach ( array( 'billing' => self::BILLING, 'shipping' => self::SHIPPING ) as $type => $fields ) {
			foreach ( $fields as $field ) {
				$data[ $type ][ $field ] = (string) get_user_meta( $user->ID, $type . '_' . $field, true );
			}
		}
		return $this->finish_response( $data, $request, $this->item_links( $user->ID ), 'woocommerce_rest_prepare_customer', $user );
	}
}

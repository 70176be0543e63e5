<?php
/**
 * Shared REST plumbing, after WC_REST_Controller / WC_REST_CRUD_Controller: route shapes,
 * collection parameters, the batch endpoint (items applied by calling create_item /
 * update_item / delete_item directly with new WP_REST_Request objects, never through
 * rest_do_request, so rest_pre_dispatch does not fire per item), post-backed collections
 * and deletion with trash.
 *
 * @package AgentGuard\Tests\WooCommerceStandIn
 */

defined( 'ABSPATH' ) || exit;

/**
 * Base controller.
 */
abstract class WC_Stand_In_REST_Controller extends WP_REST_Controller {

	/**
	 * Post type (or object name) used in WooCommerce's error codes and hook names.
	 *
	 * @var string
	 */
	protected $post_type = '';

	/**
	 * Constructor.
	 *
	 * @param string $namespace wc/v3 or wc/v2.
	 */
	public function __construct( $namespace = 'wc/v3' ) {
		$this->namespace = $namespace;
	}

	/**
	 * The resource's properties (JSON Schema), in WooCommerce's order.
	 *
	 * @return array
	 */
	abstract protected function get_schema_properties();

	/**
	 * Item schema.
	 *
	 * @return array
	 */
	public function get_item_schema() {
		if ( ! $this->schema ) {
			$this->schema = array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => $this->post_type,
				'type'       => 'object',
				'properties' => $this->get_schema_properties(),
			);
		}
		return $this->add_additional_fields_schema( $this->schema );
	}

	/**
	 * A read/write field.
	 *
	 * @param string|array $type    JSON type(s).
	 * @param array        $extra   More schema keywords.
	 * @param string[]     $context Contexts.
	 * @return array
	 */
	protected static function field( $type, array $extra = array(), array $context = array( 'view', 'edit' ) ) {
		return array_merge(
			array(
				'type'    => $type,
				'context' => $context,
			),
			$extra
		);
	}

	/**
	 * A read-only field.
	 *
	 * @param string|array $type  JSON type(s).
	 * @param array        $extra More schema keywords.
	 * @return array
	 */
	protected static function readonly( $type, array $extra = array() ) {
		return self::field( $type, array( 'readonly' => true ) + $extra );
	}

	/**
	 * A date field (date-time, which WooCommerce turns into [null, string] for clients).
	 *
	 * @param bool $readonly Read-only.
	 * @return array
	 */
	protected static function date_field( $readonly = false ) {
		return self::field( array( 'null', 'string' ), $readonly ? array( 'readonly' => true ) : array() );
	}

	/**
	 * The `meta_data` property.
	 *
	 * @return array
	 */
	protected static function meta_data_field() {
		return self::field(
			'array',
			array(
				'items' => array(
					'type'       => 'object',
					'properties' => array(
						'id'    => self::readonly( 'integer' ),
						'key'   => self::field( 'string' ),
						'value' => self::field( array( 'null', 'object', 'string', 'number', 'boolean', 'integer', 'array' ) ),
					),
				),
			)
		);
	}

	/**
	 * An image object property.
	 *
	 * @return array
	 */
	protected static function image_field() {
		return self::field(
			'object',
			array(
				'properties' => array(
					'id'                => self::field( 'integer' ),
					'date_created'      => self::date_field( true ),
					'date_created_gmt'  => self::date_field( true ),
					'date_modified'     => self::date_field( true ),
					'date_modified_gmt' => self::date_field( true ),
					'src'               => self::field( 'string', array( 'format' => 'uri' ) ),
					'name'              => self::field( 'string' ),
					'alt'               => self::field( 'string' ),
				),
			)
		);
	}

	/**
	 * An address object property.
	 *
	 * @param string[] $fields    Fields.
	 * @param array    $overrides Per-field schema overrides.
	 * @return array
	 */
	protected static function address_field( array $fields, array $overrides = array() ) {
		$properties = array();
		foreach ( $fields as $field ) {
			$properties[ $field ] = $overrides[ $field ] ?? self::field( 'string' );
		}
		return self::field( 'object', array( 'properties' => $properties ) );
	}

	/**
	 * Registers the collection, item and batch routes as WooCommerce shapes them.
	 *
	 * @param array $options item, batch, route_args (extra URL args), delete_args.
	 */
	protected function register_standard_routes( array $options = array() ) {
		$route_args = $options['route_args'] ?? array();
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				'args'   => $route_args,
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
					'args'                => $this->get_collection_params(),
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'create_item_permissions_check' ),
					'args'                => $options['create_args'] ?? $this->get_endpoint_args_for_item_schema( WP_REST_Server::CREATABLE ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		$endpoints = array(
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_item' ),
				'permission_callback' => array( $this, 'get_item_permissions_check' ),
				'args'                => array( 'context' => $this->get_context_param( array( 'default' => 'view' ) ) ),
			),
		);
		if ( $options['update'] ?? true ) {
			$endpoints[] = array(
				'methods'             => WP_REST_Server::EDITABLE,
				'callback'            => array( $this, 'update_item' ),
				'permission_callback' => array( $this, 'update_item_permissions_check' ),
				'args'                => $options['update_args'] ?? $this->get_endpoint_args_for_item_schema( WP_REST_Server::EDITABLE ),
			);
		}
		$endpoints[] = array(
			'methods'             => WP_REST_Server::DELETABLE,
			'callback'            => array( $this, 'delete_item' ),
			'permission_callback' => array( $this, 'delete_item_permissions_check' ),
			'args'                => $options['delete_args'] ?? array(
				'force' => array(
					'default'     => false,
					'type'        => 'boolean',
					'description' => 'Whether to bypass trash and force deletion.',
				),
			),
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)',
			array_merge(
				array(
					'args' => $route_args + array(
						'id' => array(
							'description' => 'Unique identifier for the resource.',
							'type'        => 'integer',
						),
					),
				),
				$endpoints,
				array( 'schema' => array( $this, 'get_public_item_schema' ) )
			)
		);
		if ( $options['batch'] ?? true ) {
			register_rest_route(
				$this->namespace,
				'/' . $this->rest_base . '/batch',
				array(
					'args'   => $route_args,
					array(
						'methods'             => WP_REST_Server::EDITABLE,
						'callback'            => array( $this, 'batch_items' ),
						'permission_callback' => array( $this, 'batch_items_permissions_check' ),
						'args'                => $options['batch_args'] ?? $this->get_endpoint_args_for_item_schema( WP_REST_Server::EDITABLE ),
					),
					'schema' => array( $this, 'get_public_batch_schema' ),
				)
			);
		}
	}

	/**
	 * WooCommerce's collection parameters for post-backed resources.
	 *
	 * @param string[] $orderby      orderby enum.
	 * @param bool     $hierarchical Add parent / parent_exclude.
	 * @return array
	 */
	protected function crud_collection_params( array $orderby = array( 'date', 'id', 'include', 'title', 'slug', 'modified' ), $hierarchical = false ) {
		$ids    = array(
			'type'              => 'array',
			'items'             => array( 'type' => 'integer' ),
			'default'           => array(),
			'sanitize_callback' => 'wp_parse_id_list',
		);
		$params = array(
			'context'         => $this->get_context_param( array( 'default' => 'view' ) ),
			'page'            => array(
				'description'       => 'Current page of the collection.',
				'type'              => 'integer',
				'default'           => 1,
				'sanitize_callback' => 'absint',
				'validate_callback' => 'rest_validate_request_arg',
				'minimum'           => 1,
			),
			'per_page'        => array(
				'description'       => 'Maximum number of items to be returned in result set.',
				'type'              => 'integer',
				'default'           => 10,
				'minimum'           => 1,
				'maximum'           => 100,
				'sanitize_callback' => 'absint',
				'validate_callback' => 'rest_validate_request_arg',
			),
			'search'          => array(
				'type'              => 'string',
				'sanitize_callback' => 'sanitize_text_field',
				'validate_callback' => 'rest_validate_request_arg',
			),
			'after'           => array(
				'type'   => 'string',
				'format' => 'date-time',
			),
			'before'          => array(
				'type'   => 'string',
				'format' => 'date-time',
			),
			'modified_after'  => array(
				'type'   => 'string',
				'format' => 'date-time',
			),
			'modified_before' => array(
				'type'   => 'string',
				'format' => 'date-time',
			),
			'dates_are_gmt'   => array(
				'type'    => 'boolean',
				'default' => false,
			),
			'exclude'         => $ids,
			'include'         => $ids,
			'offset'          => array(
				'type'              => 'integer',
				'sanitize_callback' => 'absint',
				'validate_callback' => 'rest_validate_request_arg',
			),
			'order'           => array(
				'type'    => 'string',
				'default' => 'desc',
				'enum'    => array( 'asc', 'desc' ),
			),
			'orderby'         => array(
				'type'    => 'string',
				'default' => 'date',
				'enum'    => $orderby,
			),
		);
		if ( $hierarchical ) {
			$params['parent']         = $ids;
			$params['parent_exclude'] = $ids;
		}
		return $params;
	}

	/**
	 * WP_Query arguments from the standard collection parameters.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array
	 */
	protected function prepare_objects_query( $request ) {
		$args = array(
			'post_type'           => $this->post_type,
			'post_status'         => 'any',
			'paged'               => (int) $request['page'],
			'posts_per_page'      => (int) $request['per_page'],
			'order'               => strtoupper( (string) $request['order'] ),
			'orderby'             => 'date' === $request['orderby'] ? 'date ID' : ( 'include' === $request['orderby'] ? 'post__in' : ( 'id' === $request['orderby'] ? 'ID' : (string) $request['orderby'] ) ),
			'post__in'            => (array) $request['include'],
			'post__not_in'        => (array) $request['exclude'],
			's'                   => (string) $request['search'],
			'ignore_sticky_posts' => true,
		);
		if ( isset( $request['offset'] ) ) {
			$args['offset'] = (int) $request['offset'];
		}
		if ( ! empty( $request['slug'] ) ) {
			$args['name'] = $request['slug'];
		}
		if ( ! empty( $request['parent'] ) ) {
			$args['post_parent__in'] = (array) $request['parent'];
		}
		if ( ! empty( $request['parent_exclude'] ) ) {
			$args['post_parent__not_in'] = (array) $request['parent_exclude'];
		}
		$date_query = array();
		$gmt        = (bool) $request['dates_are_gmt'];
		foreach ( array( 'before' => 'post_date', 'after' => 'post_date', 'modified_before' => 'post_modified', 'modified_after' => 'post_modified' ) as $param => $column ) {
			if ( isset( $request[ $param ] ) ) {
				$date_query[] = array(
					'column'                                 => $gmt ? $column . '_gmt' : $column,
					str_replace( 'modified_', '', $param ) => $request[ $param ],
				);
			}
		}
		if ( $date_query ) {
			$args['date_query'] = $date_query + array( 'relation' => 'AND' );
		}
		return $args;
	}

	/**
	 * Runs a post query and sends the page with X-WP-Total / X-WP-TotalPages and Link headers.
	 *
	 * @param array           $query_args WP_Query args.
	 * @param WP_REST_Request $request    Request.
	 * @param callable        $prepare    fn( int $id ): WP_REST_Response|null.
	 * @return WP_REST_Response
	 */
	protected function respond_with_posts( array $query_args, $request, callable $prepare ) {
		$query_args['fields'] = 'ids';
		$query                = new WP_Query();
		$ids                  = $query->query( $query_args );
		$total                = (int) $query->found_posts;
		if ( $total < 1 && $query_args['paged'] > 1 ) {
			unset( $query_args['paged'] );
			$count = new WP_Query();
			$count->query( $query_args );
			$total = (int) $count->found_posts;
		}
		$items = array();
		foreach ( $ids as $id ) {
			$response = $prepare( (int) $id );
			if ( $response ) {
				$items[] = $this->prepare_response_for_collection( $response );
			}
		}
		return $this->paginate( $items, $total, (int) ceil( $total / max( 1, (int) $query_args['posts_per_page'] ) ), $request );
	}

	/**
	 * A collection response with WordPress's pagination headers.
	 *
	 * @param array           $items   Items.
	 * @param int             $total   Total items.
	 * @param int             $pages   Total pages.
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	protected function paginate( array $items, $total, $pages, $request ) {
		$response = rest_ensure_response( $items );
		$response->header( 'X-WP-Total', (int) $total );
		$response->header( 'X-WP-TotalPages', (int) $pages );
		$page = max( 1, (int) $request['page'] );
		$base = add_query_arg( urlencode_deep( $request->get_query_params() ), rest_url( ltrim( $request->get_route(), '/' ) ) );
		if ( $page > 1 ) {
			$response->link_header( 'prev', add_query_arg( 'page', min( $page - 1, max( 1, $pages ) ), $base ) );
		}
		if ( $pages > $page ) {
			$response->link_header( 'next', add_query_arg( 'page', $page + 1, $base ) );
		}
		return $response;
	}

	/**
	 * Adds fields, filters by context, links, and applies the resource's prepare filter.
	 *
	 * @param array           $data    Response data.
	 * @param WP_REST_Request $request Request.
	 * @param array           $links   Links.
	 * @param string          $filter  Filter name (woocommerce_rest_prepare_…).
	 * @param mixed           $object  Object handed to the filter.
	 * @return WP_REST_Response
	 */
	protected function finish_response( array $data, $request, array $links, $filter, $object ) {
		$context  = ! empty( $request['context'] ) ? $request['context'] : 'view';
		$data     = $this->add_additional_fields_to_object( $data, $request );
		$data     = $this->filter_response_by_context( $data, $context );
		$response = rest_ensure_response( $data );
		$response->add_links( $links );
		return apply_filters( $filter, $response, $object, $request );
	}

	/**
	 * self / collection links.
	 *
	 * @param int    $id   Id.
	 * @param string $base Route base with its URL args filled in.
	 * @return array
	 */
	protected function item_links( $id, $base = '' ) {
		$base = $base ? $base : $this->rest_base;
		return array(
			'self'       => array( 'href' => rest_url( sprintf( '/%s/%s/%d', $this->namespace, $base, $id ) ) ),
			'collection' => array( 'href' => rest_url( sprintf( '/%s/%s', $this->namespace, $base ) ) ),
		);
	}

	/**
	 * 201 with a Location header.
	 *
	 * @param WP_REST_Response|WP_Error $response Response.
	 * @param int                       $id       New id.
	 * @return WP_REST_Response|WP_Error
	 */
	protected function created( $response, $id ) {
		$response = rest_ensure_response( $response );
		if ( ! is_wp_error( $response ) ) {
			$response->set_status( 201 );
			$response->header( 'Location', rest_url( sprintf( '/%s/%s/%d', $this->namespace, $this->rest_base, $id ) ) );
		}
		return $response;
	}

	/**
	 * An error with WooCommerce's 401 / 403 choice.
	 *
	 * @param string $code    Code.
	 * @param string $message Message.
	 * @return WP_Error
	 */
	protected static function auth_error( $code, $message ) {
		return new WP_Error( $code, $message, array( 'status' => rest_authorization_required_code() ) );
	}

	/**
	 * WooCommerce's refusal for each check: code and message.
	 */
	const DENIED = array(
		'list'   => array( 'woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.' ),
		'read'   => array( 'woocommerce_rest_cannot_view', 'Sorry, you cannot view this resource.' ),
		'create' => array( 'woocommerce_rest_cannot_create', 'Sorry, you are not allowed to create resources.' ),
		'edit'   => array( 'woocommerce_rest_cannot_edit', 'Sorry, you are not allowed to edit this resource.' ),
		'delete' => array( 'woocommerce_rest_cannot_delete', 'Sorry, you are not allowed to delete this resource.' ),
		'batch'  => array( 'woocommerce_rest_cannot_batch', 'Sorry, you are not allowed to batch manipulate this resource.' ),
	);

	/**
	 * Whether the current user may do something (WC_REST_CRUD_Controller's post checks): the
	 * post type's capabilities; an unknown id passes, so that the callback answers 404 / 400.
	 * Resources with other rules override this.
	 *
	 * @param string          $action  list, read, create, edit, delete or batch.
	 * @param WP_REST_Request $request Request.
	 * @return bool|WP_Error
	 */
	protected function can( $action, $request ) {
		if ( in_array( $action, array( 'read', 'edit', 'delete' ), true ) ) {
			$id = $this->existing_id( $request );
			return ! $id || wc_stand_in_check_post_permissions( $this->post_type, $action, $id );
		}
		return wc_stand_in_check_post_permissions( $this->post_type, 'list' === $action ? 'read' : $action );
	}

	/**
	 * true, or the refusal (401 when logged out, 403 otherwise) or error can() gave.
	 *
	 * @param string          $action  Action.
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	protected function check( $action, $request ) {
		$allowed = $this->can( $action, $request );
		if ( is_wp_error( $allowed ) ) {
			return $allowed;
		}
		return $allowed ? true : self::auth_error( ...self::DENIED[ $action ] );
	}

	// phpcs:disable Squiz.Commenting.FunctionComment.Missing -- the six permission callbacks.
	public function get_items_permissions_check( $request ) {
		return $this->check( 'list', $request );
	}
	public function create_item_permissions_check( $request ) {
		return $this->check( 'create', $request );
	}
	public function get_item_permissions_check( $request ) {
		return $this->check( 'read', $request );
	}
	public function update_item_permissions_check( $request ) {
		return $this->check( 'edit', $request );
	}
	public function delete_item_permissions_check( $request ) {
		return $this->check( 'delete', $request );
	}
	public function batch_items_permissions_check( $request ) {
		return $this->check( 'batch', $request );
	}
	// phpcs:enable

	/**
	 * The id of the request's object when it exists.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return int
	 */
	protected function existing_id( $request ) {
		return 0;
	}

	/**
	 * The batch schema.
	 *
	 * @return array
	 */
	public function get_public_batch_schema() {
		$list = array(
			'type'    => 'array',
			'context' => array( 'view', 'edit' ),
			'items'   => array( 'type' => 'object' ),
		);
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'batch',
			'type'       => 'object',
			'properties' => array(
				'create' => $list,
				'update' => $list,
				'delete' => array( 'items' => array( 'type' => 'integer' ) ) + $list,
			),
		);
	}

	/**
	 * WooCommerce's batch: at most 100 items (woocommerce_rest_batch_items_limit), each applied
	 * through create_item / update_item / delete_item with a fresh request; a failing item is
	 * reported in place and the others still apply.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array|WP_Error
	 */
	public function batch_items( $request ) {
		$items = array_filter( $request->get_params() );
		$query = $request->get_query_params();
		$limit = apply_filters( 'woocommerce_rest_batch_items_limit', 100, preg_replace( '/\(.*\)\//i', '', $this->rest_base ) );
		$total = 0;
		foreach ( array( 'create', 'update', 'delete' ) as $kind ) {
			if ( ! empty( $items[ $kind ] ) && is_countable( $items[ $kind ] ) ) {
				$total += count( $items[ $kind ] );
			}
		}
		if ( $total > $limit ) {
			return new WP_Error( 'woocommerce_rest_request_entity_too_large', sprintf( 'Unable to accept more than %s items for this request.', $limit ), array( 'status' => 413 ) );
		}

		$server   = rest_get_server();
		$response = array();
		$to_error = static fn( $id, WP_Error $error ) => array(
			'id'    => $id,
			'error' => array(
				'code'    => $error->get_error_code(),
				'message' => $error->get_error_message(),
				'data'    => $error->get_error_data(),
			),
		);
		foreach ( (array) ( $items['create'] ?? array() ) as $item ) {
			$sub = new WP_REST_Request( 'POST', $request->get_route() );
			$defaults = array();
			foreach ( $this->get_public_item_schema()['properties'] as $arg => $options ) {
				if ( isset( $options['default'] ) ) {
					$defaults[ $arg ] = $options['default'];
				}
			}
			$sub->set_default_params( $defaults );
			$sub->set_url_params( $request->get_url_params() );
			$sub->set_body_params( (array) $item );
			$sub->set_query_params( $query );
			$result               = $this->create_item( $sub );
			$response['create'][] = is_wp_error( $result ) ? $to_error( 0, $result ) : $server->response_to_data( $result, false );
		}
		foreach ( (array) ( $items['update'] ?? array() ) as $item ) {
			$sub = new WP_REST_Request( 'PUT', $request->get_route() );
			$sub->set_url_params( $request->get_url_params() );
			$sub->set_body_params( (array) $item );
			$result               = $this->update_item( $sub );
			$response['update'][] = is_wp_error( $result ) ? $to_error( $item['id'] ?? null, $result ) : $server->response_to_data( $result, false );
		}
		foreach ( (array) ( $items['delete'] ?? array() ) as $id ) {
			$id = (int) $id;
			if ( 0 === $id ) {
				continue;
			}
			$sub = new WP_REST_Request( 'DELETE', $request->get_route() );
			$sub->set_url_params( $request->get_url_params() );
			$sub->set_query_params(
				array(
					'id'    => $id,
					'force' => true,
				)
			);
			$result               = $this->delete_item( $sub );
			$response['delete'][] = is_wp_error( $result ) ? $to_error( $id, $result ) : $server->response_to_data( $result, false );
		}
		return $response;
	}

	/**
	 * Deletes (force) or trashes a post-backed object as WC_REST_CRUD_Controller::delete_item().
	 *
	 * @param WP_REST_Request $request  Request.
	 * @param int             $id       Object id (0 when unknown).
	 * @param callable        $prepare  fn( WP_REST_Request ): WP_REST_Response, run before deleting.
	 * @param callable|null   $before_force Extra work before a permanent delete.
	 * @return WP_REST_Response|WP_Error
	 */
	protected function delete_post_object( $request, $id, callable $prepare, ?callable $before_force = null ) {
		if ( ! $id ) {
			return new WP_Error( "woocommerce_rest_{$this->post_type}_invalid_id", 'Invalid ID.', array( 'status' => 404 ) );
		}
		$force          = (bool) $request['force'];
		$supports_trash = apply_filters( "woocommerce_rest_{$this->post_type}_object_trashable", EMPTY_TRASH_DAYS > 0, $this->hook_object( $id ) );
		if ( ! wc_stand_in_check_post_permissions( $this->post_type, 'delete', $id ) ) {
			/* translators: %s: post type */
			return self::auth_error( "woocommerce_rest_user_cannot_delete_{$this->post_type}", sprintf( 'Sorry, you are not allowed to delete %s.', $this->post_type ) );
		}
		$request->set_param( 'context', 'edit' );
		$response = $prepare( $request );
		$object   = $this->hook_object( $id );
		if ( $force ) {
			if ( $before_force ) {
				$before_force( $id );
			}
			$result = (bool) wp_delete_post( $id, true );
		} else {
			if ( ! $supports_trash ) {
				return new WP_Error( 'woocommerce_rest_trash_not_supported', sprintf( 'The %s does not support trashing.', $this->post_type ), array( 'status' => 501 ) );
			}
			if ( 'trash' === get_post_status( $id ) ) {
				return new WP_Error( 'woocommerce_rest_already_trashed', sprintf( 'The %s has already been deleted.', $this->post_type ), array( 'status' => 410 ) );
			}
			$result = (bool) wp_trash_post( $id );
		}
		if ( ! $result ) {
			return new WP_Error( 'woocommerce_rest_cannot_delete', sprintf( 'The %s cannot be deleted.', $this->post_type ), array( 'status' => 500 ) );
		}
		do_action( "woocommerce_rest_delete_{$this->post_type}_object", $object, $response, $request );
		return $response;
	}

	/**
	 * The object handed to hooks.
	 *
	 * @param int $id Id.
	 * @return WC_Stand_In_Object
	 */
	protected function hook_object( $id ) {
		return new WC_Stand_In_Object( $id, $this->post_type );
	}

	/**
	 * Props of an object as WooCommerce prints dates: the four date_* / date_*_gmt values.
	 *
	 * @param string      $name Field base name (date_created…).
	 * @param string|null $gmt  GMT MySQL datetime or timestamp.
	 * @return array
	 */
	protected static function date_pair( $name, $gmt ) {
		return array(
			$name          => wc_stand_in_rest_date( $gmt ),
			$name . '_gmt' => wc_stand_in_rest_date( $gmt, true ),
		);
	}
}

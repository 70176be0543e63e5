<?php
/**
 * products/categories (+ /<id>, /batch) — after WC_REST_Product_Categories_Controller, on the
 * product_cat taxonomy with its term capabilities (manage_product_terms, edit_product_terms…).
 *
 * @package AgentGuard\Tests\WooCommerceStandIn
 */

defined( 'ABSPATH' ) || exit;

/**
 * Product categories.
 */
class WC_Stand_In_REST_Categories_Controller extends WC_Stand_In_REST_Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'products/categories';

	/**
	 * Object name in hooks.
	 *
	 * @var string
	 */
	protected $post_type = 'product_cat';

	/**
	 * Routes.
	 */
	public function register_routes() {
		$this->register_standard_routes(
			array(
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
			'id'          => self::readonly( 'integer' ),
			'name'        => self::field( 'string', array( 'arg_options' => array( 'sanitize_callback' => 'sanitize_text_field' ) ) ),
			'slug'        => self::field( 'string', array( 'arg_options' => array( 'sanitize_callback' => 'sanitize_title' ) ) ),
			'parent'      => self::field( 'integer' ),
			'description' => self::field( 'string', array( 'arg_options' => array( 'sanitize_callback' => 'wp_filter_post_kses' ) ) ),
			'display'     => self::field( 'string', array( 'default' => 'default', 'enum' => array( 'default', 'products', 'subcategories', 'both' ) ) ),
			'image'       => self::image_field(),
			'menu_order'  => self::field( 'integer' ),
			'count'       => self::readonly( 'integer' ),
		);
	}

	/**
	 * `name` is required on create.
	 *
	 * @param string $method HTTP method.
	 * @return array
	 */
	public function get_endpoint_args_for_item_schema( $method = WP_REST_Server::CREATABLE ) {
		$args = parent::get_endpoint_args_for_item_schema( $method );
		if ( WP_REST_Server::CREATABLE === $method ) {
			$args['name']['required'] = true;
		}
		return $args;
	}

	/**
	 * Collection parameters.
	 *
	 * @return array
	 */
	public function get_collection_params() {
		$crud = $this->crud_collection_params();
		return array(
			'context'    => $crud['context'],
			'page'       => $crud['page'],
			'per_page'   => $crud['per_page'],
			'search'     => $crud['search'],
			'exclude'    => $crud['exclude'],
			'include'    => $crud['include'],
			'offset'     => $crud['offset'],
			'order'      => array(
				'type'    => 'string',
				'default' => 'asc',
				'enum'    => array( 'asc', 'desc' ),
			),
			'orderby'    => array(
				'type'    => 'string',
				'default' => 'name',
				'enum'    => array( 'id', 'include', 'name', 'slug', 'term_group', 'description', 'count' ),
			),
			'hide_empty' => array(
				'type'    => 'boolean',
				'default' => false,
			),
			'parent'     => array( 'type' => 'integer' ),
			'product'    => array(
				'type'    => 'integer',
				'default' => null,
			),
			'slug'       => array( 'type' => 'string' ),
		);
	}

	/**
	 * Term permission (wc_rest_check_product_term_permissions), 404 for unknown terms.
	 *
	 * @param string          $action  list, read, create, edit, delete or batch.
	 * @param WP_REST_Request $request Request.
	 * @return bool|WP_Error
	 */
	protected function can( $action, $request ) {
		$context = 'list' === $action ? 'read' : $action;
		$caps    = array(
			'read'   => 'manage_terms',
			'create' => 'edit_terms',
			'edit'   => 'edit_terms',
			'delete' => 'delete_terms',
			'batch'  => 'edit_terms',
		);
		$id      = (int) $request['id'];
		if ( $id ) {
			$term = get_term( $id, 'product_cat' );
			if ( ! $term || is_wp_error( $term ) ) {
				return new WP_Error( 'woocommerce_rest_term_invalid', 'Resource does not exist.', array( 'status' => 404 ) );
			}
		}
		$cap        = $caps[ $context ];
		$permission = current_user_can( get_taxonomy( 'product_cat' )->cap->$cap, $id );
		return apply_filters( 'woocommerce_rest_check_permissions', $permission, $context, $id, 'product_cat' );
	}

	/**
	 * GET categories.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ) {
		$args = array(
			'taxonomy'   => 'product_cat',
			'exclude'    => $request['exclude'],
			'include'    => $request['include'],
			'order'      => $request['order'],
			'orderby'    => 'id' === $request['orderby'] ? 'term_id' : $request['orderby'],
			'hide_empty' => (bool) $request['hide_empty'],
			'search'     => (string) $request['search'],
			'slug'       => $request['slug'],
		);
		if ( isset( $request['parent'] ) ) {
			$args['parent'] = (int) $request['parent'];
		}
		if ( ! empty( $request['product'] ) ) {
			$args['object_ids'] = (int) $request['product'];
		}
		$total          = (int) wp_count_terms( $args );
		$args['number'] = (int) $request['per_page'];
		$args['offset'] = isset( $request['offset'] ) ? (int) $request['offset'] : ( max( 1, (int) $request['page'] ) - 1 ) * (int) $request['per_page'];
		$items          = array();
		foreach ( get_terms( $args ) as $term ) {
			$items[] = $this->prepare_response_for_collection( $this->prepare_term( $term, $request ) );
		}
		return $this->paginate( $items, $total, (int) ceil( $total / max( 1, (int) $request['per_page'] ) ), $request );
	}

	/**
	 * GET categories/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		$term = get_term( (int) $request['id'], 'product_cat' );
		if ( ! $term || is_wp_error( $term ) ) {
			return new WP_Error( 'woocommerce_rest_term_invalid', 'Resource does not exist.', array( 'status' => 404 ) );
		}
		return $this->prepare_term( $term, $request );
	}

	/**
	 * POST categories.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		$args = array();
		foreach ( array( 'description', 'slug', 'parent' ) as $key ) {
			if ( isset( $request[ $key ] ) ) {
				$args[ $key ] = $request[ $key ];
			}
		}
		$term = wp_insert_term( (string) $request['name'], 'product_cat', $args );
		if ( is_wp_error( $term ) ) {
			$data = array( 'status' => 400 );
			if ( $term->get_error_data( 'term_exists' ) ) {
				$data['resource_id'] = $term->get_error_data( 'term_exists' );
			}
			return new WP_Error( $term->get_error_code(), $term->get_error_message(), $data );
		}
		$term = get_term( $term['term_id'], 'product_cat' );
		$this->update_term_meta( $term, $request );
		do_action( 'woocommerce_rest_insert_product_cat', $term, $request, true );
		$request->set_param( 'context', 'edit' );
		return $this->created( $this->prepare_term( $term, $request ), $term->term_id );
	}

	/**
	 * PUT categories/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( $request ) {
		$term = get_term( (int) $request['id'], 'product_cat' );
		if ( ! $term || is_wp_error( $term ) ) {
			return new WP_Error( 'woocommerce_rest_term_invalid', 'Resource does not exist.', array( 'status' => 404 ) );
		}
		$args = array();
		foreach ( array( 'name', 'description', 'slug', 'parent' ) as $key ) {
			if ( isset( $request[ $key ] ) ) {
				$args[ $key ] = $request[ $key ];
			}
		}
		if ( $args ) {
			$updated = wp_update_term( $term->term_id, 'product_cat', $args );
			if ( is_wp_error( $updated ) ) {
				return $updated;
			}
		}
		$term = get_term( $term->term_id, 'product_cat' );
		$this->update_term_meta( $term, $request );
		do_action( 'woocommerce_rest_insert_product_cat', $term, $request, false );
		$request->set_param( 'context', 'edit' );
		return rest_ensure_response( $this->prepare_term( $term, $request ) );
	}

	/**
	 * DELETE categories/<id> (force only; never the default category).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function delete_item( $request ) {
		if ( empty( $request['force'] ) ) {
			return new WP_Error( 'woocommerce_rest_trash_not_supported', 'Resource does not support trashing.', array( 'status' => 501 ) );
		}
		if ( absint( get_option( 'default_product_cat', 0 ) ) === (int) $request['id'] ) {
			return new WP_Error( 'woocommerce_rest_cannot_delete', 'Default product category cannot be deleted.', array( 'status' => 500 ) );
		}
		$term = get_term( (int) $request['id'], 'product_cat' );
		if ( ! $term || is_wp_error( $term ) ) {
			// Only reachable from a batch (single requests get a 404 first): WooCommerce fails here.
			return new WP_Error( 'woocommerce_rest_cannot_delete', 'The resource cannot be deleted.', array( 'status' => 500 ) );
		}
		$request->set_param( 'context', 'edit' );
		$response = $this->prepare_term( $term, $request );
		if ( ! wp_delete_term( $term->term_id, 'product_cat' ) ) {
			return new WP_Error( 'woocommerce_rest_cannot_delete', 'The resource cannot be deleted.', array( 'status' => 500 ) );
		}
		do_action( 'woocommerce_rest_delete_product_cat', $term, $response, $request );
		return $response;
	}

	/**
	 * display and menu_order, stored as term meta like WooCommerce.
	 *
	 * @param WP_Term         $term    Term.
	 * @param WP_REST_Request $request Request.
	 */
	private function update_term_meta( $term, $request ) {
		if ( isset( $request['display'] ) ) {
			update_term_meta( $term->term_id, 'display_type', 'default' === $request['display'] ? '' : $request['display'] );
		}
		if ( isset( $request['menu_order'] ) ) {
			update_term_meta( $term->term_id, 'order', (int) $request['menu_order'] );
		}
	}

	/**
	 * The REST representation of a category.
	 *
	 * @param WP_Term         $term    Term.
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	private function prepare_term( $term, $request ) {
		$display = get_term_meta( $term->term_id, 'display_type', true );
		$data    = array(
			'id'          => (int) $term->term_id,
			'name'        => $term->name,
			'slug'        => $term->slug,
			'parent'      => (int) $term->parent,
			'description' => $term->description,
			'display'     => $display ? $display : 'default',
			'image'       => null,
			'menu_order'  => (int) get_term_meta( $term->term_id, 'order', true ),
			'count'       => (int) $term->count,
		);
		$links   = $this->item_links( $term->term_id );
		if ( $term->parent ) {
			$links['up'] = array( 'href' => rest_url( sprintf( '/%s/%s/%d', $this->namespace, $this->rest_base, $term->parent ) ) );
		}
		return $this->finish_response( $data, $request, $links, 'woocommerce_rest_prepare_product_cat', $term );
	}
}

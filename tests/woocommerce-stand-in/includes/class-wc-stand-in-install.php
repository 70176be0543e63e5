<?php
/**
 * Tables, roles, capabilities, options, post types, taxonomies and order statuses, as
 * WC_Install and WC_Post_Types set them up (posts storage for products and orders).
 *
 * @package AgentGuard\Tests\WooCommerceStandIn
 */

defined( 'ABSPATH' ) || exit;

/**
 * Installer and registrations.
 */
class WC_Stand_In_Install {

	/**
	 * Hooks.
	 */
	public static function register() {
		global $wpdb;
		$wpdb->order_itemmeta = $wpdb->prefix . 'woocommerce_order_itemmeta';
		$wpdb->tables[]       = 'woocommerce_order_itemmeta';

		add_action( 'init', array( __CLASS__, 'register_taxonomies' ), 5 );
		add_action( 'init', array( __CLASS__, 'register_post_types' ), 5 );
		add_action( 'init', array( __CLASS__, 'register_post_statuses' ), 9 );
		add_action( 'init', array( __CLASS__, 'maybe_install' ), 6 );
		add_filter( 'user_has_cap', array( __CLASS__, 'shop_manager_has_capability' ), 10, 4 );
		add_filter( 'map_meta_cap', array( __CLASS__, 'limit_shop_manager_user_caps' ), 10, 4 );
		add_filter( 'comments_clauses', array( __CLASS__, 'exclude_order_notes' ), 10, 2 );
	}

	/**
	 * Installs whatever is missing. Idempotent: runs on activation and on `init` when the
	 * stored version or the roles are missing (sites may activate the plugin in odd ways).
	 */
	public static function maybe_install() {
		if ( WC_STAND_IN_DB_VERSION !== get_option( 'wc_stand_in_db_version' ) || ! get_role( 'shop_manager' ) || ! get_role( 'customer' ) ) {
			self::install();
		}
	}

	/**
	 * Creates tables, roles, options and the default product category.
	 */
	public static function install() {
		self::create_tables();
		self::create_roles();
		add_option( 'woocommerce_currency', 'USD' );
		add_option( 'woocommerce_price_num_decimals', '2' );
		add_option( 'woocommerce_price_decimal_sep', '.' );
		add_option( 'woocommerce_price_thousand_sep', ',' );
		add_option( 'woocommerce_currency_pos', 'left' );
		add_option( 'woocommerce_default_country', 'US:CA' );
		add_option( 'woocommerce_allowed_countries', 'all' );
		add_option( 'woocommerce_manage_stock', 'yes' );
		add_option( 'woocommerce_calc_taxes', 'no' );
		add_option( 'woocommerce_enable_coupons', 'yes' );
		add_option( 'woocommerce_prices_include_tax', 'no' );
		add_option( 'woocommerce_version', WC_STAND_IN_WC_VERSION );

		self::register_taxonomies();
		if ( ! get_option( 'default_product_cat' ) || ! term_exists( (int) get_option( 'default_product_cat' ), 'product_cat' ) ) {
			$existing = term_exists( 'uncategorized', 'product_cat' );
			$term     = $existing ? $existing : wp_insert_term( 'Uncategorized', 'product_cat', array( 'slug' => 'uncategorized' ) );
			if ( ! is_wp_error( $term ) ) {
				update_option( 'default_product_cat', (int) $term['term_id'] );
			}
		}
		foreach ( array( 'simple', 'grouped', 'variable', 'external' ) as $type ) {
			if ( ! term_exists( $type, 'product_type' ) ) {
				wp_insert_term( $type, 'product_type' );
			}
		}
		update_option( 'wc_stand_in_db_version', WC_STAND_IN_DB_VERSION );
	}

	/**
	 * The tables WooCommerce keeps outside posts that the stand-in needs, with WooCommerce's
	 * column definitions (dbDelta; portable to the SQLite integration).
	 */
	private static function create_tables() {
		global $wpdb;
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$collate = $wpdb->get_charset_collate();
		dbDelta(
			"CREATE TABLE {$wpdb->prefix}woocommerce_api_keys (
  key_id bigint(20) unsigned NOT NULL auto_increment,
  user_id bigint(20) unsigned NOT NULL,
  description varchar(200) NULL,
  permissions varchar(10) NOT NULL,
  consumer_key char(64) NOT NULL,
  consumer_secret char(43) NOT NULL,
  nonces longtext NULL,
  truncated_key char(7) NOT NULL,
  last_access datetime NULL default null,
  PRIMARY KEY  (key_id),
  KEY consumer_key (consumer_key),
  KEY consumer_secret (consumer_secret)
) $collate;
CREATE TABLE {$wpdb->prefix}wc_webhooks (
  webhook_id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  status varchar(200) NOT NULL,
  name text NOT NULL,
  user_id bigint(20) unsigned NOT NULL,
  delivery_url text NOT NULL,
  secret text NOT NULL,
  topic varchar(200) NOT NULL,
  date_created datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  date_created_gmt datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  date_modified datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  date_modified_gmt datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  api_version smallint(4) NOT NULL,
  failure_count smallint(10) NOT NULL DEFAULT '0',
  pending_delivery tinyint(1) NOT NULL DEFAULT '0',
  PRIMARY KEY  (webhook_id),
  KEY user_id (user_id)
) $collate;
CREATE TABLE {$wpdb->prefix}woocommerce_order_items (
  order_item_id bigint(20) unsigned NOT NULL auto_increment,
  order_item_name text NOT NULL,
  order_item_type varchar(200) NOT NULL DEFAULT '',
  order_id bigint(20) unsigned NOT NULL,
  PRIMARY KEY  (order_item_id),
  KEY order_id (order_id)
) $collate;
CREATE TABLE {$wpdb->prefix}woocommerce_order_itemmeta (
  meta_id bigint(20) unsigned NOT NULL auto_increment,
  order_item_id bigint(20) unsigned NOT NULL,
  meta_key varchar(255) default NULL,
  meta_value longtext NULL,
  PRIMARY KEY  (meta_id),
  KEY order_item_id (order_item_id),
  KEY meta_key (meta_key(32))
) $collate;"
		);
	}

	/**
	 * Roles and capabilities as WC_Install::create_roles().
	 */
	private static function create_roles() {
		global $wp_roles;
		if ( ! isset( $wp_roles ) ) {
			$wp_roles = new WP_Roles(); // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited
		}
		add_role( 'customer', 'Customer', array( 'read' => true ) );
		$manager = array( 'read', 'read_private_pages', 'read_private_posts', 'edit_posts', 'edit_pages', 'edit_published_posts', 'edit_published_pages', 'edit_private_pages', 'edit_private_posts', 'edit_others_posts', 'edit_others_pages', 'publish_posts', 'publish_pages', 'delete_posts', 'delete_pages', 'delete_private_pages', 'delete_private_posts', 'delete_published_pages', 'delete_published_posts', 'delete_others_posts', 'delete_others_pages', 'manage_categories', 'manage_links', 'moderate_comments', 'upload_files', 'export', 'import', 'list_users', 'edit_theme_options' );
		for ( $level = 0; $level <= 9; $level++ ) {
			$manager[] = 'level_' . $level;
		}
		add_role( 'shop_manager', 'Shop manager', array_fill_keys( $manager, true ) );

		$caps = array( 'manage_woocommerce', 'view_woocommerce_reports' );
		foreach ( array( 'product', 'shop_order', 'shop_coupon' ) as $type ) {
			foreach ( array( 'edit_%s', 'read_%s', 'delete_%s', 'edit_%ss', 'edit_others_%ss', 'publish_%ss', 'read_private_%ss', 'delete_%ss', 'delete_private_%ss', 'delete_published_%ss', 'delete_others_%ss', 'edit_private_%ss', 'edit_published_%ss', 'manage_%s_terms', 'edit_%s_terms', 'delete_%s_terms', 'assign_%s_terms' ) as $pattern ) {
				$caps[] = sprintf( $pattern, $type );
			}
		}
		foreach ( $caps as $cap ) {
			$wp_roles->add_cap( 'shop_manager', $cap );
			$wp_roles->add_cap( 'administrator', $cap );
		}
	}

	/**
	 * Post types with WooCommerce's capability types.
	 */
	public static function register_post_types() {
		if ( post_type_exists( 'product' ) ) {
			return;
		}
		register_post_type(
			'product',
			array(
				'label'           => 'Products',
				'public'          => true,
				'show_ui'         => true,
				'capability_type' => 'product',
				'map_meta_cap'    => true,
				'hierarchical'    => false,
				'rewrite'         => array( 'slug' => 'product', 'with_front' => false ),
				'query_var'       => true,
				'supports'        => array( 'title', 'editor', 'excerpt', 'thumbnail', 'comments', 'custom-fields', 'publicize' ),
				'has_archive'     => 'shop',
			)
		);
		register_post_type(
			'product_variation',
			array(
				'public'          => false,
				'hierarchical'    => false,
				'supports'        => false,
				'capability_type' => 'product',
				'rewrite'         => false,
			)
		);
		$order_type = array(
			'public'              => false,
			'capability_type'     => 'shop_order',
			'map_meta_cap'        => true,
			'publicly_queryable'  => false,
			'exclude_from_search' => true,
			'hierarchical'        => false,
			'rewrite'             => false,
			'query_var'           => false,
			'supports'            => array( 'title', 'comments', 'custom-fields' ),
		);
		register_post_type( 'shop_order', $order_type + array( 'label' => 'Orders' ) );
		register_post_type(
			'shop_order_refund',
			array(
				'capability_type' => 'shop_order',
				'public'          => false,
				'hierarchical'    => false,
				'supports'        => false,
				'rewrite'         => false,
			)
		);
		register_post_type(
			'shop_coupon',
			array(
				'label'               => 'Coupons',
				'public'              => false,
				'capability_type'     => 'shop_coupon',
				'map_meta_cap'        => true,
				'publicly_queryable'  => false,
				'exclude_from_search' => true,
				'hierarchical'        => false,
				'rewrite'             => false,
				'query_var'           => false,
				'supports'            => array( 'title' ),
			)
		);
	}

	/**
	 * Product taxonomies with WooCommerce's term capabilities.
	 */
	public static function register_taxonomies() {
		if ( taxonomy_exists( 'product_cat' ) ) {
			return;
		}
		$private = array(
			'hierarchical'      => false,
			'show_ui'           => false,
			'show_in_nav_menus' => false,
			'query_var'         => is_admin(),
			'rewrite'           => false,
			'public'            => false,
		);
		register_taxonomy( 'product_type', array( 'product' ), $private );
		register_taxonomy( 'product_visibility', array( 'product', 'product_variation' ), $private );
		$caps = array(
			'manage_terms' => 'manage_product_terms',
			'edit_terms'   => 'edit_product_terms',
			'delete_terms' => 'delete_product_terms',
			'assign_terms' => 'assign_product_terms',
		);
		register_taxonomy(
			'product_cat',
			array( 'product' ),
			array(
				'label'        => 'Categories',
				'hierarchical' => true,
				'show_ui'      => true,
				'query_var'    => true,
				'capabilities' => $caps,
				'rewrite'      => array( 'slug' => 'product-category' ),
			)
		);
		register_taxonomy(
			'product_tag',
			array( 'product' ),
			array(
				'label'        => 'Product tags',
				'hierarchical' => false,
				'show_ui'      => true,
				'query_var'    => true,
				'capabilities' => $caps,
				'rewrite'      => array( 'slug' => 'product-tag' ),
			)
		);
	}

	/**
	 * Order statuses (wc-pending…) as post statuses.
	 */
	public static function register_post_statuses() {
		foreach ( wc_stand_in_order_statuses() as $status => $label ) {
			register_post_status(
				'wc-' . $status,
				array(
					'label'                     => $label,
					'public'                    => false,
					'exclude_from_search'       => false,
					'show_in_admin_all_list'    => 'checkout-draft' !== $status,
					'show_in_admin_status_list' => 'checkout-draft' !== $status,
				)
			);
		}
	}

	/**
	 * Shop managers may edit users (customers only, see below), as in wc-user-functions.php.
	 *
	 * @param array   $allcaps All caps.
	 * @param array   $caps    Required caps.
	 * @param array   $args    Arguments.
	 * @param WP_User $user    User.
	 * @return array
	 */
	public static function shop_manager_has_capability( $allcaps, $caps, $args, $user ) {
		if ( wc_stand_in_user_has_role( $user, 'shop_manager' ) ) {
			$allcaps['edit_users'] = true;
		}
		return $allcaps;
	}

	/**
	 * Non-administrators never edit administrators; shop managers only edit customers.
	 *
	 * @param array  $caps    Primitive caps.
	 * @param string $cap     Meta cap.
	 * @param int    $user_id User id.
	 * @param array  $args    Arguments.
	 * @return array
	 */
	public static function limit_shop_manager_user_caps( $caps, $cap, $user_id, $args ) {
		if ( ! in_array( $cap, array( 'edit_user', 'remove_user', 'promote_user', 'delete_user' ), true ) || ! isset( $args[0] ) || (int) $args[0] === (int) $user_id ) {
			return $caps;
		}
		$current = wp_get_current_user();
		if ( ! wc_stand_in_user_has_role( $current, 'administrator' ) ) {
			$target = get_userdata( (int) $args[0] );
			if ( wc_stand_in_user_has_role( $target, 'administrator' ) ) {
				$caps[] = 'do_not_allow';
			} elseif ( wc_stand_in_user_has_role( $current, 'shop_manager' ) && $target && ! array_intersect( $target->roles, apply_filters( 'woocommerce_shop_manager_editable_roles', array( 'customer' ) ) ) ) {
				$caps[] = 'do_not_allow';
			}
		}
		return $caps;
	}

	/**
	 * Keeps order notes out of ordinary comment queries, as WooCommerce does.
	 *
	 * @param array            $clauses Clauses.
	 * @param WP_Comment_Query $query   Query.
	 * @return array
	 */
	public static function exclude_order_notes( $clauses, $query ) {
		if ( ! in_array( 'order_note', (array) $query->query_vars['type'], true ) ) {
			$clauses['where'] .= ( $clauses['where'] ? ' AND ' : '' ) . " comment_type != 'order_note' ";
		}
		return $clauses;
	}
}

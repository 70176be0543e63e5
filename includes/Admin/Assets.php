<?php
/**
 * Loads the admin app and hands it its initial state.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Admin;

use AgentGuard\Infrastructure\Persistence\Tables;
use AgentGuard\Infrastructure\WordPress\Capabilities;
use AgentGuard\Rest\RestController;

/**
 * Enqueues build/index.js (built by @wordpress/scripts; dependencies from index.asset.php),
 * its translations, the initial state (`window.agentGuard`) and preloaded REST answers for
 * the first screen, so it renders without a loading flash.
 *
 * @since 0.1.0
 */
final class Assets {

	public const HANDLE = 'agent-guard-admin';

	public function __construct( private \wpdb $wpdb ) {
	}

	public function enqueue(): void {
		$asset_file = AGENT_GUARD_DIR . '/build/index.asset.php';
		if ( ! is_readable( $asset_file ) ) {
			add_action(
				'admin_notices',
				static function (): void {
					echo '<div class="notice notice-error"><p>' . esc_html__( 'Agent Guard\'s admin app is not built. Run `npm run build`, or install the plugin from its release zip.', 'agent-guard' ) . '</p></div>';
				}
			);
			return;
		}
		$asset = require $asset_file;
		self::register_jsx_runtime();
		wp_enqueue_script( self::HANDLE, plugins_url( 'build/index.js', AGENT_GUARD_FILE ), $asset['dependencies'], $asset['version'], true );
		wp_set_script_translations( self::HANDLE, 'agent-guard', AGENT_GUARD_DIR . '/languages' );
		if ( is_readable( AGENT_GUARD_DIR . '/build/index.css' ) ) {
			wp_enqueue_style( self::HANDLE, plugins_url( 'build/index.css', AGENT_GUARD_FILE ), array( 'wp-components' ), $asset['version'] );
			wp_style_add_data( self::HANDLE, 'rtl', 'replace' );
		}
		wp_enqueue_style( 'wp-components' );
		wp_add_inline_script( self::HANDLE, 'window.agentGuard = ' . wp_json_encode( $this->initial_state() ) . ';', 'before' );
		$this->chunk_translations( (string) $asset['version'] );

		$preload = array_reduce( $this->preload_paths(), 'rest_preload_api_request', array() );
		if ( ! $preload ) {
			return;
		}
		wp_add_inline_script(
			'wp-api-fetch',
			sprintf( 'wp.apiFetch.use( wp.apiFetch.createPreloadingMiddleware( %s ) );', wp_json_encode( $preload ) ),
			'after'
		);
	}

	/**
	 * The REST answers the opened screen shows first.
	 *
	 * @return list<string>
	 */
	private function preload_paths(): array {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- which page is open, no state change.
		$page = isset( $_GET['page'] ) ? sanitize_key( wp_unslash( $_GET['page'] ) ) : '';
		$ns   = '/' . RestController::NAMESPACE;
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- which agent the Canary screen shows, no state change.
		$agent = isset( $_GET['agent'] ) ? absint( wp_unslash( $_GET['agent'] ) ) : 0;
		return match ( $page ) {
			Menu::SLUG             => array( $ns . '/agents', $ns . '/audit?event_type=agent_request&per_page=20', $ns . '/metrics' ),
			Menu::SLUG . '-agents' => array( $ns . '/agents' ),
			Menu::SLUG . '-canary' => $agent > 0 ? array( $ns . '/agents', $ns . '/agents/' . $agent . '/canary' ) : array( $ns . '/agents' ),
			default                => array(),
		};
	}

	/**
	 * Screens are lazily loaded chunks; WordPress only loads translations for registered
	 * scripts, so each chunk is registered (not enqueued) and its translations are handed to
	 * wp.i18n before the app starts.
	 */
	private function chunk_translations( string $version ): void {
		if ( 'en_US' === determine_locale() ) {
			return;
		}
		foreach ( (array) glob( AGENT_GUARD_DIR . '/build/*.js' ) as $file ) {
			$name = basename( (string) $file );
			if ( 'index.js' === $name ) {
				continue;
			}
			$handle = self::HANDLE . '-chunk-' . sanitize_key( basename( $name, '.js' ) );
			wp_register_script( $handle, plugins_url( 'build/' . $name, AGENT_GUARD_FILE ), array(), $version, true );
			$json = load_script_textdomain( $handle, 'agent-guard', AGENT_GUARD_DIR . '/languages' );
			if ( is_string( $json ) && '' !== $json ) {
				wp_add_inline_script( self::HANDLE, sprintf( '( function ( data ) { wp.i18n.setLocaleData( data.locale_data.messages, "agent-guard" ); } )( %s );', $json ), 'before' );
			}
		}
	}

	/**
	 * `react-jsx-runtime` for WordPress before 6.6.
	 *
	 * The build (@wordpress/scripts 30) compiles JSX to `react/jsx-runtime` calls and lists
	 * the `react-jsx-runtime` script as a dependency; WordPress registers that script from
	 * 6.6 on. On 6.5 the missing dependency would keep the app from loading at all, so this
	 * registers the same global (`window.ReactJSXRuntime`) built on React.createElement.
	 */
	public static function register_jsx_runtime(): void {
		if ( wp_script_is( 'react-jsx-runtime', 'registered' ) ) {
			return;
		}
		wp_register_script( 'react-jsx-runtime', false, array( 'react' ), AGENT_GUARD_VERSION, true );
		wp_add_inline_script(
			'react-jsx-runtime',
			'window.ReactJSXRuntime = window.ReactJSXRuntime || ( function ( React ) {'
			. ' function jsx( type, props, key ) {'
			. ' return React.createElement( type, key === undefined ? props : Object.assign( {}, props, { key: key } ) );'
			. ' }'
			. ' return { jsx: jsx, jsxs: jsx, jsxDEV: jsx, Fragment: React.Fragment };'
			. ' } )( window.React );'
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	public function initial_state(): array {
		$user = wp_get_current_user();
		$caps = array();
		foreach ( Capabilities::all() as $cap ) {
			$caps[ str_replace( 'agent_guard_', '', $cap ) ] = current_user_can( $cap );
		}
		$pages = array();
		foreach ( Menu::SCREENS as $screen => list( $suffix ) ) {
			$pages[ $screen ] = admin_url( 'admin.php?page=' . Menu::SLUG . $suffix );
		}
		return array(
			'version'       => AGENT_GUARD_VERSION,
			'namespace'     => RestController::NAMESPACE,
			'restUrl'       => esc_url_raw( rest_url() ),
			'user'          => array(
				'id'      => (int) $user->ID,
				'name'    => (string) $user->display_name,
				'isAdmin' => current_user_can( 'manage_options' ),
			),
			'caps'          => $caps,
			'pages'         => $pages,
			'currency'      => (string) get_option( 'woocommerce_currency', 'USD' ),
			'priceDecimals' => (int) get_option( 'woocommerce_price_num_decimals', 2 ),
		);
	}

	/**
	 * The count badge of pending approvals for the menu, or ''.
	 */
	public function pending_badge(): string {
		if ( ! current_user_can( Capabilities::APPROVE ) ) {
			return '';
		}
		$table = Tables::approvals( $this->wpdb );
		$count = (int) $this->wpdb->get_var( "SELECT COUNT(*) FROM {$table} WHERE state = 'pending'" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		if ( $count <= 0 ) {
			return '';
		}
		return sprintf(
			' <span class="awaiting-mod count-%1$d"><span class="pending-count" aria-hidden="true">%1$d</span><span class="screen-reader-text">%2$s</span></span>',
			$count,
			/* translators: %d: number of pending approvals. */
			esc_html( sprintf( _n( '%d approval pending', '%d approvals pending', $count, 'agent-guard' ), $count ) )
		);
	}
}

<?php
/**
 * The wp-admin menu: the admin app's router.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Admin;

use AgentGuard\Infrastructure\WordPress\Capabilities;

/**
 * "Agent Guard" with one submenu per screen. Each page renders a root element with
 * `data-screen`; the admin app mounts the matching screen there.
 *
 * @since 0.1.0
 */
final class Menu {

	public const SLUG = 'agent-guard';

	/** Screen => [ page slug suffix, capability, menu title ]. */
	public const SCREENS = array(
		'overview'  => array( '', null, 'Overview' ),
		'agents'    => array( '-agents', Capabilities::MANAGE, 'Agents' ),
		'approvals' => array( '-approvals', Capabilities::APPROVE, 'Approvals' ),
		'canary'    => array( '-canary', null, 'Canary' ),
		'audit'     => array( '-audit', Capabilities::AUDIT, 'Audit' ),
	);

	/** @var list<string> Hook suffixes of our pages, for asset loading. */
	private array $hooks = array();

	public function __construct( private Assets $assets ) {
	}

	/**
	 * @return list<array{0: string, 1: string|callable, 2?: int, 3?: int}>
	 */
	public static function hooks(): array {
		return array(
			array( 'admin_menu', 'add_pages' ),
		);
	}

	/**
	 * The capability that shows the top menu: any Agent Guard capability.
	 */
	public static function menu_capability(): string {
		foreach ( Capabilities::all() as $cap ) {
			if ( current_user_can( $cap ) ) {
				return $cap;
			}
		}
		return Capabilities::MANAGE;
	}

	public function add_pages(): void {
		$menu_cap = self::menu_capability();
		$badge    = $this->assets->pending_badge();
		$hook     = add_menu_page(
			__( 'Agent Guard', 'agent-guard' ),
			__( 'Agent Guard', 'agent-guard' ) . $badge,
			$menu_cap,
			self::SLUG,
			fn () => $this->render( 'overview' ),
			'dashicons-shield',
			56
		);
		$this->hooks[] = (string) $hook;
		foreach ( self::SCREENS as $screen => list( $suffix, $cap, $title ) ) {
			$titles = array(
				'overview'  => __( 'Overview', 'agent-guard' ),
				'agents'    => __( 'Agents', 'agent-guard' ),
				'approvals' => __( 'Approvals', 'agent-guard' ),
				'canary'    => __( 'Canary', 'agent-guard' ),
				'audit'     => __( 'Audit', 'agent-guard' ),
			);
			// The first submenu shares the top-level page's slug, hence its hook: giving it a
			// callback too would render the page (and enqueue the app) twice.
			$is_top_page = '' === $suffix;
			$hook        = add_submenu_page(
				self::SLUG,
				$titles[ $screen ] . ' ‹ ' . __( 'Agent Guard', 'agent-guard' ),
				'approvals' === $screen ? $titles[ $screen ] . $badge : $titles[ $screen ],
				$cap ?? $menu_cap,
				self::SLUG . $suffix,
				$is_top_page ? '' : fn () => $this->render( $screen )
			);
			if ( ! $is_top_page ) {
				$this->hooks[] = (string) $hook;
			}
		}
		foreach ( array_unique( $this->hooks ) as $page_hook ) {
			add_action( 'load-' . $page_hook, array( $this->assets, 'enqueue' ) );
		}
	}

	public function render( string $screen ): void {
		printf(
			'<div class="wrap agent-guard-wrap"><div id="agent-guard-root" class="agent-guard-root" data-screen="%1$s"><noscript>%2$s</noscript><p class="agent-guard-loading">%3$s</p></div></div>',
			esc_attr( $screen ),
			esc_html__( 'The Agent Guard screens need JavaScript. The kill switch in the admin bar works without it.', 'agent-guard' ),
			esc_html__( 'Loading Agent Guard…', 'agent-guard' )
		);
	}
}

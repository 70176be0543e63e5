<?php
/**
 * The kill switch in the admin bar of every wp-admin page.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Admin;

use AgentGuard\Application\KillSwitch;
use AgentGuard\Domain\DomainException;
use AgentGuard\Infrastructure\Persistence\WpdbIncidents;
use AgentGuard\Infrastructure\Persistence\WpdbKillSwitch;
use AgentGuard\Infrastructure\WordPress\Capabilities;

/**
 * For users with agent_guard_halt: a red "Halt agents" control (a plain form with a nonce, a
 * reason and a confirmation) or, when agents are halted, the state and a "Resume" form. It
 * works without the admin app and without JavaScript (the confirmation then is the submit
 * button itself). Also the admin notices: agents halted, incidents open.
 *
 * @since 0.1.0
 */
final class AdminBar {

	public const NONCE_HALT   = 'agent_guard_halt';
	public const NONCE_RESUME = 'agent_guard_resume';

	public function __construct(
		private KillSwitch $kill_switch,
		private WpdbKillSwitch $store,
		private WpdbIncidents $incidents,
		private bool $halted_by_constant
	) {
	}

	/**
	 * @return list<array{0: string, 1: string|callable, 2?: int, 3?: int}>
	 */
	public static function hooks(): array {
		return array(
			array( 'admin_bar_menu', 'menu', 90 ),
			array( 'admin_post_agent_guard_halt', 'handle_halt' ),
			array( 'admin_post_agent_guard_resume', 'handle_resume' ),
			array( 'admin_head', array( self::class, 'styles' ) ),
			array( 'wp_head', array( self::class, 'styles' ) ),
			array( 'admin_notices', 'notices' ),
		);
	}

	/**
	 * @param \WP_Admin_Bar $bar
	 */
	public function menu( $bar ): void {
		if ( ! is_admin() || ! current_user_can( Capabilities::HALT ) ) {
			return;
		}
		try {
			$state = $this->store->global_state();
		} catch ( DomainException $error ) {
			$state = null;
		}
		$halted = $this->halted_by_constant || null === $state || $state->halted;
		if ( $halted ) {
			$bar->add_node(
				array(
					'id'    => 'agent-guard-halt',
					'title' => '<span class="ab-icon dashicons dashicons-warning" aria-hidden="true"></span><span class="ab-label">' . esc_html__( 'Agents halted', 'agent-guard' ) . '</span>',
					'href'  => admin_url( 'admin.php?page=agent-guard' ),
					'meta'  => array(
						'class' => 'agent-guard-halted',
						'title' => null === $state ? '' : $state->reason,
					),
				)
			);
			$reason = $this->halted_by_constant ? __( 'AGENT_GUARD_HALT_ALL is set in wp-config.php.', 'agent-guard' ) : ( null === $state ? '' : $state->reason );
			$bar->add_node(
				array(
					'parent' => 'agent-guard-halt',
					'id'     => 'agent-guard-halt-state',
					'title'  => esc_html( $reason ),
				)
			);
			if ( ! $this->halted_by_constant ) {
				$bar->add_node(
					array(
						'parent' => 'agent-guard-halt',
						'id'     => 'agent-guard-resume-form',
						'title'  => $this->form( 'agent_guard_resume', self::NONCE_RESUME, __( 'Resume agents', 'agent-guard' ), false ),
					)
				);
			}
			return;
		}
		$bar->add_node(
			array(
				'id'    => 'agent-guard-halt',
				'title' => '<span class="ab-icon dashicons dashicons-controls-pause" aria-hidden="true"></span><span class="ab-label">' . esc_html__( 'Halt agents', 'agent-guard' ) . '</span>',
				'href'  => admin_url( 'admin.php?page=agent-guard' ),
				'meta'  => array( 'class' => 'agent-guard-running' ),
			)
		);
		$bar->add_node(
			array(
				'parent' => 'agent-guard-halt',
				'id'     => 'agent-guard-halt-form',
				'title'  => $this->form( 'agent_guard_halt', self::NONCE_HALT, __( 'Halt all agents now', 'agent-guard' ), true ),
			)
		);
	}

	/**
	 * A plain POST form to admin-post.php; works without JavaScript.
	 */
	private function form( string $action, string $nonce, string $label, bool $with_reason ): string {
		$html  = '<form class="agent-guard-bar-form" method="post" action="' . esc_url( admin_url( 'admin-post.php' ) ) . '"';
		$html .= $with_reason ? ' onsubmit="return window.confirm(' . esc_attr( wp_json_encode( __( 'Halt every agent now? Their requests are refused until someone resumes them.', 'agent-guard' ) ) ) . ');"' : '';
		$html .= '>';
		$html .= '<input type="hidden" name="action" value="' . esc_attr( $action ) . '" />';
		$html .= wp_nonce_field( $nonce, '_wpnonce', true, false );
		if ( $with_reason ) {
			$html .= '<label for="agent-guard-halt-reason" class="screen-reader-text">' . esc_html__( 'Reason', 'agent-guard' ) . '</label>';
			$html .= '<input type="text" id="agent-guard-halt-reason" name="reason" maxlength="500" placeholder="' . esc_attr__( 'Reason (shown to everyone)', 'agent-guard' ) . '" />';
		}
		$html .= '<button type="submit" class="agent-guard-bar-button">' . esc_html( $label ) . '</button>';
		return $html . '</form>';
	}

	public function handle_halt(): void {
		check_admin_referer( self::NONCE_HALT );
		if ( ! current_user_can( Capabilities::HALT ) ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to halt agents.', 'agent-guard' ), '', array( 'response' => 403 ) );
		}
		// phpcs:ignore WordPress.Security.NonceVerification.Missing -- checked by check_admin_referer() above.
		$reason = isset( $_POST['reason'] ) ? sanitize_text_field( wp_unslash( $_POST['reason'] ) ) : '';
		$this->kill_switch->halt_all( $reason, get_current_user_id() );
		$this->back( 'halted' );
	}

	public function handle_resume(): void {
		check_admin_referer( self::NONCE_RESUME );
		if ( ! current_user_can( Capabilities::HALT ) ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to resume agents.', 'agent-guard' ), '', array( 'response' => 403 ) );
		}
		$this->kill_switch->resume_all( get_current_user_id() );
		$this->back( 'resumed' );
	}

	private function back( string $result ): void {
		$to = wp_get_referer() ?: admin_url( 'admin.php?page=agent-guard' );
		wp_safe_redirect( add_query_arg( 'agent_guard_kill_switch', $result, $to ) );
		exit;
	}

	public function notices(): void {
		if ( ! current_user_can( Capabilities::HALT ) && ! current_user_can( Capabilities::MANAGE ) ) {
			return;
		}
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a display flag after a redirect.
		$result = isset( $_GET['agent_guard_kill_switch'] ) ? sanitize_key( wp_unslash( $_GET['agent_guard_kill_switch'] ) ) : '';
		if ( 'halted' === $result ) {
			echo '<div class="notice notice-warning is-dismissible"><p>' . esc_html__( 'All agents are halted. Their requests are refused until someone resumes them.', 'agent-guard' ) . '</p></div>';
		} elseif ( 'resumed' === $result ) {
			echo '<div class="notice notice-success is-dismissible"><p>' . esc_html__( 'Agents resumed.', 'agent-guard' ) . '</p></div>';
		}
		try {
			$open = $this->incidents->count_open();
		} catch ( \Throwable $error ) {
			$open = 0;
		}
		if ( $open > 0 ) {
			printf(
				'<div class="notice notice-error"><p>%s <a href="%s">%s</a></p></div>',
				/* translators: %d: number of open incidents. */
				esc_html( sprintf( _n( 'Agent Guard stopped an agent: %d incident is open.', 'Agent Guard stopped agents: %d incidents are open.', $open, 'agent-guard' ), $open ) ),
				esc_url( admin_url( 'admin.php?page=agent-guard' ) ),
				esc_html__( 'Review', 'agent-guard' )
			);
		}
	}

	public static function styles(): void {
		if ( ! is_admin_bar_showing() || ! current_user_can( Capabilities::HALT ) ) {
			return;
		}
		echo '<style id="agent-guard-admin-bar">'
			. '#wpadminbar .agent-guard-running > .ab-item{background:#b32d2e;color:#fff}'
			. '#wpadminbar .agent-guard-halted > .ab-item{background:#8a2424;color:#fff;font-weight:600}'
			. '#wpadminbar .agent-guard-running > .ab-item .ab-icon:before,#wpadminbar .agent-guard-halted > .ab-item .ab-icon:before{color:#fff}'
			. '#wpadminbar .agent-guard-bar-form{display:flex;gap:6px;padding:6px 10px;align-items:center}'
			. '#wpadminbar .agent-guard-bar-form input[type=text]{height:28px;min-width:220px;color:#1d2327;background:#fff;padding:0 6px;line-height:28px;font-size:13px}'
			. '#wpadminbar .agent-guard-bar-button{background:#d63638;color:#fff;border:0;border-radius:2px;padding:0 10px;height:28px;line-height:28px;cursor:pointer}'
			. '#wpadminbar #wp-admin-bar-agent-guard-resume-form .agent-guard-bar-button{background:#00a32a}'
			. '#wpadminbar .agent-guard-bar-button:focus{outline:2px solid #fff;outline-offset:1px}'
			. '#wpadminbar #wp-admin-bar-agent-guard-halt .ab-submenu .ab-item{height:auto}'
			. '</style>';
	}
}

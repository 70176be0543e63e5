<?php
/**
 * Telling people and agents about queued requests.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\WordPress;

use AgentGuard\Domain\Agent\AgentRepository;
use AgentGuard\Domain\Approval\Approval;
use AgentGuard\Domain\Approval\ApprovalRepository;
use AgentGuard\Domain\Policy\Policy;

/**
 * Approvers get one e-mail digest of new pending requests at most every few minutes (a single
 * scheduled event collects what arrived meanwhile). When a request is decided, the agent's
 * callback URL, if its policy names one, receives a signed notice:
 * `X-Agent-Guard-Signature: sha256=<HMAC of the body with the agent's callback secret>`.
 *
 * @since 0.1.0
 */
final class ApprovalNotifier {

	public const DIGEST_HOOK   = 'agent_guard_approval_digest';
	public const LAST_OPTION   = 'agent_guard_last_digest_id';

	public function __construct( private ApprovalRepository $approvals, private AgentRepository $agents, private Settings $settings ) {
	}

	/**
	 * @return list<array{0: string, 1: string|callable, 2?: int, 3?: int}>
	 */
	public static function hooks(): array {
		return array(
			array( 'agent_guard_approval_queued', 'schedule_digest' ),
			array( self::DIGEST_HOOK, 'send_digest' ),
			array( 'agent_guard_approval_decided', 'notify_agent' ),
		);
	}

	public function schedule_digest(): void {
		$settings = $this->settings->all();
		if ( ! $settings['notify_approvers'] || wp_next_scheduled( self::DIGEST_HOOK ) ) {
			return;
		}
		wp_schedule_single_event( time() + 60 * $settings['approval_email_minutes'], self::DIGEST_HOOK );
	}

	/**
	 * E-mails every approver the pending requests that arrived since the last digest.
	 *
	 * @return int How many people were written to.
	 */
	public function send_digest(): int {
		$last  = (int) get_option( self::LAST_OPTION, 0 );
		$items = array_filter(
			$this->approvals->page( array( 'state' => 'pending' ), 1, 100 )['items'],
			static fn ( Approval $a ): bool => $a->id > $last
		);
		if ( ! $items ) {
			return 0;
		}
		update_option( self::LAST_OPTION, max( array_map( static fn ( Approval $a ): int => $a->id, $items ) ), false );
		$names = array();
		foreach ( $this->agents->list() as $agent ) {
			$names[ $agent->id ] = $agent->name;
		}
		$lines = array();
		foreach ( $items as $item ) {
			$lines[] = sprintf( '#%d %s — %s %s: %s', $item->id, $names[ $item->agent_id ] ?? 'agent', $item->action, $item->target_id, $item->reason );
		}
		$url     = admin_url( 'admin.php?page=agent-guard-approvals' );
		/* translators: %d: number of requests. */
		$subject = sprintf( _n( '[Agent Guard] %d agent request waits for your approval', '[Agent Guard] %d agent requests wait for your approval', count( $items ), 'agent-guard' ), count( $items ) );
		$body    = implode( "\n", $lines ) . "\n\n" . __( 'Review them:', 'agent-guard' ) . ' ' . $url . "\n";
		$sent    = 0;
		foreach ( $this->approvers() as $user ) {
			if ( wp_mail( $user->user_email, $subject, $body ) ) {
				++$sent;
			}
		}
		return $sent;
	}

	/**
	 * @return list<\WP_User>
	 */
	public function approvers(): array {
		$roles = array();
		foreach ( wp_roles()->role_objects as $name => $role ) {
			if ( $role->has_cap( Capabilities::APPROVE ) ) {
				$roles[] = $name;
			}
		}
		$users = $roles ? get_users( array( 'role__in' => $roles ) ) : array();
		return array_values( array_filter( $users, static fn ( \WP_User $u ): bool => ! ServiceUserGuard::is_service_user( $u->ID ) ) );
	}

	public function notify_agent( Approval $approval ): void {
		$agent = $this->agents->find( $approval->agent_id );
		if ( null === $agent ) {
			return;
		}
		$url = (string) ( Policy::from_array( $agent->policy )->launch()['callback_url'] ?? '' );
		if ( '' === $url ) {
			return;
		}
		$body = (string) wp_json_encode(
			array(
				'approval_id'   => $approval->id,
				'state'         => $approval->state->value,
				'action'        => $approval->action,
				'target_id'     => $approval->target_id,
				'result_status' => $approval->result_status,
				'comment'       => $approval->comment,
				'status_url'    => rest_url( 'agent-guard/v1/approvals/' . $approval->id ),
				'sent_at'       => gmdate( 'c' ),
			)
		);
		wp_safe_remote_post(
			$url,
			array(
				'body'     => $body,
				'timeout'  => 5,
				'blocking' => false,
				'headers'  => array(
					'Content-Type'           => 'application/json',
					'X-Agent-Guard-Event'    => 'approval.decided',
					'X-Agent-Guard-Signature' => 'sha256=' . hash_hmac( 'sha256', $body, self::callback_secret( $agent->id ) ),
				),
			)
		);
	}

	/**
	 * The secret an agent verifies its callbacks with (shown to its managers, never stored).
	 */
	public static function callback_secret( int $agent_id ): string {
		return hash_hmac( 'sha256', 'agent:' . $agent_id, SiteSecrets::callback_key() );
	}
}

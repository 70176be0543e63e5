<?php
/**
 * E-mail alerts when the system stops an agent.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\WordPress;

use AgentGuard\Domain\Agent\Agent;
use AgentGuard\Domain\Control\Alerts;
use AgentGuard\Domain\Policy\Policy;

/**
 * Writes to the agent's owner and to the alert addresses of its policy.
 *
 * @since 0.1.0
 */
final class WpAlerts implements Alerts {

	public function agent_stopped( Agent $agent, string $summary, int $incident_id ): void {
		$to    = array();
		$owner = get_userdata( $agent->owner_user_id );
		if ( $owner ) {
			$to[] = $owner->user_email;
		}
		foreach ( (array) ( Policy::from_array( $agent->policy )->launch()['alert_emails'] ?? array() ) as $email ) {
			if ( is_email( (string) $email ) ) {
				$to[] = (string) $email;
			}
		}
		$to = array_values( array_unique( $to ) );
		if ( ! $to ) {
			return;
		}
		/* translators: %s: agent name. */
		$subject = sprintf( __( '[Agent Guard] %s was stopped', 'agent-guard' ), $agent->name );
		$body    = $summary . "\n\n"
			/* translators: %d: incident id. */
			. sprintf( __( 'Incident #%d is open. Review it and close it with a note once handled:', 'agent-guard' ), $incident_id ) . "\n"
			. admin_url( 'admin.php?page=agent-guard' ) . "\n";
		wp_mail( $to, $subject, $body );
	}
}

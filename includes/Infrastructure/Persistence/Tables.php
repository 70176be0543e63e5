<?php
/**
 * Table names.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\Persistence;

/**
 * `{$wpdb->prefix}agent_guard_<plural>`, in one place.
 *
 * @since 0.1.0
 */
final class Tables {

	public static function agents( \wpdb $wpdb ): string {
		return $wpdb->prefix . 'agent_guard_agents';
	}

	public static function counters( \wpdb $wpdb ): string {
		return $wpdb->prefix . 'agent_guard_counters';
	}

	public static function tokens( \wpdb $wpdb ): string {
		return $wpdb->prefix . 'agent_guard_tokens';
	}

	public static function policy_versions( \wpdb $wpdb ): string {
		return $wpdb->prefix . 'agent_guard_policy_versions';
	}

	public static function audit_events( \wpdb $wpdb ): string {
		return $wpdb->prefix . 'agent_guard_audit_events';
	}

	public static function approvals( \wpdb $wpdb ): string {
		return $wpdb->prefix . 'agent_guard_approvals';
	}

	public static function idempotency( \wpdb $wpdb ): string {
		return $wpdb->prefix . 'agent_guard_idempotency';
	}

	public static function control( \wpdb $wpdb ): string {
		return $wpdb->prefix . 'agent_guard_control';
	}

	public static function incidents( \wpdb $wpdb ): string {
		return $wpdb->prefix . 'agent_guard_incidents';
	}

	public static function adoptions( \wpdb $wpdb ): string {
		return $wpdb->prefix . 'agent_guard_adoptions';
	}

	public static function price_log( \wpdb $wpdb ): string {
		return $wpdb->prefix . 'agent_guard_price_log';
	}
}

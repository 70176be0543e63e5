<?php
/**
 * Site-wide settings of the guard.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\WordPress;

/**
 * One autoloaded option, `agent_guard_settings`, validated on write.
 *
 * @since 0.1.0
 */
final class Settings {

	public const OPTION = 'agent_guard_settings';

	public const DEFAULTS = array(
		'refuse_unregistered_key_writes' => false,
		'approval_email_minutes'         => 5,
		'notify_approvers'               => true,
	);

	/**
	 * @return array{refuse_unregistered_key_writes: bool, approval_email_minutes: int, notify_approvers: bool}
	 */
	public function all(): array {
		$stored = get_option( self::OPTION, array() );
		$values = array_merge( self::DEFAULTS, is_array( $stored ) ? array_intersect_key( $stored, self::DEFAULTS ) : array() );
		return array(
			'refuse_unregistered_key_writes' => (bool) $values['refuse_unregistered_key_writes'],
			'approval_email_minutes'         => max( 1, min( 1440, (int) $values['approval_email_minutes'] ) ),
			'notify_approvers'               => (bool) $values['notify_approvers'],
		);
	}

	public function refuses_unregistered_key_writes(): bool {
		return $this->all()['refuse_unregistered_key_writes'];
	}

	/**
	 * @param array<string, mixed> $changes Already validated by the REST schema.
	 * @return array<string, mixed>
	 */
	public function update( array $changes ): array {
		$values = array_merge( $this->all(), array_intersect_key( $changes, self::DEFAULTS ) );
		update_option( self::OPTION, $values, true );
		return $this->all();
	}
}

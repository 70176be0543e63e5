<?php
/**
 * Who is calling, as established from a credential.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Agent;

use AgentGuard\Domain\Control\HaltState;
use AgentGuard\Domain\Token\Token;

/**
 * The agent behind a request, the credential it used (a plugin token, or an adopted
 * WooCommerce key / application password) and the global halt state, all read in one query.
 *
 * @since 0.1.0
 */
final class Identity {

	public const CREDENTIAL_TOKEN        = 'token';
	public const CREDENTIAL_WC_KEY       = 'wc_key';
	public const CREDENTIAL_APP_PASSWORD = 'app_password';

	/** The WordPress user the request runs as: the service user, or an adopted credential's user. */
	public readonly int $acting_user_id;

	public function __construct(
		public readonly Agent $agent,
		public readonly string $credential_type,
		public readonly ?Token $token,
		public readonly HaltState $global_halt,
		public readonly string $credential_label = '',
		int $acting_user_id = 0,
		/** @var array<string, int> Circuit-breaker counters at request start (attempt_*, fail_*, burst_*). */
		public readonly array $counters = array()
	) {
		$this->acting_user_id = $acting_user_id > 0 ? $acting_user_id : $agent->service_user_id;
	}

	public function is_adopted(): bool {
		return self::CREDENTIAL_TOKEN !== $this->credential_type;
	}

	/**
	 * Why the credential may not be used now (`expired`, `revoked`), or null.
	 */
	public function credential_refusal( int $now ): ?string {
		if ( null !== $this->token ) {
			return $this->token->refusal( $now );
		}
		return null;
	}

	public function credential_id(): string {
		return null !== $this->token ? $this->token->display_prefix() : $this->credential_type . ':' . $this->credential_label;
	}
}

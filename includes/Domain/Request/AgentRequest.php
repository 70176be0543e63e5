<?php
/**
 * A request as the guard judges it.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Request;

/**
 * The method WordPress will dispatch (after `_method` / X-HTTP-Method-Override), the
 * dispatched route, the parameters exactly as the handler will read them (JSON body > form
 * body > query > URL, as WP_REST_Request::get_params() merges them) and which of them the
 * agent actually sent (defaults are not the agent's doing).
 *
 * @since 0.1.0
 */
final class AgentRequest {

	/**
	 * @param array<string, mixed>  $params What the handler will read.
	 * @param list<string>          $sent   Top-level parameter names the agent sent.
	 * @param array<string, string> $metadata The agent's X-Agent-* fields.
	 */
	public function __construct(
		public readonly string $method,
		public readonly string $route,
		public readonly array $params,
		public readonly array $sent,
		public readonly array $metadata = array(),
		public readonly string $idempotency_key = ''
	) {
	}

	/**
	 * The parameters the agent sent, with the values the handler will use.
	 *
	 * @return array<string, mixed>
	 */
	public function sent_params(): array {
		$out = array();
		foreach ( $this->sent as $name ) {
			if ( array_key_exists( $name, $this->params ) ) {
				$out[ $name ] = $this->params[ $name ];
			}
		}
		return $out;
	}
}

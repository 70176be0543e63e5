<?php
/**
 * What the guard decided about a request.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Decision;

/**
 * The outcome, the rule that fired, and what the agent is told: the WordPress REST error
 * shape (`code`, `message`, `data.status` + extras). Every refusal names its rule.
 *
 * @since 0.1.0
 */
final class Decision {

	public const ALLOW          = 'allow';
	public const DENY           = 'deny';
	public const QUEUE          = 'queue';
	public const OBSERVE        = 'observe';
	public const HALTED         = 'halted';
	public const RATE_LIMITED   = 'rate_limited';
	public const OUTSIDE_CANARY = 'outside_canary';
	public const INVALID        = 'invalid';
	public const CONFLICT       = 'conflict';
	public const UNAVAILABLE    = 'unavailable';
	public const REFUSED        = 'refused';

	/**
	 * @param array<string, mixed>      $data    Extra members of the error's data.
	 * @param list<array<string, mixed>> $reasons Per-item reasons (batches) or each breached threshold.
	 * @param array<string, mixed>      $diff    What the request would change (before → after).
	 */
	public function __construct(
		public readonly string $outcome,
		public readonly string $rule = '',
		public readonly string $code = '',
		public readonly string $message = '',
		public readonly int $status = 200,
		public readonly array $data = array(),
		public readonly array $reasons = array(),
		public readonly array $diff = array(),
		public readonly int $retry_after = 0
	) {
	}

	public static function allow(): self {
		return new self( self::ALLOW );
	}

	/**
	 * @param list<array<string, mixed>> $reasons
	 */
	public static function deny( string $rule, string $message, array $reasons = array(), array $data = array() ): self {
		return new self( self::DENY, $rule, 'agent_guard_denied', $message, 403, $data, $reasons );
	}

	public static function invalid( string $code, string $message, string $path, string $rule = 'validation' ): self {
		return new self( self::INVALID, $rule, $code, $message, 400, array( 'path' => $path ) );
	}

	public static function conflict( string $code, string $message, string $rule, array $data = array() ): self {
		return new self( self::CONFLICT, $rule, $code, $message, 409, $data );
	}

	public static function halted( string $scope, string $reason, int $retry_after = 60 ): self {
		return new self(
			self::HALTED,
			'kill_switch.' . $scope,
			'agent_guard_halted',
			'global' === $scope
				? 'All agents are halted' . ( '' !== $reason ? ': ' . $reason : '.' )
				: 'This agent is halted' . ( '' !== $reason ? ': ' . $reason : '.' ),
			503,
			array( 'scope' => $scope ),
			array(),
			array(),
			$retry_after
		);
	}

	public static function rate_limited( string $rule, string $message, int $retry_after, array $data = array() ): self {
		return new self( self::RATE_LIMITED, $rule, 'agent_guard_rate_limited', $message, 429, $data, array(), array(), $retry_after );
	}

	/**
	 * @param list<array<string, mixed>> $reasons
	 * @param array<string, mixed>       $diff
	 */
	public static function queue( string $rule, string $message, array $reasons, array $diff ): self {
		return new self( self::QUEUE, $rule, 'agent_guard_pending_approval', $message, 202, array(), $reasons, $diff );
	}

	/**
	 * @param list<array<string, mixed>> $reasons
	 */
	public static function outside_canary( bool $queue, float $percent, array $reasons ): self {
		return new self(
			self::OUTSIDE_CANARY,
			'canary.percent',
			'agent_guard_outside_canary',
			sprintf( 'The target is outside this agent\'s canary share (%s %% of targets).', rtrim( rtrim( number_format( $percent, 2, '.', '' ), '0' ), '.' ) ),
			$queue ? 202 : 403,
			array( 'queued' => $queue ),
			$reasons
		);
	}

	public static function unavailable( string $message ): self {
		return new self( self::UNAVAILABLE, 'storage', 'agent_guard_unavailable', $message, 503 );
	}

	public function is_allow(): bool {
		return self::ALLOW === $this->outcome;
	}

	/**
	 * Whether the agent's request must not reach WooCommerce.
	 */
	public function stops(): bool {
		return self::ALLOW !== $this->outcome;
	}

	public function with_diff( array $diff ): self {
		return new self( $this->outcome, $this->rule, $this->code, $this->message, $this->status, $this->data, $this->reasons, $diff, $this->retry_after );
	}

	public function with_data( array $data ): self {
		return new self( $this->outcome, $this->rule, $this->code, $this->message, $this->status, $data + $this->data, $this->reasons, $this->diff, $this->retry_after );
	}

	/**
	 * The error body's `data` member (status, rule and extras).
	 *
	 * @return array<string, mixed>
	 */
	public function error_data(): array {
		$data = array(
			'status' => $this->status,
			'rule'   => $this->rule,
		) + $this->data;
		if ( $this->reasons ) {
			$data['reasons'] = $this->reasons;
		}
		if ( $this->retry_after > 0 ) {
			$data['retry_after'] = $this->retry_after;
		}
		return $data;
	}
}

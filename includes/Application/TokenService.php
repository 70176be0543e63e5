<?php
/**
 * Issuing, rotating and revoking agent tokens.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Application;

use AgentGuard\Domain\Agent\AgentRepository;
use AgentGuard\Domain\Audit\AuditEvent;
use AgentGuard\Domain\Audit\AuditLog;
use AgentGuard\Domain\Clock;
use AgentGuard\Domain\DomainException;
use AgentGuard\Domain\Policy\Policy;
use AgentGuard\Domain\Token\Token;
use AgentGuard\Domain\Token\TokenFormat;
use AgentGuard\Domain\Token\TokenHasher;
use AgentGuard\Domain\Token\TokenRepository;

/**
 * Tokens are shown once at creation, stored as HMAC hashes, always expire (30 days by default,
 * 365 at most; 1–2 hours for critical scopes), can be rotated with a grace period and revoked
 * at once. Every act is audited without the secret.
 *
 * @since 0.1.0
 */
final class TokenService {

	public const MAX_LIFETIME     = 365 * 86400;
	public const MAX_GRACE        = 7 * 86400;
	public const MAX_CRITICAL_TTL = 2 * 3600;

	public function __construct(
		private AgentRepository $agents,
		private TokenRepository $tokens,
		private TokenHasher $hasher,
		private AuditLog $audit,
		private Clock $clock
	) {
	}

	/**
	 * Issues a token. Returns the stored token and the secret, which is never stored.
	 *
	 * @param int|null $lifetime Seconds; defaults to the policy's lifetime (critical: its short lifetime).
	 * @return array{token: Token, secret: string}
	 */
	public function issue( int $agent_id, string $label, ?int $lifetime, string $scope, int $user_id ): array {
		$agent = $this->agents->find( $agent_id );
		if ( null === $agent ) {
			throw new DomainException( 'agent_guard_agent_not_found', 'No agent has that id.', 404 );
		}
		if ( $agent->is_archived() ) {
			throw new DomainException( 'agent_guard_agent_archived', 'This agent is archived; it cannot get new tokens.', 409 );
		}
		if ( ! in_array( $scope, array( Token::SCOPE_STANDARD, Token::SCOPE_CRITICAL ), true ) ) {
			throw DomainException::invalid( 'The token scope must be standard or critical.', array( 'path' => 'scope' ) );
		}
		$policy = Policy::from_array( $agent->policy );
		$max    = Token::SCOPE_CRITICAL === $scope ? self::MAX_CRITICAL_TTL : self::MAX_LIFETIME;
		$ttl    = $lifetime ?? ( Token::SCOPE_CRITICAL === $scope ? $policy->critical_token_lifetime_seconds() : $policy->token_lifetime_seconds() );
		if ( $ttl < 60 || $ttl > $max ) {
			throw DomainException::invalid(
				Token::SCOPE_CRITICAL === $scope
					? 'A critical token lives from 1 minute to 2 hours.'
					: 'A token lives from 1 minute to 365 days; tokens without an expiry are not allowed.',
				array( 'path' => 'lifetime_seconds' )
			);
		}
		$label = trim( $label );
		if ( mb_strlen( $label ) > 100 ) {
			throw DomainException::invalid( 'The label is at most 100 characters.', array( 'path' => 'label' ) );
		}
		$now    = $this->clock->now();
		$secret = TokenFormat::generate();
		$token  = $this->tokens->insert(
			new Token(
				id: 0,
				agent_id: $agent->id,
				lookup: TokenFormat::lookup( $secret ),
				hash: $this->hasher->hash( $secret ),
				label: '' === $label ? 'Token' : $label,
				created_at: $now,
				expires_at: $now + $ttl,
				created_by: $user_id,
				scope: $scope
			)
		);
		$this->audit->append(
			AuditEvent::for_user_act(
				'token_issued',
				$user_id,
				$agent->id,
				$now,
				array(
					'token'      => $token->display_prefix(),
					'label'      => $token->label,
					'scope'      => $scope,
					'expires_at' => gmdate( 'c', $token->expires_at ),
				),
				null,
				null,
				'token',
				(string) $token->id
			)
		);
		return array(
			'token'  => $token,
			'secret' => $secret,
		);
	}

	/**
	 * Issues a successor with the same label and lifetime policy; the old token keeps working
	 * for $grace seconds, then stops.
	 *
	 * @return array{token: Token, secret: string}
	 */
	public function rotate( int $agent_id, int $token_id, int $grace, int $user_id ): array {
		$old = $this->require_token( $agent_id, $token_id );
		$now = $this->clock->now();
		if ( null !== $old->refusal( $now ) ) {
			throw new DomainException( 'agent_guard_token_not_active', 'Only an active token can be rotated.', 409 );
		}
		if ( $grace < 0 || $grace > self::MAX_GRACE ) {
			throw DomainException::invalid( 'The grace period is from 0 seconds to 7 days.', array( 'path' => 'grace_seconds' ) );
		}
		$issued = $this->issue( $agent_id, $old->label, null, $old->scope, $user_id );
		$this->tokens->revoke( $old->id, min( $now + $grace, $old->expires_at ), $user_id, $issued['token']->id );
		$this->audit->append(
			AuditEvent::for_user_act(
				'token_rotated',
				$user_id,
				$agent_id,
				$now,
				array(
					'token'         => $old->display_prefix(),
					'successor'     => $issued['token']->display_prefix(),
					'grace_seconds' => $grace,
				),
				null,
				null,
				'token',
				(string) $old->id
			)
		);
		return $issued;
	}

	/**
	 * Revokes a token with effect on the next request.
	 */
	public function revoke( int $agent_id, int $token_id, int $user_id ): Token {
		$token = $this->require_token( $agent_id, $token_id );
		$now   = $this->clock->now();
		if ( $token->is_revoked( $now ) ) {
			return $token;
		}
		$this->tokens->revoke( $token->id, $now, $user_id );
		$this->audit->append(
			AuditEvent::for_user_act( 'token_revoked', $user_id, $agent_id, $now, array( 'token' => $token->display_prefix() ), null, null, 'token', (string) $token->id )
		);
		return $this->tokens->find( $token->id ) ?? $token;
	}

	/**
	 * Revokes every live token of an agent (archiving).
	 */
	public function revoke_all( int $agent_id, int $user_id ): int {
		$count = 0;
		$now   = $this->clock->now();
		foreach ( $this->tokens->for_agent( $agent_id ) as $token ) {
			if ( ! $token->is_revoked( $now ) ) {
				$this->revoke( $agent_id, $token->id, $user_id );
				++$count;
			}
		}
		return $count;
	}

	private function require_token( int $agent_id, int $token_id ): Token {
		$token = $this->tokens->find( $token_id );
		if ( null === $token || $token->agent_id !== $agent_id ) {
			throw new DomainException( 'agent_guard_token_not_found', 'This agent has no token with that id.', 404 );
		}
		return $token;
	}
}

<?php
/**
 * Who is calling: agent tokens, adopted credentials, and credentials in the wrong place.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\WooCommerce;

use AgentGuard\Application\Authenticator;
use AgentGuard\Domain\Agent\Identity;
use AgentGuard\Domain\Clock;
use AgentGuard\Domain\DomainException;
use AgentGuard\Domain\Token\TokenFormat;
use AgentGuard\Infrastructure\Persistence\WpdbAdoptions;
use AgentGuard\Infrastructure\Persistence\WpdbAgentRepository;
use AgentGuard\Infrastructure\WordPress\ServiceUserGuard;

/**
 * Runs in `determine_current_user` on REST requests only:
 * - `Authorization: Bearer agk_…` → the agent's service user (one query);
 * - a WooCommerce key or application password adopted by an agent → that agent, acting as
 *   the credential's user with no more than its policy's capabilities;
 * - an agent token in the query string, a cookie or the body → refused, never evaluated;
 * - a service user authenticated any other way → refused (no way around the guard).
 * Anything else is left exactly as it was.
 *
 * @since 0.1.0
 */
final class AgentAuthentication {

	public const FAILURE_SERVICE_USER = 'service_user';
	public const FAILURE_UNAVAILABLE  = 'unavailable';

	/**
	 * WpdbAdoptions::FLAG_OPTION, written out: a person's request reads the flag without loading
	 * WpdbAdoptions (a test keeps the two equal).
	 */
	public const ADOPTIONS_FLAG = 'agent_guard_has_adoptions';

	/**
	 * @param \Closure(): Authenticator $authenticator Built when a token is first seen.
	 * @param \Closure(): WpdbAdoptions $adoptions    Built when another credential is first seen.
	 * @param \Closure(): Clock         $clock        Built when an agent is identified.
	 */
	public function __construct(
		private RequestScope $scope,
		private \Closure $authenticator,
		private \Closure $adoptions,
		private \Closure $clock
	) {
	}

	private function authenticator(): Authenticator {
		return ( $this->authenticator )();
	}

	private function adoptions(): WpdbAdoptions {
		return ( $this->adoptions )();
	}

	/**
	 * @return list<array{0: string, 1: string|callable, 2?: int, 3?: int}>
	 */
	public static function hooks(): array {
		return array(
			array( 'determine_current_user', 'authenticate', 30 ),
			array( 'rest_authentication_errors', 'authentication_errors', 90 ),
			array( 'application_password_did_authenticate', 'remember_application_password', 10, 2 ),
		);
	}

	/**
	 * @param \WP_User             $user
	 * @param array<string, mixed> $item
	 */
	public function remember_application_password( $user, $item ): void {
		$this->scope->app_password_uuid = isset( $item['uuid'] ) ? (string) $item['uuid'] : '';
	}

	/**
	 * @param int|false $user_id User found by earlier handlers (cookies, WooCommerce keys, application passwords).
	 * @return int|false
	 */
	public function authenticate( $user_id ) {
		if ( $this->scope->resolved ) {
			return null === $this->scope->failure && null !== $this->scope->identity && null === $this->refusal() ? $this->scope->identity->acting_user_id : ( $this->scope->attempted ? false : $user_id );
		}
		if ( ! self::is_rest_request() ) {
			return $user_id;
		}
		$header = self::authorization_header();
		// Authenticator is only loaded for bearer credentials (not for people's passwords and keys).
		$bearer = null !== $header && 0 === strncasecmp( ltrim( $header ), 'bearer', 6 ) ? Authenticator::bearer_from_header( $header ) : null;
		if ( null !== $bearer && ( '' === $bearer || str_starts_with( $bearer, 'agk_' ) ) ) {
			return $this->authenticate_token( $bearer, $user_id );
		}
		if ( ! empty( $user_id ) ) {
			return $this->authenticate_other( (int) $user_id );
		}
		if ( $this->token_in_wrong_place() ) {
			$this->scope->resolved  = true;
			$this->scope->attempted = true;
			$this->scope->failure   = RequestScope::FAILURE_WRONG_PLACE;
			return false;
		}
		return $user_id;
	}

	/**
	 * @param int|false $user_id
	 * @return int|false
	 */
	private function authenticate_token( string $bearer, $user_id ) {
		$this->scope->resolved   = true;
		$this->scope->attempted  = true;
		$this->scope->credential = $bearer;
		if ( ! empty( $user_id ) ) {
			// A cookie or another credential already identified someone: never guess which wins.
			$this->scope->failure = RequestScope::FAILURE_AMBIGUOUS;
			return false;
		}
		try {
			$identity = $this->authenticator()->identify_token( $bearer );
		} catch ( DomainException $error ) {
			$this->scope->failure = self::FAILURE_UNAVAILABLE;
			return false;
		}
		if ( null === $identity ) {
			$this->scope->failure = RequestScope::FAILURE_INVALID;
			return false;
		}
		$this->scope->identity = $identity;
		// Expired, revoked or archived: no user; the gate answers after the kill-switch check.
		return null === $this->refusal() ? $identity->acting_user_id : false;
	}

	/**
	 * A user was identified by another credential: an adopted one makes this an agent request.
	 *
	 * @return int|false
	 */
	private function authenticate_other( int $user_id ) {
		if ( ServiceUserGuard::is_service_user( $user_id ) ) {
			$this->scope->resolved  = true;
			$this->scope->attempted = true;
			$this->scope->failure   = self::FAILURE_SERVICE_USER;
			return false;
		}
		$uuid = $this->scope->app_password_uuid;
		// WordPress only checks an application password when no WooCommerce key identified the
		// user first: with one, no key is involved.
		$consumer_key = '' === $uuid ? self::wc_consumer_key() : '';
		if ( '' === $consumer_key && '' === $uuid ) {
			return $user_id;
		}
		$this->scope->resolved = true;
		if ( ! get_option( self::ADOPTIONS_FLAG, false ) ) {
			$this->scope->unregistered_key = '' !== $consumer_key;
			return $user_id;
		}
		try {
			$row = '' !== $consumer_key
				? $this->adoptions()->identify_wc_key( self::wc_api_hash( $consumer_key ) )
				: $this->adoptions()->identify_app_password( $uuid );
		} catch ( DomainException $error ) {
			$this->scope->attempted = true;
			$this->scope->failure   = self::FAILURE_UNAVAILABLE;
			return false;
		}
		if ( null === $row || (int) $row['ad_user'] !== $user_id ) {
			$this->scope->unregistered_key = '' !== $consumer_key;
			return $user_id;
		}
		$this->scope->attempted  = true;
		$this->scope->credential = '' !== $consumer_key ? $consumer_key : $uuid;
		$this->scope->identity   = new Identity(
			WpdbAgentRepository::hydrate( $row ),
			(string) $row['ad_kind'],
			null,
			WpdbAgentRepository::halt_state( $row ),
			(string) $row['ad_label'],
			$user_id
		);
		return null === $this->refusal() ? $user_id : false;
	}

	/**
	 * Why the identified credential may not act now, or null.
	 */
	private function refusal(): ?string {
		$identity = $this->scope->identity;
		if ( null === $identity ) {
			return null;
		}
		if ( $identity->agent->is_archived() ) {
			return 'revoked';
		}
		return $identity->credential_refusal( ( $this->clock )()->now() );
	}

	/**
	 * Refuses requests whose agent credential cannot be used at all.
	 *
	 * @param \WP_Error|true|null $result
	 * @return \WP_Error|true|null
	 */
	public function authentication_errors( $result ) {
		if ( ! $this->scope->resolved ) {
			wp_get_current_user();
		}
		switch ( $this->scope->failure ) {
			case RequestScope::FAILURE_INVALID:
				return new \WP_Error( 'agent_guard_token_invalid', __( 'The agent token is not valid.', 'agent-guard' ), array( 'status' => 401 ) );
			case RequestScope::FAILURE_AMBIGUOUS:
				return new \WP_Error( 'agent_guard_ambiguous_auth', __( 'The request carries an agent token and another credential (a cookie, a key or a password); send only the agent token.', 'agent-guard' ), array( 'status' => 400 ) );
			case RequestScope::FAILURE_WRONG_PLACE:
				return new \WP_Error( 'agent_guard_token_in_wrong_place', __( 'Agent tokens are accepted only in the Authorization header (Authorization: Bearer agk_…), never in the URL, a cookie or the body. Treat this token as leaked and rotate it.', 'agent-guard' ), array( 'status' => 400 ) );
			case self::FAILURE_SERVICE_USER:
				return new \WP_Error(
					'agent_guard_denied',
					__( 'This account belongs to an agent; it acts only through its agent token.', 'agent-guard' ),
					array(
						'status' => 403,
						'rule'   => 'credential.service_user',
					)
				);
			case self::FAILURE_UNAVAILABLE:
				return new \WP_Error( 'agent_guard_unavailable', __( 'Agent Guard cannot reach its storage; agent requests are refused until it can.', 'agent-guard' ), array( 'status' => 503 ) );
		}
		return $result;
	}

	/**
	 * Looks for something shaped like an agent token outside the Authorization header.
	 */
	private function token_in_wrong_place(): bool {
		$pattern = '/agk_[A-Za-z0-9]{44}/';
		// phpcs:disable WordPress.Security.NonceVerification, WordPress.Security.ValidatedSanitizedInput -- only searched for a token shape.
		foreach ( array( $_GET, $_COOKIE, $_POST ) as $source ) {
			$flat = is_array( $source ) ? (string) wp_json_encode( $source ) : '';
			if ( str_contains( $flat, 'agk_' ) && preg_match( $pattern, $flat ) ) {
				return true;
			}
		}
		$method = isset( $_SERVER['REQUEST_METHOD'] ) ? strtoupper( (string) $_SERVER['REQUEST_METHOD'] ) : 'GET';
		// phpcs:enable
		if ( in_array( $method, array( 'POST', 'PUT', 'PATCH', 'DELETE' ), true ) ) {
			$body = (string) \WP_REST_Server::get_raw_data();
			if ( str_contains( $body, 'agk_' ) && preg_match( $pattern, $body ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The WooCommerce consumer key this request authenticates with (Basic, query or OAuth), or ''.
	 */
	public static function wc_consumer_key(): string {
		// phpcs:disable WordPress.Security.NonceVerification, WordPress.Security.ValidatedSanitizedInput -- compared, never output.
		$candidates = array(
			$_SERVER['PHP_AUTH_USER'] ?? '',
			$_GET['consumer_key'] ?? '',
			$_GET['oauth_consumer_key'] ?? '',
			$_POST['oauth_consumer_key'] ?? '',
		);
		$header     = self::authorization_header() ?? '';
		// phpcs:enable
		if ( preg_match( '/oauth_consumer_key="?([^",]+)"?/i', $header, $match ) ) {
			$candidates[] = rawurldecode( $match[1] );
		}
		if ( preg_match( '/^Basic\s+(.+)$/i', $header, $match ) ) {
			$decoded      = (string) base64_decode( trim( $match[1] ), true );
			$candidates[] = strstr( $decoded, ':', true ) ?: '';
		}
		foreach ( $candidates as $candidate ) {
			if ( is_string( $candidate ) && str_starts_with( $candidate, 'ck_' ) ) {
				return $candidate;
			}
		}
		return '';
	}

	public static function wc_api_hash( string $data ): string {
		return function_exists( 'wc_api_hash' ) ? (string) wc_api_hash( $data ) : hash_hmac( 'sha256', $data, 'wc-api' );
	}

	/**
	 * Whether a string is shaped like one of our tokens (for log scrubbing).
	 */
	public static function looks_like_token( string $value ): bool {
		return TokenFormat::is_well_formed( $value );
	}

	/**
	 * Whether this HTTP request is for the REST API (identification only; decisions never
	 * read the raw URL).
	 */
	private static function is_rest_request(): bool {
		if ( defined( 'REST_REQUEST' ) && REST_REQUEST ) {
			return true;
		}
		// phpcs:disable WordPress.Security.NonceVerification.Recommended, WordPress.Security.ValidatedSanitizedInput
		if ( isset( $_GET['rest_route'] ) ) {
			return true;
		}
		$uri = isset( $_SERVER['REQUEST_URI'] ) ? (string) wp_unslash( $_SERVER['REQUEST_URI'] ) : '';
		// phpcs:enable
		$prefix = '/' . trim( rest_get_url_prefix(), '/' ) . '/';
		return false !== stripos( $uri, $prefix ) || str_ends_with( strtok( $uri, '?' ) ?: '', rtrim( $prefix, '/' ) );
	}

	private static function authorization_header(): ?string {
		// phpcs:disable WordPress.Security.ValidatedSanitizedInput -- a credential, compared, never output.
		foreach ( array( 'HTTP_AUTHORIZATION', 'REDIRECT_HTTP_AUTHORIZATION' ) as $key ) {
			if ( isset( $_SERVER[ $key ] ) && is_string( $_SERVER[ $key ] ) && '' !== $_SERVER[ $key ] ) {
				return wp_unslash( $_SERVER[ $key ] );
			}
		}
		// phpcs:enable
		return null;
	}
}

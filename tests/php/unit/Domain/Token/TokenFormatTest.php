<?php
declare( strict_types=1 );

namespace AgentGuard\Tests\unit\Domain\Token;

use AgentGuard\Domain\Token\TokenFormat;
use AgentGuard\Domain\Token\TokenHasher;
use PHPUnit\Framework\TestCase;

final class TokenFormatTest extends TestCase {

	public function test_generated_tokens_are_well_formed_and_unique(): void {
		$seen = array();
		for ( $i = 0; $i < 200; $i++ ) {
			$token = TokenFormat::generate();
			$this->assertTrue( TokenFormat::is_well_formed( $token ), $token );
			$this->assertStringStartsWith( 'agk_', $token );
			$this->assertSame( TokenFormat::LENGTH, strlen( $token ) );
			$seen[ $token ] = true;
		}
		$this->assertCount( 200, $seen );
	}

	public function test_generation_uses_only_unbiased_bytes(): void {
		// Bytes of 248 and above must be skipped (they would bias the alphabet).
		$calls = 0;
		$token = TokenFormat::generate(
			static function ( int $length ) use ( &$calls ): string {
				++$calls;
				return 1 === $calls ? str_repeat( chr( 255 ), $length ) : str_repeat( chr( 61 ), $length );
			}
		);
		$this->assertSame( 'agk_' . str_repeat( '9', 44 ), $token );
		$this->assertSame( 2, $calls );
	}

	/**
	 * @dataProvider malformed_tokens
	 */
	public function test_malformed_tokens_are_rejected_before_lookup( string $token ): void {
		$this->assertFalse( TokenFormat::is_well_formed( $token ) );
	}

	public static function malformed_tokens(): array {
		$good = 'agk_' . str_repeat( 'a', 44 );
		return array(
			'empty'          => array( '' ),
			'prefix only'    => array( 'agk_' ),
			'one short'      => array( substr( $good, 0, -1 ) ),
			'one long'       => array( $good . 'a' ),
			'wrong prefix'   => array( 'agx_' . str_repeat( 'a', 44 ) ),
			'nul byte'       => array( substr( $good, 0, -1 ) . "\0" ),
			'non-ascii'      => array( substr( $good, 0, -2 ) . 'é' ),
			'trailing space' => array( substr( $good, 0, -1 ) . ' ' ),
			'newline'        => array( $good . "\n" ),
		);
	}

	public function test_lookup_and_display_prefix_never_include_the_secret(): void {
		$token  = 'agk_ABCDEFGHIJKL' . str_repeat( 'z', 32 );
		$lookup = TokenFormat::lookup( $token );
		$this->assertSame( 'ABCDEFGHIJKL', $lookup );
		$this->assertSame( 'agk_ABCDEFGHIJKL', TokenFormat::display_prefix( $lookup ) );
		$this->assertStringNotContainsString( 'zzzz', TokenFormat::display_prefix( $lookup ) );
	}

	public function test_hasher_matches_only_the_same_token(): void {
		$hasher = new TokenHasher( str_repeat( 'k', 32 ) );
		$token  = TokenFormat::generate();
		$hash   = $hasher->hash( $token );
		$this->assertSame( 64, strlen( $hash ) );
		$this->assertTrue( $hasher->matches( $hash, $token ) );
		$flipped = substr( $token, 0, -1 ) . ( str_ends_with( $token, 'a' ) ? 'b' : 'a' );
		$this->assertFalse( $hasher->matches( $hash, $flipped ), 'one character flipped' );
		$this->assertFalse( $hasher->matches( $hash, substr( $token, 0, -1 ) ), 'shorter' );
		$this->assertFalse( $hasher->matches( $hash, $token . 'a' ), 'longer' );
		$this->assertFalse( $hasher->matches( $hash, '' ), 'empty' );
	}

	public function test_hash_depends_on_the_key(): void {
		$token = TokenFormat::generate();
		$this->assertNotSame(
			( new TokenHasher( str_repeat( 'a', 32 ) ) )->hash( $token ),
			( new TokenHasher( str_repeat( 'b', 32 ) ) )->hash( $token )
		);
	}

	public function test_short_keys_are_refused(): void {
		$this->expectException( \InvalidArgumentException::class );
		new TokenHasher( 'short' );
	}
}

<?php
declare( strict_types=1 );

namespace AgentGuard\Tests\unit\Domain\Envelope;

use AgentGuard\Domain\Envelope\Money;
use PHPUnit\Framework\TestCase;

final class MoneyTest extends TestCase {

	/**
	 * @return array<string, array{0: mixed, 1: int, 2: ?int}>
	 */
	public static function prices(): array {
		return array(
			'plain'           => array( '12.50', 2, 1250 ),
			'one decimal'     => array( '12.5', 2, 1250 ),
			'integer'         => array( '12', 2, 1200 ),
			'zero'            => array( '0', 2, 0 ),
			'empty clears'    => array( '', 2, 0 ),
			'no decimals'     => array( '12', 0, 12 ),
			'three decimals'  => array( '1.234', 3, 1234 ),
			'nine digits'     => array( '999999999.99', 2, 99999999999 ),
			'too many dec.'   => array( '12.345', 2, null ),
			'decimals at 0'   => array( '12.5', 0, null ),
			'negative'        => array( '-1', 2, null ),
			'NaN'             => array( 'NaN', 2, null ),
			'Infinity'        => array( 'Infinity', 2, null ),
			'exponent'        => array( '1e309', 2, null ),
			'small exponent'  => array( '1e-7', 2, null ),
			'trailing junk'   => array( '12abc', 2, null ),
			'hex'             => array( '0x10', 2, null ),
			'double dot'      => array( '1..23', 2, null ),
			'spaces'          => array( ' 12 ', 2, null ),
			'comma'           => array( '12,50', 2, null ),
			'arabic-indic'    => array( '١٢', 2, null ),
			'ten int digits'  => array( '9999999999', 2, null ),
			'number type'     => array( 12.5, 2, null ),
			'array'           => array( array( '10' ), 2, null ),
			'bool'            => array( true, 2, null ),
			'null'            => array( null, 2, null ),
			'leading dot'     => array( '.5', 2, null ),
			'trailing dot'    => array( '5.', 2, null ),
		);
	}

	/**
	 * @dataProvider prices
	 */
	public function test_strict_parsing( mixed $value, int $decimals, ?int $expected ): void {
		$this->assertSame( $expected, Money::parse( $value, $decimals ) );
	}

	public function test_formatting_and_percent_change(): void {
		$this->assertSame( '12.50', Money::format( 1250, 2 ) );
		$this->assertSame( '0.05', Money::format( 5, 2 ) );
		$this->assertSame( '7', Money::format( 7, 0 ) );
		$this->assertSame( 5.0, Money::percent_change( 10000, 10500 ) );
		$this->assertSame( 5.0, Money::percent_change( 10000, 9500 ) );
		$this->assertTrue( is_infinite( Money::percent_change( 0, 1 ) ) );
		$this->assertSame( 0.0, Money::percent_change( 0, 0 ) );
	}

	public function test_stored_prices_are_read_leniently(): void {
		$this->assertSame( 1200, Money::from_store( '12', 2 ) );
		$this->assertSame( 1250, Money::from_store( '12.5', 2 ) );
		$this->assertSame( -100, Money::from_store( '-1', 2 ) );
		$this->assertNull( Money::from_store( '', 2 ) );
		$this->assertNull( Money::from_store( 'abc', 2 ) );
	}
}

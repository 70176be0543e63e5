<?php
declare( strict_types=1 );

namespace AgentGuard\Tests\unit\Domain\Canary;

use AgentGuard\Domain\Canary\Cohort;
use PHPUnit\Framework\TestCase;

final class CohortTest extends TestCase {

	/**
	 * @return array<string, array{0: float}>
	 */
	public static function dials(): array {
		return array(
			'1 %'   => array( 1.0 ),
			'5 %'   => array( 5.0 ),
			'10 %'  => array( 10.0 ),
			'20 %'  => array( 20.0 ),
			'50 %'  => array( 50.0 ),
			'2.5 %' => array( 2.5 ),
		);
	}

	/**
	 * @dataProvider dials
	 */
	public function test_the_share_over_10000_targets_is_within_one_point_of_the_dial( float $percent ): void {
		foreach ( array( 1, 7, 42 ) as $agent ) {
			$inside = 0;
			for ( $i = 1; $i <= 10000; $i++ ) {
				$inside += Cohort::contains( $agent, 'product:' . $i, $percent ) ? 1 : 0;
			}
			$this->assertEqualsWithDelta( $percent, $inside / 100, 1.0, "agent {$agent}" );
		}
	}

	public function test_membership_is_deterministic_and_widening_keeps_earlier_targets(): void {
		$dials = array( 1.0, 5.0, 20.0, 100.0 );
		for ( $i = 1; $i <= 3000; $i++ ) {
			$key = 'product:' . $i;
			$this->assertSame( Cohort::bucket( 9, $key ), Cohort::bucket( 9, $key ) );
			$was_in = false;
			foreach ( $dials as $dial ) {
				$in = Cohort::contains( 9, $key, $dial );
				if ( $was_in ) {
					$this->assertTrue( $in, "{$key} left the cohort at {$dial} %" );
				}
				$was_in = $in;
			}
			$this->assertTrue( Cohort::contains( 9, $key, 100 ) );
			$this->assertFalse( Cohort::contains( 9, $key, 0 ) );
		}
	}

	public function test_agents_get_different_cohorts(): void {
		$same = 0;
		for ( $i = 1; $i <= 1000; $i++ ) {
			$same += Cohort::contains( 1, 'product:' . $i, 20 ) === Cohort::contains( 2, 'product:' . $i, 20 ) ? 1 : 0;
		}
		$this->assertLessThan( 900, $same, 'the cohorts of two agents are independent' );
	}
}

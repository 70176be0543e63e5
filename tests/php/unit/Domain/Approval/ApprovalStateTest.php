<?php
declare( strict_types=1 );

namespace AgentGuard\Tests\unit\Domain\Approval;

use AgentGuard\Domain\Approval\Approval;
use AgentGuard\Domain\Approval\ApprovalState;
use AgentGuard\Domain\DomainException;
use PHPUnit\Framework\TestCase;

final class ApprovalStateTest extends TestCase {

	/**
	 * A stored item reduced to what compare-and-swap sees: state and version.
	 */
	private function cas( array &$item, int $version, ApprovalState $from, ApprovalState $to ): bool {
		if ( $item['version'] !== $version || $item['state'] !== $from || ! $from->can_move_to( $to ) ) {
			return false;
		}
		$item['state'] = $to;
		$item['version']++;
		return true;
	}

	public function test_random_transition_sequences_never_move_a_state_backwards(): void {
		mt_srand( 20261121 );
		$states = ApprovalState::cases();
		for ( $run = 0; $run < 1000; $run++ ) {
			$item    = array(
				'state'   => ApprovalState::Pending,
				'version' => 1,
			);
			$history = array( ApprovalState::Pending );
			for ( $step = 0; $step < 12; $step++ ) {
				$from    = $states[ mt_rand( 0, count( $states ) - 1 ) ];
				$to      = $states[ mt_rand( 0, count( $states ) - 1 ) ];
				$version = mt_rand( 0, 3 ) ? $item['version'] : $item['version'] - 1;
				$before  = $item;
				$ok      = $this->cas( $item, $version, $from, $to );
				if ( ! $ok ) {
					$this->assertSame( $before, $item, 'a refused transition changes nothing' );
					continue;
				}
				$this->assertContains( $to, $before['state']->next() );
				$this->assertSame( $before['version'] + 1, $item['version'] );
				$this->assertFalse( $before['state']->is_final(), 'a final state never changes' );
				$released = ApprovalState::Executing === $before['state'] && ApprovalState::Approved === $to;
				$this->assertTrue( $released || $to->rank() >= $before['state']->rank(), "{$before['state']->value} → {$to->value} moved backwards" );
				$history[] = $to;
			}
			// Once final, the history ends there.
			foreach ( $history as $i => $state ) {
				if ( $state->is_final() ) {
					$this->assertSame( count( $history ) - 1, $i );
				}
			}
		}
	}

	public function test_only_one_of_many_concurrent_approvals_wins(): void {
		$item  = array(
			'state'   => ApprovalState::Pending,
			'version' => 4,
		);
		$wins  = 0;
		for ( $i = 0; $i < 50; $i++ ) {
			$wins += $this->cas( $item, 4, ApprovalState::Pending, ApprovalState::Approved ) ? 1 : 0;
		}
		$this->assertSame( 1, $wins );
	}

	private function approval( array $changes = array() ): Approval {
		$fields = array(
			'id'                 => 1,
			'agent_id'           => 2,
			'token_id'           => 3,
			'state'              => ApprovalState::Pending,
			'version'            => 1,
			'action'             => 'products:update',
			'target_type'        => 'product',
			'target_id'          => '9',
			'method'             => 'PUT',
			'route'              => '/wc/v3/products/9',
			'params'             => array( 'regular_price' => '12.00' ),
			'payload_hash'       => str_repeat( 'a', 64 ),
			'target_state'       => array(),
			'target_hash'        => str_repeat( 'b', 64 ),
			'diff'               => array(),
			'rule'               => 'approvals.price.max_change_percent_24h',
			'reason'             => 'x',
			'metadata'           => array(),
			'exposure'           => array(),
			'exposure_minor'     => 0,
			'required_approvals' => 1,
			'decisions'          => array(),
			'edited_by'          => 0,
			'comment'            => '',
			'result'             => null,
			'result_status'      => 0,
			'created_at'         => 1000,
			'expires_at'         => 1000 + 48 * 3600,
			'decided_at'         => null,
			'claimed_at'         => null,
			'finished_at'        => null,
			'acting_user_id'     => 50,
		);
		return new Approval( ...array_merge( $fields, $changes ) );
	}

	/**
	 * @return array<string, array{0: array<string, mixed>, 1: int, 2: int, 3: string}>
	 */
	public static function refusals(): array {
		return array(
			'decided'          => array( array( 'state' => ApprovalState::Executed ), 7, 1, 'agent_guard_approval_decided' ),
			'rejected'         => array( array( 'state' => ApprovalState::Rejected ), 7, 1, 'agent_guard_approval_decided' ),
			'stale version'    => array( array(), 7, 2, 'agent_guard_version_conflict' ),
			'own credential'   => array( array(), 50, 1, 'agent_guard_self_approval' ),
			'same approver'    => array( array( 'required_approvals' => 2, 'decisions' => array( array( 'user_id' => 7, 'decision' => 'approve' ) ) ), 7, 1, 'agent_guard_second_approver_required' ),
			'expired'          => array( array( 'expires_at' => 1500 ), 7, 1, 'agent_guard_approval_expired' ),
		);
	}

	/**
	 * @dataProvider refusals
	 * @param array<string, mixed> $changes
	 */
	public function test_who_may_decide_when( array $changes, int $user, int $version, string $code ): void {
		try {
			$this->approval( $changes )->assert_decidable( $user, $version, 2000 );
			$this->fail( 'expected ' . $code );
		} catch ( DomainException $error ) {
			$this->assertSame( $code, $error->error_code );
		}
	}

	public function test_two_approvers_complete_a_two_person_item(): void {
		$item = $this->approval( array( 'required_approvals' => 2 ) );
		$item->assert_decidable( 7, 1, 2000 );
		$this->assertFalse( $item->completes_with( 7 ) );
		$half = $this->approval( array( 'required_approvals' => 2, 'decisions' => array( array( 'user_id' => 7, 'decision' => 'approve' ) ), 'version' => 2 ) );
		$half->assert_decidable( 8, 2, 2000 );
		$this->assertTrue( $half->completes_with( 8 ) );
	}
}

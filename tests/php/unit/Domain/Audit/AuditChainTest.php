<?php
declare( strict_types=1 );

namespace AgentGuard\Tests\unit\Domain\Audit;

use AgentGuard\Domain\Audit\AuditChain;
use AgentGuard\Domain\Audit\AuditEvent;
use PHPUnit\Framework\TestCase;

final class AuditChainTest extends TestCase {

	/**
	 * Builds a stored chain of $n rows as the repository would write them.
	 *
	 * @return list<array<string, string|null>>
	 */
	private function chain( int $n ): array {
		$rows = array();
		$prev = AuditEvent::GENESIS_HASH;
		for ( $i = 1; $i <= $n; $i++ ) {
			$event          = new AuditEvent(
				event_type: 'agent_request',
				actor_type: 'agent',
				actor_id: 3,
				agent_id: 3,
				occurred_at: 1_800_000_000 + $i,
				action: 'products:update',
				target_type: 'product',
				target_id: (string) ( 100 + $i ),
				decision: 'allow',
				method: 'PUT',
				route: '/wc/v3/products/' . ( 100 + $i ),
				status: 200,
				metadata: array( 'rationale' => "Step {$i} – ünïcode / slashes \u{2028}" ),
				before: array( 'regular_price' => '10.00' ),
				after: array( 'regular_price' => '10.50' )
			);
			$sealed         = $event->sealed( $i, $prev );
			$row            = AuditChain::columns( $sealed );
			$row['hash']    = $sealed->hash;
			$rows[]         = $row;
			$prev           = $sealed->hash;
		}
		return $rows;
	}

	public function test_an_intact_chain_verifies(): void {
		$this->assertNull( AuditChain::first_break( $this->chain( 10 ), 0, AuditEvent::GENESIS_HASH ) );
	}

	public function test_an_edited_row_is_reported_as_the_first_break(): void {
		$rows                    = $this->chain( 10 );
		$rows[4]['before_state'] = '{"regular_price":"99.00"}';
		$break                   = AuditChain::first_break( $rows, 0, AuditEvent::GENESIS_HASH );
		$this->assertSame( 5, $break['id'] );
		$this->assertStringContainsString( 'changed', $break['reason'] );
	}

	public function test_a_deleted_row_is_detected_at_its_successor(): void {
		$rows = $this->chain( 10 );
		unset( $rows[6] );
		$break = AuditChain::first_break( array_values( $rows ), 0, AuditEvent::GENESIS_HASH );
		$this->assertSame( 8, $break['id'] );
		$this->assertStringContainsString( 'missing', $break['reason'] );
	}

	public function test_a_deleted_row_with_renumbered_ids_breaks_the_link(): void {
		$rows = $this->chain( 6 );
		array_splice( $rows, 2, 1 );
		foreach ( $rows as $index => &$row ) {
			$row['id'] = (string) ( $index + 1 );
		}
		$break = AuditChain::first_break( $rows, 0, AuditEvent::GENESIS_HASH );
		$this->assertSame( 3, $break['id'] );
	}

	public function test_swapped_rows_are_detected(): void {
		$rows        = $this->chain( 5 );
		$tmp         = $rows[1];
		$rows[1]     = $rows[2];
		$rows[2]     = $tmp;
		$break       = AuditChain::first_break( $rows, 0, AuditEvent::GENESIS_HASH );
		$this->assertSame( 3, $break['id'] );
	}

	public function test_a_rewritten_hash_without_its_successor_is_detected(): void {
		$rows                 = $this->chain( 5 );
		$rows[1]['decision']  = 'deny';
		$rows[1]['hash']      = AuditChain::hash_row( $rows[1] );
		$break                = AuditChain::first_break( $rows, 0, AuditEvent::GENESIS_HASH );
		$this->assertSame( 3, $break['id'], 'row 3 no longer points at row 2' );
	}

	public function test_empty_json_objects_stay_objects(): void {
		$this->assertSame( '{}', AuditChain::encode( array() ) );
		$this->assertSame( '{"a":"x/y"}', AuditChain::encode( array( 'a' => 'x/y' ) ) );
	}

	public function test_canonical_text_is_a_fixed_order_json_array(): void {
		$row       = $this->chain( 1 )[0];
		$canonical = json_decode( AuditChain::canonical( $row ), true );
		$this->assertCount( count( AuditChain::COLUMNS ), $canonical );
		$this->assertSame( '1', $canonical[0] );
		$this->assertSame( AuditEvent::GENESIS_HASH, $canonical[1] );
	}
}

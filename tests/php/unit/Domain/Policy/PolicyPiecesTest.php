<?php
declare( strict_types=1 );

namespace AgentGuard\Tests\unit\Domain\Policy;

use AgentGuard\Domain\Agent\Agent;
use AgentGuard\Domain\Agent\AgentMode;
use AgentGuard\Domain\Agent\ChecklistFacts;
use AgentGuard\Domain\Agent\LaunchChecklist;
use AgentGuard\Domain\Agent\RiskTier;
use AgentGuard\Domain\DomainException;
use AgentGuard\Domain\FixedClock;
use AgentGuard\Domain\Policy\PiiRedactor;
use AgentGuard\Domain\Policy\Policy;
use AgentGuard\Domain\Policy\PolicyDiff;
use AgentGuard\Domain\Policy\PolicyRules;
use AgentGuard\Domain\Policy\PolicyTemplates;
use AgentGuard\Domain\Policy\Vocabulary;
use AgentGuard\Domain\Request\AgentMetadata;
use PHPUnit\Framework\TestCase;

final class PolicyPiecesTest extends TestCase {

	public function test_templates_carry_the_field_defaults(): void {
		$pricing = Policy::from_array( PolicyTemplates::get( 'pricing' ) );
		$this->assertSame( 5, $pricing->approvals()['price']['max_change_percent_24h'] );
		$this->assertSame( 5000, $pricing->approvals()['price']['max_change_minor'] );
		$this->assertSame( 20, $pricing->approvals()['price']['max_cumulative_percent_7d'] );
		$this->assertSame( array( 'writes_per_minute' => 5, 'actions_per_day' => 1000, 'items_per_batch' => 50 ), $pricing->limits() );
		$this->assertSame( 100, Policy::from_array( PolicyTemplates::get( 'inventory' ) )->limits()['items_per_batch'] );
		$this->assertTrue( Policy::from_array( PolicyTemplates::get( 'support' ) )->always_needs_approval( 'orders:refund' ) );
		$this->assertTrue( Policy::from_array( PolicyTemplates::get( 'support' ) )->redacts_pii() );
		foreach ( PolicyTemplates::NAMES as $name ) {
			$doc = PolicyTemplates::get( $name );
			$this->assertSame( 'observe', $doc['mode'], $name );
			foreach ( array_merge( $doc['actions']['allow'], $doc['actions']['deny'], $doc['approvals']['always'] ) as $action ) {
				$this->assertTrue( Vocabulary::is_action( $action ), "{$name}: {$action}" );
			}
			PolicyRules::check( $doc );
		}
	}

	public function test_cross_field_rules_name_the_path(): void {
		$doc                                       = PolicyTemplates::get( 'pricing' );
		$doc['actions']['fields']['products:fly'] = array( 'x' );
		$this->assertRuleFails( $doc, 'actions.fields.products:fly' );
		$doc                      = PolicyTemplates::get( 'pricing' );
		$doc['actions']['deny'][] = 'products:update';
		$this->assertRuleFails( $doc, 'actions.deny' );
		$doc                      = PolicyTemplates::get( 'pricing' );
		$doc['canary']['percent'] = 1.234;
		$this->assertRuleFails( $doc, 'canary.percent' );
		$doc                           = PolicyTemplates::get( 'pricing' );
		$doc['launch']['callback_url'] = 'javascript:alert(1)';
		$this->assertRuleFails( $doc, 'launch.callback_url' );
	}

	private function assertRuleFails( array $doc, string $path ): void {
		try {
			PolicyRules::check( $doc );
			$this->fail( "expected {$path} to fail" );
		} catch ( DomainException $error ) {
			$this->assertSame( $path, $error->data['path'] );
			$this->assertSame( 400, $error->status );
		}
	}

	public function test_diff_lists_changed_paths_and_ignores_reordered_lists(): void {
		$a = PolicyTemplates::get( 'pricing' );
		$b = $a;
		$b['limits']['writes_per_minute'] = 9;
		$b['actions']['allow']            = array_reverse( $a['actions']['allow'] );
		$b['launch']['on_call']           = 'Sam';
		$diff                             = PolicyDiff::between( $a, $b );
		$this->assertSame( array( 'launch.on_call', 'limits.writes_per_minute' ), array_column( $diff, 'path' ) );
		$this->assertSame( array( 5, 9 ), array( $diff[1]['before'], $diff[1]['after'] ) );
		$this->assertSame( array(), PolicyDiff::between( $a, $a ) );
	}

	public function test_the_checklist_ticks_what_the_system_can_tell(): void {
		$facts = new class() implements ChecklistFacts {
			public int $approvers = 0;
			public ?int $tested   = null;
			public function approver_count(): int {
				return $this->approvers;
			}
			public function kill_switch_tested_at( int $agent_id ): ?int {
				return $this->tested;
			}
		};
		$clock = new FixedClock( 2_000_000_000 );
		$list  = new LaunchChecklist( $facts, $clock );
		$doc   = PolicyTemplates::get( 'pricing' );
		$agent = new Agent( 1, 'A', '', 1, 2, RiskTier::Low, AgentMode::Observe, 'active', $doc, 1 );
		$this->assertSame( array( 'approval_checkpoints', 'integrations_listed', 'kill_switch_tested', 'rollback_defined', 'alerts_set', 'on_call_named' ), $list->open_items( $agent ) );
		$facts->approvers = 2;
		$facts->tested    = $clock->now() - 86400;
		$doc['launch']    = array(
			'integrations'  => array( 'Repricer SaaS' ),
			'rollback_plan' => 'Restore prices from the audit log.',
			'alert_emails'  => array( 'ops@example.com' ),
			'on_call'       => 'Sam',
			'callback_url'  => '',
		);
		$this->assertSame( array(), $list->open_items( $agent->with( array( 'policy' => $doc ) ) ) );
		$facts->tested = $clock->now() - 31 * 86400;
		$this->assertSame( array( 'kill_switch_tested' ), $list->open_items( $agent->with( array( 'policy' => $doc ) ) ), 'a kill-switch test counts 30 days' );
	}

	public function test_agent_metadata_is_cleaned_and_capped(): void {
		$meta = AgentMetadata::from_headers(
			array(
				'X-Agent-Rationale'  => str_repeat( 'a', 2000 ),
				'x_agent_confidence' => '0.876543',
				'x-agent-model'      => "gpt\x00\x1b[31m",
				'X-Agent-Run-Id'     => '   ',
				'x-other'            => 'ignored',
			)
		);
		$fields = $meta->to_array();
		$this->assertSame( 1000, mb_strlen( $fields['rationale'] ) );
		$this->assertSame( '0.8765', $fields['confidence'] );
		$this->assertSame( 'gpt [31m', $fields['model'] );
		$this->assertArrayNotHasKey( 'run_id', $fields );
		$this->assertArrayNotHasKey( 'confidence', AgentMetadata::from_headers( array( 'x-agent-confidence' => '7' ) )->to_array(), 'confidence is 0..1' );
	}

	public function test_pii_is_redacted_in_lists_items_and_embedded_objects(): void {
		$orders = array(
			array(
				'id'      => 1,
				'billing' => array( 'first_name' => 'Ada', 'email' => 'a@x.test', 'phone' => '1', 'country' => 'GB' ),
				'shipping' => array( 'address_1' => 'Street', 'city' => 'London', 'state' => 'LDN' ),
				'customer_ip_address' => '1.2.3.4',
				'_embedded' => array( 'customer' => array( array( 'email' => 'a@x.test', 'first_name' => 'Ada' ) ) ),
			),
		);
		$out = PiiRedactor::redact( $orders );
		$this->assertSame( '[redacted]', $out[0]['billing']['email'] );
		$this->assertSame( '[redacted]', $out[0]['billing']['first_name'] );
		$this->assertSame( 'GB', $out[0]['billing']['country'] );
		$this->assertSame( '[redacted]', $out[0]['shipping']['address_1'] );
		$this->assertSame( 'LDN', $out[0]['shipping']['state'] );
		$this->assertSame( '[redacted]', $out[0]['customer_ip_address'] );
		$this->assertSame( '[redacted]', $out[0]['_embedded']['customer'][0]['email'] );
		$this->assertSame( '[redacted]', $out[0]['_embedded']['customer'][0]['first_name'] );
		$this->assertSame( 1, $out[0]['id'] );
	}
}

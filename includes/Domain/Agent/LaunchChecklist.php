<?php
/**
 * The pre-launch checklist of an agent.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Agent;

use AgentGuard\Domain\Clock;
use AgentGuard\Domain\Policy\Policy;

/**
 * Ten items an agent must have before it leaves observe mode, ticked from the policy and the
 * site's state. A kill-switch test counts for 30 days.
 *
 * @since 0.1.0
 */
final class LaunchChecklist {

	public const KILL_SWITCH_TEST_VALID_FOR = 30 * 86400;

	public const ITEMS = array(
		'data_access'          => 'Data access written',
		'action_lists'         => 'Action allow/deny list',
		'approval_thresholds'  => 'Approval thresholds',
		'audit_on'             => 'Audit on',
		'approval_checkpoints' => 'Approval checkpoints (someone can approve)',
		'integrations_listed'  => 'Integrations listed',
		'kill_switch_tested'   => 'Kill switch tested',
		'rollback_defined'     => 'Rollback defined',
		'alerts_set'           => 'Alerts set',
		'on_call_named'        => 'On-call named',
	);

	public function __construct( private ChecklistFacts $facts, private Clock $clock ) {
	}

	/**
	 * @return list<array{key: string, label: string, done: bool, detail: string}>
	 */
	public function items( Agent $agent ): array {
		$policy    = Policy::from_array( $agent->policy );
		$document  = $policy->to_array();
		$approvals = $document['approvals'];
		$launch    = $document['launch'];
		$readable  = array_keys( array_filter( (array) $document['data_access']['resources'], static fn ( $v ): bool => 'read' === $v ) );
		$writes    = (array) $document['actions']['allow'];

		$thresholds = null !== $approvals['price']['max_change_percent_24h']
			|| null !== $approvals['price']['max_change_minor']
			|| null !== $approvals['price']['max_cumulative_percent_7d']
			|| ! empty( $approvals['stock']['require_expected'] )
			|| null !== $approvals['stock']['max_change_units']
			|| null !== $approvals['coupons']['max_percent']
			|| null !== $approvals['coupons']['max_fixed_minor']
			|| null !== $approvals['refund_over_minor']
			|| null !== $approvals['bulk_over_items']
			|| ! empty( $approvals['always'] );
		$tested     = $this->facts->kill_switch_tested_at( $agent->id );
		$fresh_test = null !== $tested && $this->clock->now() - $tested <= self::KILL_SWITCH_TEST_VALID_FOR;
		$approvers  = $this->facts->approver_count();

		$state = array(
			'data_access'          => array( (bool) $readable, $readable ? implode( ', ', $readable ) : 'No resource is readable.' ),
			'action_lists'         => array( (bool) $writes || ! empty( $document['actions']['deny'] ), $writes ? count( $writes ) . ' allowed' : 'Read-only' ),
			'approval_thresholds'  => array( $thresholds || ! $writes, $writes ? ( $thresholds ? 'Set' : 'No threshold set' ) : 'Not needed for a read-only agent' ),
			'audit_on'             => array( true, 'Every request is recorded' ),
			'approval_checkpoints' => array( $approvers > 0, sprintf( '%d approver(s)', $approvers ) ),
			'integrations_listed'  => array( ! empty( $launch['integrations'] ), implode( ', ', (array) $launch['integrations'] ) ),
			'kill_switch_tested'   => array( $fresh_test, null === $tested ? 'Never tested' : ( $fresh_test ? 'Tested' : 'Last test is older than 30 days' ) ),
			'rollback_defined'     => array( '' !== trim( (string) $launch['rollback_plan'] ), '' ),
			'alerts_set'           => array( ! empty( $launch['alert_emails'] ), implode( ', ', (array) $launch['alert_emails'] ) ),
			'on_call_named'        => array( '' !== trim( (string) $launch['on_call'] ), (string) $launch['on_call'] ),
		);
		$items = array();
		foreach ( self::ITEMS as $key => $label ) {
			$items[] = array(
				'key'    => $key,
				'label'  => $label,
				'done'   => $state[ $key ][0],
				'detail' => $state[ $key ][1],
			);
		}
		return $items;
	}

	/**
	 * Keys of the items not done.
	 *
	 * @return list<string>
	 */
	public function open_items( Agent $agent ): array {
		$open = array();
		foreach ( $this->items( $agent ) as $item ) {
			if ( ! $item['done'] ) {
				$open[] = $item['key'];
			}
		}
		return $open;
	}
}

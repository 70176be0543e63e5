<?php
/**
 * The decision pipeline.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Application;

use AgentGuard\Domain\Agent\AgentMode;
use AgentGuard\Domain\Agent\Identity;
use AgentGuard\Domain\Approval\ApprovalQueue;
use AgentGuard\Domain\Approval\PendingRequest;
use AgentGuard\Domain\Clock;
use AgentGuard\Domain\Decision\Decision;
use AgentGuard\Domain\Decision\PolicyEngine;
use AgentGuard\Domain\Decision\TargetStates;
use AgentGuard\Domain\Decision\WriteUnit;
use AgentGuard\Domain\DomainException;
use AgentGuard\Domain\Envelope\PriceHistory;
use AgentGuard\Domain\Limits\Admission;
use AgentGuard\Domain\Policy\Policy;
use AgentGuard\Domain\Request\AgentRequest;
use AgentGuard\Domain\Request\Classification;
use AgentGuard\Domain\Request\Classifier;

/**
 * Runs the design's pipeline on an identified agent request, in its order:
 * 2 kill switch → 3 credential (and paused) → 4 classify → 5 scope and data access →
 * 6 limits (atomic, with the final halt check) → 7 observe mode → 8 canary →
 * 9 approval thresholds (a breach stores the request whole, executing nothing) → allow.
 * Nothing here writes store data; the caller executes an allowed request.
 *
 * @since 0.1.0
 */
final class Enforcement {

	/** Steps an approved request is re-run through without (the threshold that queued it). */
	public const SKIP_THRESHOLDS = 'thresholds';
	public const SKIP_CANARY     = 'canary';

	public function __construct(
		private Classifier $classifier,
		private PolicyEngine $engine,
		private TargetStates $states,
		private PriceHistory $history,
		private Admission $admission,
		private ApprovalQueue $queue,
		private Clock $clock,
		private int $decimals,
		private bool $halted_by_constant = false
	) {
	}

	/**
	 * @param list<string> $skip     Steps not to run (an approved request skips the threshold that queued it).
	 * @param bool         $dry_run  Decide only: count nothing, queue nothing (POST /check).
	 */
	public function decide( Identity $identity, AgentRequest $request, array $skip = array(), bool $dry_run = false ): Verdict {
		$agent = $identity->agent;
		$now   = $this->clock->now();

		// 2. Kill switch: global (wp-config constant or database), then the agent's own.
		if ( $this->halted_by_constant ) {
			return new Verdict( Decision::halted( 'global', 'AGENT_GUARD_HALT_ALL is set in wp-config.php' ) );
		}
		if ( $identity->global_halt->halted ) {
			return new Verdict( Decision::halted( 'global', $identity->global_halt->reason ), null, array(), null, 0, $identity->global_halt->epoch );
		}
		if ( $agent->is_halted() ) {
			return new Verdict( Decision::halted( 'agent', $agent->halt_reason ), null, array(), null, 0, $identity->global_halt->epoch );
		}
		// 3. Credential.
		$refusal = $agent->is_archived() ? 'revoked' : $identity->credential_refusal( $now );
		if ( null !== $refusal ) {
			return new Verdict(
				new Decision(
					Decision::REFUSED,
					'credential.' . $refusal,
					'agent_guard_token_' . $refusal,
					'expired' === $refusal ? 'The agent token has expired; ask the store owner for a new one.' : 'The agent token was revoked.',
					401
				)
			);
		}
		$policy = Policy::from_array( $agent->policy );
		if ( AgentMode::Paused === $agent->mode ) {
			return new Verdict( Decision::deny( 'mode.paused', 'This agent is paused; it may not act until a person resumes it.' ) );
		}

		// 4. Classify by the dispatched route and method.
		try {
			$class = $this->classifier->classify( $request->method, $request->route, $request->params );
		} catch ( DomainException $error ) {
			return new Verdict( Decision::invalid( $error->error_code, $error->getMessage(), (string) ( $error->data['path'] ?? '' ) ) );
		}
		if ( in_array( $class->kind, array( Classification::GUARD, Classification::CONTAINER, Classification::DISCOVERY ), true ) ) {
			return new Verdict( Decision::allow(), $class );
		}

		// 5. Scope and data access, judged on the targets as stored.
		$units = $class->is_write() && Classification::WRITE === $class->kind ? $this->units( $class, $request ) : array();
		$scope = $this->engine->scope( $policy, $class, $units, $identity->token?->scope ?? 'standard', $this->decimals );
		if ( null !== $scope ) {
			return new Verdict( $scope, $class, $units );
		}

		// 6. Limits: batch size, then the atomic counters (which also re-check the kill switch).
		$limits = $policy->limits();
		if ( $class->is_batch && count( $units ) > $limits['items_per_batch'] ) {
			return new Verdict(
				Decision::rate_limited(
					'limits.items_per_batch',
					sprintf( 'The batch has %d items; this agent may send at most %d per batch. Split it.', count( $units ), $limits['items_per_batch'] ),
					0,
					array( 'max_items' => $limits['items_per_batch'] )
				),
				$class,
				$units
			);
		}
		$write     = $class->is_write();
		$admission = $dry_run
			? $this->admission->peek( $agent->id, $write, $limits['writes_per_minute'], $limits['actions_per_day'], $now )
			: $this->admission->admit( $agent->id, $write, $limits['writes_per_minute'], $limits['actions_per_day'], $now, self::price_items( $units ), (int) $policy->breakers()['burst_window_minutes'] );
		$epoch = $admission->epoch > 0 ? $admission->epoch : $identity->global_halt->epoch;
		if ( ! $admission->admitted ) {
			$decision = match ( $admission->refusal ) {
				'halted_global' => Decision::halted( 'global', $admission->halt_reason ),
				'halted_agent'  => Decision::halted( 'agent', $admission->halt_reason ),
				'missing'       => Decision::unavailable( 'The agent\'s counters are missing; Agent Guard refuses its requests until they are repaired.' ),
				'day'           => Decision::rate_limited( 'limits.actions_per_day', sprintf( 'This agent used its %d actions for today (UTC).', $limits['actions_per_day'] ), $admission->retry_after ),
				default         => Decision::rate_limited( 'limits.writes_per_minute', sprintf( 'This agent may make %d writes a minute.', $limits['writes_per_minute'] ), $admission->retry_after ),
			};
			return new Verdict( $decision, $class, $units, null, 0, $epoch );
		}
		if ( ! $write ) {
			return new Verdict( Decision::allow(), $class, array(), null, 0, $epoch, ! $dry_run );
		}

		// 7. Observe mode: record what would have happened, execute nothing.
		if ( AgentMode::Observe === $agent->mode ) {
			$would = $this->canary_and_thresholds( $policy, $agent->id, $class, $units, $skip, AgentMode::Canary === $agent->mode );
			return new Verdict(
				new Decision(
					Decision::OBSERVE,
					'mode.observe',
					'agent_guard_observed',
					'This agent is in observe mode: nothing was executed. data.would_have says what would have happened.',
					202,
					array(),
					array(),
					$this->engine->diff( $units, $this->decimals )
				),
				$class,
				$units,
				array(
					'decision' => $would?->outcome ?? Decision::ALLOW,
					'rule'     => $would?->rule ?? '',
					'message'  => $would?->message ?? 'The request would have been executed.',
					'reasons'  => $would?->reasons ?? array(),
				),
				0,
				$epoch,
				! $dry_run
			);
		}

		// 8 and 9: canary share, then approval thresholds.
		$decision = $this->canary_and_thresholds( $policy, $agent->id, $class, $units, $skip, AgentMode::Canary === $agent->mode );
		if ( null === $decision ) {
			return new Verdict( Decision::allow(), $class, $units, null, 0, $epoch, ! $dry_run );
		}
		$verdict = new Verdict( $decision, $class, $units, null, 0, $epoch, ! $dry_run );
		$queued  = Decision::QUEUE === $decision->outcome || ( Decision::OUTSIDE_CANARY === $decision->outcome && $policy->canary_outside_queues() );
		if ( $queued && ! $dry_run ) {
			$verdict = $verdict->with_approval( $this->enqueue( $identity, $policy, $request, $class, $units, $decision, $now ) );
		}
		return $verdict;
	}

	/**
	 * How many of the units write a price (for the burst breaker).
	 *
	 * @param list<WriteUnit> $units
	 */
	public static function price_items( array $units ): int {
		$count = 0;
		foreach ( $units as $unit ) {
			$count += $unit->is_product() && array_intersect( array_keys( $unit->params ), PolicyEngine::PRICE_FIELDS ) ? 1 : 0;
		}
		return $count;
	}

	/**
	 * @param list<WriteUnit> $units
	 * @param list<string>    $skip
	 */
	private function canary_and_thresholds( Policy $policy, int $agent_id, Classification $class, array $units, array $skip, bool $canary_mode ): ?Decision {
		if ( $canary_mode && ! in_array( self::SKIP_CANARY, $skip, true ) ) {
			$canary = $this->engine->canary( $policy, $agent_id, $units );
			if ( null !== $canary ) {
				return $canary->with_diff( $this->engine->diff( $units, $this->decimals ) );
			}
		}
		if ( in_array( self::SKIP_THRESHOLDS, $skip, true ) ) {
			return null;
		}
		$keys = array();
		foreach ( $units as $unit ) {
			if ( $unit->is_product() && '' !== $unit->key() && array_intersect( array_keys( $unit->params ), PolicyEngine::PRICE_FIELDS ) ) {
				$keys[] = $unit->key();
			}
		}
		$price     = $policy->approvals()['price'];
		$envelopes = null !== $price['max_change_percent_24h'] || null !== $price['max_cumulative_percent_7d'];
		$baselines = $keys && $envelopes ? $this->history->baselines( $keys, $this->clock->now(), $this->decimals ) : array();
		return $this->engine->thresholds( $policy, $class, $units, $baselines, $this->decimals );
	}

	/**
	 * Builds the write units of a request and reads their targets as stored.
	 *
	 * @return list<WriteUnit>
	 */
	private function units( Classification $class, AgentRequest $request ): array {
		$operation = static function ( string $action ): string {
			$verb = (string) substr( (string) strrchr( $action, ':' ), 1 );
			return in_array( $verb, array( 'create', 'delete' ), true ) ? $verb : 'update';
		};
		$specs = array();
		if ( $class->is_batch ) {
			foreach ( $class->items as $item ) {
				$specs[] = array(
					'label'  => $item->label(),
					'prefix' => $item->operation . '.' . $item->index,
					'op'     => $item->operation,
					'action' => $item->action,
					'type'   => $class->target_type,
					'id'     => $item->target_id,
					'parent' => $class->parent_id,
					'params' => $item->params,
				);
			}
		} else {
			$specs[] = array(
				'label'  => $class->action,
				'prefix' => '',
				'op'     => in_array( $class->action, array( 'orders:refund', 'orders:note' ), true ) && 'DELETE' === strtoupper( $request->method ) ? 'delete' : $operation( $class->action ),
				'action' => $class->action,
				'type'   => $class->target_type,
				'id'     => $class->target_id,
				'parent' => $class->parent_id,
				'params' => $request->sent_params(),
			);
		}
		$targets = array();
		foreach ( $specs as $spec ) {
			if ( 'create' !== $spec['op'] && '' !== $spec['id'] ) {
				$targets[] = array(
					'type'   => $spec['type'],
					'id'     => $spec['id'],
					'parent' => $spec['parent'],
				);
			}
			if ( 'product_variation' === $spec['type'] && $spec['parent'] > 0 ) {
				$targets[] = array(
					'type'   => 'product',
					'id'     => (string) $spec['parent'],
					'parent' => 0,
				);
			}
		}
		$states = $targets ? $this->states->read( $targets ) : array();
		$units  = array();
		foreach ( $specs as $spec ) {
			$key     = $spec['type'] . ':' . $spec['id'];
			$units[] = new WriteUnit(
				$spec['label'],
				$spec['prefix'],
				$spec['op'],
				$spec['action'],
				$spec['type'],
				$spec['id'],
				(int) $spec['parent'],
				$spec['params'],
				'create' === $spec['op'] ? null : ( $states[ $key ] ?? null ),
				$spec['parent'] > 0 ? ( $states[ 'product:' . $spec['parent'] ] ?? null ) : null
			);
		}
		return $units;
	}

	/**
	 * @param list<WriteUnit> $units
	 */
	private function enqueue( Identity $identity, Policy $policy, AgentRequest $request, Classification $class, array $units, Decision $decision, int $now ): int {
		$states = array();
		foreach ( $units as $unit ) {
			if ( '' !== $unit->key() ) {
				$states[ $unit->key() ] = $unit->state;
			}
		}
		$pending = new PendingRequest(
			agent_id: $identity->agent->id,
			token_id: $identity->token?->id ?? 0,
			action: $class->action,
			target_type: $class->target_type,
			target_id: $class->is_batch ? 'batch:' . count( $units ) : $class->target_id,
			method: strtoupper( $request->method ),
			route: $request->route,
			params: $request->sent_params(),
			target_state: $states,
			diff: $decision->diff,
			rule: $decision->rule,
			reason: $decision->message,
			reasons: $decision->reasons,
			metadata: $request->metadata,
			required_approvals: 'high' === $identity->agent->risk_tier->value ? 2 : 1,
			created_at: $now,
			expires_at: $now + $policy->approval_expiry_seconds(),
			queued_by: Decision::OUTSIDE_CANARY === $decision->outcome ? 'canary' : 'threshold',
			acting_user_id: $identity->acting_user_id
		);
		return $this->queue->enqueue( $pending );
	}
}

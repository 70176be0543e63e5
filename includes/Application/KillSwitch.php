<?php
/**
 * Stopping agents: by hand, and by the system.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Application;

use AgentGuard\Domain\Agent\Agent;
use AgentGuard\Domain\Agent\AgentMode;
use AgentGuard\Domain\Agent\AgentRepository;
use AgentGuard\Domain\Agent\Identity;
use AgentGuard\Domain\Audit\AuditEvent;
use AgentGuard\Domain\Audit\AuditLog;
use AgentGuard\Domain\Audit\AuditTrail;
use AgentGuard\Domain\Clock;
use AgentGuard\Domain\Control\Alerts;
use AgentGuard\Domain\Control\BreakerCounters;
use AgentGuard\Domain\Control\Breakers;
use AgentGuard\Domain\Control\Incidents;
use AgentGuard\Domain\Control\KillSwitchStore;
use AgentGuard\Domain\Decision\Decision;
use AgentGuard\Domain\DomainException;
use AgentGuard\Domain\Events;
use AgentGuard\Domain\Policy\Policy;
use AgentGuard\Domain\Request\AgentRequest;

/**
 * The global and per-agent kill switch (audited, effective on the very next request), its
 * test, and the system's own stops: circuit breakers halt an agent that fails or writes too
 * much; canary conditions pause it. Each stop opens an incident with the evidence and tells
 * the owner; a person closes it with a note.
 *
 * @since 0.1.0
 */
final class KillSwitch {

	public function __construct(
		private KillSwitchStore $store,
		private AgentRepository $agents,
		private BreakerCounters $counters,
		private Incidents $incidents,
		private AuditLog $audit,
		private AuditTrail $trail,
		private Alerts $alerts,
		private Enforcement $enforcement,
		private Clock $clock,
		private Events $events
	) {
	}

	public function halt_all( string $reason, int $user_id ): int {
		$reason = self::reason( $reason );
		$epoch  = $this->store->set_global( true, $reason, $user_id, $this->clock->now() );
		$this->audit->append( AuditEvent::for_user_act( 'halt_all', $user_id, 0, $this->clock->now(), array( 'reason' => $reason, 'epoch' => $epoch ), null, null, 'kill_switch', 'global' ) );
		$this->events->emit( 'halt_changed', true, 0 );
		return $epoch;
	}

	public function resume_all( int $user_id ): int {
		$epoch = $this->store->set_global( false, '', $user_id, $this->clock->now() );
		$this->audit->append( AuditEvent::for_user_act( 'resume_all', $user_id, 0, $this->clock->now(), array( 'epoch' => $epoch ), null, null, 'kill_switch', 'global' ) );
		$this->events->emit( 'halt_changed', false, 0 );
		return $epoch;
	}

	public function halt_agent( int $agent_id, string $reason, int $user_id ): Agent {
		$agent  = $this->require( $agent_id );
		$reason = self::reason( $reason );
		if ( $this->store->set_agent( $agent->id, true, $reason, $user_id, $this->clock->now() ) ) {
			$this->audit->append( AuditEvent::for_user_act( 'halt_agent', $user_id, $agent->id, $this->clock->now(), array( 'reason' => $reason ), null, null, 'agent', (string) $agent->id ) );
			$this->events->emit( 'halt_changed', true, $agent->id );
		}
		return $this->require( $agent_id );
	}

	public function resume_agent( int $agent_id, int $user_id ): Agent {
		$agent = $this->require( $agent_id );
		if ( $this->store->set_agent( $agent->id, false, '', $user_id, $this->clock->now() ) ) {
			$this->audit->append( AuditEvent::for_user_act( 'resume_agent', $user_id, $agent->id, $this->clock->now(), array(), null, null, 'agent', (string) $agent->id ) );
			$this->events->emit( 'halt_changed', false, $agent->id );
		}
		return $this->require( $agent_id );
	}

	/**
	 * "Test the kill switch": halts the agent, measures the time until a request of that agent
	 * (read afresh from the database, as the next request would) is refused as halted, then
	 * resumes it. The result is audited; the pre-launch checklist reads it.
	 *
	 * @return array{ms: float, refused: bool, tested_at: int}
	 */
	public function test( int $agent_id, int $user_id, callable $fresh_identity ): array {
		$agent   = $this->require( $agent_id );
		$was     = $agent->is_halted();
		$started = hrtime( true );
		if ( ! $was ) {
			$this->store->set_agent( $agent->id, true, 'Kill-switch test', $user_id, $this->clock->now() );
		}
		$refused = false;
		try {
			/** @var Identity|null $identity */
			$identity = $fresh_identity( $agent->id );
			if ( null !== $identity ) {
				$verdict = $this->enforcement->decide( $identity, new AgentRequest( 'GET', '/wc/v3/products', array(), array() ), array(), true );
				$refused = Decision::HALTED === $verdict->decision->outcome;
			}
			$ms = round( ( hrtime( true ) - $started ) / 1e6, 2 );
		} finally {
			if ( ! $was ) {
				$this->store->set_agent( $agent->id, false, '', $user_id, $this->clock->now() );
			}
		}
		$now = $this->clock->now();
		$this->audit->append(
			AuditEvent::for_user_act(
				$refused ? 'kill_switch_tested' : 'kill_switch_test_failed',
				$user_id,
				$agent->id,
				$now,
				array(
					'ms'      => $ms,
					'refused' => $refused,
				),
				null,
				null,
				'agent',
				(string) $agent->id
			)
		);
		return array(
			'ms'        => $ms,
			'refused'   => $refused,
			'tested_at' => $now,
		);
	}

	/**
	 * Counts an executed or refused agent request and trips a breaker when one is crossed.
	 * A write the admission counters admitted was already counted there: its counts are the
	 * snapshot read with the identity plus this request, with no query.
	 *
	 * @param array<string, int> $snapshot Counters read with the identity (attempt_*, fail_*, burst_*).
	 */
	public function observe( Agent $agent, bool $write, bool $failed, int $price_items, bool $counted = false, array $snapshot = array() ): ?int {
		if ( ! $write && ! $failed ) {
			return null;
		}
		$policy = Policy::from_array( $agent->policy );
		$window = (int) $policy->breakers()['burst_window_minutes'];
		$now    = $this->clock->now();
		if ( $counted && ! $failed && isset( $snapshot['attempt_key'] ) ) {
			$same   = static fn ( string $key, int $current ): bool => ( $snapshot[ $key . '_key' ] ?? -1 ) === $current;
			$minute = intdiv( $now, 60 );
			$burst  = intdiv( $now, 60 * max( 1, $window ) );
			$counts = array(
				'attempts' => ( $same( 'attempt', $minute ) ? (int) $snapshot['attempt_n'] : 0 ) + 1,
				'failures' => $same( 'fail', intdiv( $now, 300 ) ) ? (int) ( $snapshot['fail_n'] ?? 0 ) : 0,
				'burst'    => ( $same( 'burst', $burst ) ? (int) ( $snapshot['burst_n'] ?? 0 ) : 0 ) + $price_items,
			);
		} else {
			$counts = $this->counters->count( $agent->id, $now, $write && ! $counted ? 1 : 0, $failed ? 1 : 0, $counted ? 0 : $price_items, $window );
		}
		$trip   = Breakers::tripped( $policy, $counts );
		if ( null === $trip || $agent->is_halted() ) {
			return null;
		}
		return $this->stop( $agent, $trip['kind'], 'Circuit breaker: ' . $trip['summary'], true, $counts );
	}

	/**
	 * Pauses a canary agent whose failure or revert rate in the canary crosses its limit.
	 */
	public function check_canary( Agent $agent, int $actions, int $failures, int $reverts ): ?int {
		if ( AgentMode::Canary !== $agent->mode ) {
			return null;
		}
		$trip = Breakers::canary_tripped( Policy::from_array( $agent->policy ), $actions, $failures, $reverts );
		if ( null === $trip || $this->incidents->has_open( $agent->id, $trip['kind'] ) ) {
			return null;
		}
		return $this->stop(
			$agent,
			$trip['kind'],
			'Canary condition: ' . $trip['summary'],
			false,
			array(
				'actions'  => $actions,
				'failures' => $failures,
				'reverts'  => $reverts,
			)
		);
	}

	public function close_incident( int $id, int $user_id, string $note ): void {
		$note = trim( $note );
		if ( '' === $note ) {
			throw new DomainException( 'agent_guard_comment_required', 'Closing an incident needs a note: what happened and what was done.', 400, array( 'path' => 'note' ) );
		}
		if ( ! $this->incidents->close( $id, $user_id, $note, $this->clock->now() ) ) {
			throw new DomainException( 'agent_guard_incident_closed', 'This incident is already closed or does not exist.', 409 );
		}
		$this->audit->append( AuditEvent::for_user_act( 'incident_closed', $user_id, 0, $this->clock->now(), array( 'note' => $note, 'incident_id' => $id ), null, null, 'incident', (string) $id ) );
	}

	/**
	 * Halts (breakers) or pauses (canary) an agent, opens an incident and alerts.
	 *
	 * @param array<string, mixed> $counts
	 */
	private function stop( Agent $agent, string $kind, string $summary, bool $halt, array $counts ): int {
		$now = $this->clock->now();
		if ( $halt ) {
			$this->store->set_agent( $agent->id, true, $summary, 0, $now );
		} else {
			$document         = $agent->policy;
			$document['mode'] = AgentMode::Paused->value;
			$this->agents->update( $agent->with( array( 'mode' => AgentMode::Paused, 'policy' => $document, 'updated_at' => $now ) ) );
		}
		$event    = $this->audit->append(
			AuditEvent::for_user_act(
				$halt ? 'breaker_tripped' : 'canary_paused',
				0,
				$agent->id,
				$now,
				array(
					'kind'    => $kind,
					'summary' => $summary,
					'counts'  => $counts,
				),
				null,
				null,
				'agent',
				(string) $agent->id
			)
		);
		$incident = $this->incidents->open(
			$agent->id,
			$kind,
			$summary,
			array(
				'counts'         => $counts,
				'recent_actions' => $this->trail->recent_for_agent( $agent->id, 50 ),
			),
			$event->id,
			$now
		);
		$this->alerts->agent_stopped( $agent, $summary, $incident );
		$this->events->emit( 'halt_changed', true, $agent->id );
		return $incident;
	}

	private function require( int $agent_id ): Agent {
		$agent = $this->agents->find( $agent_id );
		if ( null === $agent ) {
			throw new DomainException( 'agent_guard_agent_not_found', 'No agent has that id.', 404 );
		}
		return $agent;
	}

	private static function reason( string $reason ): string {
		$reason = trim( preg_replace( '/\s+/u', ' ', $reason ) ?? '' );
		return '' === $reason ? 'No reason given' : mb_substr( $reason, 0, 500 );
	}
}

<?php
/**
 * Deciding and executing queued requests.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Application;

use AgentGuard\Domain\Approval\AgentDispatcher;
use AgentGuard\Domain\Approval\Approval;
use AgentGuard\Domain\Approval\ApprovalRepository;
use AgentGuard\Domain\Approval\ApprovalState;
use AgentGuard\Domain\Approval\PendingRequest;
use AgentGuard\Domain\Audit\AuditEvent;
use AgentGuard\Domain\Audit\AuditLog;
use AgentGuard\Domain\Clock;
use AgentGuard\Domain\Decision\Decision;
use AgentGuard\Domain\DomainException;
use AgentGuard\Domain\Events;
use AgentGuard\Domain\Envelope\Money;
use AgentGuard\Domain\Request\AgentRequest;

/**
 * Managers approve or reject; an approved request runs exactly once, as the agent, through the
 * pipeline again (kill switch, credential, scope, limits — not the threshold a person just
 * approved). A target that changed since the request was queued is not written: the item
 * becomes `conflict` and shows what changed. While agents are halted an approved item waits.
 *
 * @since 0.1.0
 */
final class ApprovalService {

	/** A claim older than this is an interrupted run (a crashed worker): a person checks it. */
	public const LEASE = 300;

	/** Fields of a target that do not count as "the target changed". */
	private const VOLATILE = array( 'date_modified_gmt', 'date_modified', 'modified_gmt', 'count', 'total_sales' );

	/** Fields a manager may lower before approving: the change becomes smaller, never larger. */
	public const EDITABLE = array( 'regular_price', 'sale_price', 'stock_quantity', 'amount' );

	public function __construct(
		private ApprovalRepository $approvals,
		private Enforcement $enforcement,
		private AgentDispatcher $dispatcher,
		private AuditLog $audit,
		private Clock $clock,
		private int $decimals,
		private Events $events
	) {
	}

	/**
	 * @param array<string, mixed> $edit Lowered values of editable fields (single writes only).
	 */
	public function approve( int $id, int $user_id, int $version, string $comment, array $edit = array() ): Approval {
		$approval = $this->require( $id );
		$now      = $this->clock->now();
		if ( $approval->is_expired( $now ) ) {
			$this->expire( $approval );
		}
		$approval->assert_decidable( $user_id, $version, $now );
		$params = $approval->params;
		$fields = array();
		if ( $edit ) {
			$params                    = $this->apply_edit( $approval, $edit );
			$fields['params']          = $params;
			$fields['original_params'] = $approval->params;
			$fields['payload_hash']    = PendingRequest::hash_payload( $approval->method, $approval->route, $params );
			$fields['edited_by']       = $user_id;
		}
		$decisions            = $approval->decisions;
		$decisions[]          = array(
			'user_id'  => $user_id,
			'decision' => 'approve',
			'comment'  => mb_substr( $comment, 0, 1000 ),
			'at'       => gmdate( 'Y-m-d\TH:i:s\Z', $now ),
			'edit'     => $edit ? $edit : null,
		);
		$fields['decisions'] = array_values( $decisions );
		$complete            = $approval->completes_with( $user_id );
		if ( $complete ) {
			$fields['decided_at_gmt'] = gmdate( 'Y-m-d H:i:s', $now );
			$fields['comment']        = mb_substr( $comment, 0, 1000 );
		}
		$to = $complete ? ApprovalState::Approved : ApprovalState::Pending;
		if ( ! $this->approvals->transition( $approval->id, $approval->version, ApprovalState::Pending, $to, $fields ) ) {
			throw $this->lost_race( $approval->id );
		}
		$this->record( $approval, $user_id, $complete ? 'approval_approved' : 'approval_first_approval', array( 'comment' => $comment, 'edit' => $edit ? $edit : null, 'approvals' => count( $approval->approvers() ) + 1, 'required' => $approval->required_approvals ) );
		$current = $this->require( $id );
		if ( $complete ) {
			$current = $this->execute( $current, $user_id );
		}
		return $current;
	}

	public function reject( int $id, int $user_id, int $version, string $comment ): Approval {
		$comment = trim( $comment );
		if ( '' === $comment ) {
			throw new DomainException( 'agent_guard_comment_required', 'Say why you reject this request; the agent and the audit log get your comment.', 400, array( 'path' => 'comment' ) );
		}
		$approval = $this->require( $id );
		$now      = $this->clock->now();
		if ( $approval->is_expired( $now ) ) {
			$this->expire( $approval );
		}
		$approval->assert_decidable( $user_id, $version, $now );
		$decisions   = $approval->decisions;
		$decisions[] = array(
			'user_id'  => $user_id,
			'decision' => 'reject',
			'comment'  => mb_substr( $comment, 0, 1000 ),
			'at'       => gmdate( 'Y-m-d\TH:i:s\Z', $now ),
		);
		$ok          = $this->approvals->transition(
			$approval->id,
			$approval->version,
			ApprovalState::Pending,
			ApprovalState::Rejected,
			array(
				'decisions'       => $decisions,
				'comment'         => mb_substr( $comment, 0, 1000 ),
				'decided_at_gmt'  => gmdate( 'Y-m-d H:i:s', $now ),
				'finished_at_gmt' => gmdate( 'Y-m-d H:i:s', $now ),
			)
		);
		if ( ! $ok ) {
			throw $this->lost_race( $approval->id );
		}
		$this->record( $approval, $user_id, 'approval_rejected', array( 'comment' => $comment ) );
		$rejected = $this->require( $id );
		$this->events->emit( 'approval_decided', $rejected );
		return $rejected;
	}

	/**
	 * Runs an approved item once. Exactly one caller wins the claim; while agents are halted
	 * the item goes back to waiting.
	 */
	public function execute( Approval $approval, int $approved_by ): Approval {
		if ( ApprovalState::Approved !== $approval->state ) {
			return $approval;
		}
		$now = $this->clock->now();
		if ( ! $this->approvals->transition( $approval->id, $approval->version, ApprovalState::Approved, ApprovalState::Executing, array( 'claimed_at_gmt' => gmdate( 'Y-m-d H:i:s', $now ) ) ) ) {
			// Someone else runs it.
			return $this->require( $approval->id );
		}
		$claimed  = $this->require( $approval->id );
		$identity = $this->dispatcher->identity_for( $claimed );
		$request  = new AgentRequest( $claimed->method, $claimed->route, $claimed->params, array_keys( $claimed->params ), array_intersect_key( $claimed->metadata, array_flip( array( 'rationale', 'confidence', 'model', 'prompt_version', 'run_id' ) ) ) );
		if ( null === $identity ) {
			return $this->finish( $claimed, ApprovalState::Failed, 0, array( 'reason' => 'The agent no longer exists.' ), $approved_by );
		}
		try {
			$verdict = $this->enforcement->decide( $identity, $request, array( Enforcement::SKIP_THRESHOLDS, Enforcement::SKIP_CANARY ) );
		} catch ( DomainException $error ) {
			$this->approvals->transition( $claimed->id, $claimed->version, ApprovalState::Executing, ApprovalState::Approved, array( 'claimed_at_gmt' => null ) );
			throw $error;
		}
		$decision = $verdict->decision;
		if ( Decision::HALTED === $decision->outcome ) {
			// Halted: do not run; wait for an explicit resume.
			$this->approvals->transition( $claimed->id, $claimed->version, ApprovalState::Executing, ApprovalState::Approved, array( 'claimed_at_gmt' => null ) );
			$this->record( $claimed, $approved_by, 'approval_waiting', array( 'reason' => $decision->message ) );
			return $this->require( $claimed->id );
		}
		if ( $decision->stops() ) {
			return $this->finish(
				$claimed,
				ApprovalState::Failed,
				$decision->status,
				array(
					'code'    => $decision->code,
					'rule'    => $decision->rule,
					'message' => 'Refused at execution: ' . $decision->message,
				),
				$approved_by
			);
		}
		$changes = $this->changed_targets( $claimed->target_state, (array) $verdict->before() );
		if ( $changes ) {
			return $this->finish(
				$claimed,
				ApprovalState::Conflict,
				409,
				array(
					'code'    => 'agent_guard_stale_target',
					'message' => 'The target changed since the request was queued; nothing was written. Check the changes and ask the agent again if it still makes sense.',
					'changes' => $changes,
				),
				$approved_by
			);
		}
		$outcome = $this->dispatcher->dispatch( $identity, $request, $verdict, $claimed->id, $approved_by );
		$ok      = $outcome['status'] < 400;
		return $this->finish(
			$claimed,
			$ok ? ApprovalState::Executed : ApprovalState::Failed,
			$outcome['status'],
			array( 'response' => self::trim_response( $outcome['data'] ) ),
			$approved_by,
			$outcome['event_id']
		);
	}

	/**
	 * Expires overdue pending items and hands interrupted runs to a person (cron).
	 *
	 * @return int Items changed.
	 */
	public function tidy(): int {
		$count = 0;
		foreach ( $this->approvals->overdue( $this->clock->now(), self::LEASE ) as $approval ) {
			if ( ApprovalState::Pending === $approval->state ) {
				$count += $this->expire( $approval ) ? 1 : 0;
			} elseif ( ApprovalState::Executing === $approval->state ) {
				$done   = $this->approvals->transition(
					$approval->id,
					$approval->version,
					ApprovalState::Executing,
					ApprovalState::Conflict,
					array(
						'result'          => array(
							'code'    => 'agent_guard_interrupted',
							'message' => 'The run was interrupted after it was claimed; it was not retried. Check the store to see whether the change landed.',
						),
						'result_status'   => 409,
						'finished_at_gmt' => gmdate( 'Y-m-d H:i:s', $this->clock->now() ),
					)
				);
				$count += $done ? 1 : 0;
				if ( $done ) {
					$this->record( $approval, 0, 'approval_interrupted', array() );
				}
			}
		}
		return $count;
	}

	/**
	 * Runs approved items that waited while agents were halted.
	 */
	public function run_waiting( int $user_id, int $limit = 50 ): int {
		$ran = 0;
		foreach ( $this->approvals->waiting( $limit ) as $approval ) {
			$after = $this->execute( $approval, $user_id );
			$ran  += ApprovalState::Approved === $after->state ? 0 : 1;
		}
		return $ran;
	}

	public function require( int $id ): Approval {
		$approval = $this->approvals->find( $id );
		if ( null === $approval ) {
			throw new DomainException( 'agent_guard_approval_not_found', 'No queued request has that id.', 404 );
		}
		return $approval;
	}

	private function expire( Approval $approval ): bool {
		$ok = $this->approvals->transition(
			$approval->id,
			$approval->version,
			ApprovalState::Pending,
			ApprovalState::Expired,
			array( 'finished_at_gmt' => gmdate( 'Y-m-d H:i:s', $this->clock->now() ) )
		);
		if ( $ok ) {
			$this->record( $approval, 0, 'approval_expired', array() );
			$this->events->emit( 'approval_decided', $this->require( $approval->id ) );
		}
		return $ok;
	}

	/**
	 * @param array<string, mixed> $result
	 */
	private function finish( Approval $claimed, ApprovalState $to, int $status, array $result, int $approved_by, int $event_id = 0 ): Approval {
		$this->approvals->transition(
			$claimed->id,
			$claimed->version,
			ApprovalState::Executing,
			$to,
			array(
				'result'          => $result,
				'result_status'   => $status,
				'audit_event_id'  => $event_id,
				'finished_at_gmt' => gmdate( 'Y-m-d H:i:s', $this->clock->now() ),
			)
		);
		$this->record( $claimed, $approved_by, 'approval_' . $to->value, array( 'status' => $status ) + array_intersect_key( $result, array_flip( array( 'code', 'rule', 'message', 'changes' ) ) ) );
		$finished = $this->require( $claimed->id );
		$this->events->emit( 'approval_decided', $finished );
		return $finished;
	}

	/**
	 * Lowers proposed values: each edited field must already be in the request and lie between
	 * the target's current value and the proposed one (a smaller change, never a larger one).
	 *
	 * @param array<string, mixed> $edit
	 * @return array<string, mixed>
	 */
	private function apply_edit( Approval $approval, array $edit ): array {
		if ( str_starts_with( $approval->target_id, 'batch:' ) ) {
			throw DomainException::invalid( 'Batch requests cannot be edited; approve or reject them whole.', array( 'path' => 'edit' ) );
		}
		$state  = (array) ( array_values( $approval->target_state )[0] ?? array() );
		$params = $approval->params;
		foreach ( $edit as $field => $value ) {
			if ( ! in_array( $field, self::EDITABLE, true ) || ! array_key_exists( $field, $params ) ) {
				throw DomainException::invalid( sprintf( '%s cannot be edited on this request; only the proposed %s can be lowered.', $field, implode( ', ', array_intersect( self::EDITABLE, array_keys( $params ) ) ) ?: 'values' ), array( 'path' => 'edit.' . $field ) );
			}
			$numeric  = 'stock_quantity' === $field;
			$to_minor = fn ( $v ): ?int => $numeric ? ( is_int( $v ) || ( is_string( $v ) && preg_match( '/^-?\d+$/', $v ) ) ? (int) $v : null ) : Money::parse( $v, $this->decimals );
			$new      = $to_minor( $value );
			$proposed = $to_minor( $params[ $field ] );
			$current  = $numeric ? ( isset( $state[ $field ] ) ? (int) $state[ $field ] : null ) : ( 'amount' === $field ? 0 : Money::from_store( $state[ $field ] ?? '', $this->decimals ) );
			if ( null === $new || null === $proposed ) {
				throw DomainException::invalid( sprintf( '%s is not a valid value.', $field ), array( 'path' => 'edit.' . $field ) );
			}
			$low  = min( (int) $current, $proposed );
			$high = max( (int) $current, $proposed );
			if ( $new < $low || $new > $high ) {
				throw DomainException::invalid( sprintf( 'The edited %s must lie between the current value and the proposed one: a smaller change, not a different one.', $field ), array( 'path' => 'edit.' . $field ) );
			}
			$params[ $field ] = $numeric ? $new : Money::format( $new, $this->decimals );
		}
		return $params;
	}

	/**
	 * Fields that differ between the states stored at queue time and the states now.
	 *
	 * @param array<string, mixed> $queued
	 * @param array<string, mixed> $now
	 * @return list<array{target: string, field: string, queued: mixed, now: mixed}>
	 */
	private function changed_targets( array $queued, array $now ): array {
		$changes = array();
		foreach ( $queued as $key => $state ) {
			$current = $now[ $key ] ?? null;
			if ( null === $current && null !== $state ) {
				$changes[] = array(
					'target' => (string) $key,
					'field'  => '*',
					'queued' => 'exists',
					'now'    => 'gone',
				);
				continue;
			}
			foreach ( (array) $state as $field => $value ) {
				if ( in_array( $field, self::VOLATILE, true ) ) {
					continue;
				}
				$other = is_array( $current ) ? ( $current[ $field ] ?? null ) : null;
				if ( PendingRequest::canonical_json( $value ) !== PendingRequest::canonical_json( $other ) ) {
					$changes[] = array(
						'target' => (string) $key,
						'field'  => (string) $field,
						'queued' => $value,
						'now'    => $other,
					);
				}
			}
		}
		return $changes;
	}

	private function lost_race( int $id ): DomainException {
		$now = $this->approvals->find( $id );
		return new DomainException(
			'agent_guard_version_conflict',
			sprintf( 'Someone decided this request at the same moment (it is now %s); nothing was changed by your click.', null === $now ? 'gone' : $now->state->value ),
			409,
			array( 'state' => null === $now ? '' : $now->state->value )
		);
	}

	/**
	 * @param array<string, mixed> $details
	 */
	private function record( Approval $approval, int $user_id, string $event, array $details ): void {
		$this->audit->append(
			new AuditEvent(
				event_type: $event,
				actor_type: $user_id > 0 ? 'user' : 'system',
				actor_id: $user_id,
				agent_id: $approval->agent_id,
				occurred_at: $this->clock->now(),
				action: $approval->action,
				target_type: $approval->target_type,
				target_id: $approval->target_id,
				decision: str_replace( 'approval_', '', $event ),
				rule: $approval->rule,
				method: $approval->method,
				route: $approval->route,
				approval_id: $approval->id,
				details: $details + array( 'payload_hash' => $approval->payload_hash )
			)
		);
	}

	/**
	 * @return mixed
	 */
	private static function trim_response( mixed $data ): mixed {
		$json = (string) json_encode( $data );
		if ( strlen( $json ) <= 4000 ) {
			return $data;
		}
		return is_array( $data ) ? array_intersect_key( $data, array_flip( array( 'id', 'status', 'name', 'sku', 'regular_price', 'sale_price', 'price', 'stock_quantity', 'amount', 'total', 'code', 'message' ) ) ) : null;
	}
}

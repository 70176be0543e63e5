<?php
/**
 * Use cases of the agent registry.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Application;

use AgentGuard\Domain\Agent\Agent;
use AgentGuard\Domain\Agent\AgentMode;
use AgentGuard\Domain\Agent\AgentRepository;
use AgentGuard\Domain\Agent\LaunchChecklist;
use AgentGuard\Domain\Agent\RiskTier;
use AgentGuard\Domain\Agent\ServiceAccounts;
use AgentGuard\Domain\Audit\AuditEvent;
use AgentGuard\Domain\Audit\AuditLog;
use AgentGuard\Domain\Clock;
use AgentGuard\Domain\DomainException;
use AgentGuard\Domain\Policy\Policy;
use AgentGuard\Domain\Policy\PolicyDiff;
use AgentGuard\Domain\Policy\PolicyTemplates;
use AgentGuard\Domain\Policy\PolicyValidator;
use AgentGuard\Domain\Policy\PolicyVersions;

/**
 * Creates, edits, archives agents and saves their policies. Every change is a new policy
 * version (when the policy changed) and an audit event with the diff.
 *
 * @since 0.1.0
 */
final class AgentRegistry {

	public function __construct(
		private AgentRepository $agents,
		private ServiceAccounts $accounts,
		private PolicyValidator $validator,
		private PolicyVersions $versions,
		private AuditLog $audit,
		private Clock $clock,
		private LaunchChecklist $checklist
	) {
	}

	/**
	 * Registers an agent with its service user and first policy (a template or a document).
	 *
	 * @param array{name: string, purpose?: string, owner_user_id: int, risk_tier?: string, notes?: string, template?: string, policy?: array<string, mixed>} $input
	 */
	public function create( array $input, int $user_id ): Agent {
		$name = self::clean_name( (string) ( $input['name'] ?? '' ) );
		if ( null !== $this->agents->find_by_name( $name ) ) {
			throw new DomainException( 'agent_guard_duplicate_name', sprintf( 'An agent named "%s" already exists.', $name ), 409, array( 'path' => 'name' ) );
		}
		$owner = (int) ( $input['owner_user_id'] ?? 0 );
		if ( $owner <= 0 || ! $this->accounts->user_exists( $owner ) ) {
			throw DomainException::invalid( 'The owner must be an existing user.', array( 'path' => 'owner_user_id' ) );
		}
		$risk = RiskTier::tryFrom( (string) ( $input['risk_tier'] ?? 'medium' ) );
		if ( null === $risk ) {
			throw DomainException::invalid( 'The risk tier must be low, medium or high.', array( 'path' => 'risk_tier' ) );
		}
		if ( isset( $input['policy'] ) ) {
			$document = $this->validator->validate( $input['policy'] );
		} else {
			$template = (string) ( $input['template'] ?? 'read_only' );
			if ( ! in_array( $template, PolicyTemplates::NAMES, true ) ) {
				throw DomainException::invalid( sprintf( 'Unknown template "%s".', $template ), array( 'path' => 'template' ) );
			}
			$document = $this->validator->validate( PolicyTemplates::get( $template ) );
		}
		// A new agent always starts in observe mode, whatever the document says.
		$document['mode'] = AgentMode::Observe->value;

		$now     = $this->clock->now();
		$service = $this->accounts->create( $name );
		$agent   = $this->agents->insert(
			new Agent(
				id: 0,
				name: $name,
				purpose: self::clean_text( (string) ( $input['purpose'] ?? '' ), 1000 ),
				owner_user_id: $owner,
				service_user_id: $service,
				risk_tier: $risk,
				mode: AgentMode::Observe,
				status: Agent::STATUS_ACTIVE,
				policy: $document,
				policy_version: 1,
				notes: self::clean_text( (string) ( $input['notes'] ?? '' ), 5000 ),
				created_at: $now,
				updated_at: $now
			)
		);
		$this->versions->record( $agent->id, 1, $document, $user_id, 'Created' . ( isset( $input['template'] ) ? ' from the ' . $input['template'] . ' template' : '' ), $now );
		$this->audit->append(
			AuditEvent::for_user_act(
				'agent_created',
				$user_id,
				$agent->id,
				$now,
				array(
					'name'           => $agent->name,
					'template'       => $input['template'] ?? null,
					'policy_version' => 1,
				),
				null,
				self::summary( $agent ),
				'agent',
				(string) $agent->id
			)
		);
		return $agent;
	}

	/**
	 * Changes the registry fields (not the policy) of an agent.
	 *
	 * @param array{name?: string, purpose?: string, owner_user_id?: int, risk_tier?: string, notes?: string} $changes
	 */
	public function update( int $agent_id, array $changes, ?int $expected_version, int $user_id ): Agent {
		$agent  = $this->require_agent( $agent_id );
		$fields = array();
		if ( null !== $expected_version && $expected_version !== $agent->version ) {
			throw new DomainException( 'agent_guard_version_conflict', 'The agent was changed by someone else since it was loaded; reload and try again.', 409 );
		}
		if ( array_key_exists( 'name', $changes ) ) {
			$fields['name'] = self::clean_name( (string) $changes['name'] );
			$other          = $this->agents->find_by_name( $fields['name'] );
			if ( null !== $other && $other->id !== $agent->id ) {
				throw new DomainException( 'agent_guard_duplicate_name', sprintf( 'An agent named "%s" already exists.', $fields['name'] ), 409, array( 'path' => 'name' ) );
			}
		}
		if ( array_key_exists( 'purpose', $changes ) ) {
			$fields['purpose'] = self::clean_text( (string) $changes['purpose'], 1000 );
		}
		if ( array_key_exists( 'notes', $changes ) ) {
			$fields['notes'] = self::clean_text( (string) $changes['notes'], 5000 );
		}
		if ( array_key_exists( 'owner_user_id', $changes ) ) {
			$owner = (int) $changes['owner_user_id'];
			if ( $owner <= 0 || ! $this->accounts->user_exists( $owner ) ) {
				throw DomainException::invalid( 'The owner must be an existing user.', array( 'path' => 'owner_user_id' ) );
			}
			$fields['owner_user_id'] = $owner;
		}
		if ( array_key_exists( 'risk_tier', $changes ) ) {
			$risk = RiskTier::tryFrom( (string) $changes['risk_tier'] );
			if ( null === $risk ) {
				throw DomainException::invalid( 'The risk tier must be low, medium or high.', array( 'path' => 'risk_tier' ) );
			}
			$fields['risk_tier'] = $risk;
		}
		if ( ! $fields ) {
			return $agent;
		}
		$fields['updated_at'] = $this->clock->now();
		$updated              = $this->agents->update( $agent->with( $fields ) );
		if ( isset( $fields['name'] ) && $fields['name'] !== $agent->name ) {
			$this->accounts->rename( $agent->service_user_id, $updated->name );
		}
		$this->audit->append(
			AuditEvent::for_user_act( 'agent_updated', $user_id, $agent->id, $fields['updated_at'], array(), self::summary( $agent ), self::summary( $updated ), 'agent', (string) $agent->id )
		);
		return $updated;
	}

	/**
	 * Saves a new policy version. The mode in the document is kept as it is stored: modes move
	 * only through change_mode(), so that leaving observe mode is checked and audited.
	 *
	 * @param mixed $document Decoded JSON from the editor or an import.
	 */
	public function save_policy( int $agent_id, mixed $document, int $user_id, string $note = '', ?int $expected_policy_version = null ): Agent {
		$agent = $this->require_agent( $agent_id );
		if ( null !== $expected_policy_version && $expected_policy_version !== $agent->policy_version ) {
			throw new DomainException( 'agent_guard_version_conflict', sprintf( 'The policy is now at version %d; reload it before saving.', $agent->policy_version ), 409 );
		}
		$clean         = $this->validator->validate( $document );
		$clean['mode'] = $agent->mode->value;
		return $this->store_policy( $agent, $clean, $user_id, '' === $note ? 'Policy saved' : $note, 'policy_saved' );
	}

	/**
	 * Moves an agent between observe, canary, active and paused. Leaving observe mode with
	 * open checklist items needs an administrator's written reason, which is audited.
	 */
	public function change_mode( int $agent_id, AgentMode $mode, int $user_id, bool $is_administrator, string $override_reason = '' ): Agent {
		$agent = $this->require_agent( $agent_id );
		if ( $agent->mode === $mode ) {
			return $agent;
		}
		$leaving_observe = AgentMode::Observe === $agent->mode && in_array( $mode, array( AgentMode::Canary, AgentMode::Active ), true );
		$override        = trim( $override_reason );
		if ( $leaving_observe ) {
			$open = $this->checklist->open_items( $agent );
			if ( $open ) {
				if ( '' === $override ) {
					throw new DomainException(
						'agent_guard_checklist_open',
						sprintf( 'The pre-launch checklist has open items (%s); complete them or have an administrator override with a written reason.', implode( ', ', $open ) ),
						409,
						array( 'open_items' => $open )
					);
				}
				if ( ! $is_administrator ) {
					throw new DomainException( 'agent_guard_forbidden', 'Only an administrator may override the pre-launch checklist.', 403 );
				}
				if ( mb_strlen( $override ) < 10 ) {
					throw DomainException::invalid( 'Write a reason of at least 10 characters for the override.', array( 'path' => 'override_reason' ) );
				}
				$this->audit->append(
					AuditEvent::for_user_act(
						'checklist_overridden',
						$user_id,
						$agent->id,
						$this->clock->now(),
						array(
							'reason'     => $override,
							'open_items' => $open,
							'to_mode'    => $mode->value,
						),
						null,
						null,
						'agent',
						(string) $agent->id
					)
				);
			}
		}
		$document         = $agent->policy;
		$document['mode'] = $mode->value;
		return $this->store_policy( $agent, $document, $user_id, sprintf( 'Mode %s → %s', $agent->mode->value, $mode->value ), 'mode_changed' );
	}

	/**
	 * Moves the canary dial: a manual, audited act (a new policy version).
	 */
	public function set_canary_percent( int $agent_id, float $percent, int $user_id ): Agent {
		$agent = $this->require_agent( $agent_id );
		if ( $percent < 0 || $percent > 100 || abs( round( $percent, 2 ) - $percent ) > 1e-9 ) {
			throw DomainException::invalid( 'The canary percentage is a number from 0 to 100 with at most two decimals.', array( 'path' => 'canary.percent' ) );
		}
		$document                      = Policy::normalize( $agent->policy );
		$before                        = (float) $document['canary']['percent'];
		$document['canary']['percent'] = $percent;
		return $this->store_policy( $agent, $document, $user_id, sprintf( 'Canary %s %% → %s %%', self::num( $before ), self::num( $percent ) ), 'canary_changed' );
	}

	/**
	 * Archives an agent: it keeps its history and audit trail, its tokens stop working
	 * (the caller revokes them) and it can no longer act.
	 */
	public function archive( int $agent_id, int $user_id ): Agent {
		$agent = $this->require_agent( $agent_id );
		if ( $agent->is_archived() ) {
			return $agent;
		}
		$now     = $this->clock->now();
		$updated = $this->agents->update(
			$agent->with(
				array(
					'status'      => Agent::STATUS_ARCHIVED,
					'mode'        => AgentMode::Paused,
					'policy'      => array( 'mode' => AgentMode::Paused->value ) + $agent->policy,
					'updated_at'  => $now,
					'archived_at' => $now,
				)
			)
		);
		$this->audit->append( AuditEvent::for_user_act( 'agent_archived', $user_id, $agent->id, $now, array(), self::summary( $agent ), self::summary( $updated ), 'agent', (string) $agent->id ) );
		return $updated;
	}

	public function require_agent( int $agent_id ): Agent {
		$agent = $this->agents->find( $agent_id );
		if ( null === $agent ) {
			throw new DomainException( 'agent_guard_agent_not_found', 'No agent has that id.', 404 );
		}
		return $agent;
	}

	/**
	 * @param array<string, mixed> $document
	 */
	private function store_policy( Agent $agent, array $document, int $user_id, string $note, string $event_type ): Agent {
		if ( $agent->is_archived() ) {
			throw new DomainException( 'agent_guard_agent_archived', 'This agent is archived; its policy can no longer change.', 409 );
		}
		$diff = PolicyDiff::between( $agent->policy, $document );
		if ( ! $diff ) {
			return $agent;
		}
		$now     = $this->clock->now();
		$version = $agent->policy_version + 1;
		$mode    = AgentMode::tryFrom( (string) $document['mode'] ) ?? AgentMode::Paused;
		$updated = $this->agents->update(
			$agent->with(
				array(
					'policy'         => $document,
					'policy_version' => $version,
					'mode'           => $mode,
					'updated_at'     => $now,
				)
			)
		);
		$this->versions->record( $agent->id, $version, $document, $user_id, $note, $now );
		$this->audit->append(
			AuditEvent::for_user_act(
				$event_type,
				$user_id,
				$agent->id,
				$now,
				array(
					'note'           => $note,
					'policy_version' => $version,
					'diff'           => $diff,
				),
				null,
				null,
				'agent',
				(string) $agent->id
			)
		);
		return $updated;
	}

	/**
	 * @return array<string, mixed>
	 */
	public static function summary( Agent $agent ): array {
		return array(
			'name'           => $agent->name,
			'purpose'        => $agent->purpose,
			'owner_user_id'  => $agent->owner_user_id,
			'risk_tier'      => $agent->risk_tier->value,
			'mode'           => $agent->mode->value,
			'status'         => $agent->status,
			'policy_version' => $agent->policy_version,
		);
	}

	private static function clean_name( string $name ): string {
		$name = trim( (string) preg_replace( '/\s+/u', ' ', $name ) );
		if ( '' === $name || mb_strlen( $name ) > 100 ) {
			throw DomainException::invalid( 'The name must be 1 to 100 characters.', array( 'path' => 'name' ) );
		}
		if ( preg_match( '/[\x00-\x1F\x7F]/u', $name ) || ! mb_check_encoding( $name, 'UTF-8' ) ) {
			throw DomainException::invalid( 'The name may not contain control characters.', array( 'path' => 'name' ) );
		}
		return $name;
	}

	private static function clean_text( string $text, int $max ): string {
		$text = trim( str_replace( "\0", '', $text ) );
		if ( mb_strlen( $text ) > $max ) {
			throw DomainException::invalid( sprintf( 'The text is longer than %d characters.', $max ) );
		}
		return $text;
	}

	private static function num( float $value ): string {
		return rtrim( rtrim( number_format( $value, 2, '.', '' ), '0' ), '.' );
	}
}

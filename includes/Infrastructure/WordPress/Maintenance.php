<?php
/**
 * Periodic housekeeping.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\WordPress;

use AgentGuard\Application\ApprovalService;
use AgentGuard\Application\KillSwitch;
use AgentGuard\Domain\Agent\AgentMode;
use AgentGuard\Domain\Agent\AgentRepository;
use AgentGuard\Infrastructure\Persistence\WpdbCanaryStats;
use AgentGuard\Domain\Clock;
use AgentGuard\Infrastructure\Persistence\WpdbIdempotency;
use AgentGuard\Infrastructure\Persistence\WpdbPriceHistory;

/**
 * Every 5 minutes (WP-Cron): expire overdue approvals and hand interrupted runs to a person;
 * prune idempotency keys (kept 48 h) and the price log (kept 8 days). The audit log is never
 * pruned here.
 *
 * @since 0.1.0
 */
final class Maintenance {

	public const HOOK = 'agent_guard_maintenance';

	public function __construct(
		private ApprovalService $approvals,
		private WpdbIdempotency $idempotency,
		private WpdbPriceHistory $prices,
		private Clock $clock,
		private AgentRepository $agents,
		private KillSwitch $kill_switch,
		private WpdbCanaryStats $canary
	) {
	}

	/**
	 * @return list<array{0: string, 1: string|callable, 2?: int, 3?: int}>
	 */
	public static function hooks(): array {
		return array(
			array( 'cron_schedules', array( self::class, 'schedules' ) ),
			array( self::HOOK, 'run' ),
			// Scheduled on activation and upgrade; put back from wp-admin if the event was lost
			// (not looked up on every request).
			array( 'admin_init', array( self::class, 'schedule' ) ),
		);
	}

	/**
	 * @param array<string, array{interval: int, display: string}> $schedules
	 * @return array<string, array{interval: int, display: string}>
	 */
	public static function schedules( $schedules ): array {
		$schedules['agent_guard_five_minutes'] = array(
			'interval' => 300,
			'display'  => __( 'Every five minutes (Agent Guard)', 'agent-guard' ),
		);
		return $schedules;
	}

	public static function schedule(): void {
		if ( ! wp_next_scheduled( self::HOOK ) ) {
			wp_schedule_event( time() + 300, 'agent_guard_five_minutes', self::HOOK );
		}
	}

	/**
	 * @return array{approvals: int, idempotency: int, prices: int, canary_paused: int}
	 */
	public function run(): array {
		$now = $this->clock->now();
		return array(
			'approvals'     => $this->approvals->tidy(),
			'idempotency'   => $this->idempotency->prune( $now ),
			'prices'        => $this->prices->prune( $now ),
			'canary_paused' => $this->canary_sweep( $now ),
		);
	}

	/**
	 * Pauses canary agents whose failure or revert rate in the canary crossed their limit.
	 */
	public function canary_sweep( int $now ): int {
		$paused = 0;
		foreach ( $this->agents->list( array( 'mode' => AgentMode::Canary->value, 'status' => 'active' ) ) as $agent ) {
			$stats = $this->canary->for_agent( $agent->id, $now );
			if ( null !== $this->kill_switch->check_canary( $agent, (int) $stats['actions'], (int) $stats['failures'], (int) $stats['reverts'] ) ) {
				++$paused;
			}
		}
		return $paused;
	}

	public static function unschedule(): void {
		wp_clear_scheduled_hook( self::HOOK );
		wp_clear_scheduled_hook( ApprovalNotifier::DIGEST_HOOK );
	}
}

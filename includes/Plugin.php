<?php
/**
 * The composition root.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard;

use AgentGuard\Admin\Assets;
use AgentGuard\Admin\Menu;
use AgentGuard\Application\AgentRegistry;
use AgentGuard\Application\ApprovalService;
use AgentGuard\Infrastructure\WooCommerce\RestAgentDispatcher;
use AgentGuard\Infrastructure\WooCommerce\RestExposure;
use AgentGuard\Infrastructure\WordPress\ApprovalNotifier;
use AgentGuard\Infrastructure\WordPress\Maintenance;
use AgentGuard\Rest\ApprovalsController;
use AgentGuard\Rest\ControlController;
use AgentGuard\Admin\AdminBar;
use AgentGuard\Application\KillSwitch;
use AgentGuard\Infrastructure\Persistence\WpdbBreakerCounters;
use AgentGuard\Infrastructure\Persistence\WpdbCanaryStats;
use AgentGuard\Infrastructure\Persistence\WpdbIncidents;
use AgentGuard\Infrastructure\Persistence\WpdbKillSwitch;
use AgentGuard\Infrastructure\WordPress\WpAlerts;
use AgentGuard\Infrastructure\WordPress\WpEvents;
use AgentGuard\Application\Enforcement;
use AgentGuard\Domain\Decision\PolicyEngine;
use AgentGuard\Domain\Request\Classifier;
use AgentGuard\Infrastructure\Persistence\WpdbAdmission;
use AgentGuard\Infrastructure\Persistence\WpdbAdoptions;
use AgentGuard\Infrastructure\Persistence\WpdbApprovalRepository;
use AgentGuard\Infrastructure\Persistence\WpdbIdempotency;
use AgentGuard\Infrastructure\Persistence\WpdbPriceHistory;
use AgentGuard\Infrastructure\WooCommerce\AgentAuthentication;
use AgentGuard\Infrastructure\WooCommerce\RestTargetStates;
use AgentGuard\Infrastructure\WooCommerce\WriteRecorder;
use AgentGuard\Infrastructure\WordPress\Settings;
use AgentGuard\Application\AgentRequestLog;
use AgentGuard\Application\Authenticator;
use AgentGuard\Application\TokenService;
use AgentGuard\Domain\Agent\LaunchChecklist;
use AgentGuard\Domain\Token\TokenHasher;
use AgentGuard\Infrastructure\Persistence\Schema;
use AgentGuard\Infrastructure\Persistence\WpdbAgentRepository;
use AgentGuard\Infrastructure\Persistence\WpdbAgentStats;
use AgentGuard\Infrastructure\Persistence\WpdbAuditLog;
use AgentGuard\Infrastructure\Persistence\WpdbAuditQuery;
use AgentGuard\Infrastructure\Persistence\WpdbPolicyVersions;
use AgentGuard\Infrastructure\Persistence\WpdbTokenRepository;
use AgentGuard\Infrastructure\WooCommerce\RequestScope;
use AgentGuard\Infrastructure\WooCommerce\RestGate;
use AgentGuard\Infrastructure\WordPress\Capabilities;
use AgentGuard\Infrastructure\WordPress\SchemaPolicyValidator;
use AgentGuard\Infrastructure\WordPress\ServiceUserGuard;
use AgentGuard\Infrastructure\WordPress\SiteSecrets;
use AgentGuard\Infrastructure\WordPress\SystemClock;
use AgentGuard\Infrastructure\WordPress\WpChecklistFacts;
use AgentGuard\Infrastructure\WordPress\WpServiceAccounts;
use AgentGuard\Rest\AgentsController;
use AgentGuard\Rest\AuditController;
use AgentGuard\Rest\CheckController;
use AgentGuard\Rest\InventoryController;
use AgentGuard\Rest\PolicyController;
use AgentGuard\Infrastructure\WooCommerce\CredentialInventory;
use AgentGuard\Infrastructure\WooCommerce\WebhookGate;
use AgentGuard\Rest\TokensController;

/**
 * Builds every object by hand and calls register() on each hook class. Constructors never
 * attach hooks.
 *
 * @since 0.1.0
 */
final class Plugin {

	private static ?self $instance = null;

	public readonly RequestScope $scope;
	public readonly Schema $schema;
	public readonly SystemClock $clock;
	public readonly WpdbAgentRepository $agents;
	public readonly WpdbTokenRepository $tokens;
	public readonly WpdbAuditLog $audit;
	public readonly WpdbAuditQuery $audit_query;
	public readonly WpdbPolicyVersions $policy_versions;
	public readonly LaunchChecklist $checklist;
	public readonly AgentRegistry $registry;
	public readonly TokenService $token_service;
	public readonly Authenticator $authenticator;
	public readonly RestGate $gate;
	public readonly Enforcement $enforcement;
	public readonly Settings $settings;
	public readonly WpdbAdoptions $adoptions;
	public readonly WpdbPriceHistory $price_history;
	public readonly WpdbIdempotency $idempotency;
	public readonly int $price_decimals;
	public readonly AgentRequestLog $request_log;
	public readonly WriteRecorder $recorder;
	public readonly WpdbApprovalRepository $approvals;
	public readonly ApprovalService $approval_service;
	public readonly ApprovalNotifier $notifier;
	public readonly Maintenance $maintenance;
	public readonly KillSwitch $kill_switch;
	public readonly WpdbKillSwitch $kill_switch_store;
	public readonly WpdbIncidents $incidents;
	public readonly WpdbCanaryStats $canary_stats;

	/** @var list<object> Objects with a register() method. */
	private array $hooked = array();

	private function __construct( \wpdb $wpdb ) {
		$this->scope           = new RequestScope();
		$this->schema          = new Schema( $wpdb );
		$this->clock           = new SystemClock();
		$this->audit           = new WpdbAuditLog( $wpdb );
		$this->agents          = new WpdbAgentRepository( $wpdb, $this->audit );
		$this->tokens          = new WpdbTokenRepository( $wpdb );
		$this->audit_query     = new WpdbAuditQuery( $wpdb );
		$this->policy_versions = new WpdbPolicyVersions( $wpdb );
		$hasher                = new TokenHasher( SiteSecrets::token_key() );
		$this->checklist       = new LaunchChecklist( new WpChecklistFacts( $wpdb ), $this->clock );
		$validator             = new SchemaPolicyValidator();
		$this->registry        = new AgentRegistry(
			$this->agents,
			new WpServiceAccounts(),
			$validator,
			$this->policy_versions,
			$this->audit,
			$this->clock,
			$this->checklist
		);
		$this->token_service   = new TokenService( $this->agents, $this->tokens, $hasher, $this->audit, $this->clock );
		$this->authenticator   = new Authenticator( $this->agents, $hasher );
		$this->settings        = new Settings();
		$this->adoptions       = new WpdbAdoptions( $wpdb );
		$this->price_history   = new WpdbPriceHistory( $wpdb );
		$this->idempotency     = new WpdbIdempotency( $wpdb );
		$this->price_decimals  = max( 0, min( 8, (int) get_option( 'woocommerce_price_num_decimals', 2 ) ) );
		$halted_by_constant    = defined( 'AGENT_GUARD_HALT_ALL' ) && true === AGENT_GUARD_HALT_ALL;
		$this->request_log     = new AgentRequestLog( $this->audit );
		$this->approvals       = new WpdbApprovalRepository( $wpdb );
		$this->recorder        = new WriteRecorder( $this->price_history, $this->price_decimals );
		$this->enforcement     = new Enforcement(
			new Classifier(),
			new PolicyEngine(),
			new RestTargetStates( $this->scope ),
			$this->price_history,
			new WpdbAdmission( $wpdb ),
			$this->approvals,
			$this->clock,
			$this->price_decimals,
			$halted_by_constant
		);
		$events                  = new WpEvents();
		$this->kill_switch_store = new WpdbKillSwitch( $wpdb );
		$this->incidents         = new WpdbIncidents( $wpdb );
		$target_states           = new RestTargetStates( $this->scope );
		$this->canary_stats      = new WpdbCanaryStats( $wpdb, $target_states );
		$this->kill_switch       = new KillSwitch(
			$this->kill_switch_store,
			$this->agents,
			new WpdbBreakerCounters( $wpdb ),
			$this->incidents,
			$this->audit,
			$this->audit_query,
			new WpAlerts(),
			$this->enforcement,
			$this->clock,
			$events
		);
		$this->gate            = new RestGate(
			$this->scope,
			$this->enforcement,
			$this->request_log,
			$this->tokens,
			$this->recorder,
			$this->kill_switch,
			$this->idempotency,
			$this->settings,
			$this->clock,
			$halted_by_constant
		);

		$this->approval_service = new ApprovalService(
			$this->approvals,
			$this->enforcement,
			new RestAgentDispatcher( $wpdb, $this->scope, $this->agents, $this->tokens, $this->request_log, $this->recorder, $this->clock ),
			$this->audit,
			$this->clock,
			$this->price_decimals,
			$events
		);
		$this->notifier         = new ApprovalNotifier( $this->approvals, $this->agents, $this->settings );
		$this->maintenance      = new Maintenance( $this->approval_service, $this->idempotency, $this->price_history, $this->clock, $this->agents, $this->kill_switch, $this->canary_stats );

		$stats        = new WpdbAgentStats( $wpdb );
		$assets       = new Assets( $wpdb );
		$this->hooked = array(
			new AgentAuthentication( $this->scope, $this->authenticator, $this->adoptions, $this->settings, $this->clock ),
			$this->gate,
			new ServiceUserGuard( $this->scope, $this->agents ),
			new AgentsController( $this->scope, $this->agents, $this->registry, $this->token_service, $this->checklist, $this->policy_versions, $stats, $this->clock ),
			new TokensController( $this->scope, $this->token_service, $this->tokens, $this->clock ),
			new AuditController( $this->scope, $this->audit_query, $this->agents, $this->incidents ),
			new CheckController( $this->scope, $this->enforcement, $this->agents, $wpdb ),
			new PolicyController( $this->scope, $this->registry, $validator, $this->policy_versions ),
			new ApprovalsController( $this->scope, $this->approvals, $this->approval_service, $this->agents, $this->clock ),
			new RestExposure( $this->scope, $this->agents, $this->clock, $this->price_decimals ),
			$this->notifier,
			$this->maintenance,
			new ControlController( $this->scope, $this->kill_switch, $this->kill_switch_store, $this->agents, $this->incidents, $this->canary_stats, $this->approvals, $wpdb, $this->clock, $halted_by_constant ),
			new AdminBar( $this->kill_switch, $this->kill_switch_store, $this->incidents, $halted_by_constant ),
			new InventoryController( $this->scope, new CredentialInventory( $wpdb, $this->adoptions ), $this->adoptions, $this->registry, $this->settings, $this->audit, $this->clock ),
			new WebhookGate( $wpdb, $this->agents, $halted_by_constant ),
			new Menu( $assets ),
		);
	}

	/**
	 * Called once from agent-guard.php.
	 */
	public static function boot(): void {
		if ( null !== self::$instance ) {
			return;
		}
		global $wpdb;
		self::$instance = new self( $wpdb );
		self::$instance->register();
	}

	public static function instance(): self {
		if ( null === self::$instance ) {
			throw new \LogicException( 'Agent Guard has not booted.' );
		}
		return self::$instance;
	}

	private function register(): void {
		add_action( 'plugins_loaded', array( $this->schema, 'maybe_upgrade' ), 5 );
		add_action( 'init', array( $this, 'load_textdomain' ) );
		add_action( 'agent_guard_schema_upgraded', array( Capabilities::class, 'grant_defaults' ) );
		// WooCommerce creates shop_manager after us on a fresh store: grant its defaults then.
		add_action( 'woocommerce_installed', array( Capabilities::class, 'grant_defaults' ) );
		// Approved requests that waited while agents were halted run once agents are resumed.
		add_action(
			'agent_guard_halt_changed',
			function ( bool $halted ): void {
				if ( ! $halted ) {
					$this->approval_service->run_waiting( get_current_user_id() );
				}
			}
		);
		foreach ( $this->hooked as $object ) {
			$object->register();
		}
	}

	public function load_textdomain(): void {
		load_plugin_textdomain( 'agent-guard', false, dirname( plugin_basename( AGENT_GUARD_FILE ) ) . '/languages' );
	}

	/**
	 * Activation: tables, capabilities and the service-user role.
	 */
	public static function activate(): void {
		global $wpdb;
		( new Schema( $wpdb ) )->install( (int) get_option( Schema::VERSION_OPTION, 0 ) );
		Capabilities::grant_defaults();
		WpServiceAccounts::register_role();
	}

	public static function deactivate(): void {
		// Agents lose access with the plugin (their tokens are only understood by it); data stays.
		Maintenance::unschedule();
	}
}

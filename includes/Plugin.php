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
use AgentGuard\Rest\RestController;
use AgentGuard\Rest\AuditController;
use AgentGuard\Rest\CheckController;
use AgentGuard\Rest\InventoryController;
use AgentGuard\Rest\PolicyController;
use AgentGuard\Infrastructure\WooCommerce\CredentialInventory;
use AgentGuard\Infrastructure\WooCommerce\WebhookGate;
use AgentGuard\Rest\TokensController;

/**
 * The composition root: builds every object by hand, on first use. Each service is a factory
 * here and is built the first time something asks for it (`$plugin->registry`); each hooked
 * class lists its hooks (Hooks::hooks()) and is attached through callbacks that build it when
 * one of its hooks first fires. A storefront page thus loads a handful of classes, an agent
 * request the pipeline, an admin screen its controllers. Constructors never attach hooks.
 *
 * @since 0.1.0
 *
 * @property-read RequestScope $scope
 * @property-read Schema $schema
 * @property-read SystemClock $clock
 * @property-read WpdbAgentRepository $agents
 * @property-read WpdbTokenRepository $tokens
 * @property-read WpdbAuditLog $audit
 * @property-read WpdbAuditQuery $audit_query
 * @property-read WpdbPolicyVersions $policy_versions
 * @property-read LaunchChecklist $checklist
 * @property-read SchemaPolicyValidator $validator
 * @property-read AgentRegistry $registry
 * @property-read TokenService $token_service
 * @property-read Authenticator $authenticator
 * @property-read RestGate $gate
 * @property-read Enforcement $enforcement
 * @property-read Settings $settings
 * @property-read WpdbAdoptions $adoptions
 * @property-read WpdbPriceHistory $price_history
 * @property-read WpdbIdempotency $idempotency
 * @property-read int $price_decimals
 * @property-read bool $halted_by_constant
 * @property-read AgentRequestLog $request_log
 * @property-read WriteRecorder $recorder
 * @property-read WpdbApprovalRepository $approvals
 * @property-read ApprovalService $approval_service
 * @property-read ApprovalNotifier $notifier
 * @property-read Maintenance $maintenance
 * @property-read KillSwitch $kill_switch
 * @property-read WpdbKillSwitch $kill_switch_store
 * @property-read WpdbIncidents $incidents
 * @property-read WpdbCanaryStats $canary_stats
 * @property-read WpEvents $events
 * @property-read WpdbAgentStats $stats
 */
final class Plugin {

	private static ?self $instance = null;

	/** @var array<string, \Closure(): mixed> Service name => factory. */
	private array $factories;

	/** @var array<string, mixed> Services built so far. */
	private array $services = array();

	/**
	 * Hooked classes: service name => class. Their hooks are attached lazily.
	 *
	 * @var array<string, class-string>
	 */
	private const HOOKED = array(
		'authentication' => AgentAuthentication::class,
		'gate'           => RestGate::class,
		'user_guard'     => ServiceUserGuard::class,
		'exposure'       => RestExposure::class,
		'notifier'       => ApprovalNotifier::class,
		'maintenance'    => Maintenance::class,
		'admin_bar'      => AdminBar::class,
		'webhook_gate'   => WebhookGate::class,
		'menu'           => Menu::class,
	);

	/**
	 * The REST controllers: service name => class. Their routes are registered by
	 * register_routes() below, their other hooks like any hooked class's.
	 *
	 * @var array<string, class-string>
	 */
	private const CONTROLLERS = array(
		'agents_rest'    => AgentsController::class,
		'tokens_rest'    => TokensController::class,
		'audit_rest'     => AuditController::class,
		'check_rest'     => CheckController::class,
		'policy_rest'    => PolicyController::class,
		'approvals_rest' => ApprovalsController::class,
		'control_rest'   => ControlController::class,
		'inventory_rest' => InventoryController::class,
	);

	private bool $routes_registered = false;

	private bool $controllers_attached = false;

	private function __construct( private \wpdb $wpdb ) {
		$this->factories = $this->factories();
	}

	/**
	 * A service, built on first use.
	 *
	 * @return mixed
	 */
	public function __get( string $name ) {
		if ( ! array_key_exists( $name, $this->services ) ) {
			if ( ! isset( $this->factories[ $name ] ) ) {
				throw new \LogicException( sprintf( 'Agent Guard has no service named "%s".', $name ) );
			}
			$this->services[ $name ] = ( $this->factories[ $name ] )();
		}
		return $this->services[ $name ];
	}

	public function __isset( string $name ): bool {
		return isset( $this->factories[ $name ] );
	}

	/**
	 * How each service is built.
	 *
	 * @return array<string, \Closure(): mixed>
	 */
	private function factories(): array {
		$wpdb = $this->wpdb;
		return array(
			'scope'              => static fn (): RequestScope => new RequestScope(),
			'schema'             => static fn (): Schema => new Schema( $wpdb ),
			'clock'              => static fn (): SystemClock => new SystemClock(),
			'audit'              => static fn (): WpdbAuditLog => new WpdbAuditLog( $wpdb ),
			'agents'             => fn (): WpdbAgentRepository => new WpdbAgentRepository( $wpdb, $this->audit ),
			'tokens'             => static fn (): WpdbTokenRepository => new WpdbTokenRepository( $wpdb ),
			'audit_query'        => static fn (): WpdbAuditQuery => new WpdbAuditQuery( $wpdb ),
			'policy_versions'    => static fn (): WpdbPolicyVersions => new WpdbPolicyVersions( $wpdb ),
			'hasher'             => static fn (): TokenHasher => new TokenHasher( SiteSecrets::token_key() ),
			'checklist'          => fn (): LaunchChecklist => new LaunchChecklist( new WpChecklistFacts( $wpdb ), $this->clock ),
			'validator'          => static fn (): SchemaPolicyValidator => new SchemaPolicyValidator(),
			'registry'           => fn (): AgentRegistry => new AgentRegistry( $this->agents, new WpServiceAccounts(), $this->validator, $this->policy_versions, $this->audit, $this->clock, $this->checklist ),
			'token_service'      => fn (): TokenService => new TokenService( $this->agents, $this->tokens, $this->hasher, $this->audit, $this->clock ),
			'authenticator'      => fn (): Authenticator => new Authenticator( $this->agents, $this->hasher ),
			'settings'           => static fn (): Settings => new Settings(),
			'adoptions'          => static fn (): WpdbAdoptions => new WpdbAdoptions( $wpdb ),
			'price_history'      => static fn (): WpdbPriceHistory => new WpdbPriceHistory( $wpdb ),
			'idempotency'        => static fn (): WpdbIdempotency => new WpdbIdempotency( $wpdb ),
			'price_decimals'     => static fn (): int => max( 0, min( 8, (int) get_option( 'woocommerce_price_num_decimals', 2 ) ) ),
			'halted_by_constant' => static fn (): bool => defined( 'AGENT_GUARD_HALT_ALL' ) && true === AGENT_GUARD_HALT_ALL,
			'request_log'        => fn (): AgentRequestLog => new AgentRequestLog( $this->audit ),
			'approvals'          => static fn (): WpdbApprovalRepository => new WpdbApprovalRepository( $wpdb ),
			'recorder'           => fn (): WriteRecorder => new WriteRecorder( $this->price_history, $this->price_decimals ),
			'enforcement'        => fn (): Enforcement => new Enforcement(
				new Classifier(),
				new PolicyEngine(),
				new RestTargetStates( $this->scope ),
				$this->price_history,
				new WpdbAdmission( $wpdb ),
				$this->approvals,
				$this->clock,
				$this->price_decimals,
				$this->halted_by_constant
			),
			'events'             => static fn (): WpEvents => new WpEvents(),
			'kill_switch_store'  => static fn (): WpdbKillSwitch => new WpdbKillSwitch( $wpdb ),
			'incidents'          => static fn (): WpdbIncidents => new WpdbIncidents( $wpdb ),
			'canary_stats'       => fn (): WpdbCanaryStats => new WpdbCanaryStats( $wpdb, new RestTargetStates( $this->scope ) ),
			'kill_switch'        => fn (): KillSwitch => new KillSwitch(
				$this->kill_switch_store,
				$this->agents,
				new WpdbBreakerCounters( $wpdb ),
				$this->incidents,
				$this->audit,
				$this->audit_query,
				new WpAlerts(),
				$this->enforcement,
				$this->clock,
				$this->events
			),
			'gate'               => fn (): RestGate => new RestGate(
				$this->scope,
				$this->enforcement,
				$this->request_log,
				$this->tokens,
				$this->recorder,
				$this->kill_switch,
				$this->idempotency,
				$this->settings,
				$this->clock,
				$this->halted_by_constant
			),
			'approval_service'   => fn (): ApprovalService => new ApprovalService(
				$this->approvals,
				$this->enforcement,
				new RestAgentDispatcher( $wpdb, $this->scope, $this->agents, $this->tokens, $this->request_log, $this->recorder, $this->clock ),
				$this->audit,
				$this->clock,
				$this->price_decimals,
				$this->events
			),
			'notifier'           => fn (): ApprovalNotifier => new ApprovalNotifier( $this->approvals, $this->agents, $this->settings ),
			'maintenance'        => fn (): Maintenance => new Maintenance( $this->approval_service, $this->idempotency, $this->price_history, $this->clock, $this->agents, $this->kill_switch, $this->canary_stats ),
			'stats'              => static fn (): WpdbAgentStats => new WpdbAgentStats( $wpdb ),
			// Hooked objects.
			'authentication'     => fn (): AgentAuthentication => new AgentAuthentication( $this->scope, fn (): Authenticator => $this->authenticator, fn (): WpdbAdoptions => $this->adoptions, $this->settings, $this->clock ),
			'user_guard'         => fn (): ServiceUserGuard => new ServiceUserGuard( $this->scope, fn (): WpdbAgentRepository => $this->agents ),
			'agents_rest'        => fn (): AgentsController => new AgentsController( $this->scope, $this->agents, $this->registry, $this->token_service, $this->checklist, $this->policy_versions, $this->stats, $this->clock ),
			'tokens_rest'        => fn (): TokensController => new TokensController( $this->scope, $this->token_service, $this->tokens, $this->clock ),
			'audit_rest'         => fn (): AuditController => new AuditController( $this->scope, $this->audit_query, $this->agents, $this->incidents ),
			'check_rest'         => fn (): CheckController => new CheckController( $this->scope, $this->enforcement, $this->agents, $wpdb ),
			'policy_rest'        => fn (): PolicyController => new PolicyController( $this->scope, $this->registry, $this->validator, $this->policy_versions ),
			'approvals_rest'     => fn (): ApprovalsController => new ApprovalsController( $this->scope, $this->approvals, $this->approval_service, $this->agents, $this->clock ),
			'exposure'           => fn (): RestExposure => new RestExposure( $this->scope, $this->agents, $this->clock, $this->price_decimals ),
			'control_rest'       => fn (): ControlController => new ControlController( $this->scope, $this->kill_switch, $this->kill_switch_store, $this->agents, $this->incidents, $this->canary_stats, $this->approvals, $wpdb, $this->clock, $this->halted_by_constant ),
			'admin_bar'          => fn (): AdminBar => new AdminBar( $this->kill_switch, $this->kill_switch_store, $this->incidents, $this->halted_by_constant ),
			'inventory_rest'     => fn (): InventoryController => new InventoryController( $this->scope, new CredentialInventory( $wpdb, $this->adoptions ), $this->adoptions, $this->registry, $this->settings, $this->audit, $this->clock ),
			'webhook_gate'       => fn (): WebhookGate => new WebhookGate( $wpdb, $this->agents, $this->halted_by_constant ),
			'menu'               => static fn (): Menu => new Menu( new Assets( $wpdb ) ),
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
		add_action( 'plugins_loaded', fn () => $this->schema->maybe_upgrade(), 5 );
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
		$this->attach( self::HOOKED );
		// The plugin's routes: registered when the REST API starts, unless this request serves
		// another plugin's route; then the moment one of ours is dispatched (batch sub-requests,
		// internal calls).
		add_action(
			'rest_api_init',
			function (): void {
				// A new REST server starts empty (tests build one per test).
				$this->routes_registered = false;
				if ( $this->may_need_routes() ) {
					$this->register_routes();
				}
			}
		);
		add_filter(
			'rest_pre_dispatch',
			function ( $result, $server, $request ) {
				if ( ! $this->routes_registered && $request instanceof \WP_REST_Request && str_starts_with( $request->get_route(), '/' . RestController::NAMESPACE ) ) {
					$this->register_routes();
				}
				return $result;
			},
			0,
			3
		);
	}

	/**
	 * Attaches the hooks of hooked classes, lazily.
	 *
	 * @param array<string, class-string> $classes Service name => class.
	 * @param string                      $except  A hook left out.
	 */
	private function attach( array $classes, string $except = '' ): void {
		foreach ( $classes as $service => $class ) {
			foreach ( $class::hooks() as $hook ) {
				if ( $except !== $hook[0] ) {
					add_filter( $hook[0], $this->lazy( $service, $hook[1] ), $hook[2] ?? 10, $hook[3] ?? 1 );
				}
			}
		}
	}

	/**
	 * The callback of one hook: a static callable as it is, or a method of a service that is
	 * built when the hook first fires. The gate is only built for requests it concerns.
	 *
	 * @param string|callable $method
	 */
	private function lazy( string $service, $method ): callable {
		if ( ! is_string( $method ) ) {
			return $method;
		}
		if ( 'gate' === $service ) {
			return fn ( ...$args ) => $this->scope->concerns_guard() ? $this->gate->{$method}( ...$args ) : ( $args[0] ?? null );
		}
		return fn ( ...$args ) => $this->{$service}->{$method}( ...$args );
	}

	/**
	 * False only while serving a REST route of another namespace (not the index, not a batch).
	 */
	private function may_need_routes(): bool {
		$route = $GLOBALS['wp']->query_vars['rest_route'] ?? null;
		if ( ! defined( 'REST_REQUEST' ) || ! REST_REQUEST || ! is_string( $route ) ) {
			return true;
		}
		$route = '/' . trim( $route, '/' );
		return '/' === $route || str_starts_with( $route, '/' . RestController::NAMESPACE ) || str_starts_with( $route, '/batch/' );
	}

	private function register_routes(): void {
		if ( $this->routes_registered ) {
			return;
		}
		$this->routes_registered = true;
		if ( ! $this->controllers_attached ) {
			// The controllers' other hooks only matter once their routes exist.
			$this->controllers_attached = true;
			$this->attach( self::CONTROLLERS, 'rest_api_init' );
		}
		foreach ( array_keys( self::CONTROLLERS ) as $service ) {
			$this->{$service}->register_routes();
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

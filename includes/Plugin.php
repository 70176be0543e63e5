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
 * The composition root: builds every object by hand, on first use. Each service is built by
 * build() the first time something asks for it (`$plugin->registry`); each hooked class lists
 * its hooks (a static hooks(), copied into HOOKS) and is attached through callbacks that build it
 * when one of its hooks first fires. A person's request thus loads five or six of the plugin's
 * classes, an agent request the pipeline, an admin screen its controllers. Constructors never
 * attach hooks.
 *
 * @since 0.1.0
 *
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

	/** @var array<string, mixed> Services built so far. */
	private array $services = array();

	/**
	 * The hooked services and their hooks, written out: each service's class's hooks() in the
	 * same order, so that a request does not load nine classes only to read them (a test keeps
	 * this table equal to hooks()). Only
	 * literals and ::class names: a constant of another class here would load that class.
	 *
	 * @var array<string, list<array{0: string, 1: string|callable, 2?: int, 3?: int}>>
	 */
	public const HOOKS = array(
		'authentication' => array(
			array( 'determine_current_user', 'authenticate', 30 ),
			array( 'rest_authentication_errors', 'authentication_errors', 90 ),
			array( 'application_password_did_authenticate', 'remember_application_password', 10, 2 ),
		),
		'gate'           => array(
			array( 'rest_pre_dispatch', 'before_dispatch', 1, 3 ),
			array( 'rest_request_before_callbacks', 'before_callbacks', 1, 3 ),
			array( 'rest_dispatch_request', 'dispatch_replay', 1, 4 ),
			array( 'rest_request_after_callbacks', 'after_callbacks', 999, 3 ),
			array( 'rest_post_dispatch', 'post_dispatch', 999, 3 ),
			array( 'rest_jsonp_enabled', 'no_jsonp_for_agents', 99 ),
			array( 'shutdown', 'record_pending' ),
		),
		'user_guard'     => array(
			array( 'user_has_cap', 'filter_caps', 999, 4 ),
			array( 'map_meta_cap', array( ServiceUserGuard::class, 'protect_service_users' ), 999, 4 ),
			array( 'set_current_user', 'borrowed_user' ),
			array( 'wp_authenticate_user', array( ServiceUserGuard::class, 'refuse_login' ), 99 ),
			array( 'wp_is_application_passwords_available_for_user', array( ServiceUserGuard::class, 'no_application_passwords' ), 99, 2 ),
			array( 'admin_init', array( WpServiceAccounts::class, 'register_role' ) ),
		),
		'exposure'       => array(
			array( 'agent_guard_approval_exposure', 'exposure', 10, 2 ),
		),
		'notifier'       => array(
			array( 'agent_guard_approval_queued', 'schedule_digest' ),
			array( 'agent_guard_approval_digest', 'send_digest' ),
			array( 'agent_guard_approval_decided', 'notify_agent' ),
		),
		'maintenance'    => array(
			array( 'cron_schedules', array( Maintenance::class, 'schedules' ) ),
			array( 'agent_guard_maintenance', 'run' ),
			array( 'admin_init', array( Maintenance::class, 'schedule' ) ),
		),
		'admin_bar'      => array(
			array( 'admin_bar_menu', 'menu', 90 ),
			array( 'admin_post_agent_guard_halt', 'handle_halt' ),
			array( 'admin_post_agent_guard_resume', 'handle_resume' ),
			array( 'admin_head', array( AdminBar::class, 'styles' ) ),
			array( 'wp_head', array( AdminBar::class, 'styles' ) ),
			array( 'admin_notices', 'notices' ),
		),
		'webhook_gate'   => array(
			array( 'woocommerce_webhook_should_deliver', 'should_deliver', 99, 3 ),
			array( 'woocommerce_webhook_payload', 'redact_payload', 99, 4 ),
			array( 'woocommerce_deliver_webhook_async', 'before_async_delivery', 5, 2 ),
			array( 'woocommerce_deliver_webhook_async', 'after_async_delivery', 15, 2 ),
		),
		'menu'           => array(
			array( 'admin_menu', 'add_pages' ),
		),
	);

	/**
	 * Hooked services built as the plugin boots, their methods attached directly: their hooks
	 * fire on every request, some many times (user_has_cap), and they are cheap to build.
	 */
	private const EAGER = array( 'authentication', 'user_guard' );

	/**
	 * Hooks that only fire in wp-admin (admin-post.php and admin-ajax.php included): attached
	 * only there.
	 */
	private const ADMIN_HOOKS = array( 'admin_init', 'admin_menu', 'admin_head', 'admin_notices', 'admin_post_agent_guard_halt', 'admin_post_agent_guard_resume' );

	/** The plugin's REST namespace (RestController::NAMESPACE). */
	public const REST_NAMESPACE = 'agent-guard/v1';

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

	/** What this request is about; read by nearly every hook, so a plain property. */
	public readonly RequestScope $scope;

	private function __construct( private \wpdb $wpdb ) {
		$this->scope = new RequestScope();
	}

	/**
	 * A service, built on first use.
	 *
	 * @return mixed
	 */
	public function __get( string $name ) {
		if ( ! array_key_exists( $name, $this->services ) ) {
			$this->services[ $name ] = $this->build( $name );
		}
		return $this->services[ $name ];
	}

	/**
	 * Builds one service (a match, not a table of closures: nothing is allocated for the services
	 * a request never uses).
	 *
	 * @return mixed
	 */
	private function build( string $name ) {
		$wpdb = $this->wpdb;
		return match ( $name ) {
			'schema'             => new Schema( $wpdb ),
			'clock'              => new SystemClock(),
			'audit'              => new WpdbAuditLog( $wpdb ),
			'agents'             => new WpdbAgentRepository( $wpdb, $this->audit ),
			'tokens'             => new WpdbTokenRepository( $wpdb ),
			'audit_query'        => new WpdbAuditQuery( $wpdb ),
			'policy_versions'    => new WpdbPolicyVersions( $wpdb ),
			'hasher'             => new TokenHasher( SiteSecrets::token_key() ),
			'checklist'          => new LaunchChecklist( new WpChecklistFacts( $wpdb ), $this->clock ),
			'validator'          => new SchemaPolicyValidator(),
			'registry'           => new AgentRegistry( $this->agents, new WpServiceAccounts(), $this->validator, $this->policy_versions, $this->audit, $this->clock, $this->checklist ),
			'token_service'      => new TokenService( $this->agents, $this->tokens, $this->hasher, $this->audit, $this->clock ),
			'authenticator'      => new Authenticator( $this->agents, $this->hasher ),
			'settings'           => new Settings(),
			'adoptions'          => new WpdbAdoptions( $wpdb ),
			'price_history'      => new WpdbPriceHistory( $wpdb ),
			'idempotency'        => new WpdbIdempotency( $wpdb ),
			'price_decimals'     => max( 0, min( 8, (int) get_option( 'woocommerce_price_num_decimals', 2 ) ) ),
			'halted_by_constant' => defined( 'AGENT_GUARD_HALT_ALL' ) && true === AGENT_GUARD_HALT_ALL,
			'request_log'        => new AgentRequestLog( $this->audit ),
			'approvals'          => new WpdbApprovalRepository( $wpdb ),
			'recorder'           => new WriteRecorder( $this->price_history, $this->price_decimals ),
			'enforcement'        => new Enforcement(
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
			'events'             => new WpEvents(),
			'kill_switch_store'  => new WpdbKillSwitch( $wpdb ),
			'incidents'          => new WpdbIncidents( $wpdb ),
			'canary_stats'       => new WpdbCanaryStats( $wpdb, new RestTargetStates( $this->scope ) ),
			'kill_switch'        => new KillSwitch(
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
			'gate'               => new RestGate(
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
			'approval_service'   => new ApprovalService(
				$this->approvals,
				$this->enforcement,
				new RestAgentDispatcher( $wpdb, $this->scope, $this->agents, $this->tokens, $this->request_log, $this->recorder, $this->clock ),
				$this->audit,
				$this->clock,
				$this->price_decimals,
				$this->events
			),
			'notifier'           => new ApprovalNotifier( $this->approvals, $this->agents, $this->settings ),
			'maintenance'        => new Maintenance( $this->approval_service, $this->idempotency, $this->price_history, $this->clock, $this->agents, $this->kill_switch, $this->canary_stats ),
			'stats'              => new WpdbAgentStats( $wpdb ),
			// Hooked objects.
			'authentication'     => new AgentAuthentication( $this->scope, fn (): Authenticator => $this->authenticator, fn (): WpdbAdoptions => $this->adoptions, fn (): SystemClock => $this->clock ),
			'user_guard'         => new ServiceUserGuard( $this->scope, fn (): WpdbAgentRepository => $this->agents ),
			'agents_rest'        => new AgentsController( $this->scope, $this->agents, $this->registry, $this->token_service, $this->checklist, $this->policy_versions, $this->stats, $this->clock ),
			'tokens_rest'        => new TokensController( $this->scope, $this->token_service, $this->tokens, $this->clock ),
			'audit_rest'         => new AuditController( $this->scope, $this->audit_query, $this->agents, $this->incidents ),
			'check_rest'         => new CheckController( $this->scope, $this->enforcement, $this->agents, $wpdb ),
			'policy_rest'        => new PolicyController( $this->scope, $this->registry, $this->validator, $this->policy_versions ),
			'approvals_rest'     => new ApprovalsController( $this->scope, $this->approvals, $this->approval_service, $this->agents, $this->clock ),
			'exposure'           => new RestExposure( $this->scope, $this->agents, $this->clock, $this->price_decimals ),
			'control_rest'       => new ControlController( $this->scope, $this->kill_switch, $this->kill_switch_store, $this->agents, $this->incidents, $this->canary_stats, $this->approvals, $wpdb, $this->clock, $this->halted_by_constant ),
			'admin_bar'          => new AdminBar( $this->kill_switch, $this->kill_switch_store, $this->incidents, $this->halted_by_constant ),
			'inventory_rest'     => new InventoryController( $this->scope, new CredentialInventory( $wpdb, $this->adoptions ), $this->adoptions, $this->registry, $this->settings, $this->audit, $this->clock ),
			'webhook_gate'       => new WebhookGate( $wpdb, $this->agents, $this->halted_by_constant ),
			'menu'               => new Menu( new Assets( $wpdb ) ),
			default              => throw new \LogicException( sprintf( 'Agent Guard has no service named "%s".', $name ) ),
		};
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
		if ( is_dir( AGENT_GUARD_DIR . '/languages' ) ) {
			// Translations shipped inside the plugin. Language packs (wp-content/languages/plugins)
			// are loaded by WordPress just in time, with no call here.
			add_action( 'init', array( $this, 'load_textdomain' ) );
		}
		add_action( 'agent_guard_schema_upgraded', array( self::class, 'settle' ) );
		add_filter( 'rest_exposed_cors_headers', array( self::class, 'exposed_headers' ) );
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
		$except = is_admin() ? array() : self::ADMIN_HOOKS;
		foreach ( self::HOOKS as $service => $hooks ) {
			$this->attach( $service, $hooks, $except );
		}
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
				if ( ! $this->routes_registered && $request instanceof \WP_REST_Request && str_starts_with( $request->get_route(), '/' . self::REST_NAMESPACE ) ) {
					$this->register_routes();
				}
				return $result;
			},
			0,
			3
		);
	}

	/**
	 * Attaches the hooks of one hooked service.
	 *
	 * @param list<array{0: string, 1: string|callable, 2?: int, 3?: int}> $hooks  As hooks() lists them.
	 * @param list<string>                                                  $except Hooks left out.
	 */
	private function attach( string $service, array $hooks, array $except = array() ): void {
		foreach ( $hooks as $hook ) {
			if ( ! in_array( $hook[0], $except, true ) ) {
				add_filter( $hook[0], $this->callback( $service, $hook[1] ), $hook[2] ?? 10, $hook[3] ?? 1 );
			}
		}
	}

	/**
	 * The callback of one hook: a static callable as it is; a method of an eager service as it
	 * is; else a closure that builds the service when the hook first fires. The gate is only
	 * built for requests it concerns.
	 *
	 * @param string|callable $method
	 * @return callable Declared array|Closure, not callable: PHP would check a `callable` return
	 *                  by loading the class of a static callable that may never be called.
	 */
	private function callback( string $service, $method ): array|\Closure {
		if ( ! is_string( $method ) ) {
			return $method;
		}
		if ( in_array( $service, self::EAGER, true ) ) {
			return array( $this->{$service}, $method );
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
		return '/' === $route || str_starts_with( $route, '/' . self::REST_NAMESPACE ) || str_starts_with( $route, '/batch/' );
	}

	private function register_routes(): void {
		if ( $this->routes_registered ) {
			return;
		}
		$this->routes_registered = true;
		if ( ! $this->controllers_attached ) {
			// The controllers' other hooks only matter once their routes exist.
			$this->controllers_attached = true;
			foreach ( self::CONTROLLERS as $service => $class ) {
				$this->attach( $service, $class::hooks(), array( 'rest_api_init' ) );
			}
		}
		foreach ( array_keys( self::CONTROLLERS ) as $service ) {
			$this->{$service}->register_routes();
		}
	}

	/**
	 * The plugin's own answer headers (the gate's, the audit export's), readable by browser
	 * clients on other origins too.
	 *
	 * @param list<string> $headers
	 * @return list<string>
	 */
	public static function exposed_headers( $headers ) {
		return array_values( array_unique( array_merge( (array) $headers, array( 'X-Agent-Guard-Event', 'Retry-After', 'X-Agent-Guard-Filename', 'X-Agent-Guard-Next-After-Id', 'X-Agent-Guard-Export-Count' ) ) ) );
	}

	public function load_textdomain(): void {
		load_plugin_textdomain( 'agent-guard', false, dirname( plugin_basename( AGENT_GUARD_FILE ) ) . '/languages' );
	}

	/**
	 * Activation: tables, capabilities, the service-user role and the maintenance event. The
	 * plugin has not booted in the request that activates it, so nothing here relies on its hooks.
	 */
	public static function activate(): void {
		global $wpdb;
		( new Schema( $wpdb ) )->install( (int) get_option( Schema::VERSION_OPTION, 0 ) );
		self::settle();
	}

	/**
	 * What activation and every schema upgrade (a new version put in place without
	 * reactivation) make sure of: default capabilities, the role, the scheduled maintenance.
	 */
	public static function settle(): void {
		Capabilities::grant_defaults();
		WpServiceAccounts::register_role();
		if ( ! has_filter( 'cron_schedules', array( Maintenance::class, 'schedules' ) ) ) {
			add_filter( 'cron_schedules', array( Maintenance::class, 'schedules' ) );
		}
		Maintenance::schedule();
	}

	public static function deactivate(): void {
		// Agents lose access with the plugin (their tokens are only understood by it); data stays.
		Maintenance::unschedule();
	}
}

<?php
/**
 * REST: the audit log.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Rest;

use AgentGuard\Domain\Agent\AgentRepository;
use AgentGuard\Infrastructure\Persistence\WpdbAuditQuery;
use AgentGuard\Infrastructure\Persistence\WpdbIncidents;
use AgentGuard\Infrastructure\WooCommerce\RequestScope;
use AgentGuard\Infrastructure\WordPress\Capabilities;

/**
 * `audit` (filtered pages, newest first), `audit/<id>`, `audit/verify`, `audit/export` (CSV or
 * JSON Lines, oldest first, for a SIEM). Reading recent agent activity is open to every Agent
 * Guard role (the Overview shows it); the full log, its before/after states, verification and
 * export need agent_guard_audit. Events that opened an incident carry its id.
 *
 * @since 0.1.0
 */
final class AuditController extends RestController {

	public const EXPORT_MAX = 50000;

	/** Columns of the CSV export, in order. */
	public const CSV_COLUMNS = array( 'id', 'occurred_at', 'event_type', 'actor_type', 'actor_id', 'actor_name', 'agent_id', 'agent_name', 'action', 'target_type', 'target_id', 'decision', 'rule', 'method', 'route', 'status', 'duration_ms', 'approval_id', 'incident_id', 'metadata', 'before', 'after', 'details', 'hash', 'prev_hash' );

	protected $rest_base = 'audit';

	public function __construct( RequestScope $scope, private WpdbAuditQuery $query, private AgentRepository $agents, private WpdbIncidents $incidents ) {
		parent::__construct( $scope );
	}

	/**
	 * @return list<array{0: string, 1: string|callable, 2?: int, 3?: int}>
	 */
	public static function hooks(): array {
		return array_merge(
			parent::hooks(),
			array(
				array( 'rest_pre_serve_request', array( self::class, 'serve_export' ), 10, 4 ),
			)
		);
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/audit',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'can_view' ),
					'args'                => $this->paging_args() + $this->filter_args() + array(
						'count' => array(
							'description' => 'Whether to count the matching events for X-WP-Total (false spares a count over millions of rows when paging with before_id).',
							'type'        => 'boolean',
							'default'     => true,
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/audit/(?P<id>\d+)',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_item' ),
				'permission_callback' => array( $this, 'can_audit' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/audit/export',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'export' ),
				'permission_callback' => array( $this, 'can_audit' ),
				'args'                => $this->filter_args() + array(
					'format'   => array(
						'type'    => 'string',
						'enum'    => array( 'csv', 'jsonl' ),
						'default' => 'jsonl',
					),
					'after_id' => array(
						'type'    => 'integer',
						'minimum' => 0,
						'default' => 0,
					),
					'limit'    => array(
						'type'    => 'integer',
						'minimum' => 1,
						'maximum' => self::EXPORT_MAX,
						'default' => 10000,
					),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/audit/verify',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'verify' ),
				'permission_callback' => array( $this, 'can_audit' ),
				'args'                => array(
					'after_id' => array(
						'description' => 'Go on from this event (whose stored hash starts the check); 0 starts at the beginning.',
						'type'        => 'integer',
						'minimum'     => 0,
						'default'     => 0,
					),
					'limit'    => array(
						'description' => 'Check at most this many events, then answer where to go on (next_after_id).',
						'type'        => 'integer',
						'minimum'     => 1,
						'maximum'     => 5000000,
						'default'     => 1000000,
					),
				),
				'schema'              => fn (): array => $this->schema_from_file( 'audit-verify' ),
			)
		);
	}

	/**
	 * @return true|\WP_Error
	 */
	public function can_audit() {
		return $this->require_person_with( Capabilities::AUDIT );
	}

	/**
	 * The filters audit and audit/export accept.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private function filter_args(): array {
		return array(
			'agent_id'    => array(
				'type'    => 'integer',
				'minimum' => 1,
			),
			'action'      => array(
				'type'    => 'string',
				'pattern' => '^[a-z_]+:[a-z_]+$',
			),
			'decision'    => array(
				'type'    => 'string',
				'pattern' => '^[a-z_]{1,24}$',
			),
			'event_type'  => array(
				'type'    => 'string',
				'pattern' => '^[a-z_]{1,40}$',
			),
			'target_type' => array(
				'type'    => 'string',
				'pattern' => '^[a-z_]{1,30}$',
			),
			'target_id'   => array(
				'type'      => 'string',
				'maxLength' => 64,
			),
			'approval_id' => array(
				'type'    => 'integer',
				'minimum' => 1,
			),
			'from'        => array(
				'type'   => 'string',
				'format' => 'date-time',
			),
			'to'          => array(
				'type'   => 'string',
				'format' => 'date-time',
			),
			'before_id'   => array(
				'type'    => 'integer',
				'minimum' => 1,
			),
		);
	}

	/**
	 * @param \WP_REST_Request $request
	 * @return array<string, mixed>|\WP_Error
	 */
	private function filters( $request ) {
		$filters = array();
		foreach ( array( 'agent_id', 'action', 'decision', 'event_type', 'target_type', 'target_id', 'approval_id', 'before_id' ) as $key ) {
			if ( null !== $request[ $key ] ) {
				$filters[ $key ] = $request[ $key ];
			}
		}
		foreach ( array( 'from', 'to' ) as $key ) {
			if ( null !== $request[ $key ] ) {
				$time = strtotime( (string) $request[ $key ] );
				if ( false === $time ) {
					/* translators: %s: parameter name. */
					return new \WP_Error( 'rest_invalid_param', sprintf( __( '%s is not a valid date.', 'agent-guard' ), $key ), array( 'status' => 400 ) );
				}
				$filters[ $key ] = $time;
			}
		}
		return $filters;
	}

	public function get_items( $request ) {
		$filters = $this->filters( $request );
		if ( is_wp_error( $filters ) ) {
			return $filters;
		}
		$full   = current_user_can( Capabilities::AUDIT );
		$count  = (bool) $request['count'];
		$result = $this->query->page( $filters, (int) $request['page'], (int) $request['per_page'], $count );
		$items  = $this->present_all( $result['items'], $full );
		return $count ? $this->collection( $items, $result['total'], (int) $request['per_page'] ) : rest_ensure_response( $items );
	}

	/**
	 * The log as CSV or JSON Lines, oldest first, at most `limit` events after `after_id`; when
	 * more remain, `X-Agent-Guard-Next-After-Id` says where to go on. Served as a file by
	 * serve_export().
	 *
	 * @param \WP_REST_Request $request
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function export( $request ) {
		$filters = $this->filters( $request );
		if ( is_wp_error( $filters ) ) {
			return $filters;
		}
		unset( $filters['before_id'] );
		$limit  = (int) $request['limit'];
		$events = $this->query->export( $filters, (int) $request['after_id'], $limit + 1 );
		$more   = count( $events ) > $limit;
		$events = $this->present_all( array_slice( $events, 0, $limit ), true );
		$csv    = 'csv' === $request['format'];
		$body   = $csv ? self::csv( $events ) : self::json_lines( $events );
		$response = new \WP_REST_Response( $body, 200 );
		$response->header( 'Content-Type', $csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8' );
		$response->header( 'Content-Disposition', sprintf( 'attachment; filename="agent-guard-audit-%s.%s"', gmdate( 'Ymd-His' ), $csv ? 'csv' : 'jsonl' ) );
		$response->header( 'X-Agent-Guard-Export-Count', (string) count( $events ) );
		if ( $more && $events ) {
			$response->header( 'X-Agent-Guard-Next-After-Id', (string) $events[ count( $events ) - 1 ]['id'] );
		}
		return $response;
	}

	/**
	 * Sends an export as the file it is, not as a JSON string.
	 *
	 * @param bool              $served
	 * @param \WP_HTTP_Response $response
	 * @param \WP_REST_Request  $request
	 * @param \WP_REST_Server   $server
	 * @return bool
	 */
	public static function serve_export( $served, $response, $request, $server ) {
		if ( $served || ! $request instanceof \WP_REST_Request || '/' . self::NAMESPACE . '/audit/export' !== $request->get_route() ) {
			return $served;
		}
		if ( ! $response instanceof \WP_HTTP_Response || 200 !== $response->get_status() || ! is_string( $response->get_data() ) ) {
			return $served;
		}
		echo $response->get_data(); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- a CSV or JSON Lines file, not HTML.
		return true;
	}

	/**
	 * @param list<array<string, mixed>> $events
	 */
	private static function json_lines( array $events ): string {
		$out = '';
		foreach ( $events as $event ) {
			$out .= wp_json_encode( $event, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) . "\n";
		}
		return $out;
	}

	/**
	 * CSV with JSON in the structured columns; cells that a spreadsheet would run as a formula
	 * are prefixed with an apostrophe.
	 *
	 * @param list<array<string, mixed>> $events
	 */
	private static function csv( array $events ): string {
		$handle = fopen( 'php://temp', 'r+' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fopen
		fputcsv( $handle, self::CSV_COLUMNS );
		foreach ( $events as $event ) {
			$row = array();
			foreach ( self::CSV_COLUMNS as $column ) {
				$value = $event[ $column ] ?? '';
				if ( is_array( $value ) || is_object( $value ) ) {
					$value = (string) wp_json_encode( $value, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
				}
				$value = (string) $value;
				$row[] = preg_match( '/^[=+\-@\t\r]/', $value ) ? "'" . $value : $value;
			}
			fputcsv( $handle, $row );
		}
		rewind( $handle );
		$csv = (string) stream_get_contents( $handle );
		fclose( $handle ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose
		return $csv;
	}

	public function get_item( $request ) {
		$event = $this->query->find( (int) $request['id'] );
		if ( null === $event ) {
			return new \WP_Error( 'agent_guard_not_found', __( 'No audit event has that id.', 'agent-guard' ), array( 'status' => 404 ) );
		}
		return rest_ensure_response( $this->present_all( array( $event ), true )[0] );
	}

	public function verify( $request ) {
		$result = $this->query->verify( (int) $request['after_id'], (int) $request['limit'] );
		if ( null === $result ) {
			return new \WP_Error( 'agent_guard_not_found', __( 'No audit event has that id.', 'agent-guard' ), array( 'status' => 404 ) );
		}
		return rest_ensure_response( $result );
	}

	public function get_item_schema() {
		return $this->add_additional_fields_schema( $this->schema_from_file( 'audit-event' ) );
	}

	/**
	 * @return array<int, string>
	 */
	private function agent_names(): array {
		$names = array();
		foreach ( $this->agents->list() as $agent ) {
			$names[ $agent->id ] = $agent->name;
		}
		return $names;
	}

	/**
	 * @param list<array<string, mixed>> $events
	 * @return list<array<string, mixed>>
	 */
	private function present_all( array $events, bool $full ): array {
		$names     = $this->agent_names();
		$openers   = array_filter( $events, static fn ( array $event ): bool => in_array( $event['event_type'], array( 'breaker_tripped', 'canary_paused' ), true ) );
		$incidents = $this->incidents->ids_for_events( array_column( $openers, 'id' ) );
		return array_map( fn ( array $event ): array => $this->present( $event, $names, $incidents, $full ), $events );
	}

	/**
	 * @param array<string, mixed> $event
	 * @param array<int, string>   $names
	 * @param array<int, int>      $incidents Audit event id => incident it opened.
	 * @return array<string, mixed>
	 */
	private function present( array $event, array $names, array $incidents, bool $full ): array {
		$event['agent_name']  = $names[ $event['agent_id'] ] ?? '';
		$event['incident_id'] = $incidents[ $event['id'] ] ?? ( 'incident' === $event['target_type'] ? (int) $event['target_id'] : 0 );
		if ( 'user' === $event['actor_type'] ) {
			$user                = get_userdata( (int) $event['actor_id'] );
			$event['actor_name'] = $user ? (string) $user->display_name : '';
		} elseif ( 'agent' === $event['actor_type'] ) {
			$event['actor_name'] = $event['agent_name'];
		} else {
			$event['actor_name'] = 'Agent Guard';
		}
		if ( ! $full ) {
			// Without agent_guard_audit: the outline of the event, not the stored states.
			$event['before']  = null;
			$event['after']   = null;
			$event['details'] = new \stdClass();
		}
		return $event;
	}
}

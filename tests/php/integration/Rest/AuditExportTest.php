<?php
/**
 * REST: the audit export.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Tests\integration\Rest;

use AgentGuard\Rest\AuditController;
use AgentGuard\Tests\integration\TestCase;

/**
 * `audit/export`: CSV and JSON Lines for a SIEM, oldest first, filtered and continued by id.
 */
final class AuditExportTest extends TestCase {

	/**
	 * Three reads (one refused) by a fresh agent; then its owner is the current user.
	 *
	 * @return array{0: array<string, mixed>, 1: list<int>}
	 */
	private function three_agent_requests(): array {
		$agent   = $this->create_agent( array( 'template' => 'read_only' ), 'active' );
		$headers = array( 'X-Agent-Rationale' => '=HYPERLINK("http://evil.test")' );
		$ids     = array();
		foreach ( array( '/wc/v3/products', '/wc/v3/orders', '/wc/v3/products' ) as $route ) {
			$response = $this->agent_rest( $agent['token'], 'GET', $route, array(), array(), $headers );
			$ids[]    = (int) $response->get_headers()['X-Agent-Guard-Event'];
		}
		$this->as_user( $agent['owner'] );
		return array( $agent, $ids );
	}

	public function test_json_lines_hold_every_matching_event_oldest_first(): void {
		[ $agent, $ids ] = $this->three_agent_requests();
		$response        = $this->rest( 'GET', '/agent-guard/v1/audit/export', array(), array( 'agent_id' => $agent['agent']->id, 'event_type' => 'agent_request' ) );
		$this->assertSame( 200, $response->get_status() );
		$this->assertStringStartsWith( 'application/x-ndjson', $response->get_headers()['Content-Type'] );
		$this->assertMatchesRegularExpression( '/^attachment; filename="agent-guard-audit-\d{8}-\d{6}\.jsonl"$/', $response->get_headers()['Content-Disposition'] );
		$lines = array_map( static fn ( string $line ): array => json_decode( $line, true ), explode( "\n", trim( $response->get_data() ) ) );
		$this->assertSame( $ids, array_column( $lines, 'id' ) );
		$this->assertSame( 'deny', $lines[1]['decision'] );
		$this->assertSame( 'data_access.orders', $lines[1]['rule'] );
		$this->assertSame( $agent['agent']->id, $lines[0]['agent_id'] );
		$this->assertArrayHasKey( 'hash', $lines[0] );
		$this->assertSame( '3', $response->get_headers()['X-Agent-Guard-Export-Count'] );
		$this->assertArrayNotHasKey( 'X-Agent-Guard-Next-After-Id', $response->get_headers() );
	}

	public function test_an_export_goes_on_where_the_last_one_stopped(): void {
		[ $agent, $ids ] = $this->three_agent_requests();
		$first           = $this->rest( 'GET', '/agent-guard/v1/audit/export', array(), array( 'agent_id' => $agent['agent']->id, 'event_type' => 'agent_request', 'limit' => 2 ) );
		$this->assertSame( (string) $ids[1], $first->get_headers()['X-Agent-Guard-Next-After-Id'] );
		$this->assertCount( 2, explode( "\n", trim( $first->get_data() ) ) );
		$rest = $this->rest( 'GET', '/agent-guard/v1/audit/export', array(), array( 'agent_id' => $agent['agent']->id, 'event_type' => 'agent_request', 'after_id' => $ids[1] ) );
		$this->assertSame( $ids[2], json_decode( trim( $rest->get_data() ), true )['id'] );
	}

	public function test_csv_has_a_header_and_neutralises_formulas(): void {
		[ $agent, $ids ] = $this->three_agent_requests();
		$response        = $this->rest( 'GET', '/agent-guard/v1/audit/export', array(), array( 'agent_id' => $agent['agent']->id, 'event_type' => 'agent_request', 'format' => 'csv' ) );
		$this->assertStringStartsWith( 'text/csv', $response->get_headers()['Content-Type'] );
		$handle = fopen( 'php://temp', 'r+' );
		fwrite( $handle, $response->get_data() );
		rewind( $handle );
		$rows = array();
		while ( false !== ( $row = fgetcsv( $handle ) ) ) {
			$rows[] = $row;
		}
		$this->assertSame( AuditController::CSV_COLUMNS, $rows[0] );
		$this->assertCount( 4, $rows );
		$first = array_combine( $rows[0], $rows[1] );
		$this->assertSame( (string) $ids[0], $first['id'] );
		$metadata = $first['metadata'];
		$this->assertStringStartsWith( '{', $metadata, 'JSON columns are JSON' );
		$this->assertStringContainsString( 'HYPERLINK', $metadata );
		foreach ( $rows as $row ) {
			foreach ( $row as $cell ) {
				$this->assertDoesNotMatchRegularExpression( '/^[=+@]/', $cell );
			}
		}
	}

	public function test_bad_filters_are_refused_and_people_without_audit_rights_get_nothing(): void {
		$this->assertSame( 400, $this->rest( 'GET', '/agent-guard/v1/audit/export', array(), array( 'format' => 'xml' ) )->get_status() );
		$this->assertSame( 400, $this->rest( 'GET', '/agent-guard/v1/audit/export', array(), array( 'limit' => AuditController::EXPORT_MAX + 1 ) )->get_status() );
		$this->assertSame( 400, $this->rest( 'GET', '/agent-guard/v1/audit/export', array(), array( 'from' => 'yesterday-ish' ) )->get_status() );
		$this->as_user( $this->create_user( 'shop_manager' ) );
		$this->assertSame( 403, $this->rest( 'GET', '/agent-guard/v1/audit/export' )->get_status() );
	}

	public function test_an_agent_cannot_export_the_log(): void {
		[ $agent ] = $this->three_agent_requests();
		$this->assertError( 'agent_guard_forbidden', 403, $this->agent_rest( $agent['token'], 'GET', '/agent-guard/v1/audit/export' ) );
	}

	public function test_the_guard_headers_are_exposed_to_browser_clients(): void {
		$exposed = apply_filters( 'rest_exposed_cors_headers', array( 'X-WP-Total' ), new \WP_REST_Request( 'GET', '/agent-guard/v1/audit/export' ) );
		foreach ( array( 'X-WP-Total', 'X-Agent-Guard-Event', 'Retry-After', 'X-Agent-Guard-Filename', 'X-Agent-Guard-Next-After-Id' ) as $header ) {
			$this->assertContains( $header, $exposed );
		}
	}

	public function test_pages_can_skip_the_count(): void {
		[ $agent, $ids ] = $this->three_agent_requests();
		$counted         = $this->rest( 'GET', '/agent-guard/v1/audit', array(), array( 'agent_id' => $agent['agent']->id, 'event_type' => 'agent_request' ) );
		$this->assertSame( '3', $counted->get_headers()['X-WP-Total'] );
		$older = $this->rest( 'GET', '/agent-guard/v1/audit', array(), array( 'agent_id' => $agent['agent']->id, 'event_type' => 'agent_request', 'before_id' => $ids[2], 'count' => false ) );
		$this->assertArrayNotHasKey( 'X-WP-Total', $older->get_headers() );
		$this->assertSame( array( $ids[1], $ids[0] ), array_column( $this->data( $older ), 'id' ) );
	}
}

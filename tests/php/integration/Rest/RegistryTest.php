<?php
declare( strict_types=1 );

namespace AgentGuard\Tests\integration\Rest;

use AgentGuard\Domain\Policy\PolicyTemplates;
use AgentGuard\Tests\integration\TestCase;

/**
 * The agent registry, policies and tokens through the plugin's REST API.
 */
final class RegistryTest extends TestCase {

	private int $admin;

	protected function setUp(): void {
		parent::setUp();
		$this->admin = $this->create_user( 'administrator' );
		$this->as_user( $this->admin );
	}

	private function new_agent( string $template = 'pricing', string $name = '' ): array {
		$response = $this->rest( 'POST', '/agent-guard/v1/agents', array( 'name' => '' === $name ? 'Agent ' . wp_generate_password( 6, false ) : $name, 'template' => $template ) );
		$this->assertSame( 201, $response->get_status(), wp_json_encode( $response->get_data() ) );
		return $this->data( $response );
	}

	private function count_rows( string $table ): int {
		global $wpdb;
		return (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}{$table}" );
	}

	public function test_a_duplicate_name_is_a_409_and_saves_nothing(): void {
		$this->new_agent( 'pricing', 'Unique bot' );
		$agents   = $this->count_rows( 'agent_guard_agents' );
		$response = $this->rest( 'POST', '/agent-guard/v1/agents', array( 'name' => 'Unique bot', 'template' => 'pricing' ) );
		$this->assertError( 'agent_guard_duplicate_name', 409, $response );
		$this->assertSame( $agents, $this->count_rows( 'agent_guard_agents' ) );
	}

	/**
	 * @return array<string, array{0: callable(array<string, mixed>): array<string, mixed>, 1: string, 2: string}>
	 */
	public static function bad_policies(): array {
		return array(
			'unknown action'      => array( static fn ( array $p ): array => array_replace_recursive( $p, array( 'actions' => array( 'allow' => array( 'products:fly' ) ) ) ), 'agent_guard_invalid_policy', 'actions.allow.0' ),
			'wildcard action'     => array( static fn ( array $p ): array => array_replace_recursive( $p, array( 'actions' => array( 'allow' => array( '*' ) ) ) ), 'agent_guard_invalid_policy', 'actions.allow.0' ),
			'unknown resource'    => array( static fn ( array $p ): array => array_replace_recursive( $p, array( 'data_access' => array( 'resources' => array( 'users' => 'read' ) ) ) ), 'agent_guard_invalid_policy', 'data_access.resources.users' ),
			'limit too high'      => array( static fn ( array $p ): array => array_replace_recursive( $p, array( 'limits' => array( 'items_per_batch' => 101 ) ) ), 'agent_guard_invalid_policy', 'limits.items_per_batch' ),
			'negative limit'      => array( static fn ( array $p ): array => array_replace_recursive( $p, array( 'limits' => array( 'writes_per_minute' => -5 ) ) ), 'agent_guard_invalid_policy', 'limits.writes_per_minute' ),
			'token lifetime'      => array( static fn ( array $p ): array => array_replace_recursive( $p, array( 'tokens' => array( 'lifetime_days' => 400 ) ) ), 'agent_guard_invalid_policy', 'tokens.lifetime_days' ),
			'wrong type'          => array( static fn ( array $p ): array => array_replace_recursive( $p, array( 'canary' => array( 'percent' => 'ten' ) ) ), 'agent_guard_invalid_policy', 'canary.percent' ),
			'unknown field'       => array( static fn ( array $p ): array => $p + array( 'extra' => true ), 'agent_guard_invalid_policy', 'extra' ),
			'newer schema'        => array( static fn ( array $p ): array => array( 'schema_version' => 2 ) + $p, 'agent_guard_policy_version_unsupported', 'schema_version' ),
			'invalid e-mail'      => array( static fn ( array $p ): array => array_replace_recursive( $p, array( 'launch' => array( 'alert_emails' => array( 'ops@example.com', 'not-an-address' ) ) ) ), 'agent_guard_invalid_policy', 'launch.alert_emails.1' ),
			'not a policy'        => array( static fn ( array $p ): array => array( 'hello' => 'world' ), 'agent_guard_invalid_policy', 'schema_version' ),
		);
	}

	/**
	 * @dataProvider bad_policies
	 */
	public function test_an_invalid_policy_is_a_400_naming_the_field_and_saves_nothing( callable $change, string $code, string $path ): void {
		$agent    = $this->new_agent();
		$versions = $this->count_rows( 'agent_guard_policy_versions' );
		$events   = $this->count_rows( 'agent_guard_audit_events' );
		$response = $this->rest( 'PUT', "/agent-guard/v1/agents/{$agent['id']}/policy", array( 'policy' => $change( PolicyTemplates::get( 'pricing' ) ) ) );
		$this->assertError( $code, 400, $response );
		$this->assertSame( $path, $this->data( $response )['data']['path'] );
		$this->assertSame( $versions, $this->count_rows( 'agent_guard_policy_versions' ) );
		$this->assertSame( $events, $this->count_rows( 'agent_guard_audit_events' ) );
		$this->assertSame( 1, $this->data( $this->rest( 'GET', "/agent-guard/v1/agents/{$agent['id']}/policy" ) )['version'] );
	}

	public function test_every_save_is_a_new_version_with_author_and_an_audited_diff(): void {
		global $wpdb;
		$agent  = $this->new_agent();
		$policy = $this->data( $this->rest( 'GET', "/agent-guard/v1/agents/{$agent['id']}/policy" ) )['policy'];
		$policy['limits']['writes_per_minute'] = 3;
		$saved = $this->rest( 'PUT', "/agent-guard/v1/agents/{$agent['id']}/policy", array( 'policy' => $policy, 'note' => 'Slower' ) );
		$this->assertSame( 200, $saved->get_status(), wp_json_encode( $saved->get_data() ) );
		$this->assertSame( 2, $this->data( $saved )['version'] );
		$versions = $this->data( $this->rest( 'GET', "/agent-guard/v1/agents/{$agent['id']}/policy/versions" ) );
		$this->assertSame( array( 2, 1 ), array_column( $versions, 'version' ) );
		$this->assertSame( 'Slower', $versions[0]['note'] );
		$this->assertSame( $this->admin, $versions[0]['author_id'] );
		$old = $this->data( $this->rest( 'GET', "/agent-guard/v1/agents/{$agent['id']}/policy/versions/1" ) );
		$this->assertSame( 5, $old['policy']['limits']['writes_per_minute'] );
		$event = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$wpdb->prefix}agent_guard_audit_events WHERE agent_id = %d AND event_type = 'policy_saved' ORDER BY id DESC LIMIT 1", $agent['id'] ), ARRAY_A );
		$diff  = json_decode( $event['details'], true )['diff'];
		$this->assertSame( array( array( 'path' => 'limits.writes_per_minute', 'before' => 5, 'after' => 3 ) ), $diff );
		$stale = $this->rest( 'PUT', "/agent-guard/v1/agents/{$agent['id']}/policy", array( 'policy' => $policy, 'expected_version' => 1 ) );
		$this->assertError( 'agent_guard_version_conflict', 409, $stale );
	}

	public function test_export_and_import_with_a_preview(): void {
		$source = $this->new_agent( 'pricing', 'Source bot' );
		$target = $this->new_agent( 'read_only', 'Target bot' );
		$export = $this->rest( 'GET', "/agent-guard/v1/agents/{$source['id']}/policy/export" );
		$this->assertSame( 200, $export->get_status() );
		$this->assertMatchesRegularExpression( '/^attachment; filename="agent-policy-\d{8}-source-bot\.json"$/', $export->get_headers()['Content-Disposition'] );
		$file    = $this->data( $export );
		$preview = $this->data( $this->rest( 'POST', "/agent-guard/v1/agents/{$target['id']}/policy/import", array( 'document' => $file ) ) );
		$this->assertFalse( $preview['applied'] );
		$this->assertContains( 'actions.allow', array_column( $preview['changes'], 'path' ) );
		$this->assertSame( 1, $this->data( $this->rest( 'GET', "/agent-guard/v1/agents/{$target['id']}/policy" ) )['version'], 'a preview changes nothing' );
		$applied = $this->data( $this->rest( 'POST', "/agent-guard/v1/agents/{$target['id']}/policy/import", array( 'document' => $file, 'apply' => true ) ) );
		$this->assertTrue( $applied['applied'] );
		$policy = $this->data( $this->rest( 'GET', "/agent-guard/v1/agents/{$target['id']}/policy" ) );
		$this->assertSame( array( 'products:update', 'products:batch' ), $policy['policy']['actions']['allow'] );
		$this->assertSame( 'observe', $policy['policy']['mode'], 'an import never changes the mode' );
		$file['policy']['schema_version'] = 7;
		$this->assertError( 'agent_guard_policy_version_unsupported', 400, $this->rest( 'POST', "/agent-guard/v1/agents/{$target['id']}/policy/import", array( 'document' => $file, 'apply' => true ) ) );
	}

	public function test_leaving_observe_needs_the_checklist_or_an_administrators_written_reason(): void {
		global $wpdb;
		$agent   = $this->new_agent();
		$refused = $this->rest( 'POST', "/agent-guard/v1/agents/{$agent['id']}/mode", array( 'mode' => 'active' ) );
		$this->assertError( 'agent_guard_checklist_open', 409, $refused );
		$this->assertContains( 'kill_switch_tested', $this->data( $refused )['data']['open_items'] );
		$short = $this->rest( 'POST', "/agent-guard/v1/agents/{$agent['id']}/mode", array( 'mode' => 'active', 'override_reason' => 'ok' ) );
		$this->assertSame( 400, $short->get_status() );

		$manager = $this->create_user( 'editor' );
		get_userdata( $manager )->add_cap( 'agent_guard_manage' );
		$this->as_user( $manager );
		$not_admin = $this->rest( 'POST', "/agent-guard/v1/agents/{$agent['id']}/mode", array( 'mode' => 'active', 'override_reason' => 'We tested it by hand yesterday.' ) );
		$this->assertError( 'agent_guard_forbidden', 403, $not_admin );

		$this->as_user( $this->admin );
		$ok = $this->rest( 'POST', "/agent-guard/v1/agents/{$agent['id']}/mode", array( 'mode' => 'active', 'override_reason' => 'We tested it by hand yesterday.' ) );
		$this->assertSame( 200, $ok->get_status() );
		$this->assertSame( 'active', $this->data( $ok )['mode'] );
		$override = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$wpdb->prefix}agent_guard_audit_events WHERE agent_id = %d AND event_type = 'checklist_overridden'", $agent['id'] ), ARRAY_A );
		$this->assertSame( 'We tested it by hand yesterday.', json_decode( $override['details'], true )['reason'] );
		$this->assertSame( (string) $this->admin, (string) $override['actor_id'] );
		// Pausing needs no checklist.
		$this->assertSame( 'paused', $this->data( $this->rest( 'POST', "/agent-guard/v1/agents/{$agent['id']}/mode", array( 'mode' => 'paused' ) ) )['mode'] );
	}

	public function test_a_complete_checklist_lets_the_agent_leave_observe(): void {
		global $wpdb;
		$agent  = $this->new_agent();
		$policy = $this->data( $this->rest( 'GET', "/agent-guard/v1/agents/{$agent['id']}/policy" ) )['policy'];
		$policy['launch'] = array(
			'integrations'  => array( 'Repricer' ),
			'rollback_plan' => 'Revert from the audit log',
			'alert_emails'  => array( 'ops@example.com' ),
			'on_call'       => 'Sam',
			'callback_url'  => '',
		);
		$this->rest( 'PUT', "/agent-guard/v1/agents/{$agent['id']}/policy", array( 'policy' => $policy ) );
		$this->plugin()->audit->append( \AgentGuard\Domain\Audit\AuditEvent::for_user_act( 'kill_switch_tested', $this->admin, $agent['id'], time(), array( 'ms' => 12 ) ) );
		$checklist = $this->data( $this->rest( 'GET', "/agent-guard/v1/agents/{$agent['id']}/checklist" ) );
		$this->assertSame( array(), array_column( array_filter( $checklist['items'], static fn ( $i ) => ! $i['done'] ), 'key' ) );
		$this->assertSame( 'canary', $this->data( $this->rest( 'POST', "/agent-guard/v1/agents/{$agent['id']}/mode", array( 'mode' => 'canary' ) ) )['mode'] );
	}

	public function test_tokens_rotate_with_a_grace_period_and_revoke_at_once(): void {
		$agent = $this->new_agent( 'read_only' );
		$this->rest( 'POST', "/agent-guard/v1/agents/{$agent['id']}/mode", array( 'mode' => 'active', 'override_reason' => 'Integration test of tokens.' ) );
		$first = $this->data( $this->rest( 'POST', "/agent-guard/v1/agents/{$agent['id']}/tokens", array( 'label' => 'main' ) ) );
		$this->assertSame( 30 * 86400, strtotime( $first['expires_at'] ) - strtotime( $first['created_at'] ), 'default lifetime 30 days' );
		$second = $this->data( $this->rest( 'POST', "/agent-guard/v1/agents/{$agent['id']}/tokens/{$first['id']}/rotate", array( 'grace_seconds' => 600 ) ) );
		$this->assertNotSame( $first['secret'], $second['secret'] );
		$this->assertSame( 200, $this->agent_rest( $first['secret'], 'GET', '/wc/v3/products' )->get_status(), 'old token works during the grace period' );
		$this->assertSame( 200, $this->agent_rest( $second['secret'], 'GET', '/wc/v3/products' )->get_status() );
		update_option( 'agent_guard_test_clock_offset', 601 );
		$this->assertError( 'agent_guard_token_revoked', 401, $this->agent_rest( $first['secret'], 'GET', '/wc/v3/products' ) );
		$this->as_user( $this->admin );
		$this->rest( 'DELETE', "/agent-guard/v1/agents/{$agent['id']}/tokens/{$second['id']}" );
		$this->assertError( 'agent_guard_token_revoked', 401, $this->agent_rest( $second['secret'], 'GET', '/wc/v3/products' ), 'revocation is effective on the next request' );
		$this->as_user( $this->admin );
		$long = $this->rest( 'POST', "/agent-guard/v1/agents/{$agent['id']}/tokens", array( 'lifetime_seconds' => 366 * 86400 ) );
		$this->assertSame( 400, $long->get_status() );
		$critical = $this->rest( 'POST', "/agent-guard/v1/agents/{$agent['id']}/tokens", array( 'scope' => 'critical', 'lifetime_seconds' => 3 * 3600 ) );
		$this->assertSame( 400, $critical->get_status(), 'critical tokens live 2 hours at most' );
		$this->assertSame( 'lifetime_seconds', $this->data( $critical )['data']['path'], 'the refusal names the parameter sent' );
		$short = $this->data( $this->rest( 'POST', "/agent-guard/v1/agents/{$agent['id']}/tokens", array( 'scope' => 'critical' ) ) );
		$this->assertSame( 3600, strtotime( $short['expires_at'] ) - strtotime( $short['created_at'] ) );
	}

	public function test_owners_are_the_people_with_agent_guard_rights_never_service_users(): void {
		$manager    = $this->create_user( 'shop_manager', 'owner-manager-' . wp_generate_password( 4, false ) );
		$subscriber = $this->create_user( 'subscriber' );
		$agent      = $this->new_agent();
		$owners     = $this->data( $this->rest( 'GET', '/agent-guard/v1/owners' ) );
		$ids        = array_column( $owners, 'id' );
		$this->assertContains( $this->admin, $ids );
		$this->assertContains( $manager, $ids );
		$this->assertNotContains( $subscriber, $ids );
		$this->assertGreaterThan( 0, $agent['service_user_id'] );
		$this->assertNotContains( $agent['service_user_id'], $ids );
		foreach ( $ids as $id ) {
			$this->assertFalse( \AgentGuard\Infrastructure\WordPress\ServiceUserGuard::is_service_user( $id ) );
		}
		$found = $this->data( $this->rest( 'GET', '/agent-guard/v1/owners', array(), array( 'search' => 'owner-manager' ) ) );
		$this->assertSame( array( $manager ), array_column( $found, 'id' ) );
		$this->as_user( $manager );
		$this->assertSame( 403, $this->rest( 'GET', '/agent-guard/v1/owners' )->get_status(), 'choosing owners is for managers of agents' );
	}

	public function test_archiving_keeps_history_and_stops_the_agent(): void {
		global $wpdb;
		$agent = $this->new_agent( 'read_only' );
		$token = $this->data( $this->rest( 'POST', "/agent-guard/v1/agents/{$agent['id']}/tokens" ) );
		$this->assertSame( 'archived', $this->data( $this->rest( 'DELETE', "/agent-guard/v1/agents/{$agent['id']}" ) )['status'] );
		$this->assertSame( 1, (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->prefix}agent_guard_agents WHERE id = %d", $agent['id'] ) ) );
		$this->assertGreaterThan( 0, (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->prefix}agent_guard_audit_events WHERE agent_id = %d", $agent['id'] ) ) );
		$this->assertError( 'agent_guard_token_revoked', 401, $this->agent_rest( $token['secret'], 'GET', '/wc/v3/products' ) );
		$this->as_user( $this->admin );
		$this->assertSame( 409, $this->rest( 'POST', "/agent-guard/v1/agents/{$agent['id']}/tokens" )->get_status() );
	}

	public function test_service_users_cannot_log_in_get_passwords_or_be_edited(): void {
		$agent = $this->new_agent( 'read_only' );
		$user  = get_userdata( $agent['service_user_id'] );
		$this->assertSame( array( 'agent_guard_agent' ), array_values( $user->roles ) );
		$login = wp_authenticate( $user->user_login, 'anything' );
		$this->assertWPErrorCode( $login );
		$this->assertFalse( wp_is_application_passwords_available_for_user( $user ) );
		$this->assertFalse( current_user_can( 'edit_user', $user->ID ), 'not even an administrator edits a service user' );
		$this->assertFalse( current_user_can( 'delete_user', $user->ID ) );
		$this->assertFalse( user_can( $user, 'read' ), 'outside its own requests a service user holds nothing' );
		$this->assertFalse( user_can( $user, 'edit_products' ) );
	}

	public function test_a_service_user_stays_one_when_someone_removed_its_role(): void {
		$agent = $this->new_agent( 'read_only' );
		remove_role( \AgentGuard\Infrastructure\WordPress\WpServiceAccounts::ROLE );
		try {
			$this->assertTrue( \AgentGuard\Infrastructure\WordPress\ServiceUserGuard::is_service_user( $agent['service_user_id'] ) );
			$this->assertFalse( current_user_can( 'edit_user', $agent['service_user_id'] ), 'still nobody edits it' );
		} finally {
			\AgentGuard\Infrastructure\WordPress\WpServiceAccounts::register_role();
		}
	}

	public function test_the_inventory_lists_application_passwords_and_adopts_them(): void {
		$person = $this->create_user( 'shop_manager' );
		\WP_Application_Passwords::create_new_application_password( $person, array( 'name' => 'Legacy sync' ) );
		$agent     = $this->new_agent( 'read_only' );
		$inventory = $this->data( $this->rest( 'GET', '/agent-guard/v1/inventory' ) );
		$item      = current( array_filter( $inventory, static fn ( $i ) => 'Legacy sync' === $i['label'] ) );
		$this->assertSame( 'app_password', $item['kind'] );
		$this->assertSame( $person, $item['user_id'] );
		$this->assertSame( 0, $item['agent_id'] );
		$adopted = $this->rest( 'POST', '/agent-guard/v1/inventory/adopt', array( 'kind' => 'app_password', 'external_id' => $item['external_id'], 'agent_id' => $agent['id'] ) );
		$this->assertSame( 201, $adopted->get_status(), wp_json_encode( $adopted->get_data() ) );
		$again = $this->rest( 'POST', '/agent-guard/v1/inventory/adopt', array( 'kind' => 'app_password', 'external_id' => $item['external_id'], 'agent_id' => $agent['id'] ) );
		$this->assertSame( 409, $again->get_status() );
		$listed = current( array_filter( $this->data( $this->rest( 'GET', '/agent-guard/v1/inventory' ) ), static fn ( $i ) => 'Legacy sync' === $i['label'] ) );
		$this->assertSame( $agent['id'], $listed['agent_id'] );
		$released = $this->rest( 'DELETE', '/agent-guard/v1/inventory/adoptions/' . $this->data( $adopted )['adoption_id'] );
		$this->assertSame( 200, $released->get_status(), wp_json_encode( $released->get_data() ) . wp_json_encode( $adopted->get_data() ) );
	}

	public function test_settings_are_validated_and_audited(): void {
		$this->assertFalse( $this->data( $this->rest( 'GET', '/agent-guard/v1/settings' ) )['refuse_unregistered_key_writes'] );
		$this->assertTrue( $this->data( $this->rest( 'POST', '/agent-guard/v1/settings', array( 'refuse_unregistered_key_writes' => true ) ) )['refuse_unregistered_key_writes'] );
		$this->assertSame( 400, $this->rest( 'POST', '/agent-guard/v1/settings', array( 'approval_email_minutes' => 0 ) )->get_status() );
	}

	private function assertWPErrorCode( $value ): void {
		$this->assertInstanceOf( \WP_Error::class, $value );
	}
}

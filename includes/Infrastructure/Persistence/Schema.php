<?php
/**
 * The plugin's custom tables and their versions.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Infrastructure\Persistence;

/**
 * Creates and upgrades the tables with dbDelta, records the schema version in an option and
 * runs explicit migrations for what dbDelta cannot do. Works on MySQL/MariaDB and on SQLite
 * (WordPress Playground): only portable column types, no MySQL-only defaults.
 *
 * @since 0.1.0
 */
final class Schema {

	public const VERSION        = 1;
	public const VERSION_OPTION = 'agent_guard_schema_version';

	/**
	 * Migrations for what dbDelta cannot express (renames, data moves), keyed by the version
	 * they lead to. Each runs once, in order, after dbDelta created the new shape.
	 *
	 * @var array<int, callable(\wpdb): void>
	 */
	private array $migrations = array();

	public function __construct( private \wpdb $wpdb ) {
	}

	/**
	 * Upgrades when the stored version is older than the code's. Cheap when up to date
	 * (one autoloaded option read), so it can run on every `plugins_loaded`.
	 */
	public function maybe_upgrade(): void {
		$stored = (int) get_option( self::VERSION_OPTION, 0 );
		if ( $stored >= self::VERSION ) {
			return;
		}
		$this->install( $stored );
	}

	/**
	 * Creates or updates every table, runs pending migrations and stores the new version.
	 */
	public function install( int $from_version = 0 ): void {
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		foreach ( $this->table_definitions() as $sql ) {
			dbDelta( $sql );
		}
		foreach ( $this->migrations as $version => $migration ) {
			if ( $version > $from_version && $version <= self::VERSION ) {
				$migration( $this->wpdb );
			}
		}
		$this->seed();
		/**
		 * Fires after Agent Guard created or upgraded its tables.
		 *
		 * @since 0.1.0
		 *
		 * @param int $from_version Version before the upgrade (0 on a new install).
		 * @param int $to_version   Version now installed.
		 */
		do_action( 'agent_guard_schema_upgraded', $from_version, self::VERSION );
		update_option( self::VERSION_OPTION, self::VERSION, true );
	}

	/**
	 * Rows every install needs: the global control row, and the adoption flag stored as an
	 * autoloaded option so requests without adopted keys never query for it.
	 */
	private function seed(): void {
		add_option( WpdbAdoptions::FLAG_OPTION, 0, '', true );
		$table = Tables::control( $this->wpdb );
		$found = $this->wpdb->get_var( "SELECT COUNT(*) FROM {$table} WHERE id = 1" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name from Tables.
		if ( '0' === (string) $found || null === $found ) {
			$this->wpdb->insert(
				$table,
				array(
					'id'             => 1,
					'halted'         => 0,
					'epoch'          => 1,
					'updated_at_gmt' => gmdate( 'Y-m-d H:i:s' ),
				)
			);
		}
	}

	/**
	 * Names of every table, for uninstall and health checks.
	 *
	 * @return list<string>
	 */
	public function table_names(): array {
		return array(
			Tables::agents( $this->wpdb ),
			Tables::counters( $this->wpdb ),
			Tables::tokens( $this->wpdb ),
			Tables::policy_versions( $this->wpdb ),
			Tables::audit_events( $this->wpdb ),
			Tables::approvals( $this->wpdb ),
			Tables::idempotency( $this->wpdb ),
			Tables::control( $this->wpdb ),
			Tables::incidents( $this->wpdb ),
			Tables::adoptions( $this->wpdb ),
			Tables::price_log( $this->wpdb ),
		);
	}

	/**
	 * CREATE TABLE statements in dbDelta's format (two spaces after PRIMARY KEY, one field per line).
	 *
	 * @return list<string>
	 */
	public function table_definitions(): array {
		$charset = $this->wpdb->get_charset_collate();
		$w       = $this->wpdb;
		return array(
			'CREATE TABLE ' . Tables::agents( $w ) . " (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  name varchar(100) NOT NULL DEFAULT '',
  purpose text NULL,
  owner_user_id bigint(20) unsigned NOT NULL DEFAULT 0,
  service_user_id bigint(20) unsigned NOT NULL DEFAULT 0,
  risk_tier varchar(10) NOT NULL DEFAULT 'medium',
  mode varchar(10) NOT NULL DEFAULT 'observe',
  status varchar(10) NOT NULL DEFAULT 'active',
  policy longtext NULL,
  policy_version int(10) unsigned NOT NULL DEFAULT 1,
  notes text NULL,
  halted_at_gmt datetime NULL DEFAULT NULL,
  halt_reason varchar(500) NOT NULL DEFAULT '',
  halted_by bigint(20) unsigned NOT NULL DEFAULT 0,
  created_at_gmt datetime NOT NULL DEFAULT '1970-01-01 00:00:00',
  updated_at_gmt datetime NOT NULL DEFAULT '1970-01-01 00:00:00',
  archived_at_gmt datetime NULL DEFAULT NULL,
  version int(10) unsigned NOT NULL DEFAULT 1,
  PRIMARY KEY  (id),
  UNIQUE KEY name (name),
  KEY status_mode (status, mode),
  KEY service_user (service_user_id)
) {$charset};",
			'CREATE TABLE ' . Tables::counters( $w ) . " (
  agent_id bigint(20) unsigned NOT NULL,
  minute_key bigint(20) NOT NULL DEFAULT 0,
  minute_n int(10) unsigned NOT NULL DEFAULT 0,
  day_key bigint(20) NOT NULL DEFAULT 0,
  day_n int(10) unsigned NOT NULL DEFAULT 0,
  attempt_key bigint(20) NOT NULL DEFAULT 0,
  attempt_n int(10) unsigned NOT NULL DEFAULT 0,
  fail_key bigint(20) NOT NULL DEFAULT 0,
  fail_n int(10) unsigned NOT NULL DEFAULT 0,
  burst_key bigint(20) NOT NULL DEFAULT 0,
  burst_n int(10) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (agent_id)
) {$charset};",
			'CREATE TABLE ' . Tables::tokens( $w ) . " (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  agent_id bigint(20) unsigned NOT NULL,
  lookup varchar(16) NOT NULL,
  hash char(64) NOT NULL,
  label varchar(100) NOT NULL DEFAULT '',
  scope varchar(20) NOT NULL DEFAULT 'standard',
  created_at_gmt datetime NOT NULL DEFAULT '1970-01-01 00:00:00',
  created_by bigint(20) unsigned NOT NULL DEFAULT 0,
  expires_at_gmt datetime NOT NULL DEFAULT '1970-01-01 00:00:00',
  last_used_at_gmt datetime NULL DEFAULT NULL,
  revoked_at_gmt datetime NULL DEFAULT NULL,
  revoked_by bigint(20) unsigned NOT NULL DEFAULT 0,
  rotated_to bigint(20) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (id),
  UNIQUE KEY lookup (lookup),
  KEY agent (agent_id)
) {$charset};",
			'CREATE TABLE ' . Tables::policy_versions( $w ) . " (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  agent_id bigint(20) unsigned NOT NULL,
  version int(10) unsigned NOT NULL,
  policy longtext NOT NULL,
  author_id bigint(20) unsigned NOT NULL DEFAULT 0,
  note varchar(500) NOT NULL DEFAULT '',
  created_at_gmt datetime NOT NULL DEFAULT '1970-01-01 00:00:00',
  PRIMARY KEY  (id),
  UNIQUE KEY agent_version (agent_id, version)
) {$charset};",
			'CREATE TABLE ' . Tables::audit_events( $w ) . " (
  id bigint(20) unsigned NOT NULL,
  prev_hash char(64) NOT NULL,
  hash char(64) NOT NULL,
  occurred_at_gmt datetime NOT NULL DEFAULT '1970-01-01 00:00:00',
  event_type varchar(40) NOT NULL DEFAULT '',
  actor_type varchar(10) NOT NULL DEFAULT '',
  actor_id bigint(20) unsigned NOT NULL DEFAULT 0,
  agent_id bigint(20) unsigned NOT NULL DEFAULT 0,
  action varchar(60) NOT NULL DEFAULT '',
  target_type varchar(30) NOT NULL DEFAULT '',
  target_id varchar(64) NOT NULL DEFAULT '',
  decision varchar(24) NOT NULL DEFAULT '',
  rule varchar(120) NOT NULL DEFAULT '',
  method varchar(10) NOT NULL DEFAULT '',
  route varchar(255) NOT NULL DEFAULT '',
  status smallint(5) unsigned NOT NULL DEFAULT 0,
  duration_ms int(10) unsigned NOT NULL DEFAULT 0,
  approval_id bigint(20) unsigned NOT NULL DEFAULT 0,
  metadata longtext NULL,
  before_state longtext NULL,
  after_state longtext NULL,
  details longtext NULL,
  price_regular_minor bigint(20) NULL DEFAULT NULL,
  price_minor bigint(20) NULL DEFAULT NULL,
  PRIMARY KEY  (id),
  KEY agent_id_id (agent_id, id),
  KEY occurred (occurred_at_gmt),
  KEY decision_id (decision, id),
  KEY action_id (action, id),
  KEY target_time (target_type, target_id, occurred_at_gmt),
  KEY approval (approval_id)
) {$charset};",
			'CREATE TABLE ' . Tables::approvals( $w ) . " (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  agent_id bigint(20) unsigned NOT NULL,
  token_id bigint(20) unsigned NOT NULL DEFAULT 0,
  acting_user_id bigint(20) unsigned NOT NULL DEFAULT 0,
  state varchar(12) NOT NULL DEFAULT 'pending',
  version int(10) unsigned NOT NULL DEFAULT 1,
  action varchar(60) NOT NULL DEFAULT '',
  target_type varchar(30) NOT NULL DEFAULT '',
  target_id varchar(64) NOT NULL DEFAULT '',
  method varchar(10) NOT NULL DEFAULT '',
  route varchar(255) NOT NULL DEFAULT '',
  params longtext NULL,
  original_params longtext NULL,
  payload_hash char(64) NOT NULL DEFAULT '',
  target_state longtext NULL,
  target_hash char(64) NOT NULL DEFAULT '',
  diff longtext NULL,
  rule varchar(120) NOT NULL DEFAULT '',
  reason varchar(500) NOT NULL DEFAULT '',
  metadata longtext NULL,
  exposure longtext NULL,
  exposure_minor bigint(20) NOT NULL DEFAULT 0,
  required_approvals tinyint(3) unsigned NOT NULL DEFAULT 1,
  decisions longtext NULL,
  edited_by bigint(20) unsigned NOT NULL DEFAULT 0,
  comment text NULL,
  result longtext NULL,
  result_status smallint(5) unsigned NOT NULL DEFAULT 0,
  audit_event_id bigint(20) unsigned NOT NULL DEFAULT 0,
  created_at_gmt datetime NOT NULL DEFAULT '1970-01-01 00:00:00',
  expires_at_gmt datetime NOT NULL DEFAULT '1970-01-01 00:00:00',
  decided_at_gmt datetime NULL DEFAULT NULL,
  claimed_at_gmt datetime NULL DEFAULT NULL,
  finished_at_gmt datetime NULL DEFAULT NULL,
  PRIMARY KEY  (id),
  KEY state_id (state, id),
  KEY agent_state (agent_id, state),
  KEY state_expires (state, expires_at_gmt),
  KEY state_exposure (state, exposure_minor)
) {$charset};",
			'CREATE TABLE ' . Tables::idempotency( $w ) . " (
  agent_id bigint(20) unsigned NOT NULL,
  idem_key varchar(100) NOT NULL,
  fingerprint char(64) NOT NULL,
  state varchar(10) NOT NULL DEFAULT 'pending',
  status smallint(5) unsigned NOT NULL DEFAULT 0,
  response longtext NULL,
  created_at_gmt datetime NOT NULL DEFAULT '1970-01-01 00:00:00',
  PRIMARY KEY  (agent_id, idem_key),
  KEY created (created_at_gmt)
) {$charset};",
			'CREATE TABLE ' . Tables::control( $w ) . " (
  id tinyint(3) unsigned NOT NULL,
  halted tinyint(1) unsigned NOT NULL DEFAULT 0,
  halt_reason varchar(500) NOT NULL DEFAULT '',
  halted_by bigint(20) unsigned NOT NULL DEFAULT 0,
  halted_at_gmt datetime NULL DEFAULT NULL,
  epoch bigint(20) unsigned NOT NULL DEFAULT 1,
  updated_at_gmt datetime NOT NULL DEFAULT '1970-01-01 00:00:00',
  PRIMARY KEY  (id)
) {$charset};",
			'CREATE TABLE ' . Tables::incidents( $w ) . " (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  agent_id bigint(20) unsigned NOT NULL DEFAULT 0,
  kind varchar(40) NOT NULL DEFAULT '',
  state varchar(10) NOT NULL DEFAULT 'open',
  summary varchar(500) NOT NULL DEFAULT '',
  evidence longtext NULL,
  audit_event_id bigint(20) unsigned NOT NULL DEFAULT 0,
  opened_at_gmt datetime NOT NULL DEFAULT '1970-01-01 00:00:00',
  closed_at_gmt datetime NULL DEFAULT NULL,
  closed_by bigint(20) unsigned NOT NULL DEFAULT 0,
  close_note text NULL,
  PRIMARY KEY  (id),
  KEY state_agent (state, agent_id)
) {$charset};",
			'CREATE TABLE ' . Tables::adoptions( $w ) . " (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  agent_id bigint(20) unsigned NOT NULL,
  kind varchar(20) NOT NULL,
  external_id varchar(64) NOT NULL,
  user_id bigint(20) unsigned NOT NULL DEFAULT 0,
  label varchar(200) NOT NULL DEFAULT '',
  created_at_gmt datetime NOT NULL DEFAULT '1970-01-01 00:00:00',
  created_by bigint(20) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (id),
  UNIQUE KEY kind_external (kind, external_id),
  KEY agent (agent_id)
) {$charset};",
			'CREATE TABLE ' . Tables::price_log( $w ) . " (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  target_key varchar(40) NOT NULL,
  agent_id bigint(20) unsigned NOT NULL DEFAULT 0,
  occurred_at_gmt datetime NOT NULL DEFAULT '1970-01-01 00:00:00',
  regular_minor bigint(20) NULL DEFAULT NULL,
  price_minor bigint(20) NULL DEFAULT NULL,
  event_id bigint(20) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (id),
  KEY key_time (target_key, occurred_at_gmt),
  KEY occurred (occurred_at_gmt)
) {$charset};",
		);
	}

	/**
	 * Drops every table and option (uninstall with AGENT_GUARD_REMOVE_ALL_DATA only).
	 */
	public function drop_all(): void {
		foreach ( $this->table_names() as $table ) {
			$this->wpdb->query( "DROP TABLE IF EXISTS {$table}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names from Tables.
		}
		delete_option( self::VERSION_OPTION );
	}
}

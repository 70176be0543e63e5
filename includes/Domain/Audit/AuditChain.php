<?php
/**
 * The canonical form of an audit row and its hash.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Audit;

/**
 * Canonical content of a row = a JSON array of its stored column values, in a fixed order,
 * every value a string (JSON columns as their stored text) or null. The row hash is the
 * SHA-256 of that text, which includes the previous row's hash, so editing, deleting,
 * inserting or reordering rows breaks the chain at that row.
 *
 * The same rule is implemented independently in tests/support/audit-verifier.mjs.
 *
 * @since 0.1.0
 */
final class AuditChain {

	/** Column order of the canonical form. Never reorder: it would break every stored chain. */
	public const COLUMNS = array(
		'id',
		'prev_hash',
		'occurred_at_gmt',
		'event_type',
		'actor_type',
		'actor_id',
		'agent_id',
		'action',
		'target_type',
		'target_id',
		'decision',
		'rule',
		'method',
		'route',
		'status',
		'duration_ms',
		'approval_id',
		'metadata',
		'before_state',
		'after_state',
		'details',
	);

	public const JSON_FLAGS = JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_LINE_TERMINATORS | JSON_INVALID_UTF8_SUBSTITUTE | JSON_PRESERVE_ZERO_FRACTION;

	/**
	 * The stored column values of an event (what the repository writes).
	 *
	 * @return array<string, string|null>
	 */
	public static function columns( AuditEvent $event ): array {
		return array(
			'id'              => (string) $event->id,
			'prev_hash'       => $event->prev_hash,
			'occurred_at_gmt' => gmdate( 'Y-m-d H:i:s', $event->occurred_at ),
			'event_type'      => $event->event_type,
			'actor_type'      => $event->actor_type,
			'actor_id'        => (string) $event->actor_id,
			'agent_id'        => (string) $event->agent_id,
			'action'          => $event->action,
			'target_type'     => $event->target_type,
			'target_id'       => $event->target_id,
			'decision'        => $event->decision,
			'rule'            => $event->rule,
			'method'          => $event->method,
			'route'           => $event->route,
			'status'          => (string) $event->status,
			'duration_ms'     => (string) $event->duration_ms,
			'approval_id'     => (string) $event->approval_id,
			'metadata'        => self::encode( $event->metadata ),
			'before_state'    => null === $event->before ? null : self::encode( $event->before ),
			'after_state'     => null === $event->after ? null : self::encode( $event->after ),
			'details'         => self::encode( $event->details ),
		);
	}

	/**
	 * JSON text of a value as stored in a JSON column: objects stay objects even when empty.
	 *
	 * @param array<mixed> $value
	 */
	public static function encode( array $value ): string {
		$json = json_encode( array() === $value ? new \stdClass() : $value, self::JSON_FLAGS );
		return false === $json ? '{}' : $json;
	}

	/**
	 * Canonical text of a stored row.
	 *
	 * @param array<string, mixed> $row Column => stored value (as read back from the database).
	 */
	public static function canonical( array $row ): string {
		$values = array();
		foreach ( self::COLUMNS as $column ) {
			$value    = $row[ $column ] ?? null;
			$values[] = null === $value ? null : (string) $value;
		}
		return (string) json_encode( $values, self::JSON_FLAGS );
	}

	public static function hash_row( array $row ): string {
		return hash( 'sha256', self::canonical( $row ) );
	}

	public static function hash( AuditEvent $event ): string {
		return self::hash_row( self::columns( $event ) );
	}

	/**
	 * Checks a run of stored rows (ordered by id) that follows a row with $prev_id / $prev_hash.
	 * Returns null when intact, or the first broken row with the reason.
	 *
	 * @param iterable<array<string, mixed>> $rows
	 * @return array{id: int, reason: string}|null
	 */
	public static function first_break( iterable $rows, int $prev_id, string $prev_hash ): ?array {
		foreach ( $rows as $row ) {
			$id = (int) $row['id'];
			if ( $id !== $prev_id + 1 ) {
				return array(
					'id'     => $id,
					'reason' => sprintf( 'row %d follows row %d: %d row(s) missing', $id, $prev_id, $id - $prev_id - 1 ),
				);
			}
			if ( ! hash_equals( $prev_hash, (string) $row['prev_hash'] ) ) {
				return array(
					'id'     => $id,
					'reason' => sprintf( 'row %d does not point at the hash of row %d', $id, $prev_id ),
				);
			}
			if ( ! hash_equals( self::hash_row( $row ), (string) $row['hash'] ) ) {
				return array(
					'id'     => $id,
					'reason' => sprintf( 'row %d was changed after it was written', $id ),
				);
			}
			$prev_id   = $id;
			$prev_hash = (string) $row['hash'];
		}
		return null;
	}
}

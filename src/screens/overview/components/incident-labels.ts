/**
 * Words for the codes of incidents (Breakers::tripped() and ::canary_tripped()). Call at
 * render time so the translations are in place; an unknown code is shown as it came.
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

export function incidentKindLabel( kind: string ): string {
	switch ( kind ) {
		case 'breaker.failures':
			return __( 'Too many failed actions', 'agent-guard' );
		case 'breaker.writes_per_minute':
			return __( 'Too many writes in a minute', 'agent-guard' );
		case 'breaker.burst':
			return __( 'Burst of price writes', 'agent-guard' );
		case 'canary.failure_rate':
			return __( 'Failure rate in the canary', 'agent-guard' );
		case 'canary.revert_rate':
			return __( 'Revert rate in the canary', 'agent-guard' );
		default:
			return kind;
	}
}

/**
 * The counts a breaker saw: attempts, failures, burst (circuit breakers) or actions,
 * failures, reverts (canary conditions).
 *
 * @param key A member of the incident's `evidence.counts`.
 */
export function incidentCountLabel( key: string ): string {
	switch ( key ) {
		case 'attempts':
			return __( 'Write attempts in the current minute', 'agent-guard' );
		case 'failures':
			return __( 'Failed actions', 'agent-guard' );
		case 'burst':
			return __( 'Price writes in the burst window', 'agent-guard' );
		case 'actions':
			return __( 'Actions in the canary', 'agent-guard' );
		case 'reverts':
			return __( 'Changes undone', 'agent-guard' );
		default:
			return key;
	}
}

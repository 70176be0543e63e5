/**
 * Percentages as people read and type them: the canary dial (0–100, two decimals) and
 * the rates measured inside the canary.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/** The page's language (wp-admin sets <html lang>), for Intl. */
function locale(): string | undefined {
	const lang =
		typeof document !== 'undefined' ? document.documentElement.lang : '';
	return lang || undefined;
}

/**
 * 5 → "5 %", 0.25 → "0.25 %", 12.5 → "12.5 %" (in the reader's number format).
 *
 * @param value A percentage.
 */
export function formatPercent( value: number ): string {
	const number = new Intl.NumberFormat( locale(), {
		maximumFractionDigits: 2,
	} ).format( value );
	/* translators: %s: a number, e.g. "12.5". */
	return sprintf( __( '%s %%', 'agent-guard' ), number );
}

export type PercentInput =
	| { ok: true; value: number }
	| { ok: false; message: string };

/**
 * Reads a percentage typed for the canary dial: 0 to 100 with at most two decimals, a
 * comma accepted as the decimal mark. Refuses anything else with the reason in words.
 *
 * @param text What was typed.
 */
export function parsePercent( text: string ): PercentInput {
	const trimmed = text.trim().replace( /\s*%$/, '' );
	const outOfRange = {
		ok: false as const,
		message: __( 'Enter a percentage from 0 to 100.', 'agent-guard' ),
	};
	if ( trimmed === '' || /^-/.test( trimmed ) ) {
		return outOfRange;
	}
	const match = /^(\d+)(?:[.,](\d*))?$/.exec( trimmed );
	if ( ! match ) {
		return {
			ok: false,
			message: __( 'Enter a number such as 5 or 12.5.', 'agent-guard' ),
		};
	}
	const fraction = match[ 2 ] ?? '';
	if ( fraction.length > 2 ) {
		return {
			ok: false,
			message: __( 'Use at most two decimals.', 'agent-guard' ),
		};
	}
	const value = Number( `${ match[ 1 ] ?? '0' }.${ fraction || '0' }` );
	if ( value > 100 ) {
		return outOfRange;
	}
	return { ok: true, value };
}

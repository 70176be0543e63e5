/**
 * Money in the policy document is in minor units (cents), as integers; people read and
 * type it in the store's currency. These convert between the two without floating-point
 * arithmetic, with the store's number of decimals (initial state `priceDecimals`).
 */

/**
 * WordPress dependencies
 */
import { __, _n, sprintf } from '@wordpress/i18n';

/** The page's language (wp-admin sets <html lang>), for Intl. */
function locale(): string | undefined {
	const lang =
		typeof document !== 'undefined' ? document.documentElement.lang : '';
	return lang || undefined;
}

function safeDecimals( decimals: number ): number {
	return Number.isInteger( decimals ) && decimals >= 0 && decimals <= 8
		? decimals
		: 2;
}

/**
 * 5000 → "50.00" (2 decimals), 5 → "0.05", 1234 → "1234" (0 decimals). No thousands
 * separators: this is what an input shows and parseMoney() reads back.
 *
 * @param minor    Amount in minor units.
 * @param decimals Decimals of the currency.
 */
export function minorToAmount( minor: number, decimals: number ): string {
	const places = safeDecimals( decimals );
	const sign = minor < 0 ? '-' : '';
	const digits = String( Math.abs( Math.trunc( minor ) ) ).padStart(
		places + 1,
		'0'
	);
	if ( places === 0 ) {
		return sign + digits;
	}
	return `${ sign }${ digits.slice( 0, -places ) }.${ digits.slice(
		-places
	) }`;
}

export type MoneyInput =
	| { ok: true; minor: number | null }
	| { ok: false; message: string };

/**
 * Reads an amount typed in the currency: "50", "50.5", "50,50" (a comma as the decimal
 * mark), "" (no amount: null). Refuses signs, thousands separators and more decimals than
 * the currency has, with the reason in words.
 *
 * @param text     What was typed.
 * @param decimals Decimals of the currency.
 */
export function parseMoney( text: string, decimals: number ): MoneyInput {
	const trimmed = text.trim();
	if ( trimmed === '' ) {
		return { ok: true, minor: null };
	}
	const places = safeDecimals( decimals );
	const match = /^(\d+)(?:[.,](\d*))?$/.exec( trimmed );
	if ( ! match ) {
		return {
			ok: false,
			message:
				places === 0
					? __( 'Enter a whole amount, such as 50.', 'agent-guard' )
					: sprintf(
							/* translators: %s: an example amount such as "12.50". */
							__( 'Enter an amount such as %s.', 'agent-guard' ),
							minorToAmount( 1250 * 10 ** ( places - 2 ), places )
					  ),
		};
	}
	const whole = match[ 1 ] ?? '0';
	const fraction = match[ 2 ] ?? '';
	if ( fraction.length > places ) {
		return {
			ok: false,
			message:
				places === 0
					? __(
							'This currency has no decimals; enter a whole amount.',
							'agent-guard'
					  )
					: sprintf(
							/* translators: %d: number of decimals of the store currency. */
							_n(
								'Use at most %d decimal.',
								'Use at most %d decimals.',
								places,
								'agent-guard'
							),
							places
					  ),
		};
	}
	const minor = Number( whole + fraction.padEnd( places, '0' ) );
	if ( ! Number.isSafeInteger( minor ) ) {
		return {
			ok: false,
			message: __( 'This amount is too large.', 'agent-guard' ),
		};
	}
	return { ok: true, minor };
}

/**
 * An amount for reading, in the store's currency: 5000 → "$50.00" (en-US, USD).
 *
 * @param minor    Amount in minor units.
 * @param currency ISO 4217 code (initial state `currency`).
 * @param decimals Decimals of the currency.
 */
export function formatMoney(
	minor: number,
	currency: string,
	decimals: number
): string {
	const places = safeDecimals( decimals );
	const amount = minorToAmount( minor, places );
	try {
		return new Intl.NumberFormat( locale(), {
			style: 'currency',
			currency,
			minimumFractionDigits: places,
			maximumFractionDigits: places,
		} ).format( Number( amount ) );
	} catch {
		// An unknown currency code: the amount and the code.
		return `${ amount } ${ currency }`;
	}
}

/**
 * How the Approvals screen writes values: percentages, prices in the store's currency,
 * the agent's confidence, and any JSON value a diff may carry — always as plain text.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatMoney, parseMoney } from '../../../components/money';
import { isMoneyField } from '../../../components/approval-labels';
import type { Approval } from '../../../schemas';

/** The store's currency and decimals (initial state `currency`, `priceDecimals`). */
export interface StoreMoney {
	currency: string;
	decimals: number;
}

function locale(): string | undefined {
	const lang =
		typeof document !== 'undefined' ? document.documentElement.lang : '';
	return lang || undefined;
}

/**
 * A relative change with its sign: 20 → "+20%", -88.24 → "-88.24%" (in the page's
 * language).
 *
 * @param percent The change in percent.
 */
export function formatPercentChange( percent: number ): string {
	return new Intl.NumberFormat( locale(), {
		style: 'percent',
		signDisplay: 'exceptZero',
		maximumFractionDigits: 2,
	} ).format( percent / 100 );
}

/**
 * A price or amount as the store sends it ("12.50") in the store's currency ("$12.50");
 * anything that is not such an amount is returned as text.
 *
 * @param value A store value.
 * @param money The store's currency.
 */
export function formatStoreAmount( value: unknown, money: StoreMoney ): string {
	if ( typeof value !== 'string' && typeof value !== 'number' ) {
		return formatValue( value );
	}
	const text = String( value ).trim();
	const negative = text.startsWith( '-' );
	const parsed = parseMoney(
		negative ? text.slice( 1 ) : text,
		money.decimals
	);
	if ( ! parsed.ok || parsed.minor === null ) {
		return text === '' ? __( '(empty)', 'agent-guard' ) : text;
	}
	return formatMoney(
		negative ? -parsed.minor : parsed.minor,
		money.currency,
		money.decimals
	);
}

/**
 * An amount in minor units with its sign, for effects: 480 → "+$4.80".
 *
 * @param minor Minor units.
 * @param money The store's currency.
 */
export function formatSignedMinor( minor: number, money: StoreMoney ): string {
	const amount = formatMoney(
		Math.abs( minor ),
		money.currency,
		money.decimals
	);
	if ( minor > 0 ) {
		return `+${ amount }`;
	}
	return minor < 0 ? `−${ amount }` : amount;
}

/**
 * Any JSON value as short text: strings as they are, null as "(none)", lists and objects
 * as JSON. Never markup: the caller renders it as text.
 *
 * @param value A value from a diff or a result.
 */
export function formatValue( value: unknown ): string {
	if ( value === null || value === undefined ) {
		return __( '(none)', 'agent-guard' );
	}
	if ( typeof value === 'string' ) {
		return value === '' ? __( '(empty)', 'agent-guard' ) : value;
	}
	if ( typeof value === 'boolean' ) {
		return value ? __( 'Yes', 'agent-guard' ) : __( 'No', 'agent-guard' );
	}
	if ( typeof value === 'number' ) {
		return String( value );
	}
	return JSON.stringify( value );
}

/**
 * Whether a field of this request carries money: prices and refund amounts do, a
 * percentage coupon's amount does not.
 *
 * @param field    The field.
 * @param approval The request (its action and parameters).
 */
export function carriesMoney(
	field: string,
	approval: Pick< Approval, 'action' | 'params' | 'exposure' >
): boolean {
	if ( ! isMoneyField( field ) ) {
		return false;
	}
	if ( field === 'amount' && approval.action.startsWith( 'coupons:' ) ) {
		const type =
			approval.params.discount_type ?? approval.exposure.type ?? '';
		return type !== 'percent';
	}
	return true;
}

/**
 * A field's value in words: money in the store's currency where the field carries
 * money, otherwise as text.
 *
 * @param field    The field.
 * @param value    Its value.
 * @param approval The request.
 * @param money    The store's currency.
 */
export function formatFieldValue(
	field: string,
	value: unknown,
	approval: Pick< Approval, 'action' | 'params' | 'exposure' >,
	money: StoreMoney
): string {
	if ( value === null || value === undefined ) {
		return formatValue( value );
	}
	return carriesMoney( field, approval )
		? formatStoreAmount( value, money )
		: formatValue( value );
}

/**
 * The agent's confidence (X-Agent-Confidence, 0–1) as a percentage: "0.82" → "82%".
 *
 * @param confidence As the agent sent it.
 */
export function formatConfidence( confidence: string ): string {
	const value = Number( confidence );
	if ( confidence.trim() === '' || ! Number.isFinite( value ) ) {
		return confidence;
	}
	if ( value < 0 || value > 1 ) {
		return confidence;
	}
	return new Intl.NumberFormat( locale(), {
		style: 'percent',
		maximumFractionDigits: 1,
	} ).format( value );
}

/**
 * A target by its type and id: "Order #24".
 *
 * @param type The target type.
 * @param id   Its id.
 */
export function targetById( type: string, id: string ): string {
	switch ( type ) {
		case 'product':
			/* translators: %s: product id. */
			return sprintf( __( 'Product #%s', 'agent-guard' ), id );
		case 'product_variation':
			/* translators: %s: variation id. */
			return sprintf( __( 'Variation #%s', 'agent-guard' ), id );
		case 'order':
			/* translators: %s: order id. */
			return sprintf( __( 'Order #%s', 'agent-guard' ), id );
		case 'coupon':
			/* translators: %s: coupon id. */
			return sprintf( __( 'Coupon #%s', 'agent-guard' ), id );
		case 'customer':
			/* translators: %s: customer id. */
			return sprintf( __( 'Customer #%s', 'agent-guard' ), id );
		default:
			/* translators: 1: target type, 2: its id. */
			return sprintf( __( '%1$s #%2$s', 'agent-guard' ), type, id );
	}
}

/**
 * A target the request creates: "New coupon BIGSALE".
 *
 * @param approval The request.
 */
function newTarget( approval: Pick< Approval, 'target_type' | 'params' > ) {
	const natural = approval.params.code ?? approval.params.name;
	const name = typeof natural === 'string' ? natural : '';
	switch ( approval.target_type ) {
		case 'product':
			return sprintf(
				/* translators: %s: the new product's name (may be empty). */
				__( 'New product %s', 'agent-guard' ),
				name
			).trim();
		case 'coupon':
			return sprintf(
				/* translators: %s: the new coupon's code (may be empty). */
				__( 'New coupon %s', 'agent-guard' ),
				name
			).trim();
		default:
			return sprintf(
				/* translators: 1: target type, 2: its name or code (may be empty). */
				__( 'New %1$s %2$s', 'agent-guard' ),
				approval.target_type,
				name
			).trim();
	}
}

/**
 * What the request is about, in a few words: "Ceramic Mug", "Order #24", "New coupon
 * BIGSALE", "Espresso Cup and 1 more".
 *
 * @param approval The request.
 */
export function targetLabel(
	approval: Pick<
		Approval,
		'target_type' | 'target_id' | 'target_name' | 'params' | 'diff'
	>
): string {
	const units = approval.diff.units ?? [];
	const batch = /^batch:(\d+)$/.exec( approval.target_id );
	let name = approval.target_name;
	if ( name === '' && batch ) {
		const first = units[ 0 ];
		name =
			first?.name ||
			first?.target ||
			__( 'Several targets', 'agent-guard' );
	} else if ( name === '' ) {
		name =
			approval.target_id === ''
				? newTarget( approval )
				: targetById( approval.target_type, approval.target_id );
	}
	if ( batch ) {
		const count = Math.max( Number( batch[ 1 ] ), units.length );
		if ( count > 1 ) {
			return sprintf(
				/* translators: 1: the first target's name, 2: how many others. */
				__( '%1$s and %2$d more', 'agent-guard' ),
				name,
				count - 1
			);
		}
	}
	return name;
}

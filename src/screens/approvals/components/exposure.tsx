/**
 * WordPress dependencies
 */
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatMoney } from '../../../components/money';
import { DataTable } from '../../../components/data-table';
import type { Approval } from '../../../schemas';
import {
	formatPercentChange,
	formatSignedMinor,
	formatStoreAmount,
	formatValue,
	targetById,
	type StoreMoney,
} from '../data/format';
import { useStoreMoney } from './store-money';

type Exposure = Approval[ 'exposure' ];
type ExposureItem = NonNullable< Exposure[ 'items' ] >[ number ];

function isPriceItem( item: ExposureItem ): boolean {
	return item.price_before !== undefined || item.price_after !== undefined;
}

function itemName( item: ExposureItem ): string {
	if ( item.name ) {
		return item.sku ? `${ item.name } (${ item.sku })` : item.name;
	}
	const [ type, id ] = ( item.target ?? '' ).split( ':' );
	return type && id ? targetById( type, id ) : item.target ?? '';
}

/**
 * A coupon's discount: "35% off" for a percentage, "$20.00 off" for a fixed amount.
 *
 * @param exposure The coupon exposure.
 * @param money    The store's currency.
 */
function couponDiscount( exposure: Exposure, money: StoreMoney ): string {
	const minor = exposure.amount_minor ?? 0;
	if ( exposure.type === 'percent' ) {
		return sprintf(
			/* translators: %s: a percentage such as "35". */
			__( '%s%% off', 'agent-guard' ),
			String( minor / 10 ** money.decimals )
		);
	}
	return sprintf(
		/* translators: %s: an amount of money. */
		__( '%s off', 'agent-guard' ),
		formatMoney( minor, money.currency, money.decimals )
	);
}

/**
 * Price figures over the items: units sold in 30 days and the revenue effect at that
 * volume, in one sentence.
 *
 * @param items Price items.
 * @param money The store's currency.
 */
function priceSentence( items: ExposureItem[], money: StoreMoney ): string {
	const sold = items.reduce(
		( sum, item ) => sum + ( item.units_sold_30d ?? 0 ),
		0
	);
	const effect = items.reduce(
		( sum, item ) => sum + ( item.revenue_effect_minor ?? 0 ),
		0
	);
	return sprintf(
		/* translators: 1: units sold in the last 30 days, 2: signed revenue change such as "+$4.80". */
		_n(
			'%1$d sold in 30 days; %2$s revenue at that volume',
			'%1$d sold in 30 days; %2$s revenue at that volume',
			sold,
			'agent-guard'
		),
		sold,
		formatSignedMinor( effect, money )
	);
}

function stockSentence( item: ExposureItem ): string {
	const orders = item.open_orders ?? 0;
	return sprintf(
		/* translators: 1: stock before, 2: stock after, 3: number of open orders, 4: units they hold. */
		_n(
			'Stock %1$s → %2$s; %3$d open order holds %4$d units',
			'Stock %1$s → %2$s; %3$d open orders hold %4$d units',
			orders,
			'agent-guard'
		),
		formatValue( item.stock?.before ),
		formatValue( item.stock?.after ),
		orders,
		item.open_units ?? 0
	);
}

/**
 * What is at stake, in a line or two, for the queue.
 *
 * @param props          Props.
 * @param props.approval
 */
export function ExposureSummary( { approval }: { approval: Approval } ) {
	const money = useStoreMoney();
	const { exposure } = approval;
	if ( exposure.error ) {
		return (
			<span className="agent-guard-muted" title={ exposure.error }>
				{ __( 'Could not be computed', 'agent-guard' ) }
			</span>
		);
	}
	if ( exposure.kind === 'refund' ) {
		return (
			<span>
				{ sprintf(
					/* translators: 1: refund amount, 2: order total, 3: order status. */
					__( '%1$s of a %2$s order (%3$s)', 'agent-guard' ),
					formatMoney(
						exposure.amount_minor ?? 0,
						money.currency,
						money.decimals
					),
					formatStoreAmount( exposure.order_total ?? '', money ),
					exposure.order_status ?? ''
				) }
			</span>
		);
	}
	if ( exposure.kind === 'coupon' ) {
		return <span>{ couponDiscount( exposure, money ) }</span>;
	}
	const items = exposure.items ?? [];
	const prices = items.filter( isPriceItem );
	const stock = items.filter( ( item ) => item.stock !== undefined );
	if ( prices.length === 0 && stock.length === 0 ) {
		return <span className="agent-guard-muted">—</span>;
	}
	return (
		<ul className="agent-guard-change-list">
			{ prices.length > 0 ? (
				<li>{ priceSentence( prices, money ) }</li>
			) : null }
			{ stock.slice( 0, 2 ).map( ( item, index ) => (
				<li key={ `${ item.target }-${ index }` }>
					{ stockSentence( item ) }
				</li>
			) ) }
			{ stock.length > 2 ? (
				<li className="agent-guard-muted">
					{ sprintf(
						/* translators: %d: number of further stock changes. */
						__( 'and %d more stock changes', 'agent-guard' ),
						stock.length - 2
					) }
				</li>
			) : null }
		</ul>
	);
}

/**
 * Everything about the exposure: per product the sales and the revenue effect, the stock
 * held by open orders, or the refund against its order.
 *
 * @param props          Props.
 * @param props.approval
 */
export function ExposureDetails( { approval }: { approval: Approval } ) {
	const money = useStoreMoney();
	const { exposure } = approval;
	if ( exposure.error ) {
		return (
			<p>
				{ __(
					'What is at stake could not be computed:',
					'agent-guard'
				) }{ ' ' }
				{ exposure.error }
			</p>
		);
	}
	if ( exposure.kind === 'refund' ) {
		return (
			<dl className="agent-guard-facts">
				<dt>{ __( 'Refund', 'agent-guard' ) }</dt>
				<dd>
					{ formatMoney(
						exposure.amount_minor ?? 0,
						money.currency,
						money.decimals
					) }
				</dd>
				<dt>{ __( 'Order total', 'agent-guard' ) }</dt>
				<dd>
					{ formatStoreAmount( exposure.order_total ?? '', money ) }
				</dd>
				<dt>{ __( 'Order status', 'agent-guard' ) }</dt>
				<dd>{ exposure.order_status || '—' }</dd>
			</dl>
		);
	}
	if ( exposure.kind === 'coupon' ) {
		return (
			<dl className="agent-guard-facts">
				<dt>{ __( 'Discount', 'agent-guard' ) }</dt>
				<dd>{ couponDiscount( exposure, money ) }</dd>
				<dt>{ __( 'Discount type', 'agent-guard' ) }</dt>
				<dd>
					<code>{ exposure.type || '—' }</code>
				</dd>
			</dl>
		);
	}
	const items = exposure.items ?? [];
	const prices = items.filter( isPriceItem );
	const stock = items.filter( ( item ) => item.stock !== undefined );
	if ( prices.length === 0 && stock.length === 0 ) {
		return (
			<p className="agent-guard-muted">
				{ __(
					'Agent Guard computes what is at stake for prices, stock, refunds and coupons; this request has none of them.',
					'agent-guard'
				) }
			</p>
		);
	}
	return (
		<>
			{ prices.length > 0 ? (
				<DataTable
					caption={ __(
						'Sales affected by the price change',
						'agent-guard'
					) }
					columns={ [
						__( 'Product', 'agent-guard' ),
						__( 'Price', 'agent-guard' ),
						__( 'Change', 'agent-guard' ),
						__( 'Sold in 30 days', 'agent-guard' ),
						__( 'Revenue effect at that volume', 'agent-guard' ),
					] }
					rows={ prices }
					renderRow={ ( item, index ) => (
						<tr key={ `${ item.target }-${ index }` }>
							<td>{ itemName( item ) }</td>
							<td>
								{ formatStoreAmount(
									item.price_before,
									money
								) }{ ' ' }
								→{ ' ' }
								{ formatStoreAmount( item.price_after, money ) }
							</td>
							<td>
								{ typeof item.change_percent === 'number'
									? formatPercentChange( item.change_percent )
									: '—' }
							</td>
							<td>{ item.units_sold_30d ?? 0 }</td>
							<td>
								{ formatSignedMinor(
									item.revenue_effect_minor ?? 0,
									money
								) }
							</td>
						</tr>
					) }
				/>
			) : null }
			{ stock.length > 0 ? (
				<DataTable
					caption={ __(
						'Open orders affected by the stock change',
						'agent-guard'
					) }
					columns={ [
						__( 'Product', 'agent-guard' ),
						__( 'Stock', 'agent-guard' ),
						__( 'Open orders', 'agent-guard' ),
						__( 'Units in open orders', 'agent-guard' ),
					] }
					rows={ stock }
					renderRow={ ( item, index ) => (
						<tr key={ `${ item.target }-${ index }` }>
							<td>{ itemName( item ) }</td>
							<td>
								{ formatValue( item.stock?.before ) } →{ ' ' }
								{ formatValue( item.stock?.after ) }
							</td>
							<td>{ item.open_orders ?? 0 }</td>
							<td>{ item.open_units ?? 0 }</td>
						</tr>
					) }
				/>
			) : null }
		</>
	);
}

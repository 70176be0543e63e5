/**
 * Translated words for the approval queue's codes: states, actions and fields. Call at
 * render time (not at module load) so the translations are in place. An unknown code is
 * shown as it came.
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Approval } from '../schemas';
import type { Tone } from './labels';

type ApprovalState = Approval[ 'state' ];

export function approvalStateLabel( state: ApprovalState ): string {
	switch ( state ) {
		case 'pending':
			return __( 'Pending', 'agent-guard' );
		case 'approved':
			return __( 'Approved, waiting to run', 'agent-guard' );
		case 'executing':
			return __( 'Running', 'agent-guard' );
		case 'executed':
			return __( 'Executed', 'agent-guard' );
		case 'failed':
			return __( 'Failed', 'agent-guard' );
		case 'conflict':
			return __( 'Conflict', 'agent-guard' );
		case 'rejected':
			return __( 'Rejected', 'agent-guard' );
		case 'expired':
			return __( 'Expired', 'agent-guard' );
	}
}

export function approvalStateTone( state: ApprovalState ): Tone {
	switch ( state ) {
		case 'pending':
			return 'warning';
		case 'approved':
		case 'executing':
			return 'info';
		case 'executed':
			return 'success';
		case 'failed':
		case 'conflict':
			return 'error';
		case 'rejected':
		case 'expired':
			return 'neutral';
	}
}

/**
 * Whether the item may still change state by itself or by a decision (not final).
 *
 * @param state The item's state.
 */
export function isOpenApprovalState( state: ApprovalState ): boolean {
	return state === 'pending' || state === 'approved' || state === 'executing';
}

/**
 * An action code (`products:update`) in words; the code itself when it has no label.
 *
 * @param action The classified action.
 */
export function actionLabel( action: string ): string {
	switch ( action ) {
		case 'products:create':
			return __( 'Create product', 'agent-guard' );
		case 'products:update':
			return __( 'Update product', 'agent-guard' );
		case 'products:delete':
			return __( 'Delete product', 'agent-guard' );
		case 'products:batch':
			return __( 'Batch of product changes', 'agent-guard' );
		case 'orders:update':
			return __( 'Update order', 'agent-guard' );
		case 'orders:delete':
			return __( 'Delete order', 'agent-guard' );
		case 'orders:refund':
			return __( 'Refund order', 'agent-guard' );
		case 'orders:note':
			return __( 'Add order note', 'agent-guard' );
		case 'orders:batch':
			return __( 'Batch of order changes', 'agent-guard' );
		case 'coupons:create':
			return __( 'Create coupon', 'agent-guard' );
		case 'coupons:update':
			return __( 'Update coupon', 'agent-guard' );
		case 'coupons:delete':
			return __( 'Delete coupon', 'agent-guard' );
		case 'customers:update':
			return __( 'Update customer', 'agent-guard' );
		case 'customers:delete':
			return __( 'Delete customer', 'agent-guard' );
		default:
			return action;
	}
}

/**
 * A WooCommerce field name in words (`regular_price` → "Regular price"); the name itself
 * when it has no label.
 *
 * @param field The field as the agent sent it.
 */
export function fieldLabel( field: string ): string {
	switch ( field ) {
		case 'regular_price':
			return __( 'Regular price', 'agent-guard' );
		case 'sale_price':
			return __( 'Sale price', 'agent-guard' );
		case 'price':
			return __( 'Price', 'agent-guard' );
		case 'stock_quantity':
			return __( 'Stock', 'agent-guard' );
		case 'stock_status':
			return __( 'Stock status', 'agent-guard' );
		case 'manage_stock':
			return __( 'Manage stock', 'agent-guard' );
		case 'amount':
			return __( 'Amount', 'agent-guard' );
		case 'reason':
			return __( 'Reason', 'agent-guard' );
		case 'status':
			return __( 'Status', 'agent-guard' );
		case 'code':
			return __( 'Code', 'agent-guard' );
		case 'discount_type':
			return __( 'Discount type', 'agent-guard' );
		case 'date_on_sale_from':
		case 'date_on_sale_from_gmt':
			return __( 'Sale starts', 'agent-guard' );
		case 'date_on_sale_to':
		case 'date_on_sale_to_gmt':
			return __( 'Sale ends', 'agent-guard' );
		case 'name':
			return __( 'Name', 'agent-guard' );
		case 'id':
			return __( 'ID', 'agent-guard' );
		case 'sku':
			return __( 'SKU', 'agent-guard' );
		case 'total':
			return __( 'Total', 'agent-guard' );
		case 'message':
			return __( 'Message', 'agent-guard' );
		default:
			return field;
	}
}

/**
 * Fields whose values are money in the store's format ("12.50").
 *
 * @param field The field name.
 */
export function isMoneyField( field: string ): boolean {
	return [
		'regular_price',
		'sale_price',
		'price',
		'amount',
		'total',
	].includes( field );
}

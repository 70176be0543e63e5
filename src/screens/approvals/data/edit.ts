/**
 * "Edit before approving": which proposed values an approver may lower, and the range
 * the server accepts (between the current value and the proposed one).
 */

/**
 * Internal dependencies
 */
import { EDITABLE_FIELDS, type EditableField } from '../../../api/approvals';
import type { Approval } from '../../../schemas';

/**
 * The fields of a single pending write that can be lowered: prices, stock, a refund's
 * amount. Batches are approved or rejected whole.
 *
 * @param approval The request.
 */
export function editableFields( approval: Approval ): EditableField[] {
	if (
		approval.state !== 'pending' ||
		approval.target_id.startsWith( 'batch:' )
	) {
		return [];
	}
	return EDITABLE_FIELDS.filter(
		( field ) =>
			Object.prototype.hasOwnProperty.call( approval.params, field ) &&
			// `amount` is a refund's amount; a coupon's is not lowered here.
			( field !== 'amount' || approval.action === 'orders:refund' )
	);
}

/**
 * The current and proposed values of an editable field, as the diff recorded them (the
 * current value of a refund amount is none).
 *
 * @param approval The request.
 * @param field    An editable field.
 */
export function editRange(
	approval: Approval,
	field: EditableField
): { current: unknown; proposed: unknown } {
	const change = approval.diff.units?.[ 0 ]?.changes[ field ];
	return {
		current: change?.before ?? null,
		proposed: approval.params[ field ],
	};
}

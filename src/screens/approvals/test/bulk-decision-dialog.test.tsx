/**
 * Deciding several requests: one confirmation listing them (a rejection needs its
 * comment), then what happened to each one.
 */

/**
 * External dependencies
 */
import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import type { ApprovalBulkResult } from '../../../schemas';
import { BulkDecisionDialog } from '../components/bulk-decision-dialog';
import type { Decision } from '../components/approvals-table';
import { makeApproval } from '../../../test-utils/approval-factories';
import { renderWithClient } from '../../../test-utils/render';

beforeAll( () => {
	document.documentElement.lang = 'en-US';
} );

const approvals = [
	makeApproval(),
	makeApproval( {
		id: 13,
		target_name: 'Travel Mug',
		target_sku: 'AG-1002',
		version: 2,
	} ),
];

function renderBulk( decision: Decision, result?: ApprovalBulkResult ) {
	const onConfirm = jest.fn< ( comment: string ) => void >();
	const onClose = jest.fn();
	renderWithClient(
		<BulkDecisionDialog
			decision={ decision }
			approvals={ approvals }
			onConfirm={ onConfirm }
			onClose={ onClose }
			isBusy={ false }
			error={ null }
			result={ result }
		/>
	);
	return {
		dialog: within( screen.getByRole( 'dialog' ) ),
		onConfirm,
		onClose,
	};
}

describe( 'BulkDecisionDialog', () => {
	it( 'asks once, listing every request it will approve', () => {
		const { dialog, onConfirm } = renderBulk( 'approve' );

		expect(
			screen.getByRole( 'dialog', { name: 'Approve 2 requests?' } )
		).toBeTruthy();
		expect(
			dialog
				.getAllByRole( 'listitem' )
				.map( ( item ) => item.textContent ?? '' )
				.filter( ( text ) => text.startsWith( '#' ) )
		).toEqual( [
			expect.stringContaining( '#12 Ceramic Mug' ),
			expect.stringContaining( '#13 Travel Mug' ),
		] );
		fireEvent.click(
			dialog.getByRole( 'button', { name: 'Approve 2 requests' } )
		);

		expect( onConfirm ).toHaveBeenCalledTimes( 1 );
		expect( onConfirm ).toHaveBeenCalledWith( '' );
	} );

	it( 'does not reject them without a comment', () => {
		const { dialog, onConfirm } = renderBulk( 'reject' );

		fireEvent.click(
			dialog.getByRole( 'button', { name: 'Reject 2 requests' } )
		);
		expect( onConfirm ).not.toHaveBeenCalled();
		expect( dialog.getByRole( 'alert' ).textContent ).toMatch(
			/Say why you reject these requests/
		);

		fireEvent.change(
			dialog.getByLabelText( 'Why do you reject them? (required)' ),
			{ target: { value: 'Not this week' } }
		);
		fireEvent.click(
			dialog.getByRole( 'button', { name: 'Reject 2 requests' } )
		);
		expect( onConfirm ).toHaveBeenCalledWith( 'Not this week' );
	} );

	it( 'reports each request: decided with its state, or refused with the server’s message', () => {
		const { dialog, onClose } = renderBulk( 'approve', {
			results: [
				{ id: 12, ok: true, state: 'executed' },
				{
					id: 13,
					ok: false,
					code: 'agent_guard_version_conflict',
					message:
						'This request changed since you loaded it (version 2, now 3); reload it and decide again.',
					status: 409,
				},
			],
		} );

		expect( dialog.getByRole( 'status' ).textContent ).toBe(
			'1 of 2 requests were decided.'
		);
		const rows = dialog.getAllByRole( 'row' ).slice( 1 );
		expect( rows.map( ( row ) => row.textContent ) ).toEqual( [
			'#12 Ceramic MugExecuted',
			'#13 Travel MugNot decided This request changed since you loaded it (version 2, now 3); reload it and decide again.',
		] );
		fireEvent.click( dialog.getByRole( 'button', { name: 'Done' } ) );
		expect( onClose ).toHaveBeenCalled();
	} );
} );

/**
 * Deciding one request: a rejection needs a comment (checked here and shown at the field
 * when the server says so), an approval may lower the proposed value, and the server's
 * refusal of that value is shown at the field.
 */

/**
 * External dependencies
 */
import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { ApiError } from '../../../api/errors';
import type { Approval } from '../../../schemas';
import {
	DecisionDialog,
	type DecisionInput,
} from '../components/decision-dialog';
import type { Decision } from '../components/approvals-table';
import { makeApproval } from '../../../test-utils/approval-factories';
import { renderWithClient } from '../../../test-utils/render';

beforeAll( () => {
	document.documentElement.lang = 'en-US';
} );

function renderDialog(
	decision: Decision,
	options: {
		approval?: Approval;
		withEdit?: boolean;
		error?: Error | null;
	} = {}
) {
	const onSubmit = jest.fn< ( input: DecisionInput ) => void >();
	const utils = renderWithClient(
		<DecisionDialog
			approval={ options.approval ?? makeApproval() }
			decision={ decision }
			withEdit={ options.withEdit }
			isBusy={ false }
			error={ options.error ?? null }
			onSubmit={ onSubmit }
			onCancel={ () => undefined }
		/>
	);
	// The Modal renders into a portal on document.body.
	const dialog = within( screen.getByRole( 'dialog' ) );
	return { ...utils, dialog, onSubmit };
}

const fieldRefusal = ( path: string, message: string ) =>
	new ApiError( {
		code:
			path === 'comment'
				? 'agent_guard_comment_required'
				: 'agent_guard_invalid',
		message,
		status: 400,
		path,
	} );

describe( 'DecisionDialog (reject)', () => {
	it( 'does not reject without a comment and says why at the field', () => {
		const { dialog, onSubmit } = renderDialog( 'reject' );

		fireEvent.click( dialog.getByRole( 'button', { name: 'Reject' } ) );

		expect( onSubmit ).not.toHaveBeenCalled();
		expect( dialog.getByRole( 'alert' ).textContent ).toMatch(
			/Say why you reject this request/
		);
		expect(
			dialog
				.getByLabelText( 'Why do you reject it? (required)' )
				.getAttribute( 'aria-invalid' )
		).toBe( 'true' );
	} );

	it( 'rejects with the trimmed comment', () => {
		const { dialog, onSubmit } = renderDialog( 'reject' );

		fireEvent.change(
			dialog.getByLabelText( 'Why do you reject it? (required)' ),
			{ target: { value: '  Too steep before the sale ' } }
		);
		fireEvent.click( dialog.getByRole( 'button', { name: 'Reject' } ) );

		expect( onSubmit ).toHaveBeenCalledWith( {
			comment: 'Too steep before the sale',
		} );
	} );

	it( 'shows the server’s comment refusal at the comment field, not as a general error', () => {
		const { dialog } = renderDialog( 'reject', {
			error: fieldRefusal(
				'comment',
				'Say why you reject this request; the agent and the audit log get your comment.'
			),
		} );

		const alert = dialog.getByRole( 'alert' );
		expect( alert.textContent ).toBe(
			'Say why you reject this request; the agent and the audit log get your comment.'
		);
		expect( alert.previousElementSibling?.textContent ).toContain(
			'Why do you reject it? (required)'
		);
		expect(
			dialog.queryByText( 'The request was not rejected.' )
		).toBeNull();
	} );
} );

describe( 'DecisionDialog (approve)', () => {
	it( 'approves with an optional comment and no edit', () => {
		const { dialog, onSubmit } = renderDialog( 'approve' );

		fireEvent.click( dialog.getByRole( 'button', { name: 'Approve' } ) );

		expect( onSubmit ).toHaveBeenCalledWith( { comment: '' } );
	} );

	it( 'lets the approver lower the proposed price, showing the range', () => {
		const { dialog, onSubmit } = renderDialog( 'approve', {
			withEdit: true,
		} );
		const field = dialog.getByLabelText( 'Regular price to approve' );

		expect( ( field as HTMLInputElement ).value ).toBe( '14.40' );
		expect(
			dialog.getByText( /Now \$12\.00; the agent proposed \$14\.40/ )
		).toBeTruthy();
		fireEvent.change( field, { target: { value: '13,2' } } );
		fireEvent.change( dialog.getByLabelText( 'Comment (optional)' ), {
			target: { value: 'Half of it' },
		} );
		fireEvent.click( dialog.getByRole( 'button', { name: 'Approve' } ) );

		expect( onSubmit ).toHaveBeenCalledWith( {
			comment: 'Half of it',
			edit: { regular_price: '13.20' },
		} );
	} );

	it( 'opens the edit from the approve dialog too', () => {
		const { dialog } = renderDialog( 'approve' );

		fireEvent.click(
			dialog.getByRole( 'button', {
				name: 'Lower the proposed value first',
			} )
		);

		expect(
			dialog.getByLabelText( 'Regular price to approve' )
		).toBeTruthy();
	} );

	it( 'refuses a value that is not an amount before sending it', () => {
		const { dialog, onSubmit } = renderDialog( 'approve', {
			withEdit: true,
		} );

		fireEvent.change( dialog.getByLabelText( 'Regular price to approve' ), {
			target: { value: 'cheap' },
		} );
		fireEvent.click( dialog.getByRole( 'button', { name: 'Approve' } ) );

		expect( onSubmit ).not.toHaveBeenCalled();
		expect( dialog.getByRole( 'alert' ).textContent ).toBe(
			'Enter an amount such as 12.50.'
		);
	} );

	it( 'shows the server’s refusal of the edited value at that field', () => {
		const message =
			'The edited regular_price must lie between the current value and the proposed one: a smaller change, not a different one.';
		const { dialog } = renderDialog( 'approve', {
			withEdit: true,
			error: fieldRefusal( 'edit.regular_price', message ),
		} );

		const field = dialog.getByLabelText( 'Regular price to approve' );
		expect( field.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
		expect( dialog.getByRole( 'alert' ).textContent ).toBe( message );

		fireEvent.change( field, { target: { value: '13.00' } } );

		expect( dialog.queryByRole( 'alert' ) ).toBeNull();
	} );

	it( 'edits a stock count as a whole number', () => {
		const approval = makeApproval( {
			params: { stock_quantity: 2 },
			diff: {
				units: [
					{
						item: 'products:update',
						target: 'product:40',
						name: 'Ceramic Mug',
						sku: 'AG-1001',
						changes: { stock_quantity: { before: 30, after: 2 } },
					},
				],
			},
		} );
		const { dialog, onSubmit } = renderDialog( 'approve', {
			approval,
			withEdit: true,
		} );

		expect(
			dialog.getByText( /Now 30; the agent proposed 2\./ )
		).toBeTruthy();
		fireEvent.change( dialog.getByLabelText( 'Stock to approve' ), {
			target: { value: '20' },
		} );
		fireEvent.click( dialog.getByRole( 'button', { name: 'Approve' } ) );

		expect( onSubmit ).toHaveBeenCalledWith( {
			comment: '',
			edit: { stock_quantity: 20 },
		} );
	} );

	it( 'offers no edit for a batch', () => {
		const { dialog } = renderDialog( 'approve', {
			approval: makeApproval( { target_id: 'batch:2' } ),
			withEdit: true,
		} );

		expect(
			dialog.queryByLabelText( 'Regular price to approve' )
		).toBeNull();
		expect(
			dialog.queryByRole( 'button', {
				name: 'Lower the proposed value first',
			} )
		).toBeNull();
	} );

	it( 'says when this approval is the first of two', () => {
		const { dialog } = renderDialog( 'approve', {
			approval: makeApproval( { required_approvals: 2 } ),
		} );

		expect(
			dialog.getByText( /Yours will be approval 1 of 2/ )
		).toBeTruthy();
	} );

	it( 'shows any other refusal as an error with the server’s message', () => {
		const { dialog } = renderDialog( 'approve', {
			error: new ApiError( {
				code: 'agent_guard_self_approval',
				message:
					'You made this request with your own credentials; someone else must decide it.',
				status: 403,
			} ),
		} );

		expect(
			dialog.getByText( 'The request was not approved.' )
		).toBeTruthy();
		expect(
			dialog.getByText( /someone else must decide it/ ).textContent
		).toContain( 'agent_guard_self_approval, HTTP 403' );
	} );
} );

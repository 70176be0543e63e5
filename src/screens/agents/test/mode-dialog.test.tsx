/**
 * The mode dialog and its checklist gate: leaving observe mode with open items needs an
 * administrator's reason of 10 characters or more.
 */

/**
 * External dependencies
 */
import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import type { ModeChange } from '../../../api/agents';
import { ApiError } from '../../../api/errors';
import type { Agent } from '../../../schemas';
import { makeAgent } from '../../../test-utils/factories';
import { ModeDialog, leavesObserve } from '../components/mode-dialog';

const OPEN = [
	{ key: 'kill_switch_tested', label: 'Kill switch tested' },
	{ key: 'on_call_named', label: 'On-call named' },
];

function renderDialog(
	options: {
		agent?: Agent;
		isAdmin?: boolean;
		openItems?: typeof OPEN;
		error?: Error | null;
	} = {}
) {
	const onSubmit = jest.fn< ( change: ModeChange ) => void >();
	render(
		<ModeDialog
			agent={ options.agent ?? makeAgent( { mode: 'observe' } ) }
			openItems={ options.openItems ?? OPEN }
			isAdmin={ options.isAdmin ?? true }
			isBusy={ false }
			error={ options.error ?? null }
			onSubmit={ onSubmit }
			onCancel={ () => undefined }
		/>
	);
	const dialog = within( screen.getByRole( 'dialog' ) );
	return { dialog, onSubmit };
}

describe( 'leavesObserve', () => {
	it( 'is only observe → canary or active', () => {
		expect( leavesObserve( 'observe', 'active' ) ).toBe( true );
		expect( leavesObserve( 'observe', 'canary' ) ).toBe( true );
		expect( leavesObserve( 'observe', 'paused' ) ).toBe( false );
		expect( leavesObserve( 'paused', 'active' ) ).toBe( false );
	} );
} );

describe( 'ModeDialog', () => {
	it( 'lists the open items and asks an administrator for a reason', () => {
		const { dialog } = renderDialog();

		fireEvent.click( dialog.getByRole( 'radio', { name: 'Active' } ) );

		expect(
			dialog.getByText( 'The pre-launch checklist has 2 open items:' )
		).toBeTruthy();
		expect( dialog.getByText( 'Kill switch tested' ) ).toBeTruthy();
		expect(
			dialog.getByLabelText( 'Reason for overriding the checklist' )
		).toBeTruthy();
		expect(
			dialog.getByRole( 'button', { name: 'Override and change mode' } )
		).toBeTruthy();
	} );

	it( 'refuses a reason shorter than 10 characters, says why and goes back to it', () => {
		const { dialog, onSubmit } = renderDialog();
		fireEvent.click( dialog.getByRole( 'radio', { name: 'Active' } ) );
		const reason = dialog.getByLabelText(
			'Reason for overriding the checklist'
		);

		fireEvent.change( reason, { target: { value: '  too short ' } } );
		fireEvent.click(
			dialog.getByRole( 'button', { name: 'Override and change mode' } )
		);

		expect( onSubmit ).not.toHaveBeenCalled();
		expect( dialog.getByRole( 'alert' ).textContent ).toContain(
			'10 characters or more'
		);
		expect( reason.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
		expect( reason.ownerDocument.activeElement ).toBe( reason );
	} );

	it( 'sends the mode with the trimmed reason', () => {
		const { dialog, onSubmit } = renderDialog();
		fireEvent.click( dialog.getByRole( 'radio', { name: 'Canary' } ) );

		fireEvent.change(
			dialog.getByLabelText( 'Reason for overriding the checklist' ),
			{ target: { value: '  Owner signed off on the launch.  ' } }
		);
		fireEvent.click(
			dialog.getByRole( 'button', { name: 'Override and change mode' } )
		);

		expect( onSubmit ).toHaveBeenCalledWith( {
			mode: 'canary',
			override_reason: 'Owner signed off on the launch.',
		} );
	} );

	it( 'lets no one but an administrator override', () => {
		const { dialog, onSubmit } = renderDialog( { isAdmin: false } );
		fireEvent.click( dialog.getByRole( 'radio', { name: 'Active' } ) );

		expect(
			dialog.queryByLabelText( 'Reason for overriding the checklist' )
		).toBeNull();
		expect(
			dialog.getByText(
				/Only an administrator can override the checklist/
			)
		).toBeTruthy();
		const button = dialog.getByRole( 'button', {
			name: 'Override and change mode',
		} );
		expect( button.hasAttribute( 'disabled' ) ).toBe( true );
		fireEvent.click( button );
		expect( onSubmit ).not.toHaveBeenCalled();
	} );

	it( 'asks nothing when the checklist is complete, or when the move does not leave observe mode', () => {
		const complete = renderDialog( { openItems: [] } );
		fireEvent.click(
			complete.dialog.getByRole( 'radio', { name: 'Active' } )
		);
		fireEvent.click(
			complete.dialog.getByRole( 'button', { name: 'Change mode' } )
		);
		expect( complete.onSubmit ).toHaveBeenCalledWith( { mode: 'active' } );
	} );

	it( 'pauses an observing agent without the gate', () => {
		const { dialog, onSubmit } = renderDialog();

		fireEvent.click( dialog.getByRole( 'radio', { name: 'Paused' } ) );
		expect(
			dialog.queryByLabelText( 'Reason for overriding the checklist' )
		).toBeNull();
		fireEvent.click(
			dialog.getByRole( 'button', { name: 'Change mode' } )
		);

		expect( onSubmit ).toHaveBeenCalledWith( { mode: 'paused' } );
	} );

	it( 'marks the current mode and will not "change" to it', () => {
		const { dialog, onSubmit } = renderDialog( {
			agent: makeAgent( { mode: 'active' } ),
		} );

		expect(
			dialog.getByRole( 'radio', { name: 'Active (current)' } )
		).toBeTruthy();
		fireEvent.click(
			dialog.getByRole( 'button', { name: 'Change mode' } )
		);
		expect( onSubmit ).not.toHaveBeenCalled();
	} );

	it( 'shows why the last attempt failed', () => {
		const { dialog } = renderDialog( {
			error: new ApiError( {
				code: 'agent_guard_agent_archived',
				message:
					'This agent is archived; its policy can no longer change.',
				status: 409,
			} ),
		} );

		expect( dialog.getByText( 'The mode was not changed.' ) ).toBeTruthy();
		expect( dialog.getByText( /This agent is archived/ ) ).toBeTruthy();
	} );
} );

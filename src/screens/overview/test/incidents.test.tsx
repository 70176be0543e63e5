/**
 * External dependencies
 */
import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { CloseIncidentDialog } from '../components/close-incident-dialog';
import { IncidentsList } from '../components/incidents-list';
import {
	makeIncident,
	makeIncidentAction,
} from '../../../test-utils/ops-factories';

const NOW = Date.parse( '2026-11-21T06:44:00Z' );

describe( 'IncidentsList', () => {
	it( 'shows what tripped, for which agent and since when', () => {
		const { container } = render(
			<IncidentsList incidents={ [ makeIncident() ] } now={ NOW } />
		);
		const view = within( container );

		expect(
			view.getByText(
				'Circuit breaker: 21 failed actions in 5 minutes (limit 20).'
			)
		).toBeTruthy();
		expect( view.getByText( 'Too many failed actions' ) ).toBeTruthy();
		expect( view.getByText( 'Nightly repricer' ) ).toBeTruthy();
		expect( view.getByText( '3 minutes ago' ) ).toBeTruthy();
	} );

	it( 'keeps the evidence behind a disclosure: counts and the last actions', () => {
		const { container } = render(
			<IncidentsList
				now={ NOW }
				incidents={ [
					makeIncident( {
						evidence: {
							counts: { failures: 21 },
							recent_actions: [
								makeIncidentAction( { id: 2 } ),
								makeIncidentAction( {
									id: 1,
									method: '',
									route: '',
									decision: '',
									action: '',
									target_type: 'token',
									target_id: '4',
									status: 0,
								} ),
							],
						},
					} ),
				] }
			/>
		);
		const details = container.querySelector( 'details' );
		if ( ! details ) {
			throw new Error( 'No evidence disclosure.' );
		}
		const evidence = within( details );

		expect( details.open ).toBe( false );
		expect(
			evidence.getByText( 'Evidence: the agent’s last 2 actions' )
		).toBeTruthy();
		expect( evidence.getByText( 'Failed actions' ) ).toBeTruthy();
		expect( evidence.getByText( '21' ) ).toBeTruthy();
		const rows = evidence.getAllByRole( 'row' ).slice( 1 );
		expect( rows ).toHaveLength( 2 );
		expect( rows[ 0 ]?.textContent ).toContain( 'PUT /wc/v3/products/12' );
		expect( rows[ 0 ]?.textContent ).toContain( 'Allowed, store error' );
		expect( rows[ 1 ]?.textContent ).toContain( 'Not a request' );
		expect( rows[ 1 ]?.textContent ).toContain( 'token 4' );
	} );

	it( 'reads evidence sent empty as no evidence', () => {
		const { container } = render(
			<IncidentsList
				now={ NOW }
				incidents={ [ makeIncident( { evidence: {} } ) ] }
			/>
		);

		expect(
			within( container ).getByText( 'No action was kept as evidence.' )
		).toBeTruthy();
	} );

	it( 'offers Close only to a reader who may close incidents', () => {
		const onClose = jest.fn();
		const incident = makeIncident();
		const withClose = render(
			<IncidentsList
				incidents={ [ incident ] }
				now={ NOW }
				onClose={ onClose }
			/>
		);
		fireEvent.click(
			within( withClose.container ).getByRole( 'button', {
				name: /^Close incident: Circuit breaker/,
			} )
		);
		expect( onClose ).toHaveBeenCalledWith( incident );
		withClose.unmount();

		const readOnly = render(
			<IncidentsList incidents={ [ incident ] } now={ NOW } />
		);
		expect(
			within( readOnly.container ).queryByRole( 'button' )
		).toBeNull();
	} );

	it( 'says so when no incident is open', () => {
		const { container } = render(
			<IncidentsList incidents={ [] } now={ NOW } />
		);

		expect(
			within( container ).getByText( 'No incident is open.' )
		).toBeTruthy();
	} );
} );

describe( 'CloseIncidentDialog', () => {
	function renderDialog() {
		const onSubmit = jest.fn();
		const onCancel = jest.fn();
		render(
			<CloseIncidentDialog
				incident={ makeIncident() }
				onSubmit={ onSubmit }
				onCancel={ onCancel }
				isBusy={ false }
				error={ null }
			/>
		);
		const dialog = within(
			screen.getByRole( 'dialog', { name: 'Close this incident' } )
		);
		return { dialog, onSubmit, onCancel };
	}

	it( 'refuses to close without a note, and says why', () => {
		const { dialog, onSubmit } = renderDialog();

		fireEvent.change( dialog.getByLabelText( 'Note (required)' ), {
			target: { value: '   ' },
		} );
		fireEvent.click(
			dialog.getByRole( 'button', { name: 'Close incident' } )
		);

		expect( onSubmit ).not.toHaveBeenCalled();
		const field = dialog.getByLabelText( 'Note (required)' );
		expect( field.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
		expect(
			dialog.getByText(
				'Write what happened and what was done before closing the incident.'
			)
		).toBeTruthy();
	} );

	it( 'closes with the note, trimmed', () => {
		const { dialog, onSubmit } = renderDialog();

		fireEvent.change( dialog.getByLabelText( 'Note (required)' ), {
			target: { value: '  Supplier fixed the feed; resumed by hand.  ' },
		} );
		fireEvent.click(
			dialog.getByRole( 'button', { name: 'Close incident' } )
		);

		expect( onSubmit ).toHaveBeenCalledWith(
			'Supplier fixed the feed; resumed by hand.'
		);
	} );

	it( 'cancels without sending', () => {
		const { dialog, onSubmit, onCancel } = renderDialog();

		fireEvent.click( dialog.getByRole( 'button', { name: 'Cancel' } ) );

		expect( onCancel ).toHaveBeenCalled();
		expect( onSubmit ).not.toHaveBeenCalled();
	} );
} );

/**
 * External dependencies
 */
import { describe, expect, it, jest } from '@jest/globals';
import { act, fireEvent, render, screen, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { ApiError } from '../../../api/errors';
import type { HaltState } from '../../../api/halt';
import { HaltBanner } from '../components/halt-banner';
import {
	makeHaltState,
	makeHaltedState,
} from '../../../test-utils/ops-factories';

const NOW = Date.parse( '2026-11-21T06:44:00Z' );

function renderBanner(
	state: HaltState,
	options: {
		canHalt?: boolean;
		onHalt?: ( reason: string ) => Promise< unknown >;
		onResume?: () => Promise< unknown >;
		error?: Error | null;
	} = {}
) {
	const onHalt = jest.fn(
		options.onHalt ?? ( () => Promise.resolve( undefined ) )
	);
	const onResume = jest.fn(
		options.onResume ?? ( () => Promise.resolve( undefined ) )
	);
	const onCancel = jest.fn();
	const { container } = render(
		<HaltBanner
			state={ state }
			now={ NOW }
			canHalt={ options.canHalt ?? true }
			onHalt={ onHalt }
			onResume={ onResume }
			isBusy={ false }
			error={ options.error ?? null }
			onCancel={ onCancel }
		/>
	);
	return { view: within( container ), onHalt, onResume, onCancel };
}

describe( 'HaltBanner while agents run', () => {
	it( 'says agents are running and offers a reason and a Halt button', () => {
		const { view } = renderBanner( makeHaltState() );

		expect(
			view.getByRole( 'region', { name: 'Agents running' } )
		).toBeTruthy();
		expect( view.getByLabelText( 'Reason for halting' ) ).toBeTruthy();
		expect(
			view.getByRole( 'button', { name: 'Halt all agents' } )
		).toBeTruthy();
	} );

	it( 'halts only after confirmation, with the reason typed', async () => {
		const { view, onHalt } = renderBanner( makeHaltState() );

		fireEvent.change( view.getByLabelText( 'Reason for halting' ), {
			target: { value: '  Supplier feed is broken  ' },
		} );
		fireEvent.click(
			view.getByRole( 'button', { name: 'Halt all agents' } )
		);

		expect( onHalt ).not.toHaveBeenCalled();
		const dialog = screen.getByRole( 'dialog', {
			name: 'Halt all agents?',
		} );
		expect(
			within( dialog ).getByText( 'Supplier feed is broken' )
		).toBeTruthy();
		await act( async () => {
			fireEvent.click(
				within( dialog ).getByRole( 'button', {
					name: 'Halt all agents',
				} )
			);
		} );

		expect( onHalt ).toHaveBeenCalledWith( 'Supplier feed is broken' );
		expect( screen.queryByRole( 'dialog' ) ).toBeNull();
	} );

	it( 'sends nothing when the confirmation is cancelled', () => {
		const { view, onHalt, onCancel } = renderBanner( makeHaltState() );

		fireEvent.click(
			view.getByRole( 'button', { name: 'Halt all agents' } )
		);
		fireEvent.click( screen.getByRole( 'button', { name: 'Cancel' } ) );

		expect( onHalt ).not.toHaveBeenCalled();
		expect( onCancel ).toHaveBeenCalled();
		expect( screen.queryByRole( 'dialog' ) ).toBeNull();
	} );

	it( 'keeps the dialog open with the server’s refusal when halting fails', async () => {
		const refusal = new ApiError( {
			code: 'agent_guard_forbidden',
			message: 'Sorry, you are not allowed to do that.',
			status: 403,
		} );
		const { view } = renderBanner( makeHaltState(), {
			onHalt: () => Promise.reject( refusal ),
			error: refusal,
		} );

		fireEvent.click(
			view.getByRole( 'button', { name: 'Halt all agents' } )
		);
		const dialog = screen.getByRole( 'dialog' );
		await act( async () => {
			fireEvent.click(
				within( dialog ).getByRole( 'button', {
					name: 'Halt all agents',
				} )
			);
		} );

		expect( screen.getByRole( 'dialog' ) ).toBeTruthy();
		expect(
			within( screen.getByRole( 'dialog' ) ).getByText(
				/Sorry, you are not allowed to do that\./
			)
		).toBeTruthy();
	} );

	it( 'offers no Halt button to a reader without the halt capability', () => {
		const { view } = renderBanner( makeHaltState(), { canHalt: false } );

		expect( view.getByText( 'Agents running' ) ).toBeTruthy();
		expect( view.queryByRole( 'button' ) ).toBeNull();
		expect( view.queryByLabelText( 'Reason for halting' ) ).toBeNull();
	} );
} );

describe( 'HaltBanner while agents are halted', () => {
	it( 'shows the reason, who halted and when', () => {
		const { view } = renderBanner( makeHaltedState() );

		expect(
			view.getByRole( 'region', { name: 'All agents are halted' } )
		).toBeTruthy();
		expect( view.getByText( 'Supplier feed is broken' ) ).toBeTruthy();
		expect( view.getByText( 'Ada Ops' ) ).toBeTruthy();
		expect( view.getByText( '2 minutes ago' ) ).toBeTruthy();
	} );

	it( 'resumes only after confirmation', async () => {
		const { view, onResume } = renderBanner( makeHaltedState() );

		fireEvent.click(
			view.getByRole( 'button', { name: 'Resume agents' } )
		);
		expect( onResume ).not.toHaveBeenCalled();
		const dialog = screen.getByRole( 'dialog', {
			name: 'Resume all agents?',
		} );
		await act( async () => {
			fireEvent.click(
				within( dialog ).getByRole( 'button', {
					name: 'Resume agents',
				} )
			);
		} );

		expect( onResume ).toHaveBeenCalledTimes( 1 );
		expect( screen.queryByRole( 'dialog' ) ).toBeNull();
	} );

	it( 'explains wp-config.php and offers no button when the constant halts them', () => {
		const { view } = renderBanner(
			makeHaltedState( {
				by_constant: true,
				reason: 'AGENT_GUARD_HALT_ALL is set in wp-config.php',
				halted_by: 0,
				halted_by_name: '',
				halted_at: null,
			} )
		);

		expect( view.getByText( /wp-config\.php/ ).textContent ).toContain(
			'there is no button to resume them here'
		);
		expect( view.queryByRole( 'button' ) ).toBeNull();
	} );

	it( 'tells a reader without the halt capability who can resume', () => {
		const { view } = renderBanner( makeHaltedState(), { canHalt: false } );

		expect( view.queryByRole( 'button' ) ).toBeNull();
		expect(
			view.getByText(
				'Only people allowed to halt agents can resume them.'
			)
		).toBeTruthy();
	} );

	it( 'renders a reason with markup as text', () => {
		const { view } = renderBanner(
			makeHaltedState( { reason: '<img src=x onerror="alert(1)">' } )
		);

		expect(
			view.getByText( '<img src=x onerror="alert(1)">' )
		).toBeTruthy();
		expect( document.querySelector( 'img' ) ).toBeNull();
	} );
} );

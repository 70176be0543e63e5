/**
 * External dependencies
 */
import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import { act, fireEvent, render, screen, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { ApiError } from '../../../api/errors';
import { CanaryDial } from '../components/canary-dial';

beforeAll( () => {
	document.documentElement.lang = 'en-US';
} );

function renderDial(
	options: {
		percent?: number;
		nextStep?: number | null;
		canMove?: boolean;
		onMove?: ( percent: number ) => Promise< unknown >;
		error?: Error | null;
	} = {}
) {
	const onMove = jest.fn(
		options.onMove ?? ( () => Promise.resolve( undefined ) )
	);
	const onCancel = jest.fn();
	const { container } = render(
		<CanaryDial
			percent={ options.percent ?? 5 }
			nextStep={ options.nextStep === undefined ? 20 : options.nextStep }
			canMove={ options.canMove ?? true }
			onMove={ onMove }
			isBusy={ false }
			error={ options.error ?? null }
			onCancel={ onCancel }
		/>
	);
	return { view: within( container ), onMove, onCancel };
}

function typeShare( view: ReturnType< typeof within >, text: string ) {
	fireEvent.change( view.getByLabelText( 'Any share, 0 to 100 %' ), {
		target: { value: text },
	} );
	fireEvent.click( view.getByRole( 'button', { name: 'Move the dial' } ) );
}

describe( 'CanaryDial', () => {
	it( 'shows where the dial is and the next usual step', () => {
		const { view } = renderDial();

		expect(
			view.getByText( 'Open to the agent:' ).parentElement?.textContent
		).toBe( 'Open to the agent: 5 %' );
		expect( view.getByText( 'Next usual step: 20 %' ) ).toBeTruthy();
	} );

	it( 'offers the usual steps, the current one pressed and not clickable', () => {
		const { view } = renderDial();
		const steps = within(
			view.getByRole( 'group', { name: 'Usual steps' } )
		).getAllByRole( 'button' );

		expect( steps.map( ( step ) => step.textContent ) ).toEqual( [
			'1 %',
			'5 %',
			'20 %',
			'100 %',
		] );
		const current = steps[ 1 ] as HTMLButtonElement;
		expect( current.getAttribute( 'aria-pressed' ) ).toBe( 'true' );
		expect( current.disabled ).toBe( true );
	} );

	it( 'moves to a step only after confirmation', async () => {
		const { view, onMove } = renderDial();

		fireEvent.click( view.getByRole( 'button', { name: '20 %' } ) );
		expect( onMove ).not.toHaveBeenCalled();
		const dialog = screen.getByRole( 'dialog', {
			name: 'Move the dial to 20 %?',
		} );
		expect( dialog.textContent ).toContain( 'From 5 % to 20 %' );
		expect( dialog.textContent ).toContain( 'audit log' );
		await act( async () => {
			fireEvent.click(
				within( dialog ).getByRole( 'button', {
					name: 'Move the dial',
				} )
			);
		} );

		expect( onMove ).toHaveBeenCalledWith( 20 );
		expect( screen.queryByRole( 'dialog' ) ).toBeNull();
	} );

	it( 'says products leave the canary when the dial goes down', () => {
		const { view } = renderDial( { percent: 20, nextStep: 100 } );

		fireEvent.click( view.getByRole( 'button', { name: '1 %' } ) );

		expect( screen.getByRole( 'dialog' ).textContent ).toContain(
			'Products leave the canary'
		);
	} );

	it( 'moves to any typed value with two decimals, after confirmation', async () => {
		const { view, onMove } = renderDial();

		typeShare( view, '12,5' );
		const dialog = screen.getByRole( 'dialog', {
			name: 'Move the dial to 12.5 %?',
		} );
		await act( async () => {
			fireEvent.click(
				within( dialog ).getByRole( 'button', {
					name: 'Move the dial',
				} )
			);
		} );

		expect( onMove ).toHaveBeenCalledWith( 12.5 );
	} );

	it.each( [
		[ '', 'Enter a percentage from 0 to 100.' ],
		[ '150', 'Enter a percentage from 0 to 100.' ],
		[ '2.345', 'Use at most two decimals.' ],
		[ 'half', 'Enter a number such as 5 or 12.5.' ],
		[ '5', 'The dial is already at 5 %.' ],
	] )( 'refuses “%s” with “%s” and asks nothing', ( text, message ) => {
		const { view, onMove } = renderDial();

		typeShare( view, text );

		expect( view.getByRole( 'alert' ).textContent ).toBe( message );
		expect(
			view
				.getByLabelText( 'Any share, 0 to 100 %' )
				.getAttribute( 'aria-invalid' )
		).toBe( 'true' );
		expect( screen.queryByRole( 'dialog' ) ).toBeNull();
		expect( onMove ).not.toHaveBeenCalled();
	} );

	it( 'sends nothing when the confirmation is cancelled', () => {
		const { view, onMove, onCancel } = renderDial();

		fireEvent.click( view.getByRole( 'button', { name: '100 %' } ) );
		fireEvent.click( screen.getByRole( 'button', { name: 'Cancel' } ) );

		expect( onMove ).not.toHaveBeenCalled();
		expect( onCancel ).toHaveBeenCalled();
		expect( screen.queryByRole( 'dialog' ) ).toBeNull();
	} );

	it( 'keeps the dialog open with the server’s refusal', async () => {
		const refusal = new ApiError( {
			code: 'agent_guard_invalid',
			message:
				'The canary percentage is a number from 0 to 100 with at most two decimals.',
			status: 400,
		} );
		const { view } = renderDial( {
			onMove: () => Promise.reject( refusal ),
			error: refusal,
		} );

		fireEvent.click( view.getByRole( 'button', { name: '20 %' } ) );
		await act( async () => {
			fireEvent.click(
				within( screen.getByRole( 'dialog' ) ).getByRole( 'button', {
					name: 'Move the dial',
				} )
			);
		} );

		expect( screen.getByRole( 'dialog' ).textContent ).toContain(
			'at most two decimals'
		);
	} );

	it( 'lets a reader without the manage capability see the dial but not move it', () => {
		const { view } = renderDial( { canMove: false } );

		expect( view.getByText( '5 %' ) ).toBeTruthy();
		expect( view.queryByRole( 'button' ) ).toBeNull();
		expect( view.queryByRole( 'textbox' ) ).toBeNull();
		expect(
			view.getByText( 'Only people who manage agents can move the dial.' )
		).toBeTruthy();
	} );

	it( 'says every product is open at 100 %', () => {
		const { view } = renderDial( { percent: 100, nextStep: null } );

		expect(
			view.getByText(
				'The dial is at 100 %: every product is open to the agent.'
			)
		).toBeTruthy();
	} );
} );

/**
 * External dependencies
 */
import { describe, expect, it, jest } from '@jest/globals';
import { render, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { App } from './app';
import { ErrorBoundary } from './error-boundary';
import { makeInitialState } from '../test-utils/factories';
import { createTestQueryClient } from '../test-utils/render';

describe( 'App', () => {
	it( 'loads the screen named by data-screen', async () => {
		const { container } = render(
			<App
				screen="approvals"
				initialState={ makeInitialState() }
				queryClient={ createTestQueryClient() }
			/>
		);

		const view = within( container );

		expect(
			await view.findByRole( 'heading', { level: 1, name: 'Approvals' } )
		).toBeTruthy();
	} );

	it( 'says which screen it does not know', () => {
		const { container } = render(
			<App
				screen="settings"
				initialState={ makeInitialState() }
				queryClient={ createTestQueryClient() }
			/>
		);

		expect(
			within( container ).getByText(
				'Agent Guard has no screen called “settings”.'
			)
		).toBeTruthy();
	} );
} );

describe( 'ErrorBoundary', () => {
	it( 'shows the error in words instead of an empty page', () => {
		const consoleError = jest
			.spyOn( console, 'error' )
			.mockImplementation( () => undefined );
		const Broken = () => {
			throw new Error( 'The agents list exploded.' );
		};

		const { container } = render(
			<ErrorBoundary>
				<Broken />
			</ErrorBoundary>
		);

		const view = within( container );
		expect(
			view.getByText( 'Agent Guard could not show this screen.' )
		).toBeTruthy();
		expect( view.getByText( 'The agents list exploded.' ) ).toBeTruthy();
		expect(
			view.getByRole( 'button', { name: 'Reload the page' } )
		).toBeTruthy();
		consoleError.mockRestore();
	} );
} );

/**
 * External dependencies
 */
import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { ApiError } from '../api/errors';
import { QueryView } from './query-view';

const forbidden = new ApiError( {
	code: 'agent_guard_forbidden',
	message: 'Sorry, you are not allowed to do that.',
	status: 403,
} );

function renderView( query: {
	data: string[] | undefined;
	error: Error | null;
	isPending: boolean;
} ) {
	// Like react-query's refetch, it never rejects (here: never settles).
	const refetch = jest.fn( () => new Promise< never >( () => undefined ) );
	const { container } = render(
		<QueryView
			query={ { ...query, refetch } }
			loadingLabel="Loading the agents…"
			errorTitle="Could not load the agents."
		>
			{ ( data ) => (
				<ul>
					{ data.map( ( d ) => (
						<li key={ d }>{ d }</li>
					) ) }
				</ul>
			) }
		</QueryView>
	);
	return { view: within( container ), refetch };
}

describe( 'QueryView', () => {
	it( 'shows the loading label while the first answer is pending', () => {
		const { view } = renderView( {
			data: undefined,
			error: null,
			isPending: true,
		} );

		expect( view.getByRole( 'status' ).textContent ).toContain(
			'Loading the agents…'
		);
	} );

	it( 'shows what failed, the server’s message, its code and status, and a retry', () => {
		const { view, refetch } = renderView( {
			data: undefined,
			error: forbidden,
			isPending: false,
		} );

		expect( view.getByText( 'Could not load the agents.' ) ).toBeTruthy();
		expect(
			view.getByText( /Sorry, you are not allowed to do that\./ )
				.textContent
		).toContain( 'agent_guard_forbidden, HTTP 403' );
		fireEvent.click( view.getByRole( 'button', { name: 'Try again' } ) );
		expect( refetch ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'keeps showing the data when a refresh fails, under a warning', () => {
		const { view } = renderView( {
			data: [ 'Nightly repricer' ],
			error: forbidden,
			isPending: false,
		} );

		expect( view.getByText( 'Nightly repricer' ) ).toBeTruthy();
		expect(
			view.getByText( 'Could not refresh; showing the last answer.' )
		).toBeTruthy();
	} );

	it( 'renders only the data when all is well', () => {
		const { view } = renderView( {
			data: [ 'Nightly repricer' ],
			error: null,
			isPending: false,
		} );

		expect( view.getByText( 'Nightly repricer' ) ).toBeTruthy();
		expect(
			view.queryByRole( 'button', { name: 'Try again' } )
		).toBeNull();
	} );
} );

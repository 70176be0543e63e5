/**
 * External dependencies
 */
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { act, fireEvent, render, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { TokenSecret } from '../components/token-secret';

const SECRET = 'agk_9u73v05Iufh5Ztvg4thAcwTKv3KqYdISyehIKcbchH5Q';

function stubClipboard( writeText: ( text: string ) => Promise< void > ) {
	Object.defineProperty( window.navigator, 'clipboard', {
		value: { writeText },
		configurable: true,
	} );
}

afterEach( () => {
	Reflect.deleteProperty( window.navigator, 'clipboard' );
} );

describe( 'TokenSecret', () => {
	it( 'shows the secret once, in a labelled read-only field, with the not-again warning', () => {
		const { container } = render(
			<TokenSecret secret={ SECRET } onDone={ () => undefined } />
		);
		const view = within( container );
		const field = view.getByLabelText( 'Token' );

		expect( ( field as HTMLInputElement ).value ).toBe( SECRET );
		expect( field.hasAttribute( 'readonly' ) ).toBe( true );
		expect( view.getByText( /You will not see it again/ ) ).toBeTruthy();
	} );

	it( 'copies the secret to the clipboard and says so', async () => {
		const writeText = jest.fn( async ( text: string ) => {
			expect( text ).toBe( SECRET );
		} );
		stubClipboard( writeText );
		const { container } = render(
			<TokenSecret secret={ SECRET } onDone={ () => undefined } />
		);
		const view = within( container );

		await act( async () => {
			fireEvent.click(
				view.getByRole( 'button', { name: 'Copy token' } )
			);
		} );

		expect( writeText ).toHaveBeenCalledTimes( 1 );
		expect( view.getByRole( 'status' ).textContent ).toBe(
			'Copied to the clipboard.'
		);
	} );

	it( 'tells the person to copy it by hand when copying fails', async () => {
		stubClipboard( async () => {
			throw new Error( 'Denied' );
		} );
		document.execCommand = () => false;
		const { container } = render(
			<TokenSecret secret={ SECRET } onDone={ () => undefined } />
		);
		const view = within( container );

		await act( async () => {
			fireEvent.click(
				view.getByRole( 'button', { name: 'Copy token' } )
			);
		} );

		expect( view.getByRole( 'status' ).textContent ).toContain(
			'Could not copy.'
		);
	} );

	it( 'lets the person say they are done', () => {
		const onDone = jest.fn();
		const { container } = render(
			<TokenSecret secret={ SECRET } onDone={ onDone } />
		);

		fireEvent.click(
			within( container ).getByRole( 'button', {
				name: 'I have copied it',
			} )
		);

		expect( onDone ).toHaveBeenCalledTimes( 1 );
	} );
} );

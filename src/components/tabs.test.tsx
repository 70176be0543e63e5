/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import { useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { Tabs } from './tabs';

const TABS = [
	{ name: 'overview', title: 'Overview' },
	{ name: 'policy', title: 'Policy' },
	{ name: 'checklist', title: 'Checklist', note: '(5 open)' },
];

function Harness( { keepMounted }: { keepMounted?: string[] } ) {
	const [ selected, setSelected ] = useState( 'overview' );
	return (
		<Tabs
			tabs={ TABS }
			selected={ selected }
			onSelect={ setSelected }
			label="Agent"
			keepMounted={ keepMounted }
		>
			{ ( tab ) =>
				tab.name === 'policy' ? (
					<input aria-label="Draft" defaultValue="" />
				) : (
					<p>{ `${ tab.title } panel` }</p>
				)
			}
		</Tabs>
	);
}

describe( 'Tabs', () => {
	it( 'shows the selected tab’s panel, labelled by its tab, with one tab stop', () => {
		render( <Harness /> );

		const tabs = screen.getAllByRole( 'tab' );
		expect( tabs.map( ( t ) => t.getAttribute( 'tabindex' ) ) ).toEqual( [
			'0',
			'-1',
			'-1',
		] );
		expect(
			screen.getByRole( 'tabpanel', { name: 'Overview' } ).textContent
		).toBe( 'Overview panel' );
		expect(
			screen.getByRole( 'tab', { name: 'Checklist (5 open)' } )
		).toBeTruthy();
	} );

	it( 'moves with the arrow keys, Home and End, and takes focus along', () => {
		render( <Harness /> );
		const list = screen.getByRole( 'tablist', { name: 'Agent' } );

		fireEvent.keyDown( list, { key: 'ArrowRight' } );
		expect(
			screen
				.getByRole( 'tab', { name: 'Policy' } )
				.getAttribute( 'aria-selected' )
		).toBe( 'true' );
		expect( list.ownerDocument.activeElement?.textContent ).toBe(
			'Policy'
		);

		fireEvent.keyDown( list, { key: 'End' } );
		expect( screen.getByRole( 'tabpanel' ).textContent ).toBe(
			'Checklist panel'
		);
		fireEvent.keyDown( list, { key: 'ArrowRight' } );
		expect( screen.getByRole( 'tabpanel' ).textContent ).toBe(
			'Overview panel'
		);
		fireEvent.keyDown( list, { key: 'ArrowLeft' } );
		expect( screen.getByRole( 'tabpanel' ).textContent ).toBe(
			'Checklist panel'
		);
	} );

	it( 'keeps what was typed in a kept panel when another tab is opened', () => {
		render( <Harness keepMounted={ [ 'policy' ] } /> );

		fireEvent.click( screen.getByRole( 'tab', { name: 'Policy' } ) );
		fireEvent.change( screen.getByLabelText( 'Draft' ), {
			target: { value: 'unsaved' },
		} );
		fireEvent.click( screen.getByRole( 'tab', { name: /Checklist/ } ) );

		expect(
			screen.queryByRole( 'tabpanel', { name: 'Policy' } )
		).toBeNull();
		fireEvent.click( screen.getByRole( 'tab', { name: 'Policy' } ) );
		expect(
			( screen.getByLabelText( 'Draft' ) as HTMLInputElement ).value
		).toBe( 'unsaved' );
	} );

	it( 'forgets an unkept panel', () => {
		render( <Harness /> );

		fireEvent.click( screen.getByRole( 'tab', { name: 'Policy' } ) );
		fireEvent.change( screen.getByLabelText( 'Draft' ), {
			target: { value: 'unsaved' },
		} );
		fireEvent.click( screen.getByRole( 'tab', { name: 'Overview' } ) );
		fireEvent.click( screen.getByRole( 'tab', { name: 'Policy' } ) );

		expect(
			( screen.getByLabelText( 'Draft' ) as HTMLInputElement ).value
		).toBe( '' );
	} );
} );

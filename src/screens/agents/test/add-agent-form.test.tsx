/**
 * External dependencies
 */
import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { ApiError } from '../../../api/errors';
import type { NewAgent } from '../../../api/agents';
import { policyTemplateSchema } from '../../../schemas';
import { AddAgentForm } from '../components/add-agent-form';
import { parse } from '../../../api/client';
import recordedTemplates from '../../../test-utils/fixtures/templates.json';
import { z } from 'zod';

const templates = parse( z.array( policyTemplateSchema ), recordedTemplates );

function renderForm( error: Error | null = null ) {
	const onSubmit = jest.fn< ( input: NewAgent ) => void >();
	const { container } = render(
		<AddAgentForm
			templates={ templates }
			owners={ [
				{ id: 1, name: 'admin' },
				{ id: 4, name: 'Maria Manager' },
			] }
			currentUser={ { id: 1, name: 'admin' } }
			onSubmit={ onSubmit }
			onCancel={ () => undefined }
			isSubmitting={ false }
			error={ error }
		/>
	);
	return { view: within( container ), onSubmit };
}

describe( 'AddAgentForm', () => {
	it( 'offers every template and describes the chosen one', () => {
		const { view } = renderForm();
		const select = view.getByLabelText( 'Starting policy' );

		expect(
			within( select )
				.getAllByRole( 'option' )
				.map( ( o ) => o.textContent )
		).toEqual( templates.map( ( t ) => t.label ) );
		fireEvent.change( select, { target: { value: 'pricing' } } );
		expect(
			view.getByText( /Reads and updates product prices/ )
		).toBeTruthy();
	} );

	it( 'submits the trimmed name, purpose, owner, risk and template', () => {
		const { view, onSubmit } = renderForm();

		fireEvent.change( view.getByLabelText( 'Name' ), {
			target: { value: '  Stock keeper ' },
		} );
		fireEvent.change( view.getByLabelText( 'Purpose' ), {
			target: { value: 'Keeps stock counts right.' },
		} );
		fireEvent.change( view.getByLabelText( 'Starting policy' ), {
			target: { value: 'inventory' },
		} );
		fireEvent.change( view.getByLabelText( 'Risk' ), {
			target: { value: 'high' },
		} );
		fireEvent.change( view.getByLabelText( 'Owner' ), {
			target: { value: '4' },
		} );
		fireEvent.click( view.getByRole( 'button', { name: 'Add agent' } ) );

		expect( onSubmit ).toHaveBeenCalledWith( {
			name: 'Stock keeper',
			purpose: 'Keeps stock counts right.',
			owner_user_id: 4,
			risk_tier: 'high',
			template: 'inventory',
		} );
	} );

	it( 'makes the person adding the agent its owner unless another is chosen', () => {
		const { view, onSubmit } = renderForm();

		fireEvent.change( view.getByLabelText( 'Name' ), {
			target: { value: 'Repricer' },
		} );
		fireEvent.click( view.getByRole( 'button', { name: 'Add agent' } ) );

		expect( onSubmit ).toHaveBeenCalledWith(
			expect.objectContaining( { owner_user_id: 1 } )
		);
	} );

	it( 'asks for a name instead of submitting without one', () => {
		const { view, onSubmit } = renderForm();

		fireEvent.click( view.getByRole( 'button', { name: 'Add agent' } ) );

		expect( onSubmit ).not.toHaveBeenCalled();
		expect( view.getByRole( 'alert' ).textContent ).toBe(
			'Give the agent a name.'
		);
		expect(
			view.getByLabelText( 'Name' ).getAttribute( 'aria-invalid' )
		).toBe( 'true' );
	} );

	it( 'shows why the server refused the last attempt', () => {
		const { view } = renderForm(
			new ApiError( {
				code: 'rest_invalid_param',
				message: 'Invalid parameter(s): name',
				status: 400,
				path: 'name',
			} )
		);

		expect( view.getByText( 'The agent was not created.' ) ).toBeTruthy();
		expect(
			view.getByText( /Invalid parameter\(s\): name/ ).textContent
		).toContain( 'field name' );
	} );
} );

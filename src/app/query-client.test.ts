/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import { ApiError } from '../api/errors';
import { shouldRetry } from './query-client';

describe( 'shouldRetry', () => {
	it( 'does not retry a refusal (4xx)', () => {
		const forbidden = new ApiError( {
			code: 'agent_guard_forbidden',
			message: 'No.',
			status: 403,
		} );

		expect( shouldRetry( 0, forbidden ) ).toBe( false );
	} );

	it( 'does not retry an answer of the wrong shape', () => {
		const invalid = new ApiError( {
			code: 'agent_guard_invalid_response',
			message: 'Bad shape.',
		} );

		expect( shouldRetry( 0, invalid ) ).toBe( false );
	} );

	it( 'retries a server error or a lost connection twice', () => {
		const serverError = new ApiError( {
			code: 'internal_server_error',
			message: 'Oops.',
			status: 500,
		} );
		const offline = new ApiError( {
			code: 'fetch_error',
			message: 'You are probably offline.',
		} );

		expect( shouldRetry( 0, serverError ) ).toBe( true );
		expect( shouldRetry( 1, offline ) ).toBe( true );
		expect( shouldRetry( 2, offline ) ).toBe( false );
	} );
} );

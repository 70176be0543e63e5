/**
 * apiFetch as a test file's `jest.mock( '@wordpress/api-fetch' )` leaves it, and the
 * ways the tests answer it. The test file itself must call
 * `jest.mock( '@wordpress/api-fetch' )`: Jest hoists that call within the test file only.
 *
 *     jest.mock( '@wordpress/api-fetch' );
 *     serveRoutes( {
 *         'GET /agent-guard/v1/agents': () => reply( [ makeAgent() ], { total: 1 } ),
 *     } );
 */

/**
 * External dependencies
 */
import { jest } from '@jest/globals';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import {
	type ApiFetchCall,
	type FakeRoute,
	fakeApiFetch,
} from './fake-api-fetch';

/** The mocked apiFetch, for its calls and `mockReset()` between tests. */
export const mockedApiFetch = jest.mocked( apiFetch as ApiFetchCall );

/**
 * Answers apiFetch from `routes` ("METHOD /path", query ignored); any other route fails
 * the test.
 *
 * @param routes Route => answer.
 */
export function serveRoutes( routes: Record< string, FakeRoute > ): void {
	mockedApiFetch.mockImplementation( fakeApiFetch( routes ) );
}

/**
 * Answers one route only.
 *
 * @param route  "METHOD /path".
 * @param answer The answer, worked out at each call.
 */
export function serveRoute( route: string, answer: FakeRoute ): void {
	serveRoutes( { [ route ]: answer } );
}

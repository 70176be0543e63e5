/**
 * When the queue refreshes by itself: while it lists pending items (new ones arrive) or
 * shows items that can still change; a history of final decisions does not poll.
 */

/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import { APPROVALS_KEY } from '../../../api/query-keys';
import { LIVE_REFRESH_MS } from '../../../app/query-client';
import {
	approvalQuery,
	approvalsListQuery,
	listIsLive,
} from '../data/query-options';
import { makeApproval } from '../../../test-utils/approval-factories';

const page = (
	states: Array< ReturnType< typeof makeApproval >[ 'state' ] >
) => ( {
	items: states.map( ( state, index ) =>
		makeApproval( { id: index + 1, state } )
	),
	total: states.length,
	totalPages: 1,
} );

describe( 'listIsLive', () => {
	it( 'keeps the pending queue live even when it is empty', () => {
		expect( listIsLive( { state: 'pending' }, page( [] ) ) ).toBe( true );
		expect( listIsLive( {}, undefined ) ).toBe( true );
	} );

	it( 'stops polling a history of final decisions', () => {
		expect(
			listIsLive(
				{ state: 'decided' },
				page( [ 'executed', 'rejected', 'conflict' ] )
			)
		).toBe( false );
	} );

	it( 'polls a history while an item still waits to run', () => {
		expect(
			listIsLive(
				{ state: 'decided' },
				page( [ 'executed', 'approved' ] )
			)
		).toBe( true );
	} );
} );

describe( 'query options', () => {
	it( 'key the queue by its filters under the approvals prefix, refreshing only while the tab is visible', () => {
		const options = approvalsListQuery( { state: 'all', page: 2 } );

		expect( options.queryKey ).toEqual( [
			...APPROVALS_KEY,
			'list',
			{ state: 'all', page: 2 },
		] );
		expect( options.refetchIntervalInBackground ).toBe( false );
		expect( approvalQuery( 12 ).queryKey ).toEqual( [
			...APPROVALS_KEY,
			'detail',
			12,
		] );
		expect( LIVE_REFRESH_MS ).toBeGreaterThan( 0 );
	} );
} );

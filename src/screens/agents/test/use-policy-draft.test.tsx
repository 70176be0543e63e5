/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';
import { act, renderHook } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { parse } from '../../../api/client';
import { policyRecordSchema, type PolicyRecord } from '../../../schemas';
import recordedPolicy from '../../../test-utils/fixtures/policy.json';
import { getAt } from '../data/policy-draft';
import { usePolicyDraft } from '../data/use-policy-draft';

const first = parse( policyRecordSchema, recordedPolicy );
const second: PolicyRecord = {
	...first,
	version: 2,
	policy: {
		...first.policy,
		limits: { ...first.policy.limits, writes_per_minute: 9 },
	},
};

describe( 'usePolicyDraft', () => {
	it( 'follows a newer server version while it has no changes', () => {
		const { result, rerender } = renderHook(
			( { server } ) => usePolicyDraft( server ),
			{ initialProps: { server: first } }
		);

		rerender( { server: second } );

		expect( result.current.base.version ).toBe( 2 );
		expect(
			getAt( result.current.draft, 'limits.writes_per_minute' )
		).toBe( 9 );
		expect( result.current.newerVersion ).toBeNull();
	} );

	it( 'keeps its changes and announces a newer version instead of merging it', () => {
		const { result, rerender } = renderHook(
			( { server } ) => usePolicyDraft( server ),
			{ initialProps: { server: first } }
		);

		act( () => result.current.change( 'limits.writes_per_minute', 7 ) );
		rerender( { server: second } );

		expect( result.current.dirty ).toBe( true );
		expect( result.current.base.version ).toBe( 1 );
		expect(
			getAt( result.current.draft, 'limits.writes_per_minute' )
		).toBe( 7 );
		expect( result.current.newerVersion ).toBe( 2 );

		act( () => result.current.reset( second ) );
		expect( result.current.newerVersion ).toBeNull();
		expect( result.current.dirty ).toBe( false );
	} );

	it( 'is clean again when a change is undone or discarded', () => {
		const { result } = renderHook( () => usePolicyDraft( first ) );

		act( () => result.current.change( 'limits.writes_per_minute', 7 ) );
		act( () => result.current.change( 'limits.writes_per_minute', 5 ) );
		expect( result.current.dirty ).toBe( false );

		act( () => result.current.change( 'launch.on_call', 'Maria' ) );
		act( () => result.current.discard() );
		expect( result.current.dirty ).toBe( false );
	} );
} );

/**
 * The fetchers of the kill switch, incidents, canary and metrics, against answers recorded
 * from a real site (src/test-utils/fixtures) and against broken ones.
 */

/**
 * External dependencies
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';

/**
 * Internal dependencies
 */
import { fetchCanary, moveCanaryDial } from './canary';
import { ApiError, INVALID_RESPONSE } from './errors';
import {
	fetchHaltState,
	setAgentHalt,
	setGlobalHalt,
	testKillSwitch,
} from './halt';
import { closeIncident, fetchIncidents } from './incidents';
import { fetchMetrics } from './metrics';
import { makeAgent } from '../test-utils/factories';
import { mockedApiFetch, serveRoute } from '../test-utils/api-fetch-mock';
import { reply, wpError } from '../test-utils/fake-api-fetch';
import recordedAgentResumed from '../test-utils/fixtures/agent-resumed.json';
import recordedCanary from '../test-utils/fixtures/canary.json';
import recordedHalt from '../test-utils/fixtures/halt-halted.json';
import recordedClosed from '../test-utils/fixtures/incident-closed.json';
import recordedIncidents from '../test-utils/fixtures/incidents-open.json';
import recordedTest from '../test-utils/fixtures/kill-switch-test.json';
import recordedMetrics from '../test-utils/fixtures/metrics-halted.json';

jest.mock( '@wordpress/api-fetch' );

async function rejection( promise: Promise< unknown > ): Promise< ApiError > {
	const error = await promise.then(
		() => null,
		( e: unknown ) => e
	);
	if ( ! ( error instanceof ApiError ) ) {
		throw new Error( 'Expected an ApiError.' );
	}
	return error;
}

beforeEach( () => {
	mockedApiFetch.mockReset();
} );

describe( 'halt', () => {
	it( 'parses GET halt as the site sent it while halted', async () => {
		serveRoute( 'GET /agent-guard/v1/halt', () => reply( recordedHalt ) );

		const state = await fetchHaltState();

		expect( state ).toEqual( recordedHalt );
		expect( state.halted ).toBe( true );
	} );

	it( 'refuses a halt state whose flag is not a boolean, naming the field', async () => {
		serveRoute( 'GET /agent-guard/v1/halt', () =>
			reply( { ...recordedHalt, halted: 'yes' } )
		);

		const error = await rejection( fetchHaltState() );

		expect( error.code ).toBe( INVALID_RESPONSE );
		expect( error.path ).toBe( 'halted' );
	} );

	it( 'posts the switch and its reason, and returns the new state', async () => {
		serveRoute( 'POST /agent-guard/v1/halt', () => reply( recordedHalt ) );

		const state = await setGlobalHalt( {
			halted: true,
			reason: 'Supplier feed is broken',
		} );

		expect( state.reason ).toBe( 'Supplier feed is broken' );
		expect( mockedApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( {
				method: 'POST',
				path: '/agent-guard/v1/halt',
				data: { halted: true, reason: 'Supplier feed is broken' },
			} )
		);
	} );

	it( 'resumes one agent and parses its control state', async () => {
		serveRoute( 'POST /agent-guard/v1/agents/1/halt', () =>
			reply( recordedAgentResumed )
		);

		const agent = await setAgentHalt( 1, { halted: false } );

		expect( agent ).toEqual( recordedAgentResumed );
		expect( mockedApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( { data: { halted: false } } )
		);
	} );

	it( 'refuses an agent state without its canary stage', async () => {
		const { canary_next: _omitted, ...broken } = recordedAgentResumed;
		serveRoute( 'POST /agent-guard/v1/agents/1/halt', () =>
			reply( broken )
		);

		const error = await rejection( setAgentHalt( 1, { halted: true } ) );

		expect( error.path ).toBe( 'canary_next' );
	} );

	it( 'passes on the server’s refusal of a person without the halt capability', async () => {
		serveRoute( 'POST /agent-guard/v1/halt', () =>
			wpError(
				403,
				'agent_guard_forbidden',
				'Sorry, you are not allowed to do that.'
			)
		);

		const error = await rejection( setGlobalHalt( { halted: true } ) );

		expect( error.status ).toBe( 403 );
		expect( error.code ).toBe( 'agent_guard_forbidden' );
	} );

	it( 'parses the kill-switch test’s measurement', async () => {
		serveRoute( 'POST /agent-guard/v1/agents/1/kill-switch-test', () =>
			reply( recordedTest )
		);

		const result = await testKillSwitch( 1 );

		expect( result ).toEqual( recordedTest );
	} );

	it( 'refuses a kill-switch test answer without its verdict', async () => {
		serveRoute( 'POST /agent-guard/v1/agents/1/kill-switch-test', () =>
			reply( { ms: 3.2, tested_at: '2026-11-21T07:14:38Z' } )
		);

		const error = await rejection( testKillSwitch( 1 ) );

		expect( error.path ).toBe( 'refused' );
	} );
} );

describe( 'incidents', () => {
	it( 'parses GET incidents as the site sent it, with the evidence', async () => {
		serveRoute( 'GET /agent-guard/v1/incidents', () =>
			reply( recordedIncidents, { total: recordedIncidents.length } )
		);

		const page = await fetchIncidents( 'open' );

		expect( page.total ).toBe( 1 );
		expect( page.items[ 0 ]?.agent_name ).toBe( 'Repricer probe' );
		expect( page.items[ 0 ]?.evidence.counts ).toEqual( {
			attempts: 1,
			failures: 7,
			burst: 8,
		} );
		expect( page.items[ 0 ]?.evidence.recent_actions?.length ).toBe(
			recordedIncidents[ 0 ]?.evidence.recent_actions.length
		);
		expect( mockedApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( {
				path: '/agent-guard/v1/incidents?state=open',
			} )
		);
	} );

	it( 'reads evidence PHP sent as [] as no evidence', async () => {
		serveRoute( 'GET /agent-guard/v1/incidents', () =>
			reply( [ { ...recordedIncidents[ 0 ], evidence: [] } ], {
				total: 1,
			} )
		);

		const page = await fetchIncidents();

		expect( page.items[ 0 ]?.evidence ).toEqual( {} );
	} );

	it( 'refuses an incident in a state it does not know', async () => {
		serveRoute( 'GET /agent-guard/v1/incidents', () =>
			reply( [ { ...recordedIncidents[ 0 ], state: 'snoozed' } ], {
				total: 1,
			} )
		);

		const error = await rejection( fetchIncidents() );

		expect( error.path ).toBe( '0.state' );
	} );

	it( 'closes with the note and parses the closed incident (without the list’s names)', async () => {
		serveRoute( 'POST /agent-guard/v1/incidents/1/close', () =>
			reply( recordedClosed )
		);

		const incident = await closeIncident(
			1,
			'Lowered threshold during a probe.'
		);

		expect( incident.state ).toBe( 'closed' );
		expect( incident.close_note ).toBe(
			'Lowered threshold during a probe.'
		);
		expect( mockedApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( {
				data: { note: 'Lowered threshold during a probe.' },
			} )
		);
	} );

	it( 'passes on the refusal of a close without a note, naming the field', async () => {
		serveRoute( 'POST /agent-guard/v1/incidents/1/close', () =>
			wpError(
				400,
				'agent_guard_comment_required',
				'Closing an incident needs a note: what happened and what was done.',
				'note'
			)
		);

		const error = await rejection( closeIncident( 1, '' ) );

		expect( error.code ).toBe( 'agent_guard_comment_required' );
		expect( error.path ).toBe( 'note' );
	} );
} );

describe( 'canary', () => {
	it( 'parses GET agents/<id>/canary as the site sent it', async () => {
		serveRoute( 'GET /agent-guard/v1/agents/1/canary', () =>
			reply( recordedCanary )
		);

		const canary = await fetchCanary( 1 );

		expect( canary ).toEqual( recordedCanary );
		expect( canary.cohort.total ).toBeGreaterThan( 0 );
	} );

	it( 'refuses a percentage above 100', async () => {
		serveRoute( 'GET /agent-guard/v1/agents/1/canary', () =>
			reply( { ...recordedCanary, percent: 120 } )
		);

		const error = await rejection( fetchCanary( 1 ) );

		expect( error.path ).toBe( 'percent' );
	} );

	it( 'moves the dial with the percentage and returns the agent', async () => {
		const moved = makeAgent( {
			id: 1,
			mode: 'canary',
			canary_percent: 20,
		} );
		serveRoute( 'POST /agent-guard/v1/agents/1/canary', () =>
			reply( moved )
		);

		const agent = await moveCanaryDial( 1, 20 );

		expect( agent.canary_percent ).toBe( 20 );
		expect( mockedApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( {
				method: 'POST',
				path: '/agent-guard/v1/agents/1/canary',
				data: { percent: 20 },
			} )
		);
	} );
} );

describe( 'metrics', () => {
	it( 'parses GET metrics as the site sent it while halted', async () => {
		serveRoute( 'GET /agent-guard/v1/metrics', () =>
			reply( recordedMetrics )
		);

		const metrics = await fetchMetrics();

		expect( metrics.halt.halted ).toBe( true );
		expect( metrics.agents[ 0 ]?.halted_by_name ).toBe( 'Agent Guard' );
		expect( metrics.activity ).toHaveLength( 24 );
		expect( mockedApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( { path: '/agent-guard/v1/metrics' } )
		);
	} );

	it( 'refuses an hour of activity without its queued count', async () => {
		const [ first, ...rest ] = recordedMetrics.activity;
		const broken = {
			...recordedMetrics,
			activity: [ { ...first, queued: undefined }, ...rest ],
		};
		serveRoute( 'GET /agent-guard/v1/metrics', () => reply( broken ) );

		const error = await rejection( fetchMetrics() );

		expect( error.path ).toBe( 'activity.0.queued' );
	} );
} );

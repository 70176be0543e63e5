/**
 * External dependencies
 */
import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { CanaryFigures } from '../components/canary-figures';
import { KillSwitchTestPanel } from '../components/kill-switch-test-panel';
import { ModeHint } from '../components/mode-hint';
import {
	makeCanary,
	makeKillSwitchTest,
} from '../../../test-utils/ops-factories';

const NOW = Date.parse( '2026-11-21T06:44:00Z' );

beforeAll( () => {
	document.documentElement.lang = 'en-US';
} );

function figure( container: HTMLElement, name: string ): string {
	return (
		container.querySelector( `[data-figure="${ name }"]` )?.textContent ??
		''
	);
}

describe( 'CanaryFigures', () => {
	it( 'shows the cohort, actions inside, refusals outside and rates against limits', () => {
		const { container } = render(
			<CanaryFigures
				canary={ makeCanary( {
					cohort: { size: 12, total: 60 },
					actions: 40,
					outside: 7,
					failures: 1,
					failure_rate: 2.5,
					reverts: 0,
					revert_rate: 0,
				} ) }
			/>
		);

		expect( figure( container, 'cohort' ) ).toBe( '12 of 60 products' );
		expect( figure( container, 'actions' ) ).toBe( '40' );
		expect( figure( container, 'outside' ) ).toBe( '7' );
		expect( figure( container, 'failures' ) ).toBe(
			'1 (2.5 %, limit 2 %) Over the limit'
		);
		expect( figure( container, 'reverts' ) ).toBe( '0 (0 %, limit 0.5 %)' );
	} );

	it( 'says when a rate has no limit', () => {
		const { container } = render(
			<CanaryFigures
				canary={ makeCanary( {
					limits: {
						failure_rate_percent: null,
						revert_rate_percent: 0.5,
					},
					failures: 3,
					failure_rate: 25,
				} ) }
			/>
		);

		expect( figure( container, 'failures' ) ).toBe( '3 (25 %, no limit)' );
	} );
} );

describe( 'KillSwitchTestPanel', () => {
	it( 'runs the test on demand and shows the measured time to halt', () => {
		const onTest = jest.fn();
		const { container, rerender } = render(
			<KillSwitchTestPanel
				onTest={ onTest }
				isBusy={ false }
				result={ null }
				error={ null }
				now={ NOW }
			/>
		);
		fireEvent.click(
			within( container ).getByRole( 'button', {
				name: 'Test the kill switch',
			} )
		);
		expect( onTest ).toHaveBeenCalledTimes( 1 );

		rerender(
			<KillSwitchTestPanel
				onTest={ onTest }
				isBusy={ false }
				result={ makeKillSwitchTest( { ms: 13.36 } ) }
				error={ null }
				now={ NOW }
			/>
		);

		expect( within( container ).getByRole( 'status' ).textContent ).toBe(
			'Halted in 13.36 ms: the agent’s next request was refused. 30 seconds ago'
		);
	} );

	it( 'says loudly when the test request was not refused', () => {
		const { container } = render(
			<KillSwitchTestPanel
				onTest={ () => undefined }
				isBusy={ false }
				result={ makeKillSwitchTest( { refused: false, ms: 4 } ) }
				error={ null }
				now={ NOW }
			/>
		);

		expect( container.textContent ).toContain(
			'the kill switch did not stop this agent'
		);
		expect( container.textContent ).not.toContain( 'Halted in' );
	} );

	it( 'offers no button to a reader without the manage capability', () => {
		const { container } = render(
			<KillSwitchTestPanel
				isBusy={ false }
				result={ null }
				error={ null }
				now={ NOW }
			/>
		);

		expect( within( container ).queryByRole( 'button' ) ).toBeNull();
	} );
} );

describe( 'ModeHint', () => {
	it( 'says nothing in canary mode', () => {
		const { container } = render( <ModeHint mode="canary" /> );

		expect( container.textContent ).toBe( '' );
	} );

	const cases: Array< [ 'observe' | 'active' | 'paused', string ] > = [
		[ 'observe', 'observe-only mode' ],
		[ 'active', 'This agent is active' ],
		[ 'paused', 'This agent is paused' ],
	];
	it.each( cases )(
		'explains that the dial does not limit an agent in %s mode',
		( mode, words ) => {
			const { container } = render(
				<ModeHint mode={ mode } agentUrl="/agents?agent=7" />
			);

			expect( container.textContent ).toContain( words );
			expect(
				within( container )
					.getByRole( 'link', { name: 'Change its mode' } )
					.getAttribute( 'href' )
			).toBe( '/agents?agent=7' );
		}
	);
} );

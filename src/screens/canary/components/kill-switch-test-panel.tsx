/**
 * WordPress dependencies
 */
import { Button, Notice } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { KillSwitchTest } from '../../../api/halt';
import { ErrorNotice } from '../../../components/error-notice';
import { RelativeTime } from '../../../components/relative-time';

interface KillSwitchTestPanelProps {
	/** Runs the test; undefined when the reader may not (agent_guard_manage). */
	onTest?: () => void;
	isBusy: boolean;
	result: KillSwitchTest | null;
	error: Error | null;
	now: number;
}

/**
 * "Test the kill switch": halts the agent, measures the time until its next request is
 * refused, and resumes it. Shows the measurement, or that the switch did not work.
 *
 * @param props        Props.
 * @param props.onTest
 * @param props.isBusy
 * @param props.result
 * @param props.error
 * @param props.now
 */
export function KillSwitchTestPanel( {
	onTest,
	isBusy,
	result,
	error,
	now,
}: KillSwitchTestPanelProps ) {
	return (
		<div className="agent-guard-kill-switch-test">
			<p>
				{ __(
					'Halts this agent, measures how long until its next request is refused, and resumes it. The result is recorded in the audit log and in the agent’s pre-launch checklist.',
					'agent-guard'
				) }
			</p>
			{ onTest ? (
				<p>
					<Button
						variant="secondary"
						isBusy={ isBusy }
						aria-disabled={ isBusy }
						onClick={ () => {
							if ( ! isBusy ) {
								onTest();
							}
						} }
					>
						{ __( 'Test the kill switch', 'agent-guard' ) }
					</Button>
				</p>
			) : (
				<p className="agent-guard-muted">
					{ __(
						'Only people who manage agents can run the test.',
						'agent-guard'
					) }
				</p>
			) }
			<div role="status">
				{ result && result.refused ? (
					<p className="agent-guard-kill-switch-test__result">
						<strong>
							{ sprintf(
								/* translators: %s: milliseconds, e.g. "13.36". */
								__( 'Halted in %s ms:', 'agent-guard' ),
								String( result.ms )
							) }
						</strong>{ ' ' }
						{ __(
							'the agent’s next request was refused.',
							'agent-guard'
						) }{ ' ' }
						<RelativeTime value={ result.tested_at } now={ now } />
					</p>
				) : null }
			</div>
			{ result && ! result.refused ? (
				<Notice status="error" isDismissible={ false }>
					{ sprintf(
						/* translators: %s: milliseconds, e.g. "13.36". */
						__(
							'The test request was not refused (after %s ms): the kill switch did not stop this agent. Do not let it act until this is fixed.',
							'agent-guard'
						),
						String( result.ms )
					) }
				</Notice>
			) : null }
			{ error ? (
				<ErrorNotice
					error={ error }
					title={ __( 'The test did not run.', 'agent-guard' ) }
				/>
			) : null }
		</div>
	);
}

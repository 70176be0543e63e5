/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { KillSwitchTest } from '../../../api/halt';
import { Badge } from '../../../components/badge';
import { ErrorNotice } from '../../../components/error-notice';
import type { ChecklistItem } from '../../../schemas';
import {
	checklistAdvice,
	checklistItemLabel,
	checklistPolicyPath,
} from './vocabulary';

export interface KillSwitchTestControl {
	onTest: () => void;
	isBusy: boolean;
	result: KillSwitchTest | undefined;
	error: Error | null;
}

interface ChecklistListProps {
	items: ChecklistItem[];
	/** Opens the policy at the field that fixes an item; absent for read-only readers. */
	onFix?: ( path: string ) => void;
	/** Runs the kill-switch test from the checklist; absent for read-only readers. */
	killSwitch?: KillSwitchTestControl;
}

function KillSwitchTestButton( {
	control,
}: {
	control: KillSwitchTestControl;
} ) {
	const { result } = control;
	let outcome: string | null = null;
	if ( result && result.refused ) {
		outcome = sprintf(
			/* translators: %s: milliseconds. */
			__(
				'Passed: the halted agent’s next request was refused %s ms after the halt, and the agent was resumed.',
				'agent-guard'
			),
			String( result.ms )
		);
	} else if ( result ) {
		outcome = __(
			'Failed: the test request was not refused. Do not launch this agent; check the kill switch first.',
			'agent-guard'
		);
	}
	return (
		<div className="agent-guard-checklist__test">
			{ control.error ? (
				<ErrorNotice
					error={ control.error }
					title={ __(
						'The kill switch was not tested.',
						'agent-guard'
					) }
				/>
			) : null }
			<Button
				variant="secondary"
				isBusy={ control.isBusy }
				aria-disabled={ control.isBusy }
				onClick={ () => {
					if ( ! control.isBusy ) {
						control.onTest();
					}
				} }
			>
				{ __( 'Test the kill switch now', 'agent-guard' ) }
			</Button>
			<p
				role="status"
				className={
					result && ! result.refused
						? 'agent-guard-field-error'
						: 'agent-guard-checklist__advice'
				}
			>
				{ outcome }
			</p>
		</div>
	);
}

/**
 * The ten pre-launch items: done or open, what each is based on, and for open ones what
 * to do. An agent leaves observe mode only when all are done (or an administrator
 * overrides with a reason).
 *
 * @param props            Props.
 * @param props.items
 * @param props.onFix
 * @param props.killSwitch
 */
export function ChecklistList( {
	items,
	onFix,
	killSwitch,
}: ChecklistListProps ) {
	const open = items.filter( ( item ) => ! item.done ).length;
	return (
		<div className="agent-guard-checklist">
			<p className="agent-guard-checklist__summary">
				{ open === 0
					? __(
							'Every item is done: the agent may leave observe mode.',
							'agent-guard'
					  )
					: sprintf(
							/* translators: 1: open items, 2: all items. */
							_n(
								'%1$d of %2$d item is open.',
								'%1$d of %2$d items are open.',
								open,
								'agent-guard'
							),
							open,
							items.length
					  ) }
			</p>
			<ol className="agent-guard-checklist__items">
				{ items.map( ( item ) => {
					const label = checklistItemLabel( item.key, item.label );
					const path = checklistPolicyPath( item.key );
					const advice = checklistAdvice( item.key );
					return (
						<li
							key={ item.key }
							className={ `agent-guard-checklist__item ${
								item.done ? 'is-done' : 'is-open'
							}` }
							data-item={ item.key }
						>
							<div className="agent-guard-checklist__head">
								<Badge
									tone={ item.done ? 'success' : 'warning' }
								>
									{ item.done
										? __( 'Done', 'agent-guard' )
										: __( 'Open', 'agent-guard' ) }
								</Badge>{ ' ' }
								<strong>{ label }</strong>
								{ item.detail ? (
									<span className="agent-guard-checklist__detail">
										{ ' — ' }
										{ item.detail }
									</span>
								) : null }
							</div>
							{ ! item.done && advice ? (
								<p className="agent-guard-checklist__advice">
									{ advice }{ ' ' }
									{ onFix && path ? (
										<Button
											variant="link"
											onClick={ () => onFix( path ) }
											aria-label={ sprintf(
												/* translators: %s: checklist item. */
												__(
													'Fix “%s” in the policy',
													'agent-guard'
												),
												label
											) }
										>
											{ __(
												'Go to the policy',
												'agent-guard'
											) }
										</Button>
									) : null }
								</p>
							) : null }
							{ item.key === 'kill_switch_tested' &&
							killSwitch ? (
								<KillSwitchTestButton control={ killSwitch } />
							) : null }
						</li>
					);
				} ) }
			</ol>
		</div>
	);
}

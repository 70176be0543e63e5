/**
 * WordPress dependencies
 */
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Canary } from '../../../api/canary';
import { Badge } from '../../../components/badge';
import { formatPercent } from '../../../components/percent';

/**
 * How many actions the canary needs before a rate can pause the agent
 * (Breakers::CANARY_MIN_SAMPLE; the REST answer does not carry it).
 */
export const CANARY_MIN_SAMPLE = 10;

interface RateProps {
	count: number;
	rate: number;
	limit: number | null;
}

/**
 * "1 (1.5 %, limit 2 %)", flagged when the rate is over its limit.
 *
 * @param props       Props.
 * @param props.count
 * @param props.rate
 * @param props.limit
 */
function Rate( { count, rate, limit }: RateProps ) {
	const over = limit !== null && rate > limit;
	return (
		<>
			{ limit === null
				? sprintf(
						/* translators: 1: a count, 2: its rate such as "1.5 %". */
						__( '%1$d (%2$s, no limit)', 'agent-guard' ),
						count,
						formatPercent( rate )
				  )
				: sprintf(
						/* translators: 1: a count, 2: its rate such as "1.5 %", 3: the limit such as "2 %". */
						__( '%1$d (%2$s, limit %3$s)', 'agent-guard' ),
						count,
						formatPercent( rate ),
						formatPercent( limit )
				  ) }
			{ over ? (
				<>
					{ ' ' }
					<Badge tone="error">
						{ __( 'Over the limit', 'agent-guard' ) }
					</Badge>
				</>
			) : null }
		</>
	);
}

/**
 * What the canary measured since the dial (or the mode) last moved: the cohort, actions
 * inside it and refusals outside, failures and reverts against their limits.
 *
 * @param props        Props.
 * @param props.canary The agent's canary figures.
 */
export function CanaryFigures( { canary }: { canary: Canary } ) {
	return (
		<>
			<dl className="agent-guard-facts agent-guard-canary-figures">
				<dt>{ __( 'Cohort', 'agent-guard' ) }</dt>
				<dd data-figure="cohort">
					{ sprintf(
						/* translators: 1: products inside the canary, 2: all products. */
						_n(
							'%1$d of %2$d product',
							'%1$d of %2$d products',
							canary.cohort.total,
							'agent-guard'
						),
						canary.cohort.size,
						canary.cohort.total
					) }
				</dd>
				<dt>{ __( 'Actions inside the cohort', 'agent-guard' ) }</dt>
				<dd data-figure="actions">{ canary.actions }</dd>
				<dt>{ __( 'Refused or queued outside it', 'agent-guard' ) }</dt>
				<dd data-figure="outside">{ canary.outside }</dd>
				<dt>{ __( 'Failures', 'agent-guard' ) }</dt>
				<dd data-figure="failures">
					<Rate
						count={ canary.failures }
						rate={ canary.failure_rate }
						limit={ canary.limits.failure_rate_percent }
					/>
				</dd>
				<dt>{ __( 'Reverts', 'agent-guard' ) }</dt>
				<dd data-figure="reverts">
					<Rate
						count={ canary.reverts }
						rate={ canary.revert_rate }
						limit={ canary.limits.revert_rate_percent }
					/>
				</dd>
			</dl>
			<p className="agent-guard-muted">
				{ sprintf(
					/* translators: %d: minimum number of actions. */
					__(
						'Counted since the dial or the mode last moved. In canary mode the agent is paused automatically when a rate goes over its limit, once it has made at least %d actions in the canary.',
						'agent-guard'
					),
					CANARY_MIN_SAMPLE
				) }
			</p>
		</>
	);
}

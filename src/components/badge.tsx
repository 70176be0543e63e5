/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * Internal dependencies
 */
import type { Tone } from './labels';

interface BadgeProps {
	tone?: Tone;
	children: ReactNode;
	/** Longer explanation, shown on hover. */
	title?: string;
}

/**
 * A short status word in a coloured pill. The word carries the meaning; the colour only
 * repeats it.
 *
 * @param props          Props.
 * @param props.tone
 * @param props.children
 * @param props.title
 */
export function Badge( { tone = 'neutral', children, title }: BadgeProps ) {
	return (
		<span className={ `agent-guard-badge is-${ tone }` } title={ title }>
			{ children }
		</span>
	);
}

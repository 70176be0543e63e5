/**
 * External dependencies
 */
import type { ReactNode } from 'react';

interface EmptyStateProps {
	/** The sentence that says what is missing. */
	message: string;
	/** What to do about it (a link, a button). */
	children?: ReactNode;
}

export function EmptyState( { message, children }: EmptyStateProps ) {
	return (
		<div className="agent-guard-empty-state">
			<p>{ message }</p>
			{ children }
		</div>
	);
}

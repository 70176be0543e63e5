/**
 * External dependencies
 */
import type { ReactNode } from 'react';

interface PageHeaderProps {
	title: string;
	/** Buttons beside the title, WordPress "page-title-action" style. */
	actions?: ReactNode;
	/** A line above the title (a back link). */
	before?: ReactNode;
}

export function PageHeader( { title, actions, before }: PageHeaderProps ) {
	return (
		<div className="agent-guard-page-header">
			{ before }
			<h1 className="wp-heading-inline">{ title }</h1>
			{ actions ? (
				<span className="agent-guard-page-header__actions">
					{ actions }
				</span>
			) : null }
			<hr className="wp-header-end" />
		</div>
	);
}

/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import { Card, CardBody, CardHeader } from '@wordpress/components';
import { useId } from '@wordpress/element';

interface SectionProps {
	title: string;
	/** A short line beside the title (a count, when it was refreshed). */
	meta?: ReactNode;
	children: ReactNode;
}

/**
 * A titled card; the title names the region for screen readers.
 *
 * @param props          Props.
 * @param props.title
 * @param props.meta
 * @param props.children
 */
export function Section( { title, meta, children }: SectionProps ) {
	const headingId = useId();
	return (
		<section aria-labelledby={ headingId }>
			<Card className="agent-guard-section">
				<CardHeader>
					<h2 id={ headingId } className="agent-guard-section__title">
						{ title }
					</h2>
					{ meta ? (
						<span className="agent-guard-section__meta">
							{ meta }
						</span>
					) : null }
				</CardHeader>
				<CardBody>{ children }</CardBody>
			</Card>
		</section>
	);
}

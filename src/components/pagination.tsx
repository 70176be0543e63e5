/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

interface PaginationProps {
	page: number;
	totalPages: number;
	onChange: ( page: number ) => void;
	/** Names the navigation region ("Pages of the queue"). */
	label: string;
}

/**
 * Previous / next page with "Page 2 of 5"; nothing when everything fits on one page.
 *
 * @param props            Props.
 * @param props.page
 * @param props.totalPages
 * @param props.onChange
 * @param props.label
 */
export function Pagination( {
	page,
	totalPages,
	onChange,
	label,
}: PaginationProps ) {
	if ( totalPages <= 1 ) {
		return null;
	}
	return (
		<nav className="agent-guard-pagination" aria-label={ label }>
			<Button
				variant="secondary"
				onClick={ () => onChange( page - 1 ) }
				disabled={ page <= 1 }
				__experimentalIsFocusable
			>
				{ __( 'Previous page', 'agent-guard' ) }
			</Button>
			<span className="agent-guard-pagination__position">
				{ sprintf(
					/* translators: 1: current page, 2: number of pages. */
					__( 'Page %1$d of %2$d', 'agent-guard' ),
					page,
					totalPages
				) }
			</span>
			<Button
				variant="secondary"
				onClick={ () => onChange( page + 1 ) }
				disabled={ page >= totalPages }
				__experimentalIsFocusable
			>
				{ __( 'Next page', 'agent-guard' ) }
			</Button>
		</nav>
	);
}

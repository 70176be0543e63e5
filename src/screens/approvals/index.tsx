/**
 * The Approvals screen is not built yet. This one component says so plainly; the approval
 * queue replaces it in a later release.
 */

/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { PageHeader } from '../../components/page-header';

export default function ApprovalsScreen() {
	return (
		<>
			<PageHeader title={ __( 'Approvals', 'agent-guard' ) } />
			<Notice status="info" isDismissible={ false }>
				{ __(
					'This screen arrives in a later release.',
					'agent-guard'
				) }
			</Notice>
		</>
	);
}

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { EmptyState } from '../../../components/empty-state';
import { RelativeTime } from '../../../components/relative-time';
import type { PolicyVersion } from '../../../schemas';

interface PolicyVersionsTableProps {
	versions: PolicyVersion[];
	/** The version in force. */
	current: number;
	now: number;
	onView: ( version: number ) => void;
}

/**
 * The policy's history, newest first: who saved each version, when, and why.
 *
 * @param props          Props.
 * @param props.versions
 * @param props.current
 * @param props.now
 * @param props.onView
 */
export function PolicyVersionsTable( {
	versions,
	current,
	now,
	onView,
}: PolicyVersionsTableProps ) {
	if ( versions.length === 0 ) {
		return (
			<EmptyState
				message={ __( 'No version is recorded.', 'agent-guard' ) }
			/>
		);
	}
	const sorted = [ ...versions ].sort( ( a, b ) => b.version - a.version );
	return (
		<table className="widefat striped agent-guard-table">
			<caption className="screen-reader-text">
				{ __( 'Policy versions', 'agent-guard' ) }
			</caption>
			<thead>
				<tr>
					<th scope="col">{ __( 'Version', 'agent-guard' ) }</th>
					<th scope="col">{ __( 'Saved', 'agent-guard' ) }</th>
					<th scope="col">{ __( 'By', 'agent-guard' ) }</th>
					<th scope="col">{ __( 'Note', 'agent-guard' ) }</th>
					<th scope="col">
						<span className="screen-reader-text">
							{ __( 'Actions', 'agent-guard' ) }
						</span>
					</th>
				</tr>
			</thead>
			<tbody>
				{ sorted.map( ( version ) => (
					<tr
						key={ version.version }
						data-version={ version.version }
					>
						<th scope="row">
							{ version.version }
							{ version.version === current ? (
								<span className="agent-guard-table__note">
									{ __( 'in force', 'agent-guard' ) }
								</span>
							) : null }
						</th>
						<td>
							<RelativeTime
								value={ version.created_at }
								now={ now }
							/>
						</td>
						<td>
							{ version.author_name ||
								sprintf(
									/* translators: %d: user id. */
									__( 'User #%d', 'agent-guard' ),
									version.author_id
								) }
						</td>
						<td>{ version.note || '—' }</td>
						<td>
							<Button
								variant="link"
								onClick={ () => onView( version.version ) }
								aria-label={ sprintf(
									/* translators: %d: policy version. */
									__( 'View version %d', 'agent-guard' ),
									version.version
								) }
							>
								{ __( 'View', 'agent-guard' ) }
							</Button>
						</td>
					</tr>
				) ) }
			</tbody>
		</table>
	);
}

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { personName } from '../../../components/labels';
import { ActionsHeading, DataTable } from '../../../components/data-table';
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
	const sorted = [ ...versions ].sort( ( a, b ) => b.version - a.version );
	return (
		<DataTable
			caption={ __( 'Policy versions', 'agent-guard' ) }
			columns={ [
				__( 'Version', 'agent-guard' ),
				__( 'Saved', 'agent-guard' ),
				__( 'By', 'agent-guard' ),
				__( 'Note', 'agent-guard' ),
				<ActionsHeading key="actions" />,
			] }
			rows={ sorted }
			empty={
				<EmptyState
					message={ __( 'No version is recorded.', 'agent-guard' ) }
				/>
			}
			renderRow={ ( version ) => (
				<tr key={ version.version } data-version={ version.version }>
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
						{ personName( version.author_name, version.author_id ) }
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
			) }
		/>
	);
}

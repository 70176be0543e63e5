/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { agentName, personName } from '../../../components/labels';
import { ActionsHeading, DataTable } from '../../../components/data-table';
import { EmptyState } from '../../../components/empty-state';
import { RelativeTime } from '../../../components/relative-time';
import type { Credential } from '../../../schemas';
import { credentialKindLabel, permissionsLabel } from './vocabulary';

interface CredentialsTableProps {
	credentials: Credential[];
	/** Agent id → name, for the adopted ones. */
	agentNames: ReadonlyMap< number, string >;
	agentUrl: ( id: number ) => string;
	now: number;
	/** Absent when the reader may not change anything. */
	onAdopt?: ( credential: Credential ) => void;
	onRelease?: ( credential: Credential ) => void;
}

/**
 * The store's WooCommerce API keys and application passwords: who owns each, when it was
 * last used, and the agent that adopted it, if any. Never a secret.
 *
 * @param props             Props.
 * @param props.credentials
 * @param props.agentNames
 * @param props.agentUrl
 * @param props.now
 * @param props.onAdopt
 * @param props.onRelease
 */
export function CredentialsTable( {
	credentials,
	agentNames,
	agentUrl,
	now,
	onAdopt,
	onRelease,
}: CredentialsTableProps ) {
	const canChange = Boolean( onAdopt && onRelease );
	return (
		<DataTable
			caption={ __( 'API credentials of this store', 'agent-guard' ) }
			columns={ [
				__( 'Credential', 'agent-guard' ),
				__( 'Kind', 'agent-guard' ),
				__( 'User', 'agent-guard' ),
				__( 'Permissions', 'agent-guard' ),
				__( 'Last used', 'agent-guard' ),
				__( 'Agent', 'agent-guard' ),
				canChange ? <ActionsHeading /> : null,
			] }
			rows={ credentials }
			empty={
				<EmptyState
					message={ __(
						'This store has no WooCommerce API key and no application password.',
						'agent-guard'
					) }
				/>
			}
			renderRow={ ( credential ) => {
				const name =
					credential.label || __( '(no description)', 'agent-guard' );
				const adoptedBy = agentName(
					agentNames.get( credential.agent_id ),
					credential.agent_id
				);
				return (
					<tr
						key={ `${ credential.kind }:${ credential.external_id }` }
					>
						<th scope="row">
							{ name }
							{ credential.hint ? (
								<>
									{ ' ' }
									<code>{ credential.hint }</code>
								</>
							) : null }
						</th>
						<td>{ credentialKindLabel( credential.kind ) }</td>
						<td>
							{ personName(
								credential.user_name,
								credential.user_id
							) }
						</td>
						<td>{ permissionsLabel( credential.permissions ) }</td>
						<td>
							<RelativeTime
								value={ credential.last_access }
								now={ now }
							/>
						</td>
						<td>
							{ credential.adoption_id > 0 ? (
								<a href={ agentUrl( credential.agent_id ) }>
									{ adoptedBy }
								</a>
							) : (
								<span className="agent-guard-muted">
									{ __( 'Not an agent', 'agent-guard' ) }
								</span>
							) }
						</td>
						{ canChange ? (
							<td>
								{ credential.adoption_id > 0 ? (
									<Button
										variant="link"
										onClick={ () =>
											onRelease?.( credential )
										}
										aria-label={ sprintf(
											/* translators: %s: credential description. */
											__( 'Release %s', 'agent-guard' ),
											name
										) }
									>
										{ __( 'Release', 'agent-guard' ) }
									</Button>
								) : (
									<Button
										variant="link"
										onClick={ () =>
											onAdopt?.( credential )
										}
										aria-label={ sprintf(
											/* translators: %s: credential description. */
											__(
												'Adopt %s for an agent',
												'agent-guard'
											),
											name
										) }
									>
										{ __(
											'Adopt for agent…',
											'agent-guard'
										) }
									</Button>
								) }
							</td>
						) : null }
					</tr>
				);
			} }
		/>
	);
}

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { Badge } from '../../../components/badge';
import { ActionsHeading, DataTable } from '../../../components/data-table';
import { EmptyState } from '../../../components/empty-state';
import {
	tokenScopeLabel,
	tokenStatusLabel,
	tokenStatusTone,
} from '../../../components/labels';
import { RelativeTime } from '../../../components/relative-time';
import type { Token } from '../../../schemas';

interface TokensTableProps {
	tokens: Token[];
	now: number;
	/** Revokes a token; absent when the reader may not. */
	onRevoke?: ( token: Token ) => void;
	/** Replaces a token, the old one working for a grace period; absent when the reader may not. */
	onRotate?: ( token: Token ) => void;
}

const REVOCABLE: Array< Token[ 'status' ] > = [ 'active', 'expiring', 'grace' ];
const ROTATABLE: Array< Token[ 'status' ] > = [ 'active', 'expiring' ];

/**
 * An agent's tokens, by prefix (the secret is never stored). A token that expires within
 * 7 days stands out, so it is rotated in time.
 *
 * @param props          Props.
 * @param props.tokens
 * @param props.now
 * @param props.onRevoke
 * @param props.onRotate
 */
export function TokensTable( {
	tokens,
	now,
	onRevoke,
	onRotate,
}: TokensTableProps ) {
	const hasActions = Boolean( onRevoke || onRotate );
	return (
		<DataTable
			caption={ __( 'Tokens of this agent', 'agent-guard' ) }
			columns={ [
				__( 'Token', 'agent-guard' ),
				__( 'Label', 'agent-guard' ),
				__( 'Scope', 'agent-guard' ),
				__( 'Status', 'agent-guard' ),
				__( 'Created', 'agent-guard' ),
				__( 'Expires', 'agent-guard' ),
				__( 'Last used', 'agent-guard' ),
				hasActions ? <ActionsHeading /> : null,
			] }
			rows={ tokens }
			empty={
				<EmptyState
					message={ __(
						'This agent has no token yet. Issue one so it can call the store.',
						'agent-guard'
					) }
				/>
			}
			renderRow={ ( token ) => (
				<tr
					key={ token.id }
					data-token-id={ token.id }
					className={
						token.status === 'expiring' ? 'is-expiring' : undefined
					}
				>
					<th scope="row">
						<code>{ token.prefix }…</code>
					</th>
					<td>{ token.label || '—' }</td>
					<td>{ tokenScopeLabel( token.scope ) }</td>
					<td>
						<Badge tone={ tokenStatusTone( token.status ) }>
							{ tokenStatusLabel( token.status ) }
						</Badge>
					</td>
					<td>
						<RelativeTime value={ token.created_at } now={ now } />
					</td>
					<td>
						{ token.status === 'revoked' && token.revoked_at ? (
							<span className="agent-guard-muted">
								{ __( 'Revoked', 'agent-guard' ) }{ ' ' }
								<RelativeTime
									value={ token.revoked_at }
									now={ now }
								/>
							</span>
						) : (
							<RelativeTime
								value={
									token.status === 'grace' && token.revoked_at
										? token.revoked_at
										: token.expires_at
								}
								now={ now }
							/>
						) }
					</td>
					<td>
						<RelativeTime
							value={ token.last_used_at }
							now={ now }
						/>
					</td>
					{ hasActions ? (
						<td className="agent-guard-table__actions">
							{ onRotate && ROTATABLE.includes( token.status ) ? (
								<Button
									variant="link"
									onClick={ () => onRotate( token ) }
									aria-label={ sprintf(
										/* translators: %s: token prefix. */
										__( 'Rotate token %s', 'agent-guard' ),
										token.prefix
									) }
								>
									{ __( 'Rotate', 'agent-guard' ) }
								</Button>
							) : null }
							{ onRevoke && REVOCABLE.includes( token.status ) ? (
								<Button
									variant="link"
									isDestructive
									onClick={ () => onRevoke( token ) }
									aria-label={ sprintf(
										/* translators: %s: token prefix. */
										__( 'Revoke token %s', 'agent-guard' ),
										token.prefix
									) }
								>
									{ __( 'Revoke', 'agent-guard' ) }
								</Button>
							) : null }
						</td>
					) : null }
				</tr>
			) }
		/>
	);
}

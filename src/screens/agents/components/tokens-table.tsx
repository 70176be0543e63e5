/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { Badge } from '../../../components/badge';
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
}

const REVOCABLE: Array< Token[ 'status' ] > = [ 'active', 'expiring', 'grace' ];

/**
 * An agent's tokens, by prefix (the secret is never stored).
 *
 * @param props          Props.
 * @param props.tokens
 * @param props.now
 * @param props.onRevoke
 */
export function TokensTable( { tokens, now, onRevoke }: TokensTableProps ) {
	if ( tokens.length === 0 ) {
		return (
			<EmptyState
				message={ __(
					'This agent has no token yet. Issue one so it can call the store.',
					'agent-guard'
				) }
			/>
		);
	}
	return (
		<table className="widefat striped agent-guard-table">
			<caption className="screen-reader-text">
				{ __( 'Tokens of this agent', 'agent-guard' ) }
			</caption>
			<thead>
				<tr>
					<th scope="col">{ __( 'Token', 'agent-guard' ) }</th>
					<th scope="col">{ __( 'Label', 'agent-guard' ) }</th>
					<th scope="col">{ __( 'Scope', 'agent-guard' ) }</th>
					<th scope="col">{ __( 'Status', 'agent-guard' ) }</th>
					<th scope="col">{ __( 'Expires', 'agent-guard' ) }</th>
					<th scope="col">{ __( 'Last used', 'agent-guard' ) }</th>
					{ onRevoke ? (
						<th scope="col">
							<span className="screen-reader-text">
								{ __( 'Actions', 'agent-guard' ) }
							</span>
						</th>
					) : null }
				</tr>
			</thead>
			<tbody>
				{ tokens.map( ( token ) => (
					<tr key={ token.id } data-token-id={ token.id }>
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
							<RelativeTime
								value={ token.expires_at }
								now={ now }
							/>
						</td>
						<td>
							<RelativeTime
								value={ token.last_used_at }
								now={ now }
							/>
						</td>
						{ onRevoke ? (
							<td>
								{ REVOCABLE.includes( token.status ) ? (
									<Button
										variant="link"
										isDestructive
										onClick={ () => onRevoke( token ) }
										aria-label={ sprintf(
											/* translators: %s: token prefix. */
											__(
												'Revoke token %s',
												'agent-guard'
											),
											token.prefix
										) }
									>
										{ __( 'Revoke', 'agent-guard' ) }
									</Button>
								) : null }
							</td>
						) : null }
					</tr>
				) ) }
			</tbody>
		</table>
	);
}

/**
 * WordPress dependencies
 */
import { Fragment } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { fieldLabel } from '../../../components/approval-labels';
import { DataTable } from '../../../components/data-table';
import { formatDateTime } from '../../../components/relative-time';
import type { Approval } from '../../../schemas';
import { formatValue } from '../data/format';

/** Fields of the store's answer worth showing after an execution. */
const RESPONSE_FIELDS = [
	'id',
	'name',
	'sku',
	'status',
	'regular_price',
	'sale_price',
	'price',
	'stock_quantity',
	'amount',
	'total',
	'code',
	'message',
];

function isRecord( value: unknown ): value is Record< string, unknown > {
	return (
		typeof value === 'object' && value !== null && ! Array.isArray( value )
	);
}

function ResponseFacts( { response }: { response: unknown } ) {
	if ( ! isRecord( response ) ) {
		return null;
	}
	const facts = RESPONSE_FIELDS.filter(
		( field ) =>
			field in response &&
			[ 'string', 'number', 'boolean' ].includes(
				typeof response[ field ]
			)
	);
	if ( facts.length === 0 ) {
		return null;
	}
	return (
		<dl className="agent-guard-facts">
			{ facts.map( ( field ) => (
				<Fragment key={ field }>
					<dt>{ fieldLabel( field ) }</dt>
					<dd>{ formatValue( response[ field ] ) }</dd>
				</Fragment>
			) ) }
		</dl>
	);
}

function ConflictChanges( {
	changes,
}: {
	changes: NonNullable< Approval[ 'result' ][ 'changes' ] >;
} ) {
	return (
		<DataTable
			className="agent-guard-diff"
			caption={ __(
				'What changed since the request was queued',
				'agent-guard'
			) }
			columns={ [
				__( 'Target', 'agent-guard' ),
				__( 'Field', 'agent-guard' ),
				__( 'When queued', 'agent-guard' ),
				__( 'Now', 'agent-guard' ),
			] }
			rows={ changes }
			renderRow={ ( change, index ) => (
				<tr key={ `${ change.target }:${ change.field }:${ index }` }>
					<td>
						<code>{ change.target }</code>
					</td>
					<td>
						{ change.field === '*'
							? __( 'The whole target', 'agent-guard' )
							: fieldLabel( change.field ) }
					</td>
					<td className="agent-guard-diff__value">
						{ formatValue( change.queued ) }
					</td>
					<td className="agent-guard-diff__value">
						{ formatValue( change.now ) }
					</td>
				</tr>
			) }
		/>
	);
}

/**
 * What happened to a decided request: the store's answer when it ran, why it failed, the
 * fields that changed under a conflict, or that it was rejected or expired.
 *
 * @param props          Props.
 * @param props.approval
 */
export function ApprovalResult( { approval }: { approval: Approval } ) {
	const { result, result_status: status } = approval;
	switch ( approval.state ) {
		case 'executed':
			return (
				<>
					<p>
						{ sprintf(
							/* translators: %d: HTTP status code. */
							__(
								'Applied: the store answered HTTP %d.',
								'agent-guard'
							),
							status
						) }
					</p>
					<ResponseFacts response={ result.response } />
				</>
			);
		case 'failed':
			return (
				<>
					<p>
						{ status > 0
							? sprintf(
									/* translators: %d: HTTP status code. */
									__(
										'Not applied: it failed with HTTP %d.',
										'agent-guard'
									),
									status
							  )
							: __(
									'Not applied: it failed.',
									'agent-guard'
							  ) }{ ' ' }
						{ result.message ?? result.reason ?? '' }
					</p>
					{ result.code || result.rule ? (
						<p className="agent-guard-muted">
							{ result.code ? (
								<code>{ result.code }</code>
							) : null }{ ' ' }
							{ result.rule ? (
								<code>{ result.rule }</code>
							) : null }
						</p>
					) : null }
					<ResponseFacts response={ result.response } />
				</>
			);
		case 'conflict':
			return (
				<>
					<p>
						{ result.message ??
							__(
								'The target changed since the request was queued; nothing was written.',
								'agent-guard'
							) }
					</p>
					{ result.changes && result.changes.length > 0 ? (
						<ConflictChanges changes={ result.changes } />
					) : null }
				</>
			);
		case 'rejected':
			return (
				<p>{ __( 'Rejected: nothing was written.', 'agent-guard' ) }</p>
			);
		case 'expired':
			return (
				<p>
					{ sprintf(
						/* translators: %s: date and time. */
						__(
							'Nobody decided it before it expired (%s); nothing was written. The agent must ask again.',
							'agent-guard'
						),
						formatDateTime( approval.expires_at )
					) }
				</p>
			);
		case 'approved':
			return (
				<p>
					{ __(
						'Approved, waiting to run: agents are halted. It runs once they are resumed.',
						'agent-guard'
					) }
				</p>
			);
		case 'executing':
			return <p>{ __( 'Running now.', 'agent-guard' ) }</p>;
		case 'pending':
			return null;
	}
}

/**
 * WordPress dependencies
 */
import { Button, Notice } from '@wordpress/components';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ErrorNotice } from '../../../components/error-notice';
import { LoadingState } from '../../../components/loading-state';
import { formatDateTime } from '../../../components/relative-time';
import type { AuditVerify } from '../../../schemas';

interface VerifyResultProps {
	result: AuditVerify | undefined;
	error: Error | null;
	isVerifying: boolean;
	/** When the result shown was obtained (ms since the epoch). */
	checkedAt: number;
	onShowEvent: ( id: number ) => void;
	onRetry: () => void;
}

/**
 * The outcome of verifying the hash chain, as prominently as it matters: intact with how
 * many events were checked, or the first broken event with the reason (every event before
 * it checks out).
 *
 * @param props             Props.
 * @param props.result
 * @param props.error
 * @param props.isVerifying
 * @param props.checkedAt
 * @param props.onShowEvent
 * @param props.onRetry
 */
export function VerifyResult( {
	result,
	error,
	isVerifying,
	checkedAt,
	onShowEvent,
	onRetry,
}: VerifyResultProps ) {
	if ( isVerifying ) {
		return (
			<LoadingState
				label={ __(
					'Verifying the log: every event is read and hashed again…',
					'agent-guard'
				) }
			/>
		);
	}
	if ( error ) {
		return (
			<ErrorNotice
				error={ error }
				title={ __( 'Could not verify the log.', 'agent-guard' ) }
				onRetry={ onRetry }
			/>
		);
	}
	if ( ! result ) {
		return null;
	}
	const when = sprintf(
		/* translators: %s: date and time. */
		__( 'Verified on %s.', 'agent-guard' ),
		formatDateTime( new Date( checkedAt ).toISOString() )
	);
	if ( result.ok ) {
		return (
			<div className="agent-guard-audit-verify" role="status">
				<Notice status="success" isDismissible={ false }>
					<p>
						<strong>
							{ sprintf(
								/* translators: %s: number of events. */
								_n(
									'Intact — %s event checked',
									'Intact — %s events checked',
									result.checked,
									'agent-guard'
								),
								result.checked.toLocaleString()
							) }
						</strong>
					</p>
					<p>
						{ __(
							'Every event matches its hash and points at the one before it: nothing was edited or deleted.',
							'agent-guard'
						) }{ ' ' }
						{ when }
					</p>
				</Notice>
			</div>
		);
	}
	const broken = result.first_broken;
	return (
		<div className="agent-guard-audit-verify" role="alert">
			<Notice status="error" isDismissible={ false }>
				<p>
					<strong>
						{ broken
							? sprintf(
									/* translators: %d: audit event id. */
									__(
										'Broken — the chain fails at event #%d',
										'agent-guard'
									),
									broken.id
							  )
							: __( 'Broken', 'agent-guard' ) }
					</strong>
				</p>
				{ broken ? (
					<>
						<p>
							{ sprintf(
								/* translators: %s: why the event fails verification. */
								__( 'Reason: %s.', 'agent-guard' ),
								broken.reason
							) }{ ' ' }
							{ __(
								'Every event before it checks out. The log was changed outside Agent Guard: keep this page’s evidence and find out who has write access to the database.',
								'agent-guard'
							) }{ ' ' }
							{ when }
						</p>
						<p>
							<Button
								variant="secondary"
								onClick={ () => onShowEvent( broken.id ) }
							>
								{ sprintf(
									/* translators: %d: audit event id. */
									__( 'Show event #%d', 'agent-guard' ),
									broken.id
								) }
							</Button>
						</p>
					</>
				) : null }
			</Notice>
		</div>
	);
}

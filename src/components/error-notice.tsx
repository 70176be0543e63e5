/**
 * WordPress dependencies
 */
import { Button, Notice } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ApiError } from '../api/errors';

interface ErrorNoticeProps {
	error: Error;
	/** A short sentence before the server's message ("Could not load the agents."). */
	title?: string;
	onRetry?: () => void;
	/** "warning" when older data is still shown below. */
	status?: 'error' | 'warning';
}

/**
 * Details of an ApiError ("agent_guard_forbidden, HTTP 403"), for the person who will
 * report it.
 *
 * @param error The error.
 */
function technicalDetails( error: Error ): string | null {
	if ( ! ( error instanceof ApiError ) ) {
		return null;
	}
	const parts = [ error.code ];
	if ( error.status !== null ) {
		parts.push(
			sprintf(
				/* translators: %d: HTTP status code. */
				__( 'HTTP %d', 'agent-guard' ),
				error.status
			)
		);
	}
	if ( error.path ) {
		parts.push(
			sprintf(
				/* translators: %s: the field the error is about. */
				__( 'field %s', 'agent-guard' ),
				error.path
			)
		);
	}
	return parts.join( ', ' );
}

/**
 * An error in words: what failed, the server's message as text, the code, and a retry.
 *
 * @param props         Props.
 * @param props.error
 * @param props.title
 * @param props.onRetry
 * @param props.status
 */
export function ErrorNotice( {
	error,
	title,
	onRetry,
	status = 'error',
}: ErrorNoticeProps ) {
	const details = technicalDetails( error );
	return (
		<Notice status={ status } isDismissible={ false }>
			{ title ? (
				<p>
					<strong>{ title }</strong>
				</p>
			) : null }
			<p>
				{ error.message }
				{ details ? (
					<span className="agent-guard-error-details">
						{ ' ' }
						({ details })
					</span>
				) : null }
			</p>
			{ onRetry ? (
				<p>
					<Button variant="secondary" onClick={ onRetry }>
						{ __( 'Try again', 'agent-guard' ) }
					</Button>
				</p>
			) : null }
		</Notice>
	);
}

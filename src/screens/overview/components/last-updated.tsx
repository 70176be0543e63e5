/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { LIVE_REFRESH_MS } from '../../../app/query-client';

/**
 * "Refreshes every 5 seconds · updated 10:42:03": that the list is live, and how fresh.
 *
 * @param props    Props.
 * @param props.at When the data was last fetched (ms since the epoch; 0 = not yet).
 */
export function LastUpdated( { at }: { at: number } ) {
	const every = sprintf(
		/* translators: %d: seconds. */
		__( 'Refreshes every %d seconds', 'agent-guard' ),
		Math.round( LIVE_REFRESH_MS / 1000 )
	);
	if ( at === 0 ) {
		return <>{ every }</>;
	}
	const time = new Date( at );
	return (
		<>
			{ every } ·{ ' ' }
			<time dateTime={ time.toISOString() }>
				{ sprintf(
					/* translators: %s: time of day. */
					__( 'updated %s', 'agent-guard' ),
					time.toLocaleTimeString(
						document.documentElement.lang || undefined
					)
				) }
			</time>
		</>
	);
}

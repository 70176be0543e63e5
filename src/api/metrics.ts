/**
 * Fetcher of `metrics`: what the Overview shows first (Assets.php preloads it there).
 */

/**
 * Internal dependencies
 */
import { metricsSchema, type Metrics } from '../schemas/generated/metrics';
import { apiPath, getJson, parse } from './client';

export type { Metrics };

/** Agent requests in one hour of the last 24. */
export type ActivityHour = Metrics[ 'activity' ][ number ];

export async function fetchMetrics( signal?: AbortSignal ): Promise< Metrics > {
	const data = await getJson( apiPath( 'metrics' ), { signal } );
	return parse( metricsSchema, data );
}

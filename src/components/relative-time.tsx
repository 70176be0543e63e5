/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/** The page's language (wp-admin sets <html lang>), for Intl. */
function locale(): string | undefined {
	const lang =
		typeof document !== 'undefined' ? document.documentElement.lang : '';
	return lang || undefined;
}

const UNITS: Array< [ Intl.RelativeTimeFormatUnit, number ] > = [
	[ 'year', 365 * 86400 ],
	[ 'month', 30 * 86400 ],
	[ 'week', 7 * 86400 ],
	[ 'day', 86400 ],
	[ 'hour', 3600 ],
	[ 'minute', 60 ],
	[ 'second', 1 ],
];

/**
 * "5 seconds ago", "in 3 days": the distance from now, in the largest whole unit.
 *
 * @param iso ISO 8601 time from the REST API (UTC, `Z`).
 * @param now Milliseconds since the epoch.
 */
export function formatRelativeTime( iso: string, now: number ): string {
	const time = Date.parse( iso );
	if ( Number.isNaN( time ) ) {
		return iso;
	}
	let seconds = Math.round( ( time - now ) / 1000 );
	if ( seconds > 0 && seconds < 60 ) {
		// A server clock a little ahead of the browser's: not "in 3 seconds".
		seconds = 0;
	}
	const format = new Intl.RelativeTimeFormat( locale(), { numeric: 'auto' } );
	for ( const [ unit, size ] of UNITS ) {
		if ( Math.abs( seconds ) >= size || unit === 'second' ) {
			return format.format( Math.trunc( seconds / size ), unit );
		}
	}
	return iso;
}

/**
 * The full date and time in the reader's time zone.
 *
 * @param iso ISO 8601 time.
 */
export function formatDateTime( iso: string ): string {
	const time = Date.parse( iso );
	if ( Number.isNaN( time ) ) {
		return iso;
	}
	return new Intl.DateTimeFormat( locale(), {
		dateStyle: 'medium',
		timeStyle: 'medium',
	} ).format( time );
}

interface RelativeTimeProps {
	/** ISO 8601, or null when it never happened. */
	value: string | null;
	now: number;
	/** Shown for null ("Never"). */
	fallback?: string;
}

/**
 * A <time> that reads "2 minutes ago" and shows the full date on hover.
 *
 * @param props          Props.
 * @param props.value
 * @param props.now
 * @param props.fallback
 */
export function RelativeTime( { value, now, fallback }: RelativeTimeProps ) {
	if ( value === null ) {
		return <span>{ fallback ?? __( 'Never', 'agent-guard' ) }</span>;
	}
	return (
		<time dateTime={ value } title={ formatDateTime( value ) }>
			{ formatRelativeTime( value, now ) }
		</time>
	);
}

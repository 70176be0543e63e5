/**
 * External dependencies
 */
import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ErrorNotice } from './error-notice';
import { LoadingState } from './loading-state';

interface QueryViewProps< T > {
	/** A query's result; this component shows it, it does not fetch. */
	query: Pick<
		UseQueryResult< T, Error >,
		'data' | 'error' | 'isPending' | 'refetch'
	>;
	loadingLabel: string;
	/** What failed, in words ("Could not load the agents."). */
	errorTitle: string;
	children: ( data: T ) => ReactNode;
}

/**
 * Loading, error and data states of one query, the same way on every screen. When a
 * refresh fails the last data stays on screen under a warning.
 *
 * @param props              Props.
 * @param props.query
 * @param props.loadingLabel
 * @param props.errorTitle
 * @param props.children
 */
export function QueryView< T >( {
	query,
	loadingLabel,
	errorTitle,
	children,
}: QueryViewProps< T > ) {
	const { data, error, isPending, refetch } = query;
	const retry = () => {
		void refetch();
	};
	if ( data === undefined ) {
		if ( error ) {
			return (
				<ErrorNotice
					error={ error }
					title={ errorTitle }
					onRetry={ retry }
				/>
			);
		}
		return isPending ? <LoadingState label={ loadingLabel } /> : null;
	}
	return (
		<>
			{ error ? (
				<ErrorNotice
					error={ error }
					status="warning"
					title={ __(
						'Could not refresh; showing the last answer.',
						'agent-guard'
					) }
					onRetry={ retry }
				/>
			) : null }
			{ children( data ) }
		</>
	);
}

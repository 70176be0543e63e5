/**
 * data-screen value => lazily loaded screen. The wp-admin menu is the router: each
 * submenu page renders #agent-guard-root with its data-screen.
 */

/**
 * WordPress dependencies
 */
import { lazy } from '@wordpress/element';

export const SCREENS = {
	overview: lazy( () => import( '../screens/overview' ) ),
	agents: lazy( () => import( '../screens/agents' ) ),
	approvals: lazy( () => import( '../screens/approvals' ) ),
	audit: lazy( () => import( '../screens/audit' ) ),
	canary: lazy( () => import( '../screens/canary' ) ),
} as const;

export type ScreenName = keyof typeof SCREENS;

export function isScreenName( value: unknown ): value is ScreenName {
	return (
		typeof value === 'string' &&
		Object.prototype.hasOwnProperty.call( SCREENS, value )
	);
}

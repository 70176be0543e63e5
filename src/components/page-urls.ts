/**
 * Links between screens that the initial state does not carry.
 */

/**
 * WordPress dependencies
 */
import { addQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import type { InitialState } from '../app/initial-state';

/** The Canary submenu's page slug (includes/Admin/Menu.php). */
export const CANARY_PAGE = 'agent-guard-canary';

/**
 * The Canary screen, optionally opened on one agent.
 *
 * @param pages   The initial state's page URLs.
 * @param agentId The agent to open.
 */
export function canaryPageUrl(
	pages: InitialState[ 'pages' ],
	agentId?: number
): string {
	return agentId === undefined
		? pages.canary
		: addQueryArgs( pages.canary, { agent: agentId } );
}

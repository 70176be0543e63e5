/**
 * `window.agentGuard`, written by includes/Admin/Assets.php::initial_state().
 */

/**
 * External dependencies
 */
import { z } from 'zod';

export const initialStateSchema = z.object( {
	version: z.string(),
	namespace: z.string(),
	restUrl: z.string(),
	user: z.object( {
		id: z.number().int(),
		name: z.string(),
		isAdmin: z.boolean(),
	} ),
	caps: z.object( {
		manage: z.boolean(),
		approve: z.boolean(),
		halt: z.boolean(),
		audit: z.boolean(),
	} ),
	pages: z.object( {
		overview: z.string(),
		agents: z.string(),
		approvals: z.string(),
		audit: z.string(),
		canary: z.string(),
	} ),
	currency: z.string(),
	priceDecimals: z.number().int(),
} );

export type InitialState = z.infer< typeof initialStateSchema >;

/**
 * Reads and parses the initial state; throws a readable error when it is missing or
 * malformed (the page was not rendered by Agent Guard's Assets class).
 *
 * @param source Where `agentGuard` lives (window).
 */
export function readInitialState( source: unknown ): InitialState {
	const raw =
		typeof source === 'object' && source !== null && 'agentGuard' in source
			? source.agentGuard
			: undefined;
	const result = initialStateSchema.safeParse( raw );
	if ( ! result.success ) {
		const issue = result.error.issues[ 0 ];
		throw new Error(
			`window.agentGuard is missing or malformed${
				issue
					? ` (${ issue.path.join( '.' ) }: ${ issue.message })`
					: ''
			}.`
		);
	}
	return result.data;
}

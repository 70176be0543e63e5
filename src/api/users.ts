/**
 * WordPress's own `/wp/v2/users`, for choosing an agent's owner: the people who hold an
 * Agent Guard capability. Agent Guard has no route of its own for this; the service users
 * agents act as are left out.
 */

/**
 * External dependencies
 */
import { z } from 'zod';

/**
 * WordPress dependencies
 */
import { addQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import { userSchema, type User } from '../schemas';
import { getJson, parse } from './client';

/** The role of the users agents act as (WpServiceAccounts::ROLE): never an owner. */
export const SERVICE_ROLE = 'agent_guard_agent';

/** How many users the owner picker lists. */
export const OWNER_LIMIT = 100;

/** Holding any one of these makes a user a possible owner (Capabilities::all()). */
export const OWNER_CAPABILITIES = [
	'agent_guard_manage',
	'agent_guard_approve',
	'agent_guard_halt',
	'agent_guard_audit',
];

export async function fetchOwnerCandidates(
	signal?: AbortSignal
): Promise< User[] > {
	const data = await getJson(
		addQueryArgs( '/wp/v2/users', {
			context: 'edit',
			capabilities: OWNER_CAPABILITIES.join( ',' ),
			per_page: OWNER_LIMIT,
			orderby: 'name',
			_fields: 'id,name,roles',
		} ),
		{ signal }
	);
	return parse( z.array( userSchema ), data ).filter(
		( user ) => ! ( user.roles ?? [] ).includes( SERVICE_ROLE )
	);
}

/**
 * The people who may own an agent (`GET agent-guard/v1/owners`): users holding an Agent
 * Guard capability, never the service users agents act as.
 */

/**
 * External dependencies
 */
import { z } from 'zod';

/**
 * Internal dependencies
 */
import { userSchema, type User } from '../schemas';
import { apiPath, getJson, parse } from './client';

/** The role of the users agents act as (WpServiceAccounts::ROLE): never an owner. */
export const SERVICE_ROLE = 'agent_guard_agent';

export async function fetchOwnerCandidates(
	signal?: AbortSignal,
	search = ''
): Promise< User[] > {
	const data = await getJson( apiPath( 'owners', { search } ), { signal } );
	// The server already leaves service users out; a role in the answer is checked anyway.
	return parse( z.array( userSchema ), data ).filter(
		( user ) => ! ( user.roles ?? [] ).includes( SERVICE_ROLE )
	);
}

/**
 * Fetchers of `inventory` (the store's WooCommerce keys and application passwords),
 * `inventory/adopt`, `inventory/adoptions/<id>` and `settings`.
 */

/**
 * External dependencies
 */
import { z } from 'zod';

/**
 * Internal dependencies
 */
import {
	adoptionReleaseSchema,
	credentialSchema,
	settingsSchema,
	type AdoptionRelease,
	type Credential,
	type Settings,
} from '../schemas';
import { apiPath, getJson, parse, sendJson } from './client';

/** The body of POST inventory/adopt. */
export interface Adoption {
	kind: Credential[ 'kind' ];
	external_id: string;
	agent_id: number;
}

export async function fetchInventory(
	signal?: AbortSignal
): Promise< Credential[] > {
	const data = await getJson( apiPath( 'inventory' ), { signal } );
	return parse( z.array( credentialSchema ), data );
}

/**
 * Makes an agent of an existing credential: its requests go through the agent's policy.
 *
 * @param input Which credential, which agent.
 */
export async function adoptCredential(
	input: Adoption
): Promise< Credential > {
	const data = await sendJson( 'POST', apiPath( 'inventory/adopt' ), {
		...input,
	} );
	return parse( credentialSchema, data );
}

export async function releaseAdoption(
	adoptionId: number
): Promise< AdoptionRelease > {
	const data = await sendJson(
		'DELETE',
		apiPath( `inventory/adoptions/${ adoptionId }` )
	);
	return parse( adoptionReleaseSchema, data );
}

export async function fetchSettings(
	signal?: AbortSignal
): Promise< Settings > {
	const data = await getJson( apiPath( 'settings' ), { signal } );
	return parse( settingsSchema, data );
}

export async function updateSettings(
	changes: Partial< Settings >
): Promise< Settings > {
	const data = await sendJson( 'POST', apiPath( 'settings' ), {
		...changes,
	} );
	return parse( settingsSchema, data );
}

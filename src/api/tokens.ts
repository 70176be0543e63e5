/**
 * Fetchers of `agents/<id>/tokens`.
 */

/**
 * Internal dependencies
 */
import {
	issuedTokenSchema,
	tokenSchema,
	type IssuedToken,
	type Token,
} from '../schemas';
import {
	apiPath,
	getCollection,
	parse,
	sendJson,
	type Collection,
} from './client';

/** The body of POST agents/<id>/tokens. */
export interface NewToken {
	label?: string;
	scope?: Token[ 'scope' ];
	/** Omitted: the lifetime the agent's policy sets. */
	lifetime_seconds?: number;
}

export function fetchTokens(
	agentId: number,
	signal?: AbortSignal
): Promise< Collection< Token > > {
	return getCollection(
		tokenSchema,
		apiPath( `agents/${ agentId }/tokens` ),
		{
			signal,
		}
	);
}

/**
 * Issues a token. The answer is the only place its secret ever appears: keep it in
 * component state, never in the query cache.
 *
 * @param agentId The agent.
 * @param input   Label, scope, lifetime.
 */
export async function issueToken(
	agentId: number,
	input: NewToken
): Promise< IssuedToken > {
	const data = await sendJson(
		'POST',
		apiPath( `agents/${ agentId }/tokens` ),
		{ ...input }
	);
	return parse( issuedTokenSchema, data );
}

export async function revokeToken(
	agentId: number,
	tokenId: number
): Promise< Token > {
	const data = await sendJson(
		'DELETE',
		apiPath( `agents/${ agentId }/tokens/${ tokenId }` )
	);
	return parse( tokenSchema, data );
}

/**
 * Rotates a token: a successor is issued (its secret in the answer, once) and the old
 * token keeps working for `graceSeconds` (0–7 days), then stops.
 *
 * @param agentId      The agent.
 * @param tokenId      The token to replace.
 * @param graceSeconds How long the old token keeps working.
 */
export async function rotateToken(
	agentId: number,
	tokenId: number,
	graceSeconds: number
): Promise< IssuedToken > {
	const data = await sendJson(
		'POST',
		apiPath( `agents/${ agentId }/tokens/${ tokenId }/rotate` ),
		{ grace_seconds: graceSeconds }
	);
	return parse( issuedTokenSchema, data );
}

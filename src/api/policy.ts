/**
 * Fetchers of `agents/<id>/policy`, its versions, export and import.
 */

/**
 * Internal dependencies
 */
import {
	policyExportSchema,
	policyImportSchema,
	policyRecordSchema,
	policyVersionSchema,
	type Policy,
	type PolicyExport,
	type PolicyImport,
	type PolicyRecord,
	type PolicyVersion,
} from '../schemas';
import {
	apiPath,
	getCollection,
	getJson,
	getJsonResponse,
	parse,
	sendJson,
	type Collection,
} from './client';

/** The body of PUT agents/<id>/policy. */
export interface PolicySave {
	policy: Policy;
	/** Why it changed, for the version history (500 characters at most). */
	note?: string;
	/** The version the editor started from; a newer one answers 409. */
	expected_version?: number;
}

export async function fetchPolicy(
	agentId: number,
	signal?: AbortSignal
): Promise< PolicyRecord > {
	const data = await getJson( apiPath( `agents/${ agentId }/policy` ), {
		signal,
	} );
	return parse( policyRecordSchema, data );
}

export async function savePolicy(
	agentId: number,
	input: PolicySave
): Promise< PolicyRecord > {
	const data = await sendJson(
		'PUT',
		apiPath( `agents/${ agentId }/policy` ),
		{ ...input }
	);
	return parse( policyRecordSchema, data );
}

export function fetchPolicyVersions(
	agentId: number,
	signal?: AbortSignal
): Promise< Collection< PolicyVersion > > {
	return getCollection(
		policyVersionSchema,
		apiPath( `agents/${ agentId }/policy/versions` ),
		{ signal }
	);
}

export async function fetchPolicyVersion(
	agentId: number,
	version: number,
	signal?: AbortSignal
): Promise< PolicyRecord > {
	const data = await getJson(
		apiPath( `agents/${ agentId }/policy/versions/${ version }` ),
		{ signal }
	);
	return parse( policyRecordSchema, data );
}

/** The policy file: its name and its content. */
export interface PolicyFile {
	/** `agent-policy-YYYYMMDD-<agent>.json`, as the server names it. */
	filename: string;
	document: PolicyExport;
}

const SAFE_FILENAME = /^[A-Za-z0-9._-]{1,200}\.json$/;

/**
 * The file name the server gave the export: X-Agent-Guard-Filename, else the
 * Content-Disposition's, else one built from the agent id. Only plain names pass.
 *
 * @param header  Reads a response header.
 * @param agentId The agent, for the fallback name.
 */
export function exportFilename(
	header: ( name: string ) => string | null,
	agentId: number
): string {
	const named = header( 'X-Agent-Guard-Filename' )?.trim();
	if ( named && SAFE_FILENAME.test( named ) ) {
		return named;
	}
	const disposition = /filename="?([^";]+)"?/i.exec(
		header( 'Content-Disposition' ) ?? ''
	)?.[ 1 ];
	if ( disposition && SAFE_FILENAME.test( disposition ) ) {
		return disposition;
	}
	const day = new Date().toISOString().slice( 0, 10 ).replace( /-/g, '' );
	return `agent-policy-${ day }-agent-${ agentId }.json`;
}

export async function exportPolicy( agentId: number ): Promise< PolicyFile > {
	const response = await getJsonResponse(
		apiPath( `agents/${ agentId }/policy/export` )
	);
	return {
		filename: exportFilename( response.header, agentId ),
		document: parse( policyExportSchema, response.body ),
	};
}

/**
 * Sends a policy file: with `apply: false` the server only validates it and answers what
 * it would change; with `apply: true` it saves it as a new version.
 *
 * @param agentId  The agent.
 * @param document The decoded file (an export file or a bare policy).
 * @param apply    Save it, or only preview.
 */
export async function importPolicy(
	agentId: number,
	document: unknown,
	apply: boolean
): Promise< PolicyImport > {
	const data = await sendJson(
		'POST',
		apiPath( `agents/${ agentId }/policy/import` ),
		{ document, apply }
	);
	return parse( policyImportSchema, data );
}

/**
 * WordPress dependencies
 */
import { useCallback, useEffect, useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import type { PolicyRecord } from '../../../schemas';
import {
	isJsonObject,
	sameJson,
	setAt,
	toJson,
	type Json,
	type JsonObject,
} from './policy-draft';

function documentOf( record: PolicyRecord ): JsonObject {
	const json = toJson( record.policy );
	return isJsonObject( json ) ? json : {};
}

export interface PolicyDraft {
	/** The saved version the draft started from. */
	base: PolicyRecord;
	draft: JsonObject;
	/** The draft differs from its base. */
	dirty: boolean;
	/** A newer version arrived from the server while the draft had changes. */
	newerVersion: number | null;
	change: ( path: string, value: Json | undefined ) => void;
	replace: ( document: JsonObject ) => void;
	/** Starts over from a saved version (after a save, or to take someone else's). */
	reset: ( record: PolicyRecord ) => void;
	discard: () => void;
}

/**
 * The editor's working copy of a policy. It follows the server's version while it has no
 * changes; with changes, a newer server version is only announced (`newerVersion`), never
 * merged silently — saving then meets the server's 409.
 *
 * @param server The policy as last fetched.
 */
export function usePolicyDraft( server: PolicyRecord ): PolicyDraft {
	const [ base, setBase ] = useState( server );
	const [ draft, setDraft ] = useState( () => documentOf( server ) );
	const dirty = ! sameJson( draft, documentOf( base ) );

	useEffect( () => {
		if ( server.version !== base.version && ! dirty ) {
			setBase( server );
			setDraft( documentOf( server ) );
		}
		// Only a new server answer is a reason to follow it.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [ server ] );

	const change = useCallback(
		( path: string, value: Json | undefined ) =>
			setDraft( ( current ) => setAt( current, path, value ) ),
		[]
	);
	const reset = useCallback( ( record: PolicyRecord ) => {
		setBase( record );
		setDraft( documentOf( record ) );
	}, [] );

	return {
		base,
		draft,
		dirty,
		newerVersion:
			dirty && server.version > base.version ? server.version : null,
		change,
		replace: setDraft,
		reset,
		discard: () => setDraft( documentOf( base ) ),
	};
}

/**
 * External dependencies
 */
import { useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';

/**
 * WordPress dependencies
 */
import {
	Button,
	Flex,
	Modal,
	Notice,
	TextControl,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ApiError } from '../../../api/errors';
import { useInitialState } from '../../../app/initial-state-context';
import { Badge } from '../../../components/badge';
import { ErrorNotice } from '../../../components/error-notice';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import type { Agent, PolicyRecord } from '../../../schemas';
import { PolicyErrorSummary } from '../components/policy-error-summary';
import { focusField } from '../components/policy-fields';
import { PolicyForm } from '../components/policy-form';
import {
	jsonErrorLocation,
	PolicyJsonView,
} from '../components/policy-json-view';
import { PolicyVersionsTable } from '../components/policy-versions-table';
import {
	isJsonObject,
	toJson,
	type Json,
	type JsonObject,
} from '../data/policy-draft';
import {
	placeErrors,
	serverPolicyError,
	validatePolicy,
	type PolicyError,
} from '../data/policy-errors';
import { policyFieldPaths } from '../data/policy-layout';
import {
	policyQuery,
	policyVersionQuery,
	policyVersionsQuery,
} from '../data/query-options';
import { usePolicyDraft } from '../data/use-policy-draft';
import { useSavePolicy } from '../data/use-policy-mutations';

/** The error code of a save made against an older version. */
const VERSION_CONFLICT = 'agent_guard_version_conflict';

type View = 'form' | 'json';

function pretty( value: Json ): string {
	return JSON.stringify( value, null, 2 );
}

/**
 * The text of the JSON view as a document, or why it is not one.
 *
 * @param text The text.
 */
function readJson(
	text: string
): { ok: true; document: JsonObject } | { ok: false; message: string } {
	let parsed: unknown;
	try {
		parsed = JSON.parse( text );
	} catch ( error ) {
		return {
			ok: false,
			message: jsonErrorLocation(
				text,
				error instanceof Error ? error.message : String( error )
			),
		};
	}
	const json = toJson( parsed );
	if ( ! isJsonObject( json ) ) {
		return {
			ok: false,
			message: __( 'A policy is a JSON object ({ … }).', 'agent-guard' ),
		};
	}
	return { ok: true, document: json };
}

/**
 * Errors that no longer apply once the value at `path` changed.
 *
 * @param errors The shown errors.
 * @param path   The changed path.
 */
function withoutErrorsAt( errors: PolicyError[], path: string ): PolicyError[] {
	return errors.filter(
		( error ) =>
			error.path !== path &&
			! error.path.startsWith( `${ path }.` ) &&
			! ( error.path !== '' && path.startsWith( `${ error.path }.` ) )
	);
}

interface PolicyEditorProps {
	agent: Agent;
	server: PolicyRecord;
	canEdit: boolean;
	onReload: () => Promise< PolicyRecord | undefined >;
	focusPath: string | null;
	onFocused: () => void;
	onDirtyChange: ( dirty: boolean ) => void;
}

function PolicyEditor( {
	agent,
	server,
	canEdit,
	onReload,
	focusPath,
	onFocused,
	onDirtyChange,
}: PolicyEditorProps ) {
	const { currency, priceDecimals } = useInitialState();
	const editor = usePolicyDraft( server );
	const save = useSavePolicy( agent.id );
	const [ view, setView ] = useState< View >( 'form' );
	const [ jsonText, setJsonText ] = useState( '' );
	const [ syntaxError, setSyntaxError ] = useState< string | null >( null );
	const [ errors, setErrors ] = useState< PolicyError[] >( [] );
	const [ note, setNote ] = useState( '' );
	const [ savedVersion, setSavedVersion ] = useState< number | null >( null );
	const [ viewing, setViewing ] = useState< number | null >( null );
	const fields = policyFieldPaths( editor.draft );
	const placed = placeErrors( errors, fields );
	const jsonDirty = view === 'json' && jsonText !== pretty( editor.draft );
	const dirty = editor.dirty || jsonDirty;
	const readOnly = ! canEdit || agent.status === 'archived';

	useEffect( () => onDirtyChange( dirty ), [ dirty, onDirtyChange ] );

	useEffect( () => {
		if ( ! focusPath ) {
			return;
		}
		focusField( focusPath );
		onFocused();
	}, [ focusPath, onFocused ] );

	const conflict =
		save.error instanceof ApiError && save.error.code === VERSION_CONFLICT;
	const fieldError = serverPolicyError( save.error ) !== null;

	const reload = async () => {
		save.reset();
		const fresh = await onReload();
		if ( fresh ) {
			editor.reset( fresh );
			setJsonText( pretty( toJson( fresh.policy ) ) );
			setErrors( [] );
			setSyntaxError( null );
		}
	};

	const showJson = () => {
		setJsonText( pretty( editor.draft ) );
		setSyntaxError( null );
		setView( 'json' );
	};

	const showForm = () => {
		const read = readJson( jsonText );
		if ( ! read.ok ) {
			setSyntaxError( read.message );
			return;
		}
		editor.replace( read.document );
		setSyntaxError( null );
		setView( 'form' );
	};

	const submit = ( event: FormEvent ) => {
		event.preventDefault();
		if ( readOnly || save.isPending ) {
			return;
		}
		setSavedVersion( null );
		let document = editor.draft;
		if ( view === 'json' ) {
			const read = readJson( jsonText );
			if ( ! read.ok ) {
				setSyntaxError( read.message );
				return;
			}
			document = read.document;
			editor.replace( document );
		}
		const checked = validatePolicy( document );
		if ( ! checked.ok ) {
			save.reset();
			setErrors( checked.errors );
			return;
		}
		setErrors( [] );
		save.mutate(
			{
				policy: checked.policy,
				note: note.trim(),
				expected_version: editor.base.version,
			},
			{
				onSuccess: ( record ) => {
					editor.reset( record );
					setJsonText( pretty( toJson( record.policy ) ) );
					setNote( '' );
					setSavedVersion( record.version );
				},
				onError: ( error ) => {
					const placedError = serverPolicyError( error );
					if ( placedError ) {
						setErrors( [ placedError ] );
					}
				},
			}
		);
	};

	return (
		<div className="agent-guard-policy">
			<form
				className="agent-guard-policy__editor"
				onSubmit={ submit }
				noValidate
				aria-label={ __( 'Policy', 'agent-guard' ) }
			>
				<div className="agent-guard-policy__toolbar">
					<span className="agent-guard-policy__version">
						{ sprintf(
							/* translators: %d: policy version. */
							__( 'Version %d', 'agent-guard' ),
							editor.base.version
						) }
					</span>
					{ dirty ? (
						<Badge tone="warning">
							{ __( 'Unsaved changes', 'agent-guard' ) }
						</Badge>
					) : null }
					<div
						className="agent-guard-policy__views"
						role="group"
						aria-label={ __( 'Show the policy as', 'agent-guard' ) }
					>
						<Button
							variant={
								view === 'form' ? 'primary' : 'secondary'
							}
							aria-pressed={ view === 'form' }
							onClick={ () => view === 'json' && showForm() }
						>
							{ __( 'Form', 'agent-guard' ) }
						</Button>
						<Button
							variant={
								view === 'json' ? 'primary' : 'secondary'
							}
							aria-pressed={ view === 'json' }
							onClick={ () => view === 'form' && showJson() }
						>
							{ __( 'JSON', 'agent-guard' ) }
						</Button>
					</div>
				</div>
				{ readOnly ? (
					<p className="agent-guard-form__note">
						{ agent.status === 'archived'
							? __(
									'This agent is archived; its policy can no longer change.',
									'agent-guard'
							  )
							: __(
									'You can read this policy; changing it needs the “manage agents” capability.',
									'agent-guard'
							  ) }
					</p>
				) : null }
				{ savedVersion !== null && ! dirty ? (
					<Notice status="success" isDismissible={ false }>
						{ sprintf(
							/* translators: %d: policy version. */
							__( 'Saved as version %d.', 'agent-guard' ),
							savedVersion
						) }
					</Notice>
				) : null }
				{ conflict || editor.newerVersion !== null ? (
					<Notice status="warning" isDismissible={ false }>
						<p>
							{ conflict
								? __(
										'Someone saved a newer version of this policy since you opened it, so yours was not saved.',
										'agent-guard'
								  )
								: sprintf(
										/* translators: %d: policy version. */
										__(
											'Version %d of this policy was saved by someone else while you were editing.',
											'agent-guard'
										),
										editor.newerVersion ?? 0
								  ) }{ ' ' }
							{ __(
								'Reload it to see the newer version; your changes here will be lost.',
								'agent-guard'
							) }
						</p>
						<p>
							<Button variant="secondary" onClick={ reload }>
								{ __( 'Reload the policy', 'agent-guard' ) }
							</Button>
						</p>
					</Notice>
				) : null }
				{ save.error && ! conflict && ! fieldError ? (
					<ErrorNotice
						error={ save.error }
						title={ __(
							'The policy was not saved.',
							'agent-guard'
						) }
					/>
				) : null }
				{ view === 'form' ? (
					<>
						<PolicyErrorSummary
							errors={ errors }
							fields={ fields }
							title={ __(
								'The policy was not saved.',
								'agent-guard'
							) }
						/>
						<PolicyForm
							draft={ editor.draft }
							onChange={ ( path, value ) => {
								editor.change( path, value );
								setErrors( ( current ) =>
									withoutErrorsAt( current, path )
								);
							} }
							errors={ placed.byField }
							disabled={ readOnly }
							currency={ currency }
							decimals={ priceDecimals }
						/>
					</>
				) : (
					<PolicyJsonView
						text={ jsonText }
						onChange={ ( text ) => {
							setJsonText( text );
							setSyntaxError( null );
						} }
						syntaxError={ syntaxError }
						errors={ errors }
						readOnly={ readOnly }
					/>
				) }
				{ readOnly ? null : (
					<div className="agent-guard-policy__savebar">
						<TextControl
							label={ __(
								'Note for the version history',
								'agent-guard'
							) }
							value={ note }
							onChange={ setNote }
							maxLength={ 500 }
							__nextHasNoMarginBottom
						/>
						<Flex justify="flex-end" gap={ 2 }>
							{ dirty ? (
								<Button
									variant="tertiary"
									onClick={ () => {
										editor.discard();
										setJsonText(
											pretty(
												toJson( editor.base.policy )
											)
										);
										setErrors( [] );
										setSyntaxError( null );
										save.reset();
									} }
								>
									{ __( 'Discard changes', 'agent-guard' ) }
								</Button>
							) : null }
							<Button
								variant="primary"
								type="submit"
								isBusy={ save.isPending }
								aria-disabled={ save.isPending }
							>
								{ __( 'Save policy', 'agent-guard' ) }
							</Button>
						</Flex>
					</div>
				) }
			</form>
			<PolicyHistory
				agent={ agent }
				current={ editor.base.version }
				canLoad={ ! readOnly }
				viewing={ viewing }
				onView={ setViewing }
				onLoad={ ( record ) => {
					const document = toJson( record.policy );
					if ( isJsonObject( document ) ) {
						editor.replace( document );
						setJsonText( pretty( document ) );
						setNote(
							sprintf(
								/* translators: %d: policy version. */
								__( 'Back to version %d', 'agent-guard' ),
								record.version
							)
						);
					}
					setViewing( null );
				} }
			/>
		</div>
	);
}

interface PolicyHistoryProps {
	agent: Agent;
	current: number;
	canLoad: boolean;
	viewing: number | null;
	onView: ( version: number | null ) => void;
	onLoad: ( record: PolicyRecord ) => void;
}

function PolicyHistory( {
	agent,
	current,
	canLoad,
	viewing,
	onView,
	onLoad,
}: PolicyHistoryProps ) {
	const versions = useQuery( policyVersionsQuery( agent.id ) );
	return (
		<Section title={ __( 'Version history', 'agent-guard' ) }>
			<QueryView
				query={ versions }
				loadingLabel={ __( 'Loading the versions…', 'agent-guard' ) }
				errorTitle={ __(
					'Could not load the versions.',
					'agent-guard'
				) }
			>
				{ ( data ) => (
					<PolicyVersionsTable
						versions={ data.items }
						current={ current }
						now={ versions.dataUpdatedAt || Date.now() }
						onView={ onView }
					/>
				) }
			</QueryView>
			{ viewing !== null ? (
				<PolicyVersionModal
					agentId={ agent.id }
					version={ viewing }
					canLoad={ canLoad && viewing !== current }
					onClose={ () => onView( null ) }
					onLoad={ onLoad }
				/>
			) : null }
		</Section>
	);
}

interface PolicyVersionModalProps {
	agentId: number;
	version: number;
	canLoad: boolean;
	onClose: () => void;
	onLoad: ( record: PolicyRecord ) => void;
}

function PolicyVersionModal( {
	agentId,
	version,
	canLoad,
	onClose,
	onLoad,
}: PolicyVersionModalProps ) {
	const record = useQuery( policyVersionQuery( agentId, version ) );
	return (
		<Modal
			title={ sprintf(
				/* translators: %d: policy version. */
				__( 'Policy version %d', 'agent-guard' ),
				version
			) }
			onRequestClose={ onClose }
			size="large"
		>
			<QueryView
				query={ record }
				loadingLabel={ __( 'Loading the version…', 'agent-guard' ) }
				errorTitle={ __(
					'Could not load this version.',
					'agent-guard'
				) }
			>
				{ ( data ) => (
					<>
						<pre
							className="agent-guard-policy-json__read"
							tabIndex={ 0 }
							aria-label={ __( 'Policy (JSON)', 'agent-guard' ) }
						>
							{ pretty( toJson( data.policy ) ) }
						</pre>
						<Flex justify="flex-end">
							<Button variant="tertiary" onClick={ onClose }>
								{ __( 'Close', 'agent-guard' ) }
							</Button>
							{ canLoad ? (
								<Button
									variant="primary"
									onClick={ () => onLoad( data ) }
								>
									{ __(
										'Load into the editor',
										'agent-guard'
									) }
								</Button>
							) : null }
						</Flex>
					</>
				) }
			</QueryView>
		</Modal>
	);
}

interface PolicyTabProps {
	agent: Agent;
	canEdit: boolean;
	/** A field to bring into view (from the checklist). */
	focusPath: string | null;
	onFocused: () => void;
	onDirtyChange: ( dirty: boolean ) => void;
}

/**
 * The Policy tab: the four layers as a form (or JSON), saved as a new version with a
 * note, and the version history.
 *
 * @param props               Props.
 * @param props.agent
 * @param props.canEdit
 * @param props.focusPath
 * @param props.onFocused
 * @param props.onDirtyChange
 */
export function PolicyTab( {
	agent,
	canEdit,
	focusPath,
	onFocused,
	onDirtyChange,
}: PolicyTabProps ) {
	const policy = useQuery( policyQuery( agent.id ) );
	return (
		<QueryView
			query={ policy }
			loadingLabel={ __( 'Loading the policy…', 'agent-guard' ) }
			errorTitle={ __( 'Could not load the policy.', 'agent-guard' ) }
		>
			{ ( data ) => (
				<PolicyEditor
					agent={ agent }
					server={ data }
					canEdit={ canEdit }
					onReload={ async () => ( await policy.refetch() ).data }
					focusPath={ focusPath }
					onFocused={ onFocused }
					onDirtyChange={ onDirtyChange }
				/>
			) }
		</QueryView>
	);
}

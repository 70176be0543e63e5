/**
 * External dependencies
 */
import type { ChangeEvent } from 'react';

/**
 * WordPress dependencies
 */
import { Button, Flex, Notice } from '@wordpress/components';
import { useId, useRef, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { PolicyFile } from '../../../api/policy';
import { useInitialState } from '../../../app/initial-state-context';
import { ErrorNotice } from '../../../components/error-notice';
import { Section } from '../../../components/section';
import type { Agent } from '../../../schemas';
import { PolicyDiffTable } from '../components/policy-diff-table';
import { serverPolicyError } from '../data/policy-errors';
import { useExportPolicy, useImportPolicy } from '../data/use-policy-mutations';

/**
 * Offers a policy file as a download under the name the server gave it.
 *
 * @param file The exported file.
 */
export function downloadPolicyFile( file: PolicyFile ): void {
	const blob = new Blob(
		[ JSON.stringify( file.document, null, 2 ) + '\n' ],
		{
			type: 'application/json',
		}
	);
	const url = URL.createObjectURL( blob );
	const link = document.createElement( 'a' );
	link.href = url;
	link.download = file.filename;
	link.rel = 'noopener';
	document.body.appendChild( link );
	link.click();
	link.remove();
	window.setTimeout( () => URL.revokeObjectURL( url ), 1000 );
}

/**
 * The text of a chosen file.
 *
 * @param file The file.
 */
export function readFileText( file: Blob ): Promise< string > {
	if ( typeof file.text === 'function' ) {
		return file.text();
	}
	return new Promise( ( resolve, reject ) => {
		const reader = new FileReader();
		reader.onload = () =>
			resolve( typeof reader.result === 'string' ? reader.result : '' );
		reader.onerror = () => reject( reader.error );
		reader.readAsText( file );
	} );
}

function ExportPanel( { agent }: { agent: Agent } ) {
	const exporter = useExportPolicy( agent.id );
	return (
		<Section title={ __( 'Export', 'agent-guard' ) }>
			<p className="agent-guard-section__intro">
				{ __(
					'Download this agent’s policy as a JSON file, to keep it in version control or import it into another agent or store.',
					'agent-guard'
				) }
			</p>
			{ exporter.error ? (
				<ErrorNotice
					error={ exporter.error }
					title={ __(
						'The policy was not exported.',
						'agent-guard'
					) }
				/>
			) : null }
			<p>
				<Button
					variant="secondary"
					isBusy={ exporter.isPending }
					aria-disabled={ exporter.isPending }
					onClick={ () => {
						if ( ! exporter.isPending ) {
							exporter.mutate( undefined, {
								onSuccess: downloadPolicyFile,
							} );
						}
					} }
				>
					{ __( 'Download policy file', 'agent-guard' ) }
				</Button>
			</p>
			<p role="status" className="agent-guard-muted">
				{ exporter.data
					? sprintf(
							/* translators: %s: file name. */
							__( 'Downloaded %s.', 'agent-guard' ),
							exporter.data.filename
					  )
					: null }
			</p>
		</Section>
	);
}

function ImportPanel( { agent }: { agent: Agent } ) {
	const { currency, priceDecimals } = useInitialState();
	const importer = useImportPolicy( agent.id );
	const inputId = useId();
	const inputRef = useRef< HTMLInputElement >( null );
	const [ fileName, setFileName ] = useState< string | null >( null );
	const [ fileDocument, setFileDocument ] = useState< unknown >( undefined );
	const [ readError, setReadError ] = useState< string | null >( null );
	const archived = agent.status === 'archived';

	const start = () => {
		importer.reset();
		setFileDocument( undefined );
		setFileName( null );
		setReadError( null );
		if ( inputRef.current ) {
			inputRef.current.value = '';
		}
	};

	const choose = async ( event: ChangeEvent< HTMLInputElement > ) => {
		const file = event.target.files?.[ 0 ];
		importer.reset();
		setFileDocument( undefined );
		setReadError( null );
		if ( ! file ) {
			setFileName( null );
			return;
		}
		setFileName( file.name );
		let parsed: unknown;
		try {
			parsed = JSON.parse( await readFileText( file ) );
		} catch ( error ) {
			setReadError(
				sprintf(
					/* translators: %s: the parser's message. */
					__( 'This file is not valid JSON: %s', 'agent-guard' ),
					error instanceof Error ? error.message : String( error )
				)
			);
			return;
		}
		setFileDocument( parsed );
		importer.mutate( { document: parsed, apply: false } );
	};

	const result = importer.data;
	const refused = serverPolicyError( importer.error );

	return (
		<Section title={ __( 'Import', 'agent-guard' ) }>
			<p className="agent-guard-section__intro">
				{ __(
					'Choose a policy file (an export, or a bare policy document). You see what it would change before anything is saved; the agent’s mode is kept.',
					'agent-guard'
				) }
			</p>
			{ archived ? (
				<p className="agent-guard-form__note">
					{ __(
						'This agent is archived; its policy can no longer change.',
						'agent-guard'
					) }
				</p>
			) : (
				<div className="agent-guard-import">
					<label
						htmlFor={ inputId }
						className="agent-guard-import__label"
					>
						{ __( 'Policy file', 'agent-guard' ) }
					</label>
					<input
						ref={ inputRef }
						id={ inputId }
						type="file"
						accept=".json,application/json"
						onChange={ choose }
					/>
				</div>
			) }
			{ readError ? (
				<Notice status="error" isDismissible={ false }>
					{ readError }
				</Notice>
			) : null }
			{ refused ? (
				<Notice status="error" isDismissible={ false }>
					<p>
						<strong>
							{ __( 'This file was refused.', 'agent-guard' ) }
						</strong>{ ' ' }
						{ refused.path ? (
							<>
								<code>{ refused.path }</code>
								{ ': ' }
							</>
						) : null }
						{ refused.message }
					</p>
				</Notice>
			) : null }
			{ importer.error && ! refused ? (
				<ErrorNotice
					error={ importer.error }
					title={ __( 'The file was not imported.', 'agent-guard' ) }
				/>
			) : null }
			{ importer.isPending ? (
				<p role="status">
					{ fileDocument !== undefined && result === undefined
						? __( 'Checking the file…', 'agent-guard' )
						: __( 'Importing…', 'agent-guard' ) }
				</p>
			) : null }
			{ result && ! result.applied ? (
				<div className="agent-guard-import__preview">
					<h3>
						{ sprintf(
							/* translators: %s: file name. */
							__( 'What %s would change', 'agent-guard' ),
							fileName ?? __( 'the file', 'agent-guard' )
						) }
					</h3>
					<PolicyDiffTable
						changes={ result.changes }
						currency={ currency }
						decimals={ priceDecimals }
						emptyMessage={ __(
							'The file matches the current policy; importing it would change nothing.',
							'agent-guard'
						) }
					/>
					<Flex justify="flex-end">
						<Button variant="tertiary" onClick={ start }>
							{ __( 'Cancel', 'agent-guard' ) }
						</Button>
						<Button
							variant="primary"
							disabled={ result.changes.length === 0 }
							isBusy={ importer.isPending }
							aria-disabled={ importer.isPending }
							onClick={ () => {
								if ( ! importer.isPending ) {
									importer.mutate( {
										document: fileDocument,
										apply: true,
									} );
								}
							} }
						>
							{ sprintf(
								/* translators: %d: number of changes. */
								_n(
									'Apply %d change',
									'Apply %d changes',
									result.changes.length,
									'agent-guard'
								),
								result.changes.length
							) }
						</Button>
					</Flex>
				</div>
			) : null }
			{ result && result.applied ? (
				<Notice status="success" isDismissible={ false }>
					{ result.version
						? sprintf(
								/* translators: %d: policy version. */
								__(
									'Imported: the policy is now at version %d.',
									'agent-guard'
								),
								result.version
						  )
						: __( 'Imported.', 'agent-guard' ) }
				</Notice>
			) : null }
		</Section>
	);
}

/**
 * Export and import of the policy file `agent-policy-YYYYMMDD-<agent>.json`. Only for
 * people who manage agents.
 *
 * @param props       Props.
 * @param props.agent
 */
export function TransferTab( { agent }: { agent: Agent } ) {
	return (
		<div className="agent-guard-agent__stack">
			<ExportPanel agent={ agent } />
			<ImportPanel agent={ agent } />
		</div>
	);
}

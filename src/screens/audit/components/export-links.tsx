/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AuditExportFormat } from '../../../api/audit';

interface ExportLinksProps {
	/** The file's address per format; null when the page has no REST nonce. */
	urls: Record< AuditExportFormat, string > | null;
	/** How many events one file holds. */
	limit: number;
	/** Whether filters narrow the export. */
	filtered: boolean;
}

function formatName( format: AuditExportFormat ): string {
	return format === 'csv'
		? __( 'CSV', 'agent-guard' )
		: __( 'JSON Lines', 'agent-guard' );
}

/**
 * Export CSV / Export JSON Lines of the events the filters select. They are plain links
 * (the browser downloads the file the server sends as an attachment), so a large export
 * streams to disk instead of passing through the page; a line under them says what the
 * click started.
 *
 * @param props          Props.
 * @param props.urls
 * @param props.limit
 * @param props.filtered
 */
export function ExportLinks( { urls, limit, filtered }: ExportLinksProps ) {
	const [ started, setStarted ] = useState< AuditExportFormat | null >(
		null
	);
	if ( urls === null ) {
		return (
			<p className="agent-guard-muted">
				{ __(
					'Export is unavailable: this page has no REST nonce. Reload the page.',
					'agent-guard'
				) }
			</p>
		);
	}
	const formats: AuditExportFormat[] = [ 'csv', 'jsonl' ];
	return (
		<div className="agent-guard-audit-export">
			<div className="agent-guard-audit-export__buttons">
				{ formats.map( ( format ) => (
					<Button
						key={ format }
						variant="secondary"
						href={ urls[ format ] }
						onClick={ () => setStarted( format ) }
					>
						{ format === 'csv'
							? __( 'Export CSV', 'agent-guard' )
							: __( 'Export JSON Lines', 'agent-guard' ) }
					</Button>
				) ) }
			</div>
			<p className="agent-guard-audit-export__note">
				{ filtered
					? sprintf(
							/* translators: %s: number of events. */
							__(
								'A file holds the oldest %s events that match the filters, oldest first, with their states and hashes. Narrow the time range to export later ones.',
								'agent-guard'
							),
							limit.toLocaleString()
					  )
					: sprintf(
							/* translators: %s: number of events. */
							__(
								'A file holds the oldest %s events of the log, oldest first, with their states and hashes. Narrow the time range to export later ones.',
								'agent-guard'
							),
							limit.toLocaleString()
					  ) }
			</p>
			<p className="agent-guard-audit-export__status" role="status">
				{ started
					? sprintf(
							/* translators: %s: file format, "CSV" or "JSON Lines". */
							__(
								'Export started: your browser downloads the %s file.',
								'agent-guard'
							),
							formatName( started )
					  )
					: '' }
			</p>
		</div>
	);
}

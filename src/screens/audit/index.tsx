/**
 * The Audit screen: the log of everything agents and people did through Agent Guard,
 * newest first, filtered by agent, event, decision, action, target, approval and time
 * (filters in the URL); one event's change before → after, rule and reasons, the agent's
 * metadata, its approval, incident and signer, and its hashes; verification of the hash
 * chain and export as CSV or JSON Lines for auditors.
 */

/**
 * Internal dependencies
 */
import { AuditView } from './views/audit-view';
import './audit.scss';

export default function AuditScreen() {
	return <AuditView />;
}

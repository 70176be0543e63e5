/**
 * The Approvals screen: the queue of agent requests waiting for a person, pending first,
 * with what each changes and what is at stake; approve (optionally lowering the proposed
 * value), reject with a comment, or decide several at once. Filters live in the URL.
 */

/**
 * Internal dependencies
 */
import { ApprovalsView } from './views/approvals-view';

export default function ApprovalsScreen() {
	return <ApprovalsView />;
}

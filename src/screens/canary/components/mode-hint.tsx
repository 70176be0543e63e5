/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AgentMode } from '../../../schemas';

interface ModeHintProps {
	mode: AgentMode;
	/** The agent's page, where its mode changes, when the reader may (agent_guard_manage). */
	agentUrl?: string;
}

function hint( mode: Exclude< AgentMode, 'canary' > ): string {
	switch ( mode ) {
		case 'observe':
			return __(
				'This agent is in observe-only mode: it executes nothing, so the dial has no effect yet. It opens this share of the products once the agent is in canary mode.',
				'agent-guard'
			);
		case 'active':
			return __(
				'This agent is active: every product is open to it, whatever the dial says. The dial applies again if it goes back to canary mode.',
				'agent-guard'
			);
		case 'paused':
			return __(
				'This agent is paused: every request is refused. The dial applies again once it is back in canary mode.',
				'agent-guard'
			);
	}
}

/**
 * Says when the dial does not limit the agent because it is not in canary mode.
 *
 * @param props          Props.
 * @param props.mode
 * @param props.agentUrl
 */
export function ModeHint( { mode, agentUrl }: ModeHintProps ) {
	if ( mode === 'canary' ) {
		return null;
	}
	return (
		<Notice status="warning" isDismissible={ false }>
			<p>{ hint( mode ) }</p>
			{ agentUrl ? (
				<p>
					<a href={ agentUrl }>
						{ __( 'Change its mode', 'agent-guard' ) }
					</a>
				</p>
			) : null }
		</Notice>
	);
}

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AgentMode } from '../schemas';
import { Badge } from './badge';
import { modeLabel, modeTone } from './labels';

interface ModeBadgeProps {
	mode: AgentMode;
	/** Shown with the canary mode ("Canary 10 %"); left out, the mode's name alone. */
	canaryPercent?: number;
}

/**
 * An agent's mode in a badge.
 *
 * @param props               Props.
 * @param props.mode
 * @param props.canaryPercent
 */
export function ModeBadge( { mode, canaryPercent }: ModeBadgeProps ) {
	return (
		<Badge tone={ modeTone( mode ) }>
			{ modeLabel( mode, canaryPercent ) }
		</Badge>
	);
}

/**
 * "Halted", with the reason on hover.
 *
 * @param props        Props.
 * @param props.reason Why the agent was halted, if someone said.
 */
export function HaltedBadge( { reason }: { reason?: string | null } ) {
	return (
		<Badge tone="error" title={ reason || undefined }>
			{ __( 'Halted', 'agent-guard' ) }
		</Badge>
	);
}

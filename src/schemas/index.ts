/**
 * The admin app's schemas: the generated ones (from schemas/*.json, never edited by hand)
 * and the few answers that have no JSON Schema file yet.
 */

/**
 * External dependencies
 */
import { z } from 'zod';

/**
 * Internal dependencies
 */
import { agentSchema } from './generated/agent';
import { approvalSchema } from './generated/approval';
import { approvalBulkResultSchema } from './generated/approval-bulk-result';
import { auditEventSchema } from './generated/audit-event';
import { policySchema } from './generated/policy';
import { tokenSchema } from './generated/token';

export {
	agentSchema,
	approvalSchema,
	approvalBulkResultSchema,
	auditEventSchema,
	policySchema,
	tokenSchema,
};
export type { Agent } from './generated/agent';
export type { Approval } from './generated/approval';
export type { ApprovalBulkResult } from './generated/approval-bulk-result';
export type { AuditEvent } from './generated/audit-event';
export type { Policy } from './generated/policy';
export type { Token } from './generated/token';
export { ACTIONS, RESOURCES } from './generated/vocabulary';
export type { Action, Resource } from './generated/vocabulary';

export type AgentMode = z.infer< typeof agentSchema >[ 'mode' ];
export type RiskTier = z.infer< typeof agentSchema >[ 'risk_tier' ];

/**
 * The answer of POST agents/<id>/tokens and .../rotate: a token whose secret is present,
 * the only time it ever is.
 */
export const issuedTokenSchema = tokenSchema.required( { secret: true } );
export type IssuedToken = z.infer< typeof issuedTokenSchema >;

/**
 * One entry of GET templates. Defined here because schemas/ has no template file yet
 * (AgentsController::get_templates() is the source of truth).
 */
export const policyTemplateSchema = z
	.object( {
		name: z.string().min( 1 ),
		label: z.string(),
		description: z.string(),
		policy: policySchema,
	} )
	.strict();
export type PolicyTemplate = z.infer< typeof policyTemplateSchema >;

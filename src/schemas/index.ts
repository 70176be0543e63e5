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
import { adoptionReleaseSchema } from './generated/adoption-release';
import { agentSchema } from './generated/agent';
import { approvalSchema } from './generated/approval';
import { approvalBulkResultSchema } from './generated/approval-bulk-result';
import { auditEventSchema } from './generated/audit-event';
import { auditVerifySchema } from './generated/audit-verify';
import { checklistSchema } from './generated/checklist';
import { credentialSchema } from './generated/credential';
import { policySchema } from './generated/policy';
import { policyImportSchema } from './generated/policy-import';
import { policyVersionSchema } from './generated/policy-version';
import { settingsSchema } from './generated/settings';
import { tokenSchema } from './generated/token';
import { userSchema } from './generated/user';

export {
	adoptionReleaseSchema,
	agentSchema,
	approvalSchema,
	approvalBulkResultSchema,
	auditEventSchema,
	auditVerifySchema,
	checklistSchema,
	credentialSchema,
	policySchema,
	policyImportSchema,
	policyVersionSchema,
	settingsSchema,
	tokenSchema,
	userSchema,
};
export type { AdoptionRelease } from './generated/adoption-release';
export type { Agent } from './generated/agent';
export type { Approval } from './generated/approval';
export type { ApprovalBulkResult } from './generated/approval-bulk-result';
export type { AuditEvent } from './generated/audit-event';
export type { AuditVerify } from './generated/audit-verify';
export type { Checklist } from './generated/checklist';
export type { Credential } from './generated/credential';
export type { Policy } from './generated/policy';
export type { PolicyImport } from './generated/policy-import';
export type { PolicyVersion } from './generated/policy-version';
export type { Settings } from './generated/settings';
export type { Token } from './generated/token';
export type { User } from './generated/user';
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

export type ChecklistItem = z.infer<
	typeof checklistSchema
>[ 'items' ][ number ];
export type PolicyChange = z.infer<
	typeof policyImportSchema
>[ 'changes' ][ number ];

/**
 * GET / PUT agents/<id>/policy and GET agents/<id>/policy/versions/<v>: a policy document
 * with its version. Composed here because the generator does not follow `$ref` into
 * policy.schema.json (PolicyController::get_policy() is the source of truth).
 */
export const policyRecordSchema = z
	.object( {
		agent_id: z.number().int(),
		version: z.number().int().min( 1 ),
		policy: policySchema,
	} )
	.strict();
export type PolicyRecord = z.infer< typeof policyRecordSchema >;

/**
 * The body of GET agents/<id>/policy/export (PolicyController::export()), the document
 * that is offered as `agent-policy-YYYYMMDD-<agent>.json`.
 */
export const policyExportSchema = z
	.object( {
		agent: z.string(),
		exported_at: z.string(),
		version: z.number().int().min( 1 ),
		policy: policySchema,
	} )
	.strict();
export type PolicyExport = z.infer< typeof policyExportSchema >;

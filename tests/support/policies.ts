/**
 * Policy documents the suites need beyond the templates.
 */
export const PolicyTemplatesForTests = {
	/** An agent that watches orders through a webhook it owns; customer details redacted. */
	webhookOwner(): Record< string, unknown > {
		return {
			schema_version: 1,
			mode: 'observe',
			data_access: {
				resources: { orders: 'read', webhooks: 'read' },
				pii: 'redacted',
			},
			actions: {
				allow: [
					'webhooks:create',
					'webhooks:update',
					'webhooks:delete',
				],
				deny: [],
			},
			approvals: {
				price: {},
				refund_over_minor: null,
				deletes: false,
				bulk_over_items: null,
				always: [],
				expires_hours: 48,
			},
			limits: {
				writes_per_minute: 5,
				actions_per_day: 1000,
				items_per_batch: 50,
			},
			canary: { percent: 0, outside: 'refuse' },
			tokens: { lifetime_days: 30 },
			circuit_breakers: {},
			launch: {},
		};
	},
};

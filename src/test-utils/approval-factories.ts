/**
 * Builders of approval items for tests (shaped like GET approvals answers; see
 * fixtures/approvals.json for ones recorded from a real site). Each takes overrides.
 */

/**
 * Internal dependencies
 */
import type { Approval } from '../schemas';

/**
 * A pending +20 % price change of one product, decidable by the reader.
 *
 * @param overrides Fields to replace.
 */
export function makeApproval( overrides: Partial< Approval > = {} ): Approval {
	return {
		id: 12,
		agent_id: 7,
		agent_name: 'Nightly repricer',
		state: 'pending',
		version: 1,
		action: 'products:update',
		target_type: 'product',
		target_id: '40',
		target_name: 'Ceramic Mug',
		target_sku: 'AG-1001',
		rule: 'approvals.price.max_change_percent_24h',
		reason: 'The regular price of product:40 would move 20.00 % from 12.00 24 hours ago; more than 5 % needs a human. A human must approve this request.',
		required_approvals: 1,
		approvals: [],
		created_at: '2026-11-21T06:00:00Z',
		expires_at: '2026-11-23T06:00:00Z',
		decided_at: null,
		finished_at: null,
		result: {},
		result_status: 0,
		status_url: 'http://store.test/wp-json/agent-guard/v1/approvals/12',
		method: 'PUT',
		route: '/wc/v3/products/40',
		params: { regular_price: '14.40' },
		payload_hash: 'c'.repeat( 64 ),
		diff: {
			units: [
				{
					item: 'products:update',
					operation: 'update',
					action: 'products:update',
					target: 'product:40',
					name: 'Ceramic Mug',
					sku: 'AG-1001',
					changes: {
						regular_price: {
							before: '12.00',
							after: '14.40',
							change_percent: 20,
						},
					},
				},
			],
		},
		reasons: [
			{
				item: 'products:update',
				target: 'product:40',
				rule: 'approvals.price.max_change_percent_24h',
				message:
					'The regular price of product:40 would move 20.00 % from 12.00 24 hours ago; more than 5 % needs a human.',
			},
		],
		queued_by: 'threshold',
		metadata: {
			rationale: 'Competitor raised to 14.50',
			confidence: '0.82',
			model: 'gpt-x',
		},
		exposure: {
			kind: 'price',
			items: [
				{
					target: 'product:40',
					name: 'Ceramic Mug',
					sku: 'AG-1001',
					kind: 'price',
					units_sold_30d: 12,
					price_before: '12.00',
					price_after: '14.40',
					change_percent: 20,
					revenue_effect_minor: 2880,
				},
			],
			amount_minor: 2880,
		},
		exposure_minor: 2880,
		edited_by: 0,
		audit_event_id: 0,
		can_decide: true,
		...overrides,
	};
}

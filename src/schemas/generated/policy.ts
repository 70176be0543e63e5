/**
 * Generated from schemas/policy.schema.json by bin/generate-schemas.mjs. Do not edit:
 * change the JSON Schema and run `npm run schemas`.
 */
import { z } from 'zod';

export const policySchema = z.object( {
	schema_version: z.literal( 1 ),
	mode: z.enum( [ "observe", "canary", "active", "paused" ] ),
	data_access: z.object( {
		resources: z.object( {
			products: z.enum( [ "none", "read" ] ).optional(),
			product_categories: z.enum( [ "none", "read" ] ).optional(),
			orders: z.enum( [ "none", "read" ] ).optional(),
			customers: z.enum( [ "none", "read" ] ).optional(),
			coupons: z.enum( [ "none", "read" ] ).optional(),
			webhooks: z.enum( [ "none", "read" ] ).optional(),
			reports: z.enum( [ "none", "read" ] ).optional(),
			settings: z.enum( [ "none", "read" ] ).optional(),
			posts: z.enum( [ "none", "read" ] ).optional(),
			pages: z.enum( [ "none", "read" ] ).optional(),
			media: z.enum( [ "none", "read" ] ).optional(),
			comments: z.enum( [ "none", "read" ] ).optional(),
		} ).strict(),
		pii: z.enum( [ "redacted", "shown" ] ),
	} ).strict(),
	actions: z.object( {
		allow: z.array( z.enum( [ "products:create", "products:update", "products:delete", "products:batch", "product_categories:create", "product_categories:update", "product_categories:delete", "product_categories:batch", "orders:create", "orders:update", "orders:delete", "orders:refund", "orders:note", "orders:batch", "customers:create", "customers:update", "customers:delete", "customers:batch", "coupons:create", "coupons:update", "coupons:delete", "coupons:batch", "webhooks:create", "webhooks:update", "webhooks:delete", "webhooks:batch", "settings:update", "posts:create", "posts:update", "posts:delete", "pages:create", "pages:update", "pages:delete", "media:create", "media:update", "media:delete", "comments:create", "comments:update", "comments:delete" ] ) ).max( 60 ).refine( ( items ) => new Set( items.map( ( item ) => JSON.stringify( item ) ) ).size === items.length, { message: 'Items must be unique.' } ),
		deny: z.array( z.enum( [ "products:create", "products:update", "products:delete", "products:batch", "product_categories:create", "product_categories:update", "product_categories:delete", "product_categories:batch", "orders:create", "orders:update", "orders:delete", "orders:refund", "orders:note", "orders:batch", "customers:create", "customers:update", "customers:delete", "customers:batch", "coupons:create", "coupons:update", "coupons:delete", "coupons:batch", "webhooks:create", "webhooks:update", "webhooks:delete", "webhooks:batch", "settings:update", "posts:create", "posts:update", "posts:delete", "pages:create", "pages:update", "pages:delete", "media:create", "media:update", "media:delete", "comments:create", "comments:update", "comments:delete" ] ) ).max( 60 ).refine( ( items ) => new Set( items.map( ( item ) => JSON.stringify( item ) ) ).size === items.length, { message: 'Items must be unique.' } ),
		constraints: z.object( {
			product_categories: z.array( z.number().int().min( 1 ) ).max( 500 ).refine( ( items ) => new Set( items.map( ( item ) => JSON.stringify( item ) ) ).size === items.length, { message: 'Items must be unique.' } ).optional(),
			product_ids: z.array( z.number().int().min( 1 ) ).max( 5000 ).refine( ( items ) => new Set( items.map( ( item ) => JSON.stringify( item ) ) ).size === items.length, { message: 'Items must be unique.' } ).optional(),
			order_statuses: z.array( z.string().regex( new RegExp( "^[a-z0-9_-]{1,40}$" ) ) ).max( 20 ).refine( ( items ) => new Set( items.map( ( item ) => JSON.stringify( item ) ) ).size === items.length, { message: 'Items must be unique.' } ).optional(),
		} ).strict().optional(),
		fields: z.record( z.string(), z.array( z.string().regex( new RegExp( "^[a-z0-9_]{1,60}(\\.[A-Za-z0-9_-]{1,100})?$" ) ) ).max( 100 ).refine( ( items ) => new Set( items.map( ( item ) => JSON.stringify( item ) ) ).size === items.length, { message: 'Items must be unique.' } ) ).optional(),
	} ).strict(),
	approvals: z.object( {
		price: z.object( {
			max_change_percent_24h: z.number().min( 0 ).max( 1000 ).nullable().optional(),
			max_change_minor: z.number().int().min( 0 ).max( 100000000 ).nullable().optional(),
			max_cumulative_percent_7d: z.number().min( 0 ).max( 1000 ).nullable().optional(),
			sale_dates_need_approval: z.boolean().optional(),
		} ).strict(),
		stock: z.object( {
			require_expected: z.boolean().optional(),
			max_change_units: z.number().int().min( 0 ).max( 1000000 ).nullable().optional(),
		} ).strict().optional(),
		coupons: z.object( {
			max_percent: z.number().min( 0 ).max( 100 ).nullable().optional(),
			max_fixed_minor: z.number().int().min( 0 ).max( 100000000 ).nullable().optional(),
		} ).strict().optional(),
		refund_over_minor: z.number().int().min( 0 ).max( 100000000 ).nullable(),
		deletes: z.boolean(),
		bulk_over_items: z.number().int().min( 1 ).max( 100 ).nullable(),
		always: z.array( z.enum( [ "products:create", "products:update", "products:delete", "products:batch", "product_categories:create", "product_categories:update", "product_categories:delete", "product_categories:batch", "orders:create", "orders:update", "orders:delete", "orders:refund", "orders:note", "orders:batch", "customers:create", "customers:update", "customers:delete", "customers:batch", "coupons:create", "coupons:update", "coupons:delete", "coupons:batch", "webhooks:create", "webhooks:update", "webhooks:delete", "webhooks:batch", "settings:update", "posts:create", "posts:update", "posts:delete", "pages:create", "pages:update", "pages:delete", "media:create", "media:update", "media:delete", "comments:create", "comments:update", "comments:delete" ] ) ).max( 60 ).refine( ( items ) => new Set( items.map( ( item ) => JSON.stringify( item ) ) ).size === items.length, { message: 'Items must be unique.' } ),
		second_approver_over_minor: z.number().int().min( 0 ).max( 10000000000 ).nullable().optional(),
		expires_hours: z.number().int().min( 1 ).max( 720 ),
	} ).strict(),
	limits: z.object( {
		writes_per_minute: z.number().int().min( 1 ).max( 1000 ),
		actions_per_day: z.number().int().min( 1 ).max( 1000000 ),
		items_per_batch: z.number().int().min( 1 ).max( 100 ),
	} ).strict(),
	canary: z.object( {
		percent: z.number().min( 0 ).max( 100 ),
		outside: z.enum( [ "refuse", "queue" ] ),
	} ).strict(),
	tokens: z.object( {
		lifetime_days: z.number().int().min( 1 ).max( 365 ),
		critical_actions: z.array( z.enum( [ "products:create", "products:update", "products:delete", "products:batch", "product_categories:create", "product_categories:update", "product_categories:delete", "product_categories:batch", "orders:create", "orders:update", "orders:delete", "orders:refund", "orders:note", "orders:batch", "customers:create", "customers:update", "customers:delete", "customers:batch", "coupons:create", "coupons:update", "coupons:delete", "coupons:batch", "webhooks:create", "webhooks:update", "webhooks:delete", "webhooks:batch", "settings:update", "posts:create", "posts:update", "posts:delete", "pages:create", "pages:update", "pages:delete", "media:create", "media:update", "media:delete", "comments:create", "comments:update", "comments:delete" ] ) ).max( 60 ).refine( ( items ) => new Set( items.map( ( item ) => JSON.stringify( item ) ) ).size === items.length, { message: 'Items must be unique.' } ).optional(),
		critical_lifetime_hours: z.number().int().min( 1 ).max( 2 ).optional(),
	} ).strict(),
	circuit_breakers: z.object( {
		failures_per_5_minutes: z.number().int().min( 1 ).max( 100000 ).nullable().optional(),
		writes_per_minute: z.number().int().min( 1 ).max( 100000 ).nullable().optional(),
		burst_writes: z.number().int().min( 1 ).max( 100000 ).nullable().optional(),
		burst_window_minutes: z.number().int().min( 1 ).max( 60 ).optional(),
		canary_max_failure_rate_percent: z.number().min( 0 ).max( 100 ).nullable().optional(),
		canary_max_revert_rate_percent: z.number().min( 0 ).max( 100 ).nullable().optional(),
	} ).strict(),
	launch: z.object( {
		integrations: z.array( z.string().min( 1 ).max( 200 ) ).max( 50 ).optional(),
		rollback_plan: z.string().max( 2000 ).optional(),
		alert_emails: z.array( z.string().email() ).max( 20 ).optional(),
		on_call: z.string().max( 200 ).optional(),
		callback_url: z.string().max( 500 ).optional(),
	} ).strict(),
} ).strict();

export type Policy = z.infer< typeof policySchema >;

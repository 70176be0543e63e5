/**
 * Generated from schemas/vocabulary.json by bin/generate-schemas.mjs. Do not edit.
 */
export const ACTIONS = ["products:create","products:update","products:delete","products:batch","product_categories:create","product_categories:update","product_categories:delete","product_categories:batch","orders:create","orders:update","orders:delete","orders:refund","orders:note","orders:batch","customers:create","customers:update","customers:delete","customers:batch","coupons:create","coupons:update","coupons:delete","coupons:batch","webhooks:create","webhooks:update","webhooks:delete","webhooks:batch","settings:update","posts:create","posts:update","posts:delete","pages:create","pages:update","pages:delete","media:create","media:update","media:delete","comments:create","comments:update","comments:delete"] as const;
export const RESOURCES = ["products","product_categories","orders","customers","coupons","webhooks","reports","settings","posts","pages","media","comments"] as const;
export type Action = ( typeof ACTIONS )[ number ];
export type Resource = ( typeof RESOURCES )[ number ];

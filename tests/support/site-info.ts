/**
 * Where the Playwright suites find their booted site.
 */
import fs from 'node:fs';
import path from 'node:path';

export const SITE_NAME = process.env.AGENT_GUARD_E2E_SITE || 'playwright';
export const SITE_PORT = Number( process.env.AGENT_GUARD_E2E_PORT || 8791 );

export interface SiteInfo {
	name: string;
	url: string;
	dir: string;
	wpDir: string;
	admin: { user: string; password: string; email: string };
	install: { app_password: string; admin_id: number };
	demo: {
		categories: number[];
		products: number[];
		customers: number[];
		orders: number[];
	};
	woocommerce: { real: boolean; dir: string } | null;
}

export function readSite(): SiteInfo {
	const file = path.resolve(
		__dirname,
		'../../.cache/sites',
		SITE_NAME,
		'site.json'
	);
	const info = JSON.parse( fs.readFileSync( file, 'utf8' ) ) as SiteInfo;
	const demoFile = path.resolve(
		__dirname,
		'../../.cache/sites',
		SITE_NAME,
		'demo.json'
	);
	if ( fs.existsSync( demoFile ) ) {
		info.demo = JSON.parse( fs.readFileSync( demoFile, 'utf8' ) );
	}
	return info;
}

/**
 * Two Playwright projects over one booted site (native PHP + SQLite, or MariaDB with
 * AGENT_GUARD_E2E_DB=mariadb; demo data):
 * `http` acts as an agent over HTTP; `e2e` drives wp-admin in Debian's Chromium.
 * The site is built and served by bin/site.mjs through Playwright's webServer.
 */
import { defineConfig } from '@playwright/test';
import { SITE_NAME, SITE_PORT } from './tests/support/site-info';

export default defineConfig( {
	workers: 1,
	fullyParallel: false,
	forbidOnly: true,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [ [ 'list' ] ],
	outputDir: '.cache/test-results',
	webServer: {
		command: `node bin/site.mjs create ${ SITE_NAME } --demo --serve --port=${ SITE_PORT }${
			process.env.AGENT_GUARD_E2E_DB === 'mariadb' ? ' --db=mariadb' : ''
		}`,
		url: `http://127.0.0.1:${ SITE_PORT }/wp-json/`,
		reuseExistingServer: false,
		timeout: 120_000,
		stdout: 'ignore',
		stderr: 'pipe',
	},
	use: {
		baseURL: `http://127.0.0.1:${ SITE_PORT }`,
	},
	projects: [
		{
			name: 'http',
			testDir: 'tests/http',
		},
		{
			name: 'e2e',
			testDir: 'tests/e2e',
			use: {
				browserName: 'chromium',
				viewport: { width: 1400, height: 900 },
				screenshot: 'only-on-failure',
				trace: 'retain-on-failure',
				launchOptions: {
					executablePath:
						process.env.CHROMIUM_PATH || '/usr/bin/chromium',
					args: [
						'--no-sandbox',
						'--disable-gpu',
						'--disable-quic',
						'--no-first-run',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync',
						'--disable-dev-shm-usage',
					],
				},
			},
		},
	],
} );

/**
 * Runs only the WooCommerce contract spec, without the root config's demo site:
 *   npx playwright test -c tests/woocommerce-stand-in/playwright.config.ts
 *   AGENT_GUARD_WOOCOMMERCE_DIR=/path/to/woocommerce npx playwright test -c tests/woocommerce-stand-in/playwright.config.ts
 * The spec boots its own site.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig( {
	testDir: '../http',
	testMatch: 'woocommerce-contract.spec.ts',
	workers: 1,
	fullyParallel: false,
	forbidOnly: true,
	retries: 0,
	timeout: 60_000,
	reporter: [ [ 'list' ] ],
	outputDir: '../../.cache/test-results/woocommerce-stand-in',
} );

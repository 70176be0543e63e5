module.exports = {
	root: true,
	extends: [ 'plugin:@wordpress/eslint-plugin/recommended' ],
	ignorePatterns: [
		'build/',
		'node_modules/',
		'.cache/',
		'src/schemas/generated/',
		'vendor/',
	],
	settings: {
		'import/resolver': {
			node: { extensions: [ '.js', '.jsx', '.ts', '.tsx', '.mjs' ] },
			typescript: {},
		},
	},
	rules: {
		'import/no-extraneous-dependencies': 'off',
		'import/no-unresolved': 'off',
		'@wordpress/no-unsafe-wp-apis': 'error',
		'no-console': 'off',
	},
	overrides: [
		{
			files: [
				'bin/**/*.mjs',
				'tests/**/*.ts',
				'tests/**/*.mjs',
				'playwright.config.ts',
			],
			env: { node: true },
			rules: {
				'jsdoc/require-param': 'off',
				'jsdoc/require-returns-type': 'off',
				'jsdoc/require-param-type': 'off',
				'no-await-in-loop': 'off',
			},
		},
		{
			files: [ 'src/**/*.ts', 'src/**/*.tsx' ],
			rules: {
				'jsdoc/require-param-type': 'off',
				'jsdoc/require-returns-type': 'off',
			},
		},
	],
};

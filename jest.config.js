/**
 * TS unit tests (admin app): @wordpress/scripts' Jest preset, jsdom, tests beside the code.
 */
const defaultConfig = require( '@wordpress/scripts/config/jest-unit.config' );

module.exports = {
	...defaultConfig,
	roots: [ '<rootDir>/src' ],
	testPathIgnorePatterns: [ '/node_modules/', '/.cache/', '/build/' ],
};

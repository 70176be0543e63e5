/**
 * TS unit tests (admin app): @wordpress/scripts' Jest preset, jsdom, tests beside the code.
 */
const defaultConfig = require( '@wordpress/scripts/config/jest-unit.config' );

module.exports = {
	...defaultConfig,
	roots: [ '<rootDir>/src' ],
	testPathIgnorePatterns: [ '/node_modules/', '/.cache/', '/build/' ],
	// Some @wordpress packages install their own nested copy of React. In the browser
	// WordPress provides one React for all of them; in Jest, point every import at ours
	// or hooks break ("Invalid hook call").
	moduleNameMapper: {
		'^react$': '<rootDir>/node_modules/react',
		'^react/(.*)$': '<rootDir>/node_modules/react/$1',
		'^react-dom$': '<rootDir>/node_modules/react-dom',
		'^react-dom/(.*)$': '<rootDir>/node_modules/react-dom/$1',
	},
};

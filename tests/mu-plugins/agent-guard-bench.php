<?php
/**
 * Plugin Name: Agent Guard benchmark probes (benchmark sites only)
 * Description: Adds X-Bench-Queries (database queries of the request) and X-Bench-Time (server milliseconds until the REST answer is ready) to REST answers; X-Bench-Bare: 1 serves a request without Agent Guard. Loads only when AGENT_GUARD_BENCH is true; never shipped.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

if ( ! defined( 'AGENT_GUARD_BENCH' ) || true !== AGENT_GUARD_BENCH ) {
	return;
}

// The unguarded side of a pair: the same site and request, with Agent Guard not loaded.
if ( isset( $_SERVER['HTTP_X_BENCH_BARE'] ) ) {
	add_filter(
		'option_active_plugins',
		static fn ( $plugins ) => array_values( array_diff( (array) $plugins, array( 'agent-guard/agent-guard.php' ) ) )
	);
}

$GLOBALS['agent_guard_bench_queries'] = 0;
$GLOBALS['agent_guard_bench_log'] = array();
add_filter(
	'query',
	static function ( $query ) {
		++$GLOBALS['agent_guard_bench_queries'];
		if ( isset( $_SERVER['HTTP_X_BENCH_LOG'] ) ) {
			$GLOBALS['agent_guard_bench_log'][] = preg_replace( '/\s+/', ' ', substr( (string) $query, 0, 160 ) );
		}
		return $query;
	}
);
add_action(
	'shutdown',
	static function () {
		if ( isset( $_SERVER['HTTP_X_BENCH_LOG'] ) && $GLOBALS['agent_guard_bench_log'] ) {
			file_put_contents( WP_CONTENT_DIR . '/bench-queries.log', implode( "\n", $GLOBALS['agent_guard_bench_log'] ) . "\n----\n", FILE_APPEND );
		}
	}
);
add_filter(
	'rest_post_dispatch',
	static function ( $response ) {
		if ( $response instanceof WP_HTTP_Response ) {
			$response->header( 'X-Bench-Queries', (string) $GLOBALS['agent_guard_bench_queries'] );
			$start = isset( $_SERVER['REQUEST_TIME_FLOAT'] ) ? (float) $_SERVER['REQUEST_TIME_FLOAT'] : microtime( true );
			$response->header( 'X-Bench-Time', (string) round( ( microtime( true ) - $start ) * 1000, 3 ) );
		}
		return $response;
	},
	PHP_INT_MAX
);

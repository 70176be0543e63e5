<?php
/**
 * Router for PHP's built-in server: serves existing files, sends everything else to WordPress.
 *
 * @package AgentGuard
 */

$agent_guard_path = parse_url( $_SERVER['REQUEST_URI'] ?? '/', PHP_URL_PATH );
$agent_guard_file = $_SERVER['DOCUMENT_ROOT'] . $agent_guard_path;
if ( '/' !== $agent_guard_path && is_file( $agent_guard_file ) && ! str_ends_with( $agent_guard_path, '.php' ) ) {
	return false;
}
if ( is_file( $agent_guard_file ) && str_ends_with( $agent_guard_path, '.php' ) ) {
	$_SERVER['SCRIPT_NAME']     = $agent_guard_path;
	$_SERVER['SCRIPT_FILENAME'] = $agent_guard_file;
	$_SERVER['PHP_SELF']        = $agent_guard_path;
	chdir( dirname( $agent_guard_file ) );
	require $agent_guard_file;
	return true;
}
if ( is_dir( $agent_guard_file ) && is_file( rtrim( $agent_guard_file, '/' ) . '/index.php' ) ) {
	$agent_guard_index          = rtrim( $agent_guard_path, '/' ) . '/index.php';
	$_SERVER['SCRIPT_NAME']     = $agent_guard_index;
	$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . $agent_guard_index;
	$_SERVER['PHP_SELF']        = $agent_guard_index;
	chdir( dirname( $_SERVER['SCRIPT_FILENAME'] ) );
	require $_SERVER['SCRIPT_FILENAME'];
	return true;
}
$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
chdir( $_SERVER['DOCUMENT_ROOT'] );
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';

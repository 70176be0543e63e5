<?php
/**
 * Seeds the demo store through WooCommerce's own REST API (works with the real WooCommerce
 * and with the test-only stand-in): 3 categories, 20 products with prices and stock,
 * 3 customers and 5 orders.
 *
 * Usage: php seed-demo.php <wordpress dir> '{}'   (or `require` it from a Playground step)
 * Prints one JSON line with the ids it created.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

if ( ! defined( 'ABSPATH' ) ) {
	if ( PHP_SAPI !== 'cli' ) {
		exit( 1 );
	}
	$agent_guard_dir        = rtrim( $argv[1] ?? '', '/' );
	$agent_guard_url        = parse_url( (string) ( getenv( 'AGENT_GUARD_SITE_URL' ) ?: 'http://127.0.0.1' ) );
	$_SERVER['HTTP_HOST']   = $agent_guard_url['host'] . ( isset( $agent_guard_url['port'] ) ? ':' . $agent_guard_url['port'] : '' );
	$_SERVER['REQUEST_URI'] = '/';
	require $agent_guard_dir . '/wp-load.php';
}

/**
 * Runs one REST request as the administrator and returns its data, or stops on an error.
 *
 * @param array<string, mixed> $body
 * @return array<string, mixed>
 */
function agent_guard_seed_request( string $method, string $route, array $body = array() ): array {
	$request = new WP_REST_Request( $method, $route );
	if ( $body ) {
		$request->set_header( 'content-type', 'application/json' );
		$request->set_body( (string) wp_json_encode( $body ) );
	}
	$response = rest_do_request( $request );
	if ( $response->is_error() ) {
		$error = $response->as_error();
		fwrite( STDERR, "Seeding failed at {$method} {$route}: " . $error->get_error_message() . "\n" );
		exit( 4 );
	}
	return (array) $response->get_data();
}

add_filter( 'pre_wp_mail', '__return_true' );
add_filter( 'pre_http_request', static fn () => new WP_Error( 'agent_guard_offline', 'No outbound HTTP while seeding.' ) );
$agent_guard_admin = get_user_by( 'login', 'admin' ) ?: get_users( array( 'role' => 'administrator', 'number' => 1 ) )[0];
wp_set_current_user( $agent_guard_admin->ID );
rest_get_server();

$agent_guard_catalogue = array(
	'Mugs'     => array( array( 'Ceramic Mug', '12.00', 40 ), array( 'Travel Mug', '24.00', 25 ), array( 'Espresso Cup', '8.50', 60 ), array( 'Latte Bowl', '14.00', 18 ), array( 'Enamel Camp Mug', '16.00', 30 ), array( 'Glass Tea Cup', '11.00', 45 ), array( 'Stoneware Tumbler', '19.00', 12 ) ),
	'Tea'      => array( array( 'Sencha Green Tea', '9.90', 80 ), array( 'Earl Grey', '7.50', 120 ), array( 'Rooibos Vanilla', '8.20', 70 ), array( 'Jasmine Pearls', '22.00', 15 ), array( 'Breakfast Blend', '6.90', 150 ), array( 'Chai Spice', '10.50', 55 ), array( 'Oolong Reserve', '28.00', 9 ) ),
	'Brewing'  => array( array( 'Pour-over Dripper', '29.00', 20 ), array( 'Gooseneck Kettle', '65.00', 8 ), array( 'Burr Grinder', '119.00', 5 ), array( 'Paper Filters (100)', '5.50', 200 ), array( 'Glass Teapot', '34.00', 14 ), array( 'Digital Scale', '39.00', 11 ) ),
);

$agent_guard_result = array(
	'categories' => array(),
	'products'   => array(),
	'customers'  => array(),
	'orders'     => array(),
);
$agent_guard_sku    = 1000;
foreach ( $agent_guard_catalogue as $agent_guard_category => $agent_guard_items ) {
	$agent_guard_cat                      = agent_guard_seed_request( 'POST', '/wc/v3/products/categories', array( 'name' => $agent_guard_category ) );
	$agent_guard_result['categories'][]   = (int) $agent_guard_cat['id'];
	foreach ( $agent_guard_items as list( $agent_guard_name, $agent_guard_price, $agent_guard_stock ) ) {
		++$agent_guard_sku;
		$agent_guard_product              = agent_guard_seed_request(
			'POST',
			'/wc/v3/products',
			array(
				'name'           => $agent_guard_name,
				'type'           => 'simple',
				'status'         => 'publish',
				'regular_price'  => $agent_guard_price,
				'sku'            => 'AG-' . $agent_guard_sku,
				'manage_stock'   => true,
				'stock_quantity' => $agent_guard_stock,
				'categories'     => array( array( 'id' => (int) $agent_guard_cat['id'] ) ),
			)
		);
		$agent_guard_result['products'][] = (int) $agent_guard_product['id'];
	}
}

$agent_guard_people = array(
	array( 'Ada', 'Lovelace', 'ada@example.com', '+44 20 7946 0001', '12 St James Square', 'London', 'SW1Y 4JH', 'GB' ),
	array( 'Grace', 'Hopper', 'grace@example.com', '+1 202 555 0142', '1 Navy Yard', 'Arlington', '22202', 'US' ),
	array( 'Alan', 'Turing', 'alan@example.com', '+44 161 496 0000', '78 Adlington Road', 'Wilmslow', 'SK9 2BT', 'GB' ),
);
foreach ( $agent_guard_people as list( $agent_guard_first, $agent_guard_last, $agent_guard_email, $agent_guard_phone, $agent_guard_street, $agent_guard_city, $agent_guard_zip, $agent_guard_country ) ) {
	$agent_guard_address                 = array(
		'first_name' => $agent_guard_first,
		'last_name'  => $agent_guard_last,
		'address_1'  => $agent_guard_street,
		'city'       => $agent_guard_city,
		'postcode'   => $agent_guard_zip,
		'country'    => $agent_guard_country,
	);
	$agent_guard_customer                = agent_guard_seed_request(
		'POST',
		'/wc/v3/customers',
		array(
			'email'      => $agent_guard_email,
			'first_name' => $agent_guard_first,
			'last_name'  => $agent_guard_last,
			'username'   => strtolower( $agent_guard_first ),
			'password'   => wp_generate_password( 24 ),
			'billing'    => $agent_guard_address + array(
				'email' => $agent_guard_email,
				'phone' => $agent_guard_phone,
			),
			'shipping'   => $agent_guard_address,
		)
	);
	$agent_guard_result['customers'][] = array(
		'id'      => (int) $agent_guard_customer['id'],
		'address' => $agent_guard_address + array(
			'email' => $agent_guard_email,
			'phone' => $agent_guard_phone,
		),
	);
}

$agent_guard_orders = array(
	array( 0, array( array( 0, 2 ), array( 8, 1 ) ), 'processing' ),
	array( 1, array( array( 15, 1 ) ), 'completed' ),
	array( 2, array( array( 3, 4 ) ), 'processing' ),
	array( 0, array( array( 10, 3 ), array( 17, 2 ) ), 'on-hold' ),
	array( 1, array( array( 1, 1 ) ), 'pending' ),
);
foreach ( $agent_guard_orders as list( $agent_guard_who, $agent_guard_lines, $agent_guard_status ) ) {
	$agent_guard_customer             = $agent_guard_result['customers'][ $agent_guard_who ];
	$agent_guard_order                = agent_guard_seed_request(
		'POST',
		'/wc/v3/orders',
		array(
			'customer_id'    => $agent_guard_customer['id'],
			'status'         => $agent_guard_status,
			'set_paid'       => 'pending' !== $agent_guard_status,
			'payment_method' => 'bacs',
			'billing'        => $agent_guard_customer['address'],
			'shipping'       => array_diff_key( $agent_guard_customer['address'], array_flip( array( 'email', 'phone' ) ) ),
			'line_items'     => array_map(
				static fn ( array $line ): array => array(
					'product_id' => $agent_guard_result['products'][ $line[0] ],
					'quantity'   => $line[1],
				),
				$agent_guard_lines
			),
		)
	);
	$agent_guard_result['orders'][] = (int) $agent_guard_order['id'];
}

$agent_guard_result['customers'] = array_column( $agent_guard_result['customers'], 'id' );
echo wp_json_encode( $agent_guard_result ) . "\n";

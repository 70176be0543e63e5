<?php
/**
 * Small functions: the few WooCommerce functions tests may call, the permission helpers
 * (same capabilities and filter as wc-rest-functions.php) and formatting helpers.
 *
 * @package AgentGuard\Tests\WooCommerceStandIn
 */

defined( 'ABSPATH' ) || exit;

if ( ! function_exists( 'wc_api_hash' ) ) {
	/**
	 * Hash of a consumer key, as stored in woocommerce_api_keys.consumer_key.
	 *
	 * @param string $data Consumer key.
	 * @return string
	 */
	function wc_api_hash( $data ) {
		return hash_hmac( 'sha256', $data, 'wc-api' );
	}
}

if ( ! function_exists( 'wc_get_price_decimals' ) ) {
	/**
	 * Number of decimals of the store's prices.
	 *
	 * @return int
	 */
	function wc_get_price_decimals() {
		return absint( apply_filters( 'wc_get_price_decimals', get_option( 'woocommerce_price_num_decimals', 2 ) ) );
	}
}

if ( ! function_exists( 'wc_format_decimal' ) ) {
	/**
	 * Lenient decimal formatting with WooCommerce's rules: everything but digits, dots and
	 * minus signs is dropped ("12abc" → "12"), only the last dot is kept, `$dp` rounds.
	 *
	 * @param float|string|null $number     Number.
	 * @param int|string|false  $dp         Decimals; '' for the store's, false to keep as is.
	 * @param bool              $trim_zeros Trim trailing zeros.
	 * @return string
	 */
	function wc_format_decimal( $number, $dp = false, $trim_zeros = false ) {
		$number = $number ?? '';
		if ( ! is_float( $number ) ) {
			$number = str_replace( array( (string) get_option( 'woocommerce_price_decimal_sep', '.' ), '.' ), '.', (string) $number );
			$number = preg_replace( '/\.(?![^.]+$)|[^0-9.-]/', '', sanitize_text_field( $number ) );
		}
		if ( false !== $dp ) {
			$dp     = intval( '' === $dp ? wc_get_price_decimals() : $dp );
			$number = number_format( floatval( $number ), $dp, '.', '' );
		} elseif ( is_float( $number ) ) {
			$number     = sprintf( '%.6f', $number );
			$trim_zeros = true;
		}
		if ( $trim_zeros && str_contains( $number, '.' ) ) {
			$number = rtrim( rtrim( $number, '0' ), '.' );
		}
		return $number;
	}
}

/**
 * Creates a WooCommerce REST API key the way wp-admin → WooCommerce → Settings → Advanced →
 * REST API does, and returns the only copy of its consumer key and secret.
 *
 * @param int    $user_id     Owner of the key; requests signed with it run as this user.
 * @param string $description Label.
 * @param string $permissions read, write or read_write.
 * @return array{key_id:int, consumer_key:string, consumer_secret:string, truncated_key:string}
 */
function wc_stand_in_create_api_key( $user_id, $description = '', $permissions = 'read_write' ) {
	global $wpdb;
	WC_Stand_In_Install::maybe_install();
	if ( ! in_array( $permissions, array( 'read', 'write', 'read_write' ), true ) ) {
		$permissions = 'read';
	}
	$consumer_key    = 'ck_' . sha1( wp_rand() . wp_generate_password( 32, false ) );
	$consumer_secret = 'cs_' . sha1( wp_rand() . wp_generate_password( 32, false ) );
	$wpdb->insert(
		$wpdb->prefix . 'woocommerce_api_keys',
		array(
			'user_id'         => (int) $user_id,
			'description'     => (string) $description,
			'permissions'     => $permissions,
			'consumer_key'    => wc_api_hash( $consumer_key ),
			'consumer_secret' => $consumer_secret,
			'truncated_key'   => substr( $consumer_key, -7 ),
		),
		array( '%d', '%s', '%s', '%s', '%s', '%s' )
	);
	return array(
		'key_id'          => (int) $wpdb->insert_id,
		'consumer_key'    => $consumer_key,
		'consumer_secret' => $consumer_secret,
		'truncated_key'   => substr( $consumer_key, -7 ),
	);
}

/**
 * Post permissions as wc_rest_check_post_permissions(): the post type's own capabilities
 * (read_private_products, publish_products, edit_product, delete_product, edit_others_products…).
 *
 * @param string $post_type Post type.
 * @param string $context   read, create, edit, delete or batch.
 * @param int    $object_id Object id.
 * @return bool
 */
function wc_stand_in_check_post_permissions( $post_type, $context = 'read', $object_id = 0 ) {
	$contexts = array(
		'read'   => 'read_private_posts',
		'create' => 'publish_posts',
		'edit'   => 'edit_post',
		'delete' => 'delete_post',
		'batch'  => 'edit_others_posts',
	);
	$cap        = $contexts[ $context ];
	$type       = get_post_type_object( $post_type );
	$permission = $type ? current_user_can( $type->cap->$cap, $object_id ) : false;
	return apply_filters( 'woocommerce_rest_check_permissions', $permission, $context, $object_id, $post_type );
}

/**
 * Manager permissions as wc_rest_check_manager_permissions().
 *
 * @param string $object  reports, settings or webhooks.
 * @param string $context Context.
 * @return bool
 */
function wc_stand_in_check_manager_permissions( $object, $context = 'read' ) {
	$objects    = array(
		'reports'  => 'view_woocommerce_reports',
		'settings' => 'manage_woocommerce',
		'webhooks' => 'manage_woocommerce',
	);
	$permission = current_user_can( $objects[ $object ] );
	return apply_filters( 'woocommerce_rest_check_permissions', $permission, $context, 0, $object );
}

/**
 * User permissions as wc_rest_check_user_permissions(): list_users, promote_users, edit_users,
 * delete_users; shop managers only reach customers (and themselves).
 *
 * @param string $context   read, create, edit, delete or batch.
 * @param int    $object_id User id.
 * @return bool
 */
function wc_stand_in_check_user_permissions( $context = 'read', $object_id = 0 ) {
	$contexts = array(
		'read'   => 'list_users',
		'create' => 'promote_users',
		'edit'   => 'edit_users',
		'delete' => 'delete_users',
		'batch'  => 'promote_users',
	);
	if ( in_array( $context, array( 'edit', 'delete' ), true ) && wc_stand_in_user_has_role( wp_get_current_user(), 'shop_manager' ) ) {
		$permission = false;
		$user       = get_userdata( $object_id );
		$editable   = apply_filters( 'woocommerce_shop_manager_editable_roles', array( 'customer' ) );
		if ( $user && ( array_intersect( $user->roles, $editable ) || (int) $object_id === get_current_user_id() ) ) {
			$permission = current_user_can( $contexts[ $context ], $object_id );
		}
	} else {
		$permission = current_user_can( $contexts[ $context ], $object_id );
	}
	return apply_filters( 'woocommerce_rest_check_permissions', $permission, $context, $object_id, 'user' );
}

/**
 * Whether a user has a role.
 *
 * @param WP_User|int $user User.
 * @param string      $role Role.
 * @return bool
 */
function wc_stand_in_user_has_role( $user, $role ) {
	$user = is_numeric( $user ) ? get_userdata( (int) $user ) : $user;
	return $user instanceof WP_User && in_array( $role, (array) $user->roles, true );
}

/**
 * A MySQL datetime (GMT) as WooCommerce prints dates: site time or GMT, no offset, null when empty.
 *
 * @param string|int|null $date MySQL GMT datetime, timestamp or null.
 * @param bool            $gmt  GMT rather than site time.
 * @return string|null
 */
function wc_stand_in_rest_date( $date, $gmt = false ) {
	if ( null === $date || '' === $date || '0000-00-00 00:00:00' === $date || 0 === $date ) {
		return null;
	}
	$timestamp = is_numeric( $date ) ? (int) $date : strtotime( $date . ' UTC' );
	if ( false === $timestamp ) {
		return null;
	}
	return $gmt ? gmdate( 'Y-m-d\TH:i:s', $timestamp ) : wp_date( 'Y-m-d\TH:i:s', $timestamp );
}

/**
 * A date sent by a client (site time unless it carries an offset, or GMT) as a timestamp.
 *
 * @param string|null $value Date.
 * @param bool        $gmt   The value is GMT.
 * @return int|null
 */
function wc_stand_in_parse_date( $value, $gmt = false ) {
	if ( null === $value || '' === $value ) {
		return null;
	}
	if ( is_numeric( $value ) ) {
		return (int) $value;
	}
	try {
		$has_offset = (bool) preg_match( '/(Z|[+-]\d{2}:?\d{2})$/', $value );
		$zone       = $gmt || $has_offset ? new DateTimeZone( 'UTC' ) : wp_timezone();
		return ( new DateTimeImmutable( $value, $zone ) )->getTimestamp();
	} catch ( Exception $e ) {
		return null;
	}
}

/**
 * Formats an amount the way wc_price() does for the REST `price_html` field.
 *
 * @param string|float $amount Amount.
 * @return string
 */
function wc_stand_in_price( $amount ) {
	$symbol = wc_stand_in_currency_symbol();
	$number = number_format( (float) $amount, wc_get_price_decimals(), (string) get_option( 'woocommerce_price_decimal_sep', '.' ), (string) get_option( 'woocommerce_price_thousand_sep', ',' ) );
	return '<span class="woocommerce-Price-amount amount"><bdi><span class="woocommerce-Price-currencySymbol">' . $symbol . '</span>' . $number . '</bdi></span>';
}

/**
 * The store currency's symbol, HTML-encoded as WooCommerce prints it.
 *
 * @param string $currency Currency code; the store's by default.
 * @return string
 */
function wc_stand_in_currency_symbol( $currency = '' ) {
	$currency = $currency ? $currency : (string) get_option( 'woocommerce_currency', 'USD' );
	$symbols  = array(
		'USD' => '&#36;',
		'AUD' => '&#36;',
		'CAD' => '&#36;',
		'NZD' => '&#36;',
		'EUR' => '&euro;',
		'GBP' => '&pound;',
		'JPY' => '&yen;',
		'CHF' => '&#67;&#72;&#70;',
		'INR' => '&#8377;',
	);
	return $symbols[ $currency ] ?? $currency;
}

/**
 * ISO 4217 codes WooCommerce 9.4 accepts as an order currency (the `currency` enum of orders).
 *
 * @return string[]
 */
function wc_stand_in_currency_codes() {
	return explode(
		' ',
		'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTC BTN BWP BYR BYN BZD CAD CDF CHF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GGP GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS IMP INR IQD IRR IRT ISK JEP JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PRB PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLL SOS SRD SSP STN SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VEF VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW'
	);
}

/**
 * Order statuses without the wc- prefix, with their labels.
 *
 * @return array<string,string>
 */
function wc_stand_in_order_statuses() {
	return array(
		'pending'        => 'Pending payment',
		'processing'     => 'Processing',
		'on-hold'        => 'On hold',
		'completed'      => 'Completed',
		'cancelled'      => 'Cancelled',
		'refunded'       => 'Refunded',
		'failed'         => 'Failed',
		'checkout-draft' => 'Draft',
	);
}

<?php
/**
 * The object handed to WooCommerce's hooks (woocommerce_new_product, woocommerce_rest_insert_*,
 * woocommerce_rest_prepare_*…) where WooCommerce passes a WC_Data object. It only offers the
 * getters that code working through REST may reasonably call; code under test must not depend
 * on WooCommerce's PHP classes.
 *
 * @package AgentGuard\Tests\WooCommerceStandIn
 */

defined( 'ABSPATH' ) || exit;

/**
 * A stored WooCommerce object: product, variation, order, refund, coupon, customer, webhook.
 */
class WC_Stand_In_Object {

	/**
	 * Object id.
	 *
	 * @var int
	 */
	private $id;

	/**
	 * Object type as WC_Data::get_type() would say: simple, variable, variation, shop_order…
	 *
	 * @var string
	 */
	private $type;

	/**
	 * Props read from storage.
	 *
	 * @var array
	 */
	private $data;

	/**
	 * Constructor.
	 *
	 * @param int    $id   Id.
	 * @param string $type Type.
	 * @param array  $data Props.
	 */
	public function __construct( $id, $type, array $data = array() ) {
		$this->id   = (int) $id;
		$this->type = (string) $type;
		$this->data = $data;
	}

	/**
	 * Id.
	 *
	 * @return int
	 */
	public function get_id() {
		return $this->id;
	}

	/**
	 * Type.
	 *
	 * @return string
	 */
	public function get_type() {
		return $this->type;
	}

	/**
	 * Whether the object is of a type.
	 *
	 * @param string|string[] $type Type(s).
	 * @return bool
	 */
	public function is_type( $type ) {
		return in_array( $this->type, (array) $type, true );
	}

	/**
	 * Status without prefix.
	 *
	 * @return string
	 */
	public function get_status() {
		return (string) ( $this->data['status'] ?? '' );
	}

	/**
	 * Parent id.
	 *
	 * @return int
	 */
	public function get_parent_id() {
		return (int) ( $this->data['parent_id'] ?? 0 );
	}

	/**
	 * All props read from storage.
	 *
	 * @return array
	 */
	public function get_data() {
		return array( 'id' => $this->id ) + $this->data;
	}

	/**
	 * Meta value, read from storage.
	 *
	 * @param string $key    Meta key.
	 * @param bool   $single Single value.
	 * @return mixed
	 */
	public function get_meta( $key, $single = true ) {
		$meta_type = in_array( $this->type, array( 'customer' ), true ) ? 'user' : 'post';
		return get_metadata( $meta_type, $this->id, $key, $single );
	}
}

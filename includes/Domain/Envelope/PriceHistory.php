<?php
/**
 * Port: what prices were before.
 *
 * @package AgentGuard
 */

declare( strict_types=1 );

namespace AgentGuard\Domain\Envelope;

/**
 * The price of a product as it stood at the start of a window, taken from the earliest price
 * write recorded in that window (by any agent); null when nothing changed it since.
 *
 * @since 0.1.0
 */
interface PriceHistory {

	/**
	 * @param list<string> $keys Target keys (`product:12`, `product_variation:40`).
	 * @return array<string, array{h24: array{regular: ?int, price: ?int}|null, d7: array{regular: ?int, price: ?int}|null}>
	 */
	public function baselines( array $keys, int $now, int $decimals ): array;
}

/**
 * Internal dependencies
 */
import { useInitialState } from '../../../app/initial-state-context';
import type { StoreMoney } from '../data/format';

/**
 * The store's currency and decimals from the initial state (no request).
 */
export function useStoreMoney(): StoreMoney {
	const { currency, priceDecimals } = useInitialState();
	return { currency, decimals: priceDecimals };
}

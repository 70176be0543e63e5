/**
 * Internal dependencies
 */
import type { HaltState } from '../../../api/halt';
import { useInitialState } from '../../../app/initial-state-context';
import { HaltBanner } from '../components/halt-banner';
import { useSetGlobalHalt } from '../data/use-halt-mutations';

interface HaltStateViewProps {
	state: HaltState;
	now: number;
}

/**
 * The halt banner wired to the global kill switch.
 *
 * @param props       Props.
 * @param props.state
 * @param props.now
 */
export function HaltStateView( { state, now }: HaltStateViewProps ) {
	const { caps } = useInitialState();
	const setHalt = useSetGlobalHalt();
	return (
		<HaltBanner
			state={ state }
			now={ now }
			canHalt={ caps.halt }
			onHalt={ ( reason ) =>
				setHalt.mutateAsync( { halted: true, reason } )
			}
			onResume={ () => setHalt.mutateAsync( { halted: false } ) }
			isBusy={ setHalt.isPending }
			error={ setHalt.error }
			onCancel={ () => setHalt.reset() }
		/>
	);
}

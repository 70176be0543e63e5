/**
 * A spinner with words, announced politely. Uses wp-admin's own `.spinner` (the
 * WordPress admin look, and no React component needed).
 *
 * @param props       Props.
 * @param props.label What is loading.
 */
export function LoadingState( { label }: { label: string } ) {
	return (
		<div className="agent-guard-loading-state" role="status">
			<span className="spinner is-active" aria-hidden="true" />
			<span>{ label }</span>
		</div>
	);
}

/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import { Component } from '@wordpress/element';
import { Button, Notice } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * What the app shows when a screen cannot be shown: the reason in words and a way out.
 *
 * @param props       Props.
 * @param props.error What went wrong.
 */
export function ScreenError( { error }: { error: Error } ) {
	return (
		<Notice status="error" isDismissible={ false }>
			<p>
				<strong>
					{ __(
						'Agent Guard could not show this screen.',
						'agent-guard'
					) }
				</strong>
			</p>
			<p className="agent-guard-error-message">{ error.message }</p>
			<p>
				<Button
					variant="secondary"
					onClick={ () => window.location.reload() }
				>
					{ __( 'Reload the page', 'agent-guard' ) }
				</Button>
			</p>
		</Notice>
	);
}

interface Props {
	children: ReactNode;
}

interface State {
	error: Error | null;
}

/**
 * Catches a render error (or a screen chunk that failed to load) and says so in words,
 * instead of leaving an empty page.
 */
export class ErrorBoundary extends Component< Props, State > {
	override state: State = { error: null };

	static getDerivedStateFromError( error: unknown ): State {
		return {
			error:
				error instanceof Error ? error : new Error( String( error ) ),
		};
	}

	override componentDidCatch( error: unknown ): void {
		console.error( 'Agent Guard:', error );
	}

	override render(): ReactNode {
		const { error } = this.state;
		return error === null ? (
			this.props.children
		) : (
			<ScreenError error={ error } />
		);
	}
}

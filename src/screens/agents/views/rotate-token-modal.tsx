/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Agent, Token } from '../../../schemas';
import { RotateTokenForm } from '../components/rotate-token-form';
import { TokenSecretModal } from '../components/token-secret';
import { useRotateToken } from '../data/use-token-mutations';

interface RotateTokenModalProps {
	agent: Agent;
	token: Token;
	onClose: () => void;
}

/**
 * Rotate a token with a grace period, then show the successor's secret once. Closing
 * resets the mutation, which forgets the secret.
 *
 * @param props         Props.
 * @param props.agent
 * @param props.token
 * @param props.onClose
 */
export function RotateTokenModal( {
	agent,
	token,
	onClose,
}: RotateTokenModalProps ) {
	const rotate = useRotateToken( agent.id );
	const close = () => {
		rotate.reset();
		onClose();
	};
	return (
		<TokenSecretModal
			title={ sprintf(
				/* translators: %s: token prefix. */
				__( 'Rotate token %s', 'agent-guard' ),
				token.prefix
			) }
			secret={ rotate.data?.secret }
			onClose={ close }
		>
			<RotateTokenForm
				token={ token }
				isSubmitting={ rotate.isPending }
				error={ rotate.error }
				onCancel={ close }
				onSubmit={ ( graceSeconds ) =>
					rotate.mutate( { tokenId: token.id, graceSeconds } )
				}
			/>
		</TokenSecretModal>
	);
}

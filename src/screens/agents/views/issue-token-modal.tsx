/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Agent } from '../../../schemas';
import { IssueTokenForm } from '../components/issue-token-form';
import { TokenSecretModal } from '../components/token-secret';
import { useIssueToken } from '../data/use-token-mutations';

interface IssueTokenModalProps {
	agent: Agent;
	onClose: () => void;
}

/**
 * Issue a token, then show its secret once. Closing the modal (button, Escape, outside
 * click) resets the mutation, which forgets the secret.
 *
 * @param props         Props.
 * @param props.agent
 * @param props.onClose
 */
export function IssueTokenModal( { agent, onClose }: IssueTokenModalProps ) {
	const issue = useIssueToken( agent.id );
	const close = () => {
		issue.reset();
		onClose();
	};
	return (
		<TokenSecretModal
			title={ sprintf(
				/* translators: %s: agent name. */
				__( 'Issue a token for %s', 'agent-guard' ),
				agent.name
			) }
			secret={ issue.data?.secret }
			onClose={ close }
		>
			<IssueTokenForm
				isSubmitting={ issue.isPending }
				error={ issue.error }
				onCancel={ close }
				onSubmit={ ( input ) => issue.mutate( input ) }
			/>
		</TokenSecretModal>
	);
}

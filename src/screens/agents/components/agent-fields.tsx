/**
 * The registry fields that adding an agent and editing its details share: name (required),
 * purpose and risk.
 */

/**
 * WordPress dependencies
 */
import {
	SelectControl,
	TextControl,
	TextareaControl,
} from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { FieldAlert } from '../../../components/form';
import { riskLabel } from '../../../components/labels';
import type { RiskTier } from '../../../schemas';

const RISK_TIERS: RiskTier[] = [ 'low', 'medium', 'high' ];

interface AgentNameFieldProps {
	value: string;
	onChange: ( value: string ) => void;
	/** The last submit had no name: the field says so. */
	missing: boolean;
	help?: string;
}

/**
 * The agent's name, required.
 *
 * @param props          Props.
 * @param props.value
 * @param props.onChange
 * @param props.missing
 * @param props.help
 */
export function AgentNameField( {
	value,
	onChange,
	missing,
	help,
}: AgentNameFieldProps ) {
	return (
		<>
			<TextControl
				label={ __( 'Name', 'agent-guard' ) }
				help={ help }
				value={ value }
				onChange={ onChange }
				aria-invalid={ missing || undefined }
				maxLength={ 100 }
				required
				__nextHasNoMarginBottom
			/>
			<FieldAlert
				message={
					missing
						? __( 'Give the agent a name.', 'agent-guard' )
						: null
				}
			/>
		</>
	);
}

interface AgentPurposeFieldProps {
	value: string;
	onChange: ( value: string ) => void;
	help?: string;
}

/**
 * What the agent is for.
 *
 * @param props          Props.
 * @param props.value
 * @param props.onChange
 * @param props.help
 */
export function AgentPurposeField( {
	value,
	onChange,
	help,
}: AgentPurposeFieldProps ) {
	return (
		<TextareaControl
			label={ __( 'Purpose', 'agent-guard' ) }
			help={ help }
			value={ value }
			onChange={ onChange }
			maxLength={ 1000 }
			rows={ 3 }
			__nextHasNoMarginBottom
		/>
	);
}

/**
 * The agent's risk tier.
 *
 * @param props          Props.
 * @param props.value
 * @param props.onChange
 */
export function RiskTierSelect( {
	value,
	onChange,
}: {
	value: RiskTier;
	onChange: ( tier: RiskTier ) => void;
} ) {
	return (
		<SelectControl
			label={ __( 'Risk', 'agent-guard' ) }
			value={ value }
			options={ RISK_TIERS.map( ( tier ) => ( {
				value: tier,
				label: riskLabel( tier ),
			} ) ) }
			onChange={ ( next: string ) => {
				const tier = RISK_TIERS.find( ( t ) => t === next );
				if ( tier ) {
					onChange( tier );
				}
			} }
			__nextHasNoMarginBottom
		/>
	);
}

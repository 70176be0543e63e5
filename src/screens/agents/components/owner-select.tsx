/**
 * WordPress dependencies
 */
import { SelectControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { personName } from '../../../components/labels';
import type { User } from '../../../schemas';

interface OwnerSelectProps {
	owners: User[];
	/** Always offered, even when the user list could not be read. */
	currentUser: { id: number; name: string };
	/** The chosen user id. */
	value: number;
	/** The current owner's name, when it is not in the list. */
	valueName?: string;
	onChange: ( userId: number ) => void;
	disabled?: boolean;
}

/**
 * The person responsible for an agent: told when it is halted, named in the log.
 *
 * @param props             Props.
 * @param props.owners
 * @param props.currentUser
 * @param props.value
 * @param props.valueName
 * @param props.onChange
 * @param props.disabled
 */
export function OwnerSelect( {
	owners,
	currentUser,
	value,
	valueName,
	onChange,
	disabled,
}: OwnerSelectProps ) {
	const options = new Map< number, string >();
	options.set( currentUser.id, currentUser.name );
	for ( const owner of owners ) {
		options.set( owner.id, owner.name );
	}
	if ( ! options.has( value ) ) {
		options.set( value, personName( valueName, value ) );
	}
	return (
		<SelectControl
			label={ __( 'Owner', 'agent-guard' ) }
			help={ __(
				'Responsible for the agent; told when it is halted.',
				'agent-guard'
			) }
			value={ String( value ) }
			options={ [ ...options ].map( ( [ id, name ] ) => ( {
				value: String( id ),
				label: name,
			} ) ) }
			onChange={ ( next: string ) => onChange( Number( next ) ) }
			disabled={ disabled }
			__nextHasNoMarginBottom
		/>
	);
}

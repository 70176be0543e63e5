/**
 * The policy as a form, one part per layer (data access, actions, approvals, limits,
 * canary, tokens, circuit breakers, launch). It edits a draft it is given and shows the
 * errors placed at its fields; it neither fetches nor saves.
 */

/**
 * WordPress dependencies
 */
import { CheckboxControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { RESOURCES } from '../../../schemas';
import { DataTable } from '../../../components/data-table';
import {
	getAt,
	isJsonObject,
	stringList,
	type Json,
	type JsonObject,
} from '../data/policy-draft';
import {
	allowedActions,
	fieldListActions,
	policySections,
	type FieldSpec,
} from '../data/policy-layout';
import {
	ActionsField,
	BooleanField,
	ChoiceField,
	FieldError,
	ListField,
	MoneyField,
	NumberField,
	TextField,
	fieldId,
} from './policy-fields';
import {
	actionLabel,
	actionsByResource,
	resourceLabel,
	verbOf,
} from './vocabulary';

export interface PolicyFormProps {
	draft: JsonObject;
	onChange: ( path: string, value: Json | undefined ) => void;
	/** Field (or section) path → messages, from placeErrors(). */
	errors: Record< string, string[] >;
	/** Read-only: every input disabled. */
	disabled?: boolean;
	currency: string;
	decimals: number;
}

interface PartProps extends PolicyFormProps {
	errorsAt: ( path: string ) => string[] | undefined;
}

function Field( { spec, ...props }: PartProps & { spec: FieldSpec } ) {
	const common = {
		path: spec.path,
		label: spec.label,
		help: spec.help,
		value: getAt( props.draft, spec.path ),
		onChange: ( value: Json | undefined ) =>
			props.onChange( spec.path, value ),
		errors: props.errorsAt( spec.path ),
		disabled: props.disabled,
	};
	switch ( spec.type ) {
		case 'integer':
		case 'number':
			return (
				<NumberField
					{ ...common }
					integer={ spec.type === 'integer' }
					nullable={ spec.nullable }
					unit={ spec.unit }
				/>
			);
		case 'money':
			return (
				<MoneyField
					{ ...common }
					currency={ props.currency }
					decimals={ props.decimals }
				/>
			);
		case 'boolean':
			return <BooleanField { ...common } />;
		case 'choice':
			return <ChoiceField { ...common } options={ spec.options } />;
		case 'text':
			return (
				<TextField
					{ ...common }
					multiline={ spec.multiline }
					maxLength={ spec.maxLength }
				/>
			);
		case 'list':
			return (
				<ListField
					{ ...common }
					items={ spec.items }
					multiline={ spec.multiline }
					removeWhenEmpty={ spec.removeWhenEmpty }
				/>
			);
		case 'actions':
			return (
				<ActionsField
					{ ...common }
					offered={ allowedActions( props.draft ) }
					actionLabel={ actionLabel }
					emptyMessage={ __(
						'Allow an action first; only allowed actions can be chosen here.',
						'agent-guard'
					) }
				/>
			);
	}
}

/**
 * Layer 1: one "may read" checkbox per resource.
 *
 * @param props Props.
 */
function ResourcesGrid( props: PartProps ) {
	const path = 'data_access.resources';
	return (
		<fieldset
			className="agent-guard-policy-resources"
			id={ fieldId( path ) }
			tabIndex={ -1 }
		>
			<legend className="agent-guard-policy-field__legend">
				{ __( 'The agent may read', 'agent-guard' ) }
			</legend>
			<FieldError
				id={ fieldId( path ) }
				messages={ props.errorsAt( path ) }
			/>
			<div className="agent-guard-policy-resources__grid">
				{ RESOURCES.map( ( resource ) => {
					const resourcePath = `${ path }.${ resource }`;
					const messages = props.errorsAt( resourcePath );
					return (
						<div key={ resource }>
							<CheckboxControl
								id={ fieldId( resourcePath ) }
								label={ resourceLabel( resource ) }
								checked={
									getAt( props.draft, resourcePath ) ===
									'read'
								}
								disabled={ props.disabled }
								onChange={ ( checked: boolean ) =>
									props.onChange(
										resourcePath,
										checked ? 'read' : undefined
									)
								}
								aria-invalid={ messages ? true : undefined }
								__nextHasNoMarginBottom
							/>
							<FieldError
								id={ fieldId( resourcePath ) }
								messages={ messages }
							/>
						</div>
					);
				} ) }
			</div>
		</fieldset>
	);
}

/**
 * Layer 2: allow and deny, grouped by resource: one row per resource, a checkbox per
 * action in each list. An action is in at most one list: ticking one unticks the other.
 *
 * @param props Props.
 */
function AllowDenyTable( props: PartProps ) {
	const allow = stringList( getAt( props.draft, 'actions.allow' ) );
	const deny = stringList( getAt( props.draft, 'actions.deny' ) );
	const set = ( action: string, list: 'allow' | 'deny', on: boolean ) => {
		const mine = list === 'allow' ? allow : deny;
		const other = list === 'allow' ? deny : allow;
		props.onChange(
			`actions.${ list }`,
			on
				? [ ...mine.filter( ( item ) => item !== action ), action ]
				: mine.filter( ( item ) => item !== action )
		);
		if ( on && other.includes( action ) ) {
			props.onChange(
				list === 'allow' ? 'actions.deny' : 'actions.allow',
				other.filter( ( item ) => item !== action )
			);
		}
	};
	const box = ( action: string, list: 'allow' | 'deny' ) => {
		const chosen = list === 'allow' ? allow : deny;
		const id = fieldId( `actions.${ list }.${ action }` );
		const name =
			list === 'allow'
				? sprintf(
						/* translators: %s: action such as "Products: update". */
						__( 'Allow %s', 'agent-guard' ),
						actionLabel( action )
				  )
				: sprintf(
						/* translators: %s: action such as "Products: update". */
						__( 'Deny %s', 'agent-guard' ),
						actionLabel( action )
				  );
		return (
			<span key={ action } className="agent-guard-policy-actions__choice">
				<input
					id={ id }
					type="checkbox"
					checked={ chosen.includes( action ) }
					disabled={ props.disabled }
					aria-label={ name }
					onChange={ ( event ) =>
						set( action, list, event.target.checked )
					}
				/>
				<label htmlFor={ id }>{ verbOf( action ) }</label>
			</span>
		);
	};
	return (
		<div
			className="agent-guard-policy-actions"
			id={ fieldId( 'actions.allow' ) }
			tabIndex={ -1 }
		>
			<span id={ fieldId( 'actions.deny' ) } tabIndex={ -1 } />
			<FieldError
				id={ fieldId( 'actions.allow' ) }
				messages={ props.errorsAt( 'actions.allow' ) }
			/>
			<FieldError
				id={ fieldId( 'actions.deny' ) }
				messages={ props.errorsAt( 'actions.deny' ) }
			/>
			<DataTable
				className="agent-guard-policy-actions__table"
				caption={ __( 'Allowed and denied actions', 'agent-guard' ) }
				columns={ [
					__( 'Resource', 'agent-guard' ),
					__( 'Allowed', 'agent-guard' ),
					__( 'Denied', 'agent-guard' ),
				] }
				rows={ actionsByResource() }
				renderRow={ ( group ) => (
					<tr key={ group.resource } data-resource={ group.resource }>
						<th scope="row">{ resourceLabel( group.resource ) }</th>
						<td>
							{ group.actions.map( ( action ) =>
								box( action, 'allow' )
							) }
						</td>
						<td>
							{ group.actions.map( ( action ) =>
								box( action, 'deny' )
							) }
						</td>
					</tr>
				) }
			/>
		</div>
	);
}

/**
 * Per allowed action, the only fields its writes may touch.
 *
 * @param props Props.
 */
function FieldsPerAction( props: PartProps ) {
	const actions = fieldListActions( props.draft );
	const fields = getAt( props.draft, 'actions.fields' );
	return (
		<div
			className="agent-guard-policy-group"
			id={ fieldId( 'actions.fields' ) }
			tabIndex={ -1 }
		>
			<h4 className="agent-guard-policy-group__title">
				{ __( 'Fields each action may change', 'agent-guard' ) }
			</h4>
			<p className="agent-guard-policy-field__help">
				{ __(
					'Comma-separated field names, meta keys as meta_data.<key>. Leave it empty to allow every field except meta keys starting with an underscore.',
					'agent-guard'
				) }
			</p>
			<FieldError
				id={ fieldId( 'actions.fields' ) }
				messages={ props.errorsAt( 'actions.fields' ) }
			/>
			{ actions.length === 0 ? (
				<p className="agent-guard-muted">
					{ __( 'No action is allowed.', 'agent-guard' ) }
				</p>
			) : (
				<div className="agent-guard-policy-group__fields">
					{ actions.map( ( action ) => {
						const path = `actions.fields.${ action }`;
						return (
							<ListField
								key={ action }
								path={ path }
								label={ actionLabel( action ) }
								items="string"
								removeWhenEmpty
								value={
									isJsonObject( fields )
										? fields[ action ]
										: undefined
								}
								onChange={ ( value ) =>
									props.onChange( path, value )
								}
								errors={ props.errorsAt( path ) }
								disabled={ props.disabled }
							/>
						);
					} ) }
				</div>
			) }
		</div>
	);
}

export function PolicyForm( props: PolicyFormProps ) {
	const errorsAt = ( path: string ) => props.errors[ path ];
	const part = { ...props, errorsAt };
	return (
		<div className="agent-guard-policy-form">
			{ policySections().map( ( section, index ) => {
				const headingId = `${ fieldId( section.path ) }__title`;
				return (
					<section
						key={ section.path }
						className="agent-guard-policy-layer"
						aria-labelledby={ headingId }
						id={ fieldId( section.path ) }
						tabIndex={ -1 }
					>
						<h3
							id={ headingId }
							className="agent-guard-policy-layer__title"
						>
							{ sprintf(
								/* translators: 1: layer number, 2: layer name. */
								__( '%1$d. %2$s', 'agent-guard' ),
								index + 1,
								section.title
							) }
						</h3>
						<p className="agent-guard-policy-layer__description">
							{ section.description }
						</p>
						<FieldError
							id={ fieldId( section.path ) }
							messages={ errorsAt( section.path ) }
						/>
						{ section.special === 'data_access' ? (
							<ResourcesGrid { ...part } />
						) : null }
						{ section.special === 'actions' ? (
							<AllowDenyTable { ...part } />
						) : null }
						{ section.groups.map( ( group, groupIndex ) => (
							<div
								key={ group.path ?? groupIndex }
								className="agent-guard-policy-group"
								id={
									group.path
										? fieldId( group.path )
										: undefined
								}
								tabIndex={ group.path ? -1 : undefined }
							>
								{ group.title ? (
									<h4 className="agent-guard-policy-group__title">
										{ group.title }
									</h4>
								) : null }
								{ group.path ? (
									<FieldError
										id={ fieldId( group.path ) }
										messages={ errorsAt( group.path ) }
									/>
								) : null }
								<div className="agent-guard-policy-group__fields">
									{ group.fields.map( ( spec ) => (
										<Field
											key={ spec.path }
											spec={ spec }
											{ ...part }
										/>
									) ) }
								</div>
							</div>
						) ) }
						{ section.special === 'actions' ? (
							<FieldsPerAction { ...part } />
						) : null }
					</section>
				);
			} ) }
		</div>
	);
}

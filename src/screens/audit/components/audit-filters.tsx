/**
 * External dependencies
 */
import type { FormEvent } from 'react';

/**
 * WordPress dependencies
 */
import { Button, SelectControl, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { eventTypeLabel } from '../../../components/labels';
import { actionLabel } from '../../../components/approval-labels';
import { ACTIONS } from '../../../schemas';
import {
	hasFilters,
	isoToLocalInput,
	localInputToIso,
	NO_FILTERS,
	parseAction,
	parseDecision,
	parseEventType,
	parseId,
	parseTargetType,
	TARGET_ID_MAX,
	type AuditScreenFilters,
} from '../data/filters';
import { auditDecisionLabel, DECISIONS, EVENT_TYPES } from './event-labels';

interface AuditFiltersProps {
	/** The filters in effect (the form starts from them). */
	filters: AuditScreenFilters;
	/** The agents to filter by. */
	agents: Array< { id: number; name: string } >;
	onApply: ( filters: AuditScreenFilters ) => void;
}

interface Draft {
	agent: string;
	eventType: string;
	decision: string;
	action: string;
	targetType: string;
	targetId: string;
	approval: string;
	from: string;
	to: string;
}

type DraftErrors = Partial< Record< keyof Draft, string > >;

function draftOf( filters: AuditScreenFilters ): Draft {
	return {
		agent: filters.agentId === null ? '' : String( filters.agentId ),
		eventType: filters.eventType ?? '',
		decision: filters.decision ?? '',
		action: filters.action ?? '',
		targetType: filters.targetType ?? '',
		targetId: filters.targetId ?? '',
		approval:
			filters.approvalId === null ? '' : String( filters.approvalId ),
		from: isoToLocalInput( filters.from ),
		to: isoToLocalInput( filters.to ),
	};
}

/**
 * The draft as filters, or what is wrong with it, field by field.
 *
 * @param draft The form's values.
 */
export function readDraft(
	draft: Draft
):
	| { ok: true; filters: AuditScreenFilters }
	| { ok: false; errors: DraftErrors } {
	const errors: DraftErrors = {};
	const targetType = draft.targetType.trim();
	const targetId = draft.targetId.trim();
	const approval = draft.approval.trim();
	if ( targetType !== '' && parseTargetType( targetType ) === null ) {
		errors.targetType = __(
			'A target type is lowercase letters and underscores, such as product or order.',
			'agent-guard'
		);
	}
	if ( targetId.length > TARGET_ID_MAX ) {
		errors.targetId = __(
			'A target id is at most 64 characters.',
			'agent-guard'
		);
	}
	if ( targetId !== '' && targetType === '' ) {
		errors.targetType = __(
			'Say which type of target the id belongs to.',
			'agent-guard'
		);
	}
	if ( approval !== '' && parseId( approval ) === null ) {
		errors.approval = __(
			'A request number is a whole number above 0.',
			'agent-guard'
		);
	}
	const from = localInputToIso( draft.from );
	const to = localInputToIso( draft.to, true );
	if ( from === undefined ) {
		errors.from = __( 'Enter a date and time.', 'agent-guard' );
	}
	if ( to === undefined ) {
		errors.to = __( 'Enter a date and time.', 'agent-guard' );
	}
	if ( from && to && from > to ) {
		errors.to = __(
			'The end of the range is before its start.',
			'agent-guard'
		);
	}
	if ( Object.keys( errors ).length > 0 ) {
		return { ok: false, errors };
	}
	return {
		ok: true,
		filters: {
			agentId: parseId( draft.agent ),
			eventType: parseEventType( draft.eventType ),
			decision: parseDecision( draft.decision ),
			action: parseAction( draft.action ),
			targetType: targetType === '' ? null : targetType,
			targetId: targetId === '' ? null : targetId,
			approvalId: parseId( approval ),
			from: from ?? null,
			to: to ?? null,
		},
	};
}

/**
 * Options of a select: "any", the known codes, and the one in effect if it is not
 * among them (a linked filter stays visible).
 *
 * @param anyLabel The label of "no filter".
 * @param codes    Known codes.
 * @param current  The code in effect.
 * @param label    Words for a code.
 */
function codeOptions(
	anyLabel: string,
	codes: readonly string[],
	current: string,
	label: ( code: string ) => string
) {
	const all =
		current !== '' && ! codes.includes( current )
			? [ ...codes, current ]
			: codes;
	return [
		{ value: '', label: anyLabel },
		...all.map( ( code ) => ( {
			value: code,
			label:
				label( code ) === code
					? code
					: `${ label( code ) } (${ code })`,
		} ) ),
	];
}

/**
 * The log's filters as a form: pick or type, then Apply (Enter in a field applies too).
 * Nothing is fetched until then, so typing an id or a date sends no request per key.
 *
 * @param props         Props.
 * @param props.filters
 * @param props.agents
 * @param props.onApply
 */
export function AuditFilters( {
	filters,
	agents,
	onApply,
}: AuditFiltersProps ) {
	const [ draft, setDraft ] = useState< Draft >( () => draftOf( filters ) );
	const [ errors, setErrors ] = useState< DraftErrors >( {} );
	const set = ( field: keyof Draft ) => ( value: string ) =>
		setDraft( ( current ) => ( { ...current, [ field ]: value } ) );

	const submit = ( event: FormEvent ) => {
		event.preventDefault();
		const result = readDraft( draft );
		if ( ! result.ok ) {
			setErrors( result.errors );
			return;
		}
		setErrors( {} );
		onApply( result.filters );
	};

	const agentKnown =
		draft.agent === '' ||
		agents.some( ( agent ) => String( agent.id ) === draft.agent );
	// A select of codes: "any", the known codes, and the one in effect.
	const codeSelect = (
		field: 'eventType' | 'decision' | 'action',
		label: string,
		anyLabel: string,
		codes: readonly string[],
		labelOf: ( code: string ) => string
	) => (
		<SelectControl
			label={ label }
			value={ draft[ field ] }
			options={ codeOptions( anyLabel, codes, draft[ field ], labelOf ) }
			onChange={ set( field ) }
			__nextHasNoMarginBottom
		/>
	);
	// A typed filter, with what is wrong with it as its help.
	const textField = (
		field: 'targetType' | 'targetId' | 'approval' | 'from' | 'to',
		label: string,
		input: {
			placeholder?: string;
			inputMode?: 'numeric';
			type?: 'datetime-local';
		} = {}
	) => (
		<TextControl
			label={ label }
			value={ draft[ field ] }
			{ ...input }
			onChange={ set( field ) }
			{ ...( errors[ field ]
				? { help: errors[ field ], 'aria-invalid': true as const }
				: {} ) }
			__nextHasNoMarginBottom
		/>
	);

	return (
		<form
			className="agent-guard-audit-filters"
			onSubmit={ submit }
			aria-label={ __( 'Filter the audit log', 'agent-guard' ) }
			noValidate
		>
			<div className="agent-guard-audit-filters__fields">
				<SelectControl
					label={ __( 'Agent', 'agent-guard' ) }
					value={ draft.agent }
					options={ [
						{ value: '', label: __( 'All agents', 'agent-guard' ) },
						...agents.map( ( agent ) => ( {
							value: String( agent.id ),
							label: agent.name,
						} ) ),
						...( agentKnown
							? []
							: [
									{
										value: draft.agent,
										label: `#${ draft.agent }`,
									},
							  ] ),
					] }
					onChange={ set( 'agent' ) }
					__nextHasNoMarginBottom
				/>
				{ codeSelect(
					'eventType',
					__( 'Event', 'agent-guard' ),
					__( 'All events', 'agent-guard' ),
					EVENT_TYPES,
					eventTypeLabel
				) }
				{ codeSelect(
					'decision',
					__( 'Decision', 'agent-guard' ),
					__( 'Any decision', 'agent-guard' ),
					DECISIONS,
					auditDecisionLabel
				) }
				{ codeSelect(
					'action',
					__( 'Action', 'agent-guard' ),
					__( 'Any action', 'agent-guard' ),
					ACTIONS,
					actionLabel
				) }
				{ textField( 'targetType', __( 'Target type', 'agent-guard' ), {
					placeholder: 'product',
				} ) }
				{ textField( 'targetId', __( 'Target id', 'agent-guard' ), {
					placeholder: '12',
				} ) }
				{ textField(
					'approval',
					__( 'Approval request #', 'agent-guard' ),
					{ inputMode: 'numeric' }
				) }
				{ textField( 'from', __( 'From (your time)', 'agent-guard' ), {
					type: 'datetime-local',
				} ) }
				{ textField( 'to', __( 'To (your time)', 'agent-guard' ), {
					type: 'datetime-local',
				} ) }
			</div>
			<div className="agent-guard-audit-filters__actions">
				<Button variant="primary" type="submit">
					{ __( 'Apply filters', 'agent-guard' ) }
				</Button>
				{ hasFilters( filters ) ? (
					<Button
						variant="secondary"
						onClick={ () => {
							setErrors( {} );
							onApply( NO_FILTERS );
						} }
					>
						{ __( 'Clear filters', 'agent-guard' ) }
					</Button>
				) : null }
			</div>
		</form>
	);
}

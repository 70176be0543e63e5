/**
 * External dependencies
 */
import type { KeyboardEvent, ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import { useEffect, useId, useRef, useState } from '@wordpress/element';

export interface TabSpec {
	name: string;
	title: string;
	/** Shown after the title, e.g. a count ("3 open"). */
	note?: string;
}

interface TabsProps {
	tabs: TabSpec[];
	/** The open tab's name (the caller keeps it, e.g. in the URL). */
	selected: string;
	onSelect: ( name: string ) => void;
	/** A label for the tab list, for screen readers. */
	label: string;
	/**
	 * Tabs whose panel stays mounted (hidden) once opened, so what was typed there
	 * survives a visit to another tab.
	 */
	keepMounted?: string[];
	children: ( tab: TabSpec ) => ReactNode;
}

/**
 * Controlled tabs with the WAI-ARIA tabs pattern: one tab stop, arrow keys, Home and End
 * move and open; the open tab's panel follows. Unlike wp-components' TabPanel the open tab
 * is a prop, so it can live in the URL.
 *
 * @param props             Props.
 * @param props.tabs
 * @param props.selected
 * @param props.onSelect
 * @param props.label
 * @param props.keepMounted
 * @param props.children    Renders a tab's panel.
 */
export function Tabs( {
	tabs,
	selected,
	onSelect,
	label,
	keepMounted = [],
	children,
}: TabsProps ) {
	const baseId = useId();
	const refs = useRef< Record< string, HTMLButtonElement | null > >( {} );
	const current = tabs.find( ( tab ) => tab.name === selected ) ?? tabs[ 0 ];
	const [ visited, setVisited ] = useState< string[] >( [] );
	const currentName = current?.name;
	useEffect( () => {
		if (
			currentName &&
			keepMounted.includes( currentName ) &&
			! visited.includes( currentName )
		) {
			setVisited( [ ...visited, currentName ] );
		}
	}, [ currentName, keepMounted, visited ] );
	if ( ! current ) {
		return null;
	}
	const tabId = ( name: string ) => `${ baseId }-tab-${ name }`;
	const panelId = ( name: string ) => `${ baseId }-panel-${ name }`;

	const move = ( event: KeyboardEvent< HTMLDivElement > ) => {
		const index = tabs.findIndex( ( tab ) => tab.name === current.name );
		let next: number | null = null;
		if ( event.key === 'ArrowRight' ) {
			next = ( index + 1 ) % tabs.length;
		} else if ( event.key === 'ArrowLeft' ) {
			next = ( index - 1 + tabs.length ) % tabs.length;
		} else if ( event.key === 'Home' ) {
			next = 0;
		} else if ( event.key === 'End' ) {
			next = tabs.length - 1;
		}
		const target = next === null ? undefined : tabs[ next ];
		if ( target ) {
			event.preventDefault();
			onSelect( target.name );
			refs.current[ target.name ]?.focus();
		}
	};

	return (
		<div className="agent-guard-tabs">
			{ /* eslint-disable-next-line jsx-a11y/interactive-supports-focus -- the tabs inside take focus */ }
			<div
				className="agent-guard-tabs__list"
				role="tablist"
				aria-label={ label }
				onKeyDown={ move }
			>
				{ tabs.map( ( tab ) => {
					const isSelected = tab.name === current.name;
					return (
						<button
							key={ tab.name }
							ref={ ( node ) => {
								refs.current[ tab.name ] = node;
							} }
							type="button"
							role="tab"
							id={ tabId( tab.name ) }
							aria-selected={ isSelected }
							aria-controls={ panelId( tab.name ) }
							tabIndex={ isSelected ? 0 : -1 }
							className={ `agent-guard-tabs__tab${
								isSelected ? ' is-selected' : ''
							}` }
							onClick={ () => onSelect( tab.name ) }
						>
							{ tab.title }
							{ tab.note ? (
								<span className="agent-guard-tabs__note">
									{ ' ' }
									{ tab.note }
								</span>
							) : null }
						</button>
					);
				} ) }
			</div>
			{ tabs
				.filter(
					( tab ) =>
						tab.name === current.name ||
						( keepMounted.includes( tab.name ) &&
							visited.includes( tab.name ) )
				)
				.map( ( tab ) => (
					<div
						key={ tab.name }
						className="agent-guard-tabs__panel"
						role="tabpanel"
						id={ panelId( tab.name ) }
						aria-labelledby={ tabId( tab.name ) }
						hidden={ tab.name !== current.name }
					>
						{ children( tab ) }
					</div>
				) ) }
		</div>
	);
}

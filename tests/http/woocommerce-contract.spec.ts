/**
 * WooCommerce REST contract: replays every request/response pair recorded from a real
 * WooCommerce 9.4.3 (../shared/woocommerce-contract/*.json) against the store under test —
 * the stand-in plugin by default, a real WooCommerce when AGENT_GUARD_WOOCOMMERCE_DIR is set —
 * and checks that it answers alike.
 *
 * What "alike" means (ids, dates, slugs, URLs and amounts differ from run to run):
 * - the same HTTP status; for errors the same `code`;
 * - the same `Allow` header, and a `Location` / `X-WP-Total` / `X-WP-TotalPages` header where
 *   the recording has one;
 * - the same shape, recursively: an object has exactly the recorded keys; a value has the
 *   recorded JSON type (integers and decimals are both "number"); an array that was recorded
 *   non-empty must be non-empty, and its elements are compared with the recorded element at
 *   the same index (or with the first recorded element when the replay has more elements);
 * - null: a value recorded as null must be null in the replay too, unless the field is one
 *   that WooCommerce documents as "null or <type>" (see NULLABLE below, e.g. dates, stock
 *   quantities, images), where the replay may also carry that type. A value recorded non-null
 *   must have the same non-null type in the replay: a field that is "sometimes null" only
 *   passes when the replay put the store in the same state as the recording;
 * - dictionaries (settings `options`) are compared by the type of their values, not their keys.
 *
 * The replay recreates the state each recording assumed (a category, the "Contract Mug", a
 * variable product, a customer, an order…) in the recorded order and substitutes live ids.
 */
import { test, expect } from '@playwright/test';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const ROOT = path.resolve( __dirname, '../..' );
const CONTRACT_DIR =
	process.env.AGENT_GUARD_CONTRACT_DIR ??
	path.resolve( ROOT, '../shared/woocommerce-contract' );
const REAL_WOOCOMMERCE = Boolean( process.env.AGENT_GUARD_WOOCOMMERCE_DIR );

test.describe.configure( { mode: 'default', timeout: 120_000 } );

// ---------------------------------------------------------------------------------------------
// Site: one small function, to be swapped for the shared fixture.
// ---------------------------------------------------------------------------------------------

type Site = {
	url: string;
	auth: string;
	wpDir: string;
	/** Runs one of our PHP scripts against the site (bin/lib/site.mjs runPhp). */
	php: ( script: string, input: Record< string, unknown > ) => any;
	stop: () => Promise< void >;
};

async function bootSite(): Promise< Site > {
	const { createSite, serveSite, runPhp } = await import(
		path.join( ROOT, 'bin/lib/site.mjs' )
	);
	const site = await createSite( {
		name: REAL_WOOCOMMERCE ? 'standin-contract-real' : 'standin-contract',
		agentGuard: false,
	} );
	const server = await serveSite( site );
	return {
		url: site.url,
		auth:
			'Basic ' +
			Buffer.from( 'admin:' + site.install.app_password ).toString(
				'base64'
			),
		wpDir: site.wpDir,
		php: ( script, input ) =>
			runPhp( site, path.join( ROOT, script ), input ),
		stop: () => server.stop(),
	};
}

// ---------------------------------------------------------------------------------------------
// Recordings and replay.
// ---------------------------------------------------------------------------------------------

type Json =
	| null
	| boolean
	| number
	| string
	| Json[]
	| { [ key: string ]: Json };
type Recording = {
	request: { method: string; path: string; body?: Json };
	response: { status: number; headers: Record< string, string >; body: Json };
	note?: string;
};
type Replayed = { status: number; headers: Headers; body: Json; text: string };
type State = Record< string, number >;

const RUN = String( Date.now() ).slice( -9 );

function recording( file: string ): Recording {
	return JSON.parse(
		fs.readFileSync( path.join( CONTRACT_DIR, file ), 'utf8' )
	) as Recording;
}

type Scenario = {
	file: string;
	/** Path to call, with live ids (defaults to the recorded path). */
	path?: ( s: State ) => string;
	/** Body to send (defaults to the recorded body). */
	body?: ( s: State, recorded: any ) => Json;
	/** A raw body instead of JSON. */
	raw?: string;
	/** Send no credentials. */
	anonymous?: boolean;
	/** Record live ids from the answer. */
	after?: ( s: State, body: any ) => void;
};

/** In the order the recordings were made: each step leaves the state the next one assumes. */
const SCENARIOS: Scenario[] = [
	{
		file: 'product-category-create.json',
		body: () => ( { name: `Contract ${ RUN }` } ),
		after: ( s, b ) => ( s.category = b.id ),
	},
	{
		file: 'product-create.json',
		body: ( s, r ) => ( {
			...r,
			sku: `MUG-${ RUN }`,
			categories: [ { id: s.category } ],
		} ),
		after: ( s, b ) => ( s.product = b.id ),
	},
	{
		file: 'product-get.json',
		path: ( s ) => `/wc/v3/products/${ s.product }`,
	},
	{
		file: 'product-update-price.json',
		path: ( s ) => `/wc/v3/products/${ s.product }`,
	},
	{
		file: 'product-update-sale.json',
		path: ( s ) => `/wc/v3/products/${ s.product }`,
	},
	{
		file: 'product-update-stock.json',
		path: ( s ) => `/wc/v3/products/${ s.product }`,
	},
	{
		file: 'product-update-price-garbage.json',
		path: ( s ) => `/wc/v3/products/${ s.product }`,
	},
	{
		file: 'product-get-after-garbage.json',
		path: ( s ) => `/wc/v3/products/${ s.product }`,
	},
	{
		file: 'product-update-price-negative.json',
		path: ( s ) => `/wc/v3/products/${ s.product }`,
	},
	{ file: 'products-list.json' },
	{ file: 'product-categories-list.json' },
	{
		file: 'product-create-variable.json',
		body: ( s, r ) => ( { ...r, sku: `TEE-${ RUN }` } ),
		after: ( s, b ) => ( s.variable = b.id ),
	},
	{
		file: 'product-variation-create.json',
		path: ( s ) => `/wc/v3/products/${ s.variable }/variations`,
		after: ( s, b ) => ( s.variation = b.id ),
	},
	{
		file: 'product-variation-update.json',
		path: ( s ) =>
			`/wc/v3/products/${ s.variable }/variations/${ s.variation }`,
	},
	{
		file: 'product-delete-trash.json',
		path: ( s ) => `/wc/v3/products/${ s.variable }`,
	},
	{
		file: 'products-batch.json',
		body: ( s ) => ( {
			create: [
				{ name: 'Batch A', regular_price: '5.00', sku: `BA-${ RUN }` },
			],
			update: [
				{ id: s.product, regular_price: '22.00' },
				{ id: 999999, regular_price: '1.00' },
			],
			delete: [],
		} ),
		after: ( s, b ) => ( s.batchCreated = b.create?.[ 0 ]?.id ),
	},
	{
		file: 'products-batch-delete.json',
		body: ( s ) => ( { delete: [ s.batchCreated ] } ),
	},
	{
		file: 'product-delete-force.json',
		path: ( s ) => `/wc/v3/products/${ s.variable }?force=true`,
	},
	{
		file: 'customer-create.json',
		body: ( s, r ) => ( {
			...r,
			email: `jane.${ RUN }@example.com`,
			username: `jane${ RUN }`,
			billing: { ...r.billing, email: `jane.${ RUN }@example.com` },
		} ),
		after: ( s, b ) => ( s.customer = b.id ),
	},
	{
		file: 'customer-get.json',
		path: ( s ) => `/wc/v3/customers/${ s.customer }`,
	},
	{ file: 'customers-list.json' },
	{
		file: 'order-create.json',
		body: ( s, r ) => ( {
			...r,
			customer_id: s.customer,
			billing: { ...r.billing, email: `jane.${ RUN }@example.com` },
			line_items: [ { product_id: s.product, quantity: 2 } ],
		} ),
		after: ( s, b ) => ( s.order = b.id ),
	},
	{ file: 'order-get.json', path: ( s ) => `/wc/v3/orders/${ s.order }` },
	{ file: 'orders-list.json' },
	{
		file: 'order-update-status.json',
		path: ( s ) => `/wc/v3/orders/${ s.order }`,
	},
	{
		file: 'order-update-bad-status.json',
		path: ( s ) => `/wc/v3/orders/${ s.order }`,
	},
	{
		file: 'order-refund-create.json',
		path: ( s ) => `/wc/v3/orders/${ s.order }/refunds`,
	},
	{
		file: 'order-refunds-list.json',
		path: ( s ) => `/wc/v3/orders/${ s.order }/refunds`,
	},
	{
		file: 'order-refund-too-large.json',
		path: ( s ) => `/wc/v3/orders/${ s.order }/refunds`,
	},
	{
		file: 'order-notes-create.json',
		path: ( s ) => `/wc/v3/orders/${ s.order }/notes`,
	},
	{
		file: 'coupon-create.json',
		body: ( s, r ) => ( { ...r, code: `save10-${ RUN }` } ),
	},
	{ file: 'coupons-list.json' },
	{ file: 'webhook-create.json' },
	{ file: 'webhooks-list.json' },
	{
		file: 'method-override.json',
		path: ( s ) => `/wc/v3/products/${ s.product }?_method=PATCH`,
	},
	{ file: 'product-get-not-found.json' },
	{ file: 'product-update-not-found.json' },
	{
		file: 'product-update-price-number-type.json',
		path: ( s ) => `/wc/v3/products/${ s.product }`,
	},
	{
		file: 'product-update-unauthenticated.json',
		path: ( s ) => `/wc/v3/products/${ s.product }`,
		anonymous: true,
	},
	{ file: 'products-unauthenticated.json', anonymous: true },
	{
		file: 'products-invalid-json.json',
		raw: '{"name": "Contract Mug", "regular_price": "19',
	},
	{ file: 'products-list-bad-param.json' },
	{
		file: 'products-batch-over-limit.json',
		body: ( s ) => ( {
			update: Array.from( { length: 101 }, () => ( {
				id: s.product,
				regular_price: '22.00',
			} ) ),
		} ),
	},
	{
		file: 'system-batch-v1-wc.json',
		body: ( s ) => ( {
			requests: [
				{
					method: 'PUT',
					path: `/wc/v3/products/${ s.product }`,
					body: { regular_price: '23.00' },
				},
			],
		} ),
	},
	{ file: 'settings-general.json' },
];

/** Recordings that are not request/response pairs. */
const NOT_REPLAYED = new Set( [ 'wc-v3-index.json', 'README.md' ] );

async function call(
	site: Site,
	method: string,
	route: string,
	options: { body?: Json; raw?: string; anonymous?: boolean } = {}
): Promise< Replayed > {
	const headers: Record< string, string > = {};
	if ( ! options.anonymous ) {
		headers.Authorization = site.auth;
	}
	let payload: string | undefined;
	if ( options.raw !== undefined ) {
		payload = options.raw;
	} else if ( options.body !== undefined ) {
		payload = JSON.stringify( options.body );
	}
	if ( payload !== undefined ) {
		headers[ 'Content-Type' ] = 'application/json';
	}
	const response = await fetch( site.url + '/wp-json' + route, {
		method,
		headers,
		body: payload,
		redirect: 'manual',
	} );
	const text = await response.text();
	let body: Json = null;
	try {
		body = JSON.parse( text ) as Json;
	} catch {
		body = null;
	}
	return { status: response.status, headers: response.headers, body, text };
}

// ---------------------------------------------------------------------------------------------
// Shape comparison.
// ---------------------------------------------------------------------------------------------

type Kind = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

function kind( value: Json ): Kind {
	if ( value === null ) {
		return 'null';
	}
	if ( Array.isArray( value ) ) {
		return 'array';
	}
	return typeof value as Kind;
}

/** Fields WooCommerce documents as "null or <kind>": a recorded null accepts that kind too. */
const NULLABLE: Array< [ RegExp, Kind ] > = [
	[ /^date_[a-z_]+$/, 'string' ],
	[
		/^(stock_quantity|low_stock_amount|usage_limit|usage_limit_per_user|limit_usage_to_x_items)$/,
		'number',
	],
	[ /^image$/, 'object' ],
	[ /^parent_name$/, 'string' ],
	[ /^data$/, 'object' ],
];

/** Objects whose keys are data, not schema. */
const DICTIONARIES = new Set( [ 'options' ] );

function compareShape(
	expected: Json,
	actual: Json,
	where: string,
	field: string,
	out: string[]
): void {
	const want = kind( expected );
	const got = kind( actual );
	if ( want === 'null' ) {
		const allowed = NULLABLE.find( ( [ pattern ] ) =>
			pattern.test( field )
		);
		if ( got !== 'null' && ! ( allowed && allowed[ 1 ] === got ) ) {
			out.push( `${ where }: recorded null, got ${ got }` );
		}
		return;
	}
	if ( want !== got ) {
		out.push(
			`${ where }: expected ${ want }, got ${ got } (${ JSON.stringify(
				actual
			)?.slice( 0, 80 ) })`
		);
		return;
	}
	if ( want === 'array' ) {
		const e = expected as Json[];
		const a = actual as Json[];
		if ( e.length > 0 && a.length === 0 ) {
			out.push(
				`${ where }: recorded ${ e.length } element(s), got an empty array`
			);
		}
		a.forEach( ( element, index ) =>
			compareShape(
				e[ Math.min( index, e.length - 1 ) ] ?? element,
				element,
				`${ where }[${ index }]`,
				field,
				out
			)
		);
		return;
	}
	if ( want === 'object' ) {
		const e = expected as Record< string, Json >;
		const a = actual as Record< string, Json >;
		if ( DICTIONARIES.has( field ) ) {
			const sample = Object.values( e )[ 0 ];
			for ( const [ key, value ] of Object.entries( a ) ) {
				if ( sample !== undefined ) {
					compareShape(
						sample,
						value,
						`${ where }.${ key }`,
						key,
						out
					);
				}
			}
			return;
		}
		for ( const key of Object.keys( e ) ) {
			if ( ! ( key in a ) ) {
				out.push( `${ where }.${ key }: missing` );
			} else {
				compareShape(
					e[ key ] as Json,
					a[ key ] as Json,
					`${ where }.${ key }`,
					key,
					out
				);
			}
		}
		for ( const key of Object.keys( a ) ) {
			if ( ! ( key in e ) ) {
				out.push( `${ where }.${ key }: not in the recording` );
			}
		}
	}
}

/** Every difference between a recorded answer and a replayed one, as readable lines. */
function differences( recorded: Recording, replayed: Replayed ): string[] {
	const out: string[] = [];
	if ( replayed.status !== recorded.response.status ) {
		out.push(
			`status: expected ${ recorded.response.status }, got ${
				replayed.status
			} ${ replayed.text.slice( 0, 300 ) }`
		);
	}
	const body = recorded.response.body;
	if (
		recorded.response.status >= 400 &&
		body &&
		typeof body === 'object' &&
		! Array.isArray( body ) &&
		typeof body.code === 'string'
	) {
		const code =
			replayed.body &&
			typeof replayed.body === 'object' &&
			! Array.isArray( replayed.body )
				? replayed.body.code
				: undefined;
		if ( code !== body.code ) {
			out.push(
				`code: expected ${ body.code }, got ${ String( code ) }`
			);
		}
	}
	for ( const header of [ 'allow' ] ) {
		const want = recorded.response.headers[ header ];
		if ( want !== undefined && replayed.headers.get( header ) !== want ) {
			out.push(
				`header ${ header }: expected "${ want }", got "${ replayed.headers.get(
					header
				) }"`
			);
		}
	}
	for ( const header of [ 'location', 'x-wp-total', 'x-wp-totalpages' ] ) {
		if (
			recorded.response.headers[ header ] !== undefined &&
			! replayed.headers.get( header )
		) {
			out.push( `header ${ header }: missing` );
		}
	}
	compareShape( body, replayed.body, 'body', '', out );
	return out;
}

// ---------------------------------------------------------------------------------------------
// Tests.
// ---------------------------------------------------------------------------------------------

let site: Site;
const state: State = {};
const results = new Map< string, Replayed >();

test.beforeAll( async () => {
	test.setTimeout( 180_000 );
	site = await bootSite();
	// What the recordings found in the store before they started: another simple product in
	// the default category, and an older paid guest order.
	const widget = await call( site, 'POST', '/wc/v3/products', {
		body: {
			name: `Acceptance Widget ACC-${ RUN }`,
			regular_price: '24.50',
			sku: `ACC-${ RUN }`,
			manage_stock: true,
			stock_quantity: 50,
		},
	} );
	expect( widget.status, widget.text ).toBe( 201 );
	const guest = await call( site, 'POST', '/wc/v3/orders', {
		body: {
			status: 'processing',
			set_paid: true,
			billing: {
				first_name: 'Ada',
				last_name: 'Lovelace',
				email: 'ada@example.test',
			},
			line_items: [
				{
					product_id: ( widget.body as { id: number } ).id,
					quantity: 2,
				},
			],
		},
	} );
	expect( guest.status, guest.text ).toBe( 201 );
	// WooCommerce lists products by creation date alone (ties come in database order): let the
	// recorded products be created in a later second than these.
	await new Promise( ( resolve ) => setTimeout( resolve, 1100 ) );

	for ( const scenario of SCENARIOS ) {
		const recorded = recording( scenario.file );
		const route = scenario.path
			? scenario.path( state )
			: recorded.request.path;
		const body = scenario.body
			? scenario.body( state, recorded.request.body )
			: recorded.request.body;
		const replayed = await call( site, recorded.request.method, route, {
			body,
			raw: scenario.raw,
			anonymous: scenario.anonymous,
		} );
		results.set( scenario.file, replayed );
		if ( scenario.after && replayed.status < 300 ) {
			scenario.after( state, replayed.body );
		}
	}
} );

test.afterAll( async () => {
	await site?.stop();
} );

test( 'every recorded request/response pair has a replay scenario', () => {
	const files = fs
		.readdirSync( CONTRACT_DIR )
		.filter(
			( file ) => file.endsWith( '.json' ) && ! NOT_REPLAYED.has( file )
		);
	expect( files.length ).toBeGreaterThan( 0 );
	expect(
		files.filter(
			( file ) =>
				! SCENARIOS.some( ( scenario ) => scenario.file === file )
		)
	).toEqual( [] );
} );

for ( const scenario of SCENARIOS ) {
	test( `${ scenario.file.replace(
		/\.json$/,
		''
	) } answers like the recording`, () => {
		const replayed = results.get( scenario.file );
		expect( replayed, 'the replay ran' ).toBeDefined();
		expect( differences( recording( scenario.file ), replayed! ) ).toEqual(
			[]
		);
	} );
}

// ---------------------------------------------------------------------------------------------
// Routes and argument schemas of the parts of wc/v3 the guard touches.
// ---------------------------------------------------------------------------------------------

const GUARDED_ROUTES =
	/^\/wc\/v3\/(products|products\/\(\?P<id>\[\\d\]\+\)|products\/batch|products\/\(\?P<product_id>\[\\d\]\+\)\/variations(\/\(\?P<id>\[\\d\]\+\)|\/batch)?|products\/categories(\/\(\?P<id>\[\\d\]\+\)|\/batch)?|orders(\/\(\?P<id>\[\\d\]\+\)|\/batch)?|orders\/\(\?P<order_id>\[\\d\]\+\)\/(notes|refunds)(\/\(\?P<id>\[\\d\]\+\))?|refunds|customers(\/\(\?P<id>\[\\d\]\+\)|\/batch)?|coupons(\/\(\?P<id>\[\\d\]\+\)|\/batch)?|webhooks(\/\(\?P<id>\[\\d\]\+\)|\/batch)?|settings\/\(\?P<group_id>\[\\w-\]\+\)(\/\(\?P<id>\[\\w-\]\+\))?|reports(\/sales)?)$/;

type RouteIndex = {
	routes: Record<
		string,
		{
			endpoints: Array< {
				methods: string[];
				args: Record< string, any >;
			} >;
		}
	>;
};

function guardedRoutes( index: RouteIndex ): string[] {
	return Object.keys( index.routes ).filter( ( route ) =>
		GUARDED_ROUTES.test( route )
	);
}

test( 'registers every wc/v3 route the guard touches, with the recorded methods', async () => {
	const recorded = JSON.parse(
		fs.readFileSync( path.join( CONTRACT_DIR, 'wc-v3-index.json' ), 'utf8' )
	) as RouteIndex;
	const live = ( await call( site, 'GET', '/wc/v3' ) )
		.body as unknown as RouteIndex;
	const routes = guardedRoutes( recorded );
	expect( routes.length ).toBeGreaterThanOrEqual( 30 );
	const problems: string[] = [];
	for ( const route of routes ) {
		if ( ! live.routes[ route ] ) {
			problems.push( `${ route }: not registered` );
			continue;
		}
		const want = recorded.routes[ route ]!.endpoints.map( ( endpoint ) =>
			endpoint.methods.join( ',' )
		);
		const got = live.routes[ route ]!.endpoints.map( ( endpoint ) =>
			endpoint.methods.join( ',' )
		);
		if ( JSON.stringify( want ) !== JSON.stringify( got ) ) {
			problems.push(
				`${ route }: methods ${ JSON.stringify(
					got
				) }, recorded ${ JSON.stringify( want ) }`
			);
		}
	}
	expect( problems ).toEqual( [] );
} );

/** The type, enum and required flag of an argument, nested properties and items included. */
function argSignature( arg: any ): any {
	if ( ! arg || typeof arg !== 'object' ) {
		return arg;
	}
	const signature: any = { type: arg.type };
	if ( arg.enum ) {
		signature.enum = [ ...new Set( arg.enum ) ].sort();
	}
	if ( arg.required ) {
		signature.required = true;
	}
	if ( arg.items ) {
		signature.items = argSignature( arg.items );
	}
	if ( arg.properties ) {
		signature.properties = Object.fromEntries(
			Object.entries( arg.properties )
				.sort( ( [ a ], [ b ] ) => a.localeCompare( b ) )
				.map( ( [ key, value ] ) => [ key, argSignature( value ) ] )
		);
	}
	return signature;
}

test( 'arguments the store declares on those routes have the recorded types, enums and required flags', async () => {
	const recorded = JSON.parse(
		fs.readFileSync( path.join( CONTRACT_DIR, 'wc-v3-index.json' ), 'utf8' )
	) as RouteIndex;
	const live = ( await call( site, 'GET', '/wc/v3' ) )
		.body as unknown as RouteIndex;
	const problems: string[] = [];
	let compared = 0;
	for ( const route of guardedRoutes( recorded ) ) {
		recorded.routes[ route ]!.endpoints.forEach( ( endpoint, index ) => {
			const liveArgs =
				live.routes[ route ]?.endpoints[ index ]?.args ?? {};
			for ( const [ name, arg ] of Object.entries( endpoint.args ) ) {
				if ( ! ( name in liveArgs ) ) {
					continue; // The stand-in may leave out arguments it does not support.
				}
				compared++;
				const want = JSON.stringify( argSignature( arg ) );
				const got = JSON.stringify( argSignature( liveArgs[ name ] ) );
				if ( want !== got ) {
					problems.push(
						`${ route } ${ endpoint.methods.join(
							','
						) } ${ name }: ${ got }, recorded ${ want }`
					);
				}
			}
			for ( const name of Object.keys( liveArgs ) ) {
				if ( ! ( name in endpoint.args ) ) {
					problems.push(
						`${ route } ${ endpoint.methods.join(
							','
						) } ${ name }: not in the recording`
					);
				}
			}
		} );
	}
	expect( compared ).toBeGreaterThan( 300 );
	expect( problems ).toEqual( [] );
} );

// ---------------------------------------------------------------------------------------------
// Behaviour the recordings do not show, checked the same way against both stores: consumer-key
// authentication (WC_REST_Authentication), webhook delivery (WC_Webhook) and the batch
// endpoint applying its items without dispatching them (no rest_pre_dispatch per item).
// ---------------------------------------------------------------------------------------------

type ApiKey = { consumer_key: string; consumer_secret: string };

function apiKey( permissions: 'read' | 'write' | 'read_write' ): ApiKey {
	return site.php( 'tests/woocommerce-stand-in/bin/create-api-key.php', {
		user_id: 1,
		permissions,
		description: 'contract',
	} ) as ApiKey;
}

/** RFC 3986 encoding, as OAuth 1.0a wants it. */
function rfc3986( value: string ): string {
	return encodeURIComponent( value ).replace(
		/[!'()*]/g,
		( c ) => '%' + c.charCodeAt( 0 ).toString( 16 ).toUpperCase()
	);
}

/** A URL signed with OAuth 1.0a one-legged (consumer key and secret only), parameters in the query. */
function signed(
	method: string,
	url: string,
	key: ApiKey,
	options: {
		algorithm?: 'HMAC-SHA1' | 'HMAC-SHA256';
		nonce?: string;
		timestamp?: number;
	} = {}
): string {
	const target = new URL( url );
	const params: Record< string, string > = {
		oauth_consumer_key: key.consumer_key,
		oauth_nonce:
			options.nonce ?? crypto.randomBytes( 16 ).toString( 'hex' ),
		oauth_signature_method: options.algorithm ?? 'HMAC-SHA256',
		oauth_timestamp: String(
			options.timestamp ?? Math.floor( Date.now() / 1000 )
		),
	};
	for ( const [ name, value ] of target.searchParams ) {
		params[ name ] = value;
	}
	const base = target.origin + target.pathname;
	const normalized = Object.keys( params )
		.sort()
		.map(
			( name ) =>
				`${ rfc3986( name ) }=${ rfc3986( params[ name ] ?? '' ) }`
		)
		.join( '&' );
	const text = `${ method }&${ rfc3986( base ) }&${ rfc3986( normalized ) }`;
	const hash =
		params.oauth_signature_method === 'HMAC-SHA1' ? 'sha1' : 'sha256';
	const signature = crypto
		.createHmac( hash, key.consumer_secret + '&' )
		.update( text )
		.digest( 'base64' );
	const query = new URLSearchParams( {
		...params,
		oauth_signature: signature,
	} );
	return `${ base }?${ query.toString() }`;
}

async function raw(
	method: string,
	url: string,
	init: { body?: Json; headers?: Record< string, string > } = {}
): Promise< Replayed > {
	const headers = {
		...( init.body !== undefined
			? { 'Content-Type': 'application/json' }
			: {} ),
		...init.headers,
	};
	const response = await fetch( url, {
		method,
		headers,
		body: init.body === undefined ? undefined : JSON.stringify( init.body ),
	} );
	const text = await response.text();
	let body: Json = null;
	try {
		body = JSON.parse( text ) as Json;
	} catch {}
	return { status: response.status, headers: response.headers, body, text };
}

const errorCode = ( replayed: Replayed ) =>
	( replayed.body as { code?: string } | null )?.code;

test.describe( 'consumer key authentication', () => {
	test( 'OAuth 1.0a signatures work over plain HTTP, and a key only does what its permission allows', async () => {
		const read = apiKey( 'read' );
		const write = apiKey( 'write' );
		const products = `${ site.url }/wp-json/wc/v3/products`;

		expect(
			( await raw( 'GET', signed( 'GET', products, read ) ) ).status
		).toBe( 200 );
		expect(
			(
				await raw(
					'GET',
					signed( 'GET', products + '?per_page=1', read, {
						algorithm: 'HMAC-SHA1',
					} )
				)
			).status
		).toBe( 200 );

		const readWrites = await raw(
			'POST',
			signed( 'POST', products, read ),
			{ body: { name: 'Refused' } }
		);
		expect( [ readWrites.status, errorCode( readWrites ) ] ).toEqual( [
			401,
			'woocommerce_rest_authentication_error',
		] );

		const writeReads = await raw( 'GET', signed( 'GET', products, write ) );
		expect( [ writeReads.status, errorCode( writeReads ) ] ).toEqual( [
			401,
			'woocommerce_rest_authentication_error',
		] );

		const writeWrites = await raw(
			'POST',
			signed( 'POST', products, write ),
			{ body: { name: `OAuth ${ RUN }` } }
		);
		expect( writeWrites.status, writeWrites.text ).toBe( 201 );
	} );

	test( 'bad signatures, stale timestamps and replayed nonces are refused', async () => {
		const read = apiKey( 'read' );
		const products = `${ site.url }/wp-json/wc/v3/products`;
		const cases = [
			signed( 'GET', products, { ...read, consumer_secret: 'cs_wrong' } ),
			signed( 'GET', products, { ...read, consumer_key: 'ck_unknown' } ),
			signed( 'GET', products, read, {
				timestamp: Math.floor( Date.now() / 1000 ) - 3600,
			} ),
		];
		for ( const url of cases ) {
			const refused = await raw( 'GET', url );
			expect( [ refused.status, errorCode( refused ) ], url ).toEqual( [
				401,
				'woocommerce_rest_authentication_error',
			] );
		}
		const once = signed( 'GET', products, read, {
			nonce: `nonce${ RUN }`,
		} );
		expect( ( await raw( 'GET', once ) ).status ).toBe( 200 );
		const replay = await raw( 'GET', once );
		expect( [ replay.status, errorCode( replay ) ] ).toEqual( [
			401,
			'woocommerce_rest_authentication_error',
		] );

		const partial = await raw(
			'GET',
			`${ products }?oauth_consumer_key=${ read.consumer_key }`
		);
		expect( [ partial.status, errorCode( partial ) ] ).toEqual( [
			401,
			'woocommerce_rest_authentication_missing_parameter',
		] );
	} );

	test( 'consumer keys sent with Basic auth or in the query count for nothing over plain HTTP', async () => {
		const key = apiKey( 'read_write' );
		const basic = await raw(
			'GET',
			`${ site.url }/wp-json/wc/v3/products`,
			{
				headers: {
					Authorization:
						'Basic ' +
						Buffer.from(
							`${ key.consumer_key }:${ key.consumer_secret }`
						).toString( 'base64' ),
				},
			}
		);
		expect( [ basic.status, errorCode( basic ) ] ).toEqual( [
			401,
			'woocommerce_rest_cannot_view',
		] );
		const query = await raw(
			'GET',
			`${ site.url }/wp-json/wc/v3/products?consumer_key=${ key.consumer_key }&consumer_secret=${ key.consumer_secret }`
		);
		expect( [ query.status, errorCode( query ) ] ).toEqual( [
			401,
			'woocommerce_rest_cannot_view',
		] );
	} );
} );

/**
 * A test-only mu-plugin for this site: lets webhooks reach a receiver on a local port
 * (wp_safe_remote_request() only allows 80, 443 and 8080), delivers them at the end of the
 * request as the stand-in does (WooCommerce queues them in Action Scheduler by default), and
 * counts rest_pre_dispatch calls into a response header.
 */
function installContractMuPlugin( port: number ): void {
	fs.writeFileSync(
		path.join(
			site.wpDir,
			'wp-content/mu-plugins/woocommerce-contract.php'
		),
		`<?php
add_filter( 'http_allowed_safe_ports', static fn( $ports ) => array_merge( (array) $ports, array( ${ port } ) ) );
add_filter( 'woocommerce_webhook_deliver_async', '__return_false' );
add_filter( 'rest_pre_dispatch', static function ( $result ) { $GLOBALS['contract_pre_dispatch'] = ( $GLOBALS['contract_pre_dispatch'] ?? 0 ) + 1; return $result; } );
add_filter( 'rest_post_dispatch', static function ( $response ) { $response->header( 'X-Contract-Pre-Dispatch', (string) ( $GLOBALS['contract_pre_dispatch'] ?? 0 ) ); return $response; } );
`
	);
}

type Delivery = {
	path: string;
	headers: http.IncomingHttpHeaders;
	body: string;
};

async function receiver(): Promise< {
	port: number;
	deliveries: Delivery[];
	close: () => Promise< void >;
} > {
	const deliveries: Delivery[] = [];
	const server = http.createServer( ( request, response ) => {
		let body = '';
		request.on( 'data', ( chunk ) => ( body += chunk ) );
		request.on( 'end', () => {
			deliveries.push( {
				path: request.url ?? '',
				headers: request.headers,
				body,
			} );
			response.writeHead( 200 ).end( 'ok' );
		} );
	} );
	await new Promise< void >( ( resolve ) =>
		server.listen( 0, '127.0.0.1', resolve )
	);
	const port = ( server.address() as { port: number } ).port;
	return {
		port,
		deliveries,
		close: () =>
			new Promise( ( resolve ) => server.close( () => resolve() ) ),
	};
}

test( 'webhooks are delivered with WooCommerce headers, signature and the REST payload', async () => {
	const hooks = await receiver();
	try {
		installContractMuPlugin( hooks.port );
		const deliveryUrl = `http://127.0.0.1:${ hooks.port }/hook`;
		for ( const topic of [
			'product.created',
			'product.updated',
			'product.deleted',
			'order.created',
		] ) {
			const created = await call( site, 'POST', '/wc/v3/webhooks', {
				body: {
					name: topic,
					topic,
					delivery_url: deliveryUrl,
					secret: `secret-${ RUN }`,
				},
			} );
			expect( created.status, created.text ).toBe( 201 );
		}
		const product = await call( site, 'POST', '/wc/v3/products', {
			body: {
				name: `Hooked ${ RUN }`,
				regular_price: '5.00',
				manage_stock: true,
				stock_quantity: 10,
			},
		} );
		const id = ( product.body as { id: number } ).id;
		await call( site, 'PUT', `/wc/v3/products/${ id }`, {
			body: { regular_price: '6.00' },
		} );
		await call( site, 'POST', '/wc/v3/orders', {
			body: { line_items: [ { product_id: id, quantity: 1 } ] },
		} );
		await call( site, 'DELETE', `/wc/v3/products/${ id }` );

		const payloads = hooks.deliveries.filter(
			( delivery ) => delivery.headers[ 'x-wc-webhook-topic' ]
		);
		const pings = hooks.deliveries.filter( ( delivery ) =>
			/^webhook_id=\d+$/.test( delivery.body )
		);
		expect( pings ).toHaveLength( 4 );
		expect(
			payloads.map(
				( delivery ) => delivery.headers[ 'x-wc-webhook-topic' ]
			)
		).toEqual( [
			'product.created',
			'product.updated',
			'order.created',
			'product.deleted',
		] );
		for ( const delivery of payloads ) {
			const signature = crypto
				.createHmac( 'sha256', `secret-${ RUN }` )
				.update( delivery.body )
				.digest( 'base64' );
			expect( delivery.headers[ 'x-wc-webhook-signature' ] ).toBe(
				signature
			);
			expect( delivery.headers[ 'x-wc-webhook-source' ] ).toBe(
				site.url + '/'
			);
			expect( delivery.headers[ 'x-wc-webhook-id' ] ).toMatch( /^\d+$/ );
			expect( delivery.headers[ 'x-wc-webhook-delivery-id' ] ).toMatch(
				/^[0-9a-f]{32}$/
			);
			expect( delivery.headers[ 'user-agent' ] ).toMatch(
				/^WooCommerce\/[\d.]+ Hookshot \(WordPress\/[\d.]+\)$/
			);
			const [ resource, event ] = String(
				delivery.headers[ 'x-wc-webhook-topic' ]
			).split( '.' );
			expect( [
				delivery.headers[ 'x-wc-webhook-resource' ],
				delivery.headers[ 'x-wc-webhook-event' ],
			] ).toEqual( [ resource, event ] );
		}
		const [ created, updated, order, deleted ] = payloads.map(
			( delivery ) => JSON.parse( delivery.body )
		);
		const productShape = recording( 'product-get.json' ).response.body;
		const out: string[] = [];
		compareShape(
			productShape,
			{
				...created,
				_links: productShape && ( productShape as any )._links,
			},
			'product.created',
			'',
			out
		);
		expect(
			out.filter(
				( line ) => ! /categories|meta_data|related_ids/.test( line )
			)
		).toEqual( [] );
		expect( [
			created.id,
			updated.id,
			updated.regular_price,
			order.line_items?.[ 0 ]?.product_id,
			deleted,
		] ).toEqual( [ id, id, '6.00', id, { id } ] );
	} finally {
		await hooks.close();
	}
} );

test( 'products/batch applies its items without dispatching them (rest_pre_dispatch fires once)', async () => {
	installContractMuPlugin( 1 );
	const batch = await call( site, 'POST', '/wc/v3/products/batch', {
		body: {
			create: [
				{ name: `Batch one ${ RUN }` },
				{ name: `Batch two ${ RUN }` },
			],
			update: [ { id: state.product ?? 0, regular_price: '25.00' } ],
		},
	} );
	expect( batch.status, batch.text ).toBe( 200 );
	expect( ( batch.body as { create: unknown[] } ).create ).toHaveLength( 2 );
	expect( batch.headers.get( 'x-contract-pre-dispatch' ) ).toBe( '1' );
	const single = await call(
		site,
		'GET',
		`/wc/v3/products/${ state.product }`
	);
	expect( single.headers.get( 'x-contract-pre-dispatch' ) ).toBe( '1' );
} );

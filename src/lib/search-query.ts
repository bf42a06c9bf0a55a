import { STATE_LABELS } from './states.ts';
import { escapeHtml } from './escape.ts';

/**
 * Search query processing, shared by the search UI (header dialog and `/search/`) and by
 * `npm run bench:search`, so that what is measured is what staff get. Pure TypeScript: the Pagefind
 * instance is passed in (the browser's, or the real bundle loaded in Node by the benchmark and tests).
 *
 * Why (measured with `npm run bench:search`; README, section Search):
 * - Pagefind indexes Chinese as dictionary words (「管理審查」→ 管理|審查) and matches a plain query when
 *   a page has every word somewhere: 「管理審查」 also returns pages that only say 管理 … 審查.
 * - A quoted query is a phrase search, exact but only when pagefind.js cuts the query (Intl.Segmenter,
 *   by `<html lang>`) the way the indexer cut the page; where they disagree (不|符合|事項 vs 不符|合|事項)
 *   it finds nothing.
 * - So a query containing Han characters runs both (phrase, then plain) to collect candidates, and keeps
 *   a page only if its indexed text contains every term as typed (ignoring case, width and spaces).
 *   Precision is exact by construction; recall is that of the plain search.
 * - A document number (ISMS-P-005, isms-p-005, P-005) is matched to the `docNo` filter values of the
 *   index, and that document's page is put first.
 * - Queries of Latin letters and digits only are passed to Pagefind unchanged (its prefix and stemming
 *   search suits them).
 */

/** `data-pagefind-filter="status"` values, one per version state: the labels staff read everywhere. */
export const STATUS_LABELS = STATE_LABELS;
export type StatusLabel = (typeof STATUS_LABELS)[keyof typeof STATUS_LABELS];

/** Versions that are not in force: left out of results unless staff ask for them. */
export const NOT_IN_FORCE: readonly StatusLabel[] = [STATUS_LABELS.superseded, STATUS_LABELS.upcoming, STATUS_LABELS.withdrawn, STATUS_LABELS.draft];

/** Filter keys written on document pages (src/lib/search-index.ts) and read here. */
export const FILTER_KEYS = { docNo: 'docNo', status: 'status', tier: 'tier', classification: 'classification' } as const;

/** What the user chose besides the query. */
export interface SearchOptions {
	/** 「包含已取代、尚未生效及已廢止版本」 */
	includeHistory?: boolean;
	/** 文件類別 values (第一階文件 …); empty or absent: all. */
	tiers?: readonly string[];
	/** 機密等級 values (公開 …); empty or absent: all. */
	classifications?: readonly string[];
}

/**
 * Pagefind filters for the options. By default a page must not carry a status of a version out of force;
 * pages without a status (help, SoA, reviews, home) pass.
 */
export function searchFilters(options: SearchOptions = {}): Record<string, unknown> {
	const filters: Record<string, unknown> = {};
	if (!options.includeHistory) filters[FILTER_KEYS.status] = { none: [...NOT_IN_FORCE] };
	if (options.tiers?.length) filters[FILTER_KEYS.tier] = { any: [...options.tiers] };
	if (options.classifications?.length) filters[FILTER_KEYS.classification] = { any: [...options.classifications] };
	return filters;
}

/**
 * The address of the search page for a query and its filters, `/search/?q=…&all=1&tier=…&classification=…`:
 * what the search page shows and writes back as the user types, and what staff share.
 */
export function searchPageUrl(base: string, query: string, options: SearchOptions = {}): string {
	const params = new URLSearchParams();
	if (query.trim()) params.set('q', query.trim());
	if (options.includeHistory) params.set('all', '1');
	for (const tier of options.tiers ?? []) params.append('tier', tier);
	for (const level of options.classifications ?? []) params.append('classification', level);
	const search = params.toString();
	return `${base.replace(/\/?$/, '/')}search/${search ? `?${search}` : ''}`;
}

/** The query and filters in a search page address (`location.search`). */
export function readSearchParams(search: string): { query: string; options: Required<SearchOptions> } {
	const params = new URLSearchParams(search);
	return {
		query: params.get('q') ?? '',
		options: { includeHistory: params.get('all') === '1', tiers: params.getAll('tier'), classifications: params.getAll('classification') },
	};
}

// ---------------------------------------------------------------------------------------------------
// Parsing

const HAN = /\p{Script=Han}/u;
/** Quotation marks and brackets that wrap a term: dropped, and they separate terms. */
const WRAPPERS = /[「」『』〈〉《》【】〔〕“”‘’"'`]/gu;
/** Separators between terms (after NFKC: full-width punctuation is already ASCII). */
const SEPARATORS = /[\s,;:!?()[\]{}、。・]+/u;
/** A document-number-like token: letters/digits joined by hyphens, with a digit (ISMS-P-005, P-005). */
const DOC_NO_TOKEN = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$/i;

export interface QueryTerm {
	/** As it will be matched: NFKC-normalised, as typed otherwise. */
	text: string;
	kind: 'han' | 'docNo' | 'latin';
	/** Pagefind queries whose results together contain every page with this term. */
	queries: string[];
}

export interface SearchPlan {
	/** The query after normalisation, for display and the URL. */
	normalized: string;
	/**
	 * empty: nothing to search. latin: sent to Pagefind as is. verified: candidates from Pagefind, kept
	 * only if the page text contains every term.
	 */
	mode: 'empty' | 'latin' | 'verified';
	terms: QueryTerm[];
	/** Pagefind query whose order is used for the results (all terms, as Pagefind would take them). */
	orderQuery: string;
	/** Document numbers named in the query, resolved against the index (canonical spelling). */
	docNos: string[];
}

/** NFKC (full-width → ASCII, compatibility forms), wrappers to spaces, whitespace collapsed. */
export function normalizeQuery(input: string): string {
	return input.normalize('NFKC').replace(WRAPPERS, ' ').replace(/\s+/g, ' ').trim();
}

export function hasHan(text: string): boolean {
	return HAN.test(text);
}

export function isDocNoToken(token: string): boolean {
	return DOC_NO_TOKEN.test(token) && /\d/.test(token);
}

/**
 * The document numbers a token names: an exact match (any case), else every known number whose last
 * hyphen-separated parts are the token's, at least two of them (P-005 → ISMS-P-005). Without a list of
 * known numbers, the token itself, upper-cased.
 */
export function resolveDocNo(token: string, known?: readonly string[]): string[] {
	const wanted = token.toUpperCase();
	if (!known) return [wanted];
	const exact = known.filter((docNo) => docNo.toUpperCase() === wanted);
	if (exact.length) return exact;
	const parts = wanted.split('-');
	if (parts.length < 2) return [];
	return known.filter((docNo) => {
		const own = docNo.toUpperCase().split('-');
		return own.length > parts.length && own.slice(-parts.length).join('-') === wanted;
	});
}

/** Turns what the user typed into the searches to run and the terms every result must contain. */
export function parseQuery(input: string, knownDocNos?: readonly string[]): SearchPlan {
	const normalized = normalizeQuery(input);
	const tokens = normalized.split(SEPARATORS).filter(Boolean);
	const unique = [...new Map(tokens.map((token) => [token.toLowerCase(), token])).values()];
	if (unique.length === 0) return { normalized, mode: 'empty', terms: [], orderQuery: '', docNos: [] };
	const terms: QueryTerm[] = unique.map((text) => {
		if (hasHan(text)) return { text, kind: 'han', queries: [`"${text}"`, text] };
		if (isDocNoToken(text)) return { text, kind: 'docNo', queries: [text] };
		return { text, kind: 'latin', queries: [text] };
	});
	const docNos = [...new Set(terms.filter((t) => t.kind === 'docNo').flatMap((t) => resolveDocNo(t.text, knownDocNos)))];
	const verified = terms.some((t) => t.kind !== 'latin');
	return {
		normalized,
		mode: verified ? 'verified' : 'latin',
		// A Latin-only query goes to Pagefind exactly as typed (its own word splitting and stemming).
		terms: verified ? terms : [{ text: normalized, kind: 'latin', queries: [normalized] }],
		orderQuery: verified ? unique.join(' ') : normalized,
		docNos,
	};
}

// ---------------------------------------------------------------------------------------------------
// Matching text

/**
 * Text prepared for matching: NFKC, lower case, whitespace removed (Chinese text is matched regardless of
 * spacing). `map[i]` is the offset in the original text of normalised character `i`.
 */
export function matchView(text: string): { text: string; map: number[] } {
	let out = '';
	const map: number[] = [];
	let offset = 0;
	for (const char of text) {
		if (!/\s/u.test(char)) {
			const normalized = char.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
			for (let i = 0; i < normalized.length; i++) map.push(offset);
			out += normalized;
		}
		offset += char.length;
	}
	map.push(offset);
	return { text: out, map };
}

export function normalizeTerm(term: string): string {
	return matchView(term).text;
}

/** True when `text` contains every term (ignoring case, width and spaces). */
export function containsAll(text: string, terms: readonly string[]): boolean {
	const view = matchView(text).text;
	return terms.every((term) => view.includes(normalizeTerm(term)));
}

/** Where each term occurs in `text`: [start, end) offsets in the original text, sorted, overlaps merged. */
export function findMatches(text: string, terms: readonly string[]): [number, number][] {
	const view = matchView(text);
	const ranges: [number, number][] = [];
	for (const term of terms.map(normalizeTerm).filter(Boolean)) {
		for (let at = view.text.indexOf(term); at >= 0; at = view.text.indexOf(term, at + 1)) {
			ranges.push([view.map[at]!, nextCharEnd(text, view.map[at + term.length - 1]!)]);
		}
	}
	ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
	const merged: [number, number][] = [];
	for (const range of ranges) {
		const last = merged.at(-1);
		if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
		else merged.push([...range]);
	}
	return merged;
}

function nextCharEnd(text: string, start: number): number {
	const code = text.codePointAt(start);
	return start + (code !== undefined && code > 0xffff ? 2 : 1);
}

export { escapeHtml };

/**
 * An excerpt of the page's own text around `focus`, HTML-escaped, every occurrence of the terms in it
 * wrapped in `<mark>`; cut at `before`/`after` characters, with 「…」 where text was left out.
 */
export function buildExcerpt(text: string, terms: readonly string[], focus?: number, before = 30, after = 70): string {
	const matches = findMatches(text, terms);
	const at = focus ?? matches[0]?.[0] ?? 0;
	let start = Math.max(0, at - before);
	let end = Math.min(text.length, at + after);
	// Do not cut a match in two.
	for (const [s, e] of matches) {
		if (s < start && e > start) start = s;
		if (s < end && e > end) end = e;
	}
	let html = '';
	let cursor = start;
	for (const [s, e] of matches) {
		if (e <= start || s >= end) continue;
		html += escapeHtml(text.slice(cursor, s)) + `<mark>${escapeHtml(text.slice(s, e))}</mark>`;
		cursor = e;
	}
	html += escapeHtml(text.slice(cursor, end));
	return `${start > 0 ? '…' : ''}${html.trim()}${end < text.length ? '…' : ''}`;
}

// ---------------------------------------------------------------------------------------------------
// Running a search

/** The part of Pagefind's JS API used here (pagefind.js ships without types). */
export interface PagefindLike {
	search(term: string | null, options?: { filters?: Record<string, unknown> }): Promise<{ results: PagefindResultLike[] } | null>;
	filters(): Promise<Record<string, Record<string, number>>>;
}
export interface PagefindResultLike {
	id: string;
	data(): Promise<PagefindData>;
}
export interface PagefindData {
	url: string;
	content: string;
	/** Words of the page separated by U+200B, `<`/`>` escaped (set by pagefind.js when it loads a page). */
	raw_content?: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
	anchors?: { element: string; id: string; text?: string; location: number }[];
}

export interface SearchHit {
	/** Where to go: the page, at the clause or section of the first match when known. */
	url: string;
	/** The page itself. */
	pageUrl: string;
	title: string;
	docNo?: string;
	version?: string;
	classification?: string;
	status?: string;
	/** Clause or heading the excerpt is in (「第 5.3.1 節」, 「適用範圍」). */
	section?: string;
	/** HTML: the page's text, escaped, matches in `<mark>`. */
	excerpt: string;
	/** Put first because the query named this document's number. */
	named: boolean;
}

export interface SearchOutcome {
	plan: SearchPlan;
	hits: SearchHit[];
	/** Candidates beyond `maxCandidates` were not examined. */
	truncated: boolean;
}

export interface RunOptions extends SearchOptions {
	/** At most this many candidate pages are loaded and checked (default 300). */
	maxCandidates?: number;
}

/** The document numbers in the index (the `docNo` filter's values), fetched once per Pagefind instance. */
const knownDocNos = new WeakMap<PagefindLike, Promise<string[]>>();
export function docNosOf(pagefind: PagefindLike): Promise<string[]> {
	let known = knownDocNos.get(pagefind);
	if (!known) {
		known = pagefind.filters().then((filters) => Object.keys(filters[FILTER_KEYS.docNo] ?? {}), () => []);
		knownDocNos.set(pagefind, known);
	}
	return known;
}

/** Runs the query the way the portal's search UI does. */
export async function runSearch(pagefind: PagefindLike, input: string, options: RunOptions = {}): Promise<SearchOutcome> {
	const max = options.maxCandidates ?? 300;
	const plan = parseQuery(input, hasDocNoToken(input) ? await docNosOf(pagefind) : undefined);
	if (plan.mode === 'empty') return { plan, hits: [], truncated: false };
	const filters = searchFilters(options);
	const cache = new Map<string, Promise<PagefindResultLike[]>>();
	const ids = (query: string | null, extra: Record<string, unknown> = {}) => {
		const key = JSON.stringify([query, extra]);
		if (!cache.has(key)) cache.set(key, pagefind.search(query, { filters: { ...filters, ...extra } }).then((r) => r?.results ?? []));
		return cache.get(key)!;
	};

	// Candidates: for each term, the union of its searches; a page must be a candidate for every term.
	const byId = new Map<string, PagefindResultLike>();
	let candidates: Set<string> | undefined;
	for (const term of plan.terms) {
		const found = new Set<string>();
		for (const query of term.queries) {
			for (const result of await ids(query)) {
				byId.set(result.id, result);
				found.add(result.id);
			}
		}
		candidates = candidates ? new Set([...candidates].filter((id) => found.has(id))) : found;
	}
	// Order: Pagefind's ranking of the query as typed (all terms, unquoted), then the other candidates.
	const order = (await ids(plan.orderQuery)).map((r) => r.id);
	const ordered = [...new Set([...order, ...byId.keys()])].filter((id) => candidates!.has(id));

	// The named documents' pages, whatever their rank.
	const named: PagefindResultLike[] = [];
	for (const docNo of plan.docNos) named.push(...(await ids(null, { [FILTER_KEYS.docNo]: docNo })));
	const namedIds = new Set(named.map((r) => r.id));

	const examined = [...named, ...ordered.filter((id) => !namedIds.has(id)).map((id) => byId.get(id)!)].slice(0, max + named.length);
	const truncated = ordered.filter((id) => !namedIds.has(id)).length > max;
	const needles = plan.terms.map((t) => t.text);
	const loaded = await Promise.all(
		examined.map(async (result, rank) => ({ result, rank, data: await result.data(), named: namedIds.has(result.id) })),
	);
	const hits = loaded
		.filter(({ data }) => plan.mode === 'latin' || containsAll(data.content, needles))
		.map(({ data, rank, named }) => ({ hit: toHit(data, plan, needles, named), rank }))
		.sort((a, b) => compareHits(a.hit, b.hit, plan) || a.rank - b.rank)
		.map(({ hit }) => hit);
	return { plan, hits, truncated };
}

function hasDocNoToken(input: string): boolean {
	return normalizeQuery(input).split(SEPARATORS).some(isDocNoToken);
}

/**
 * Named documents first (in force before older versions, newest first), then pages whose title has
 * every term, then document pages before the portal's other pages, then versions in force before
 * others; otherwise Pagefind's order.
 */
function compareHits(a: SearchHit, b: SearchHit, plan: SearchPlan): number {
	if (a.named !== b.named) return a.named ? -1 : 1;
	if (a.named && b.named) {
		const byDoc = plan.docNos.indexOf(a.docNo ?? '') - plan.docNos.indexOf(b.docNo ?? '');
		if (byDoc) return byDoc;
		const inForce = Number(a.status !== STATUS_LABELS.current) - Number(b.status !== STATUS_LABELS.current);
		if (inForce) return inForce;
		return compareVersions(b.version ?? '', a.version ?? '');
	}
	if (plan.mode !== 'verified') return 0;
	const titled = plan.terms.filter((t) => t.kind === 'han').map((t) => t.text);
	if (titled.length) {
		const byTitle = Number(containsAll(b.title, titled)) - Number(containsAll(a.title, titled));
		if (byTitle) return byTitle;
	}
	const byKind = Number(!a.docNo) - Number(!b.docNo);
	if (byKind) return byKind;
	const outOfForce = (hit: SearchHit) => Number(Boolean(hit.status) && hit.status !== STATUS_LABELS.current);
	return outOfForce(a) - outOfForce(b);
}

/** Numeric, part by part: 1.10 > 1.9. */
export function compareVersions(a: string, b: string): number {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
		const d = (pa[i] ?? 0) - (pb[i] ?? 0);
		if (d) return d;
	}
	return 0;
}

function toHit(data: PagefindData, plan: SearchPlan, needles: string[], named: boolean): SearchHit {
	const meta = data.meta ?? {};
	const hit: SearchHit = {
		url: data.url,
		pageUrl: data.url,
		title: meta.title ?? data.url,
		excerpt: data.excerpt,
		named,
		...(meta.docNo ? { docNo: meta.docNo } : {}),
		...(meta.version ? { version: meta.version } : {}),
		...(meta.classification ? { classification: meta.classification } : {}),
		...(meta.status ? { status: meta.status } : {}),
	};
	if (plan.mode !== 'verified') return hit;
	// The excerpt: the first match in the body (after the page's first section anchor), else the first.
	const matches = findMatches(data.content, needles);
	const words = data.raw_content?.split('\u200b').map((w) => w.replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
	const anchors = (data.anchors ?? []).filter((a) => a.id && a.id !== '_top').sort((a, b) => a.location - b.location);
	const wordAt = (offset: number) => {
		if (!words) return -1;
		let length = 0;
		for (let i = 0; i < words.length; i++) {
			length += words[i]!.length;
			if (offset < length) return i;
		}
		return words.length - 1;
	};
	const bodyStart = anchors[0]?.location ?? 0;
	const focus = matches.find(([start]) => wordAt(start) >= bodyStart) ?? matches[0];
	hit.excerpt = buildExcerpt(data.content, needles, focus?.[0]);
	if (focus && words) {
		const location = wordAt(focus[0]);
		const anchor = anchors.filter((a) => a.location <= location).at(-1);
		if (anchor) {
			hit.url = `${data.url.replace(/#.*$/, '')}#${anchor.id}`;
			hit.section = sectionLabel(anchor);
		}
	}
	return hit;
}

/** 「第 5.3.1 節」 for a clause anchor, else the heading's text. */
function sectionLabel(anchor: { id: string; text?: string }): string | undefined {
	const clause = /^sec-(\d+(?:-\d+)*)$/.exec(anchor.id);
	if (clause) return `第 ${clause[1]!.replace(/-/g, '.')} 節`;
	const text = anchor.text?.trim();
	return text ? (text.length > 30 ? `${text.slice(0, 30)}…` : text) : undefined;
}

import { compareVersions } from '../documents/version.ts';
import { evaluatePage, isRelated } from './evaluate.ts';
import { FILTER_KEYS, STATUS_LABELS, searchFilters, type SearchOptions } from './filters.ts';
import { toHit, type SearchHit } from './hit.ts';
import type { PagefindData, PagefindLike, PagefindResultLike } from './pagefind.ts';
import { parseQuery, type SearchPlan } from './parse.ts';
import { compareRanked, type Ranked } from './rank.ts';
import { NO_SYNONYMS, type SynonymIndex } from './synonyms.ts';
import { hasHan, normalizeQuery, normalizeTerm } from './text.ts';
import { mayNameDocument } from './doc-number.ts';

/**
 * Runs a query the way the portal's search UI does; `npm run bench:search` and the tests run this same
 * function with the built site's pagefind.js in Node. Pure TypeScript: Pagefind, the synonyms and the
 * Simplified → Traditional converter are passed in.
 *
 * Pagefind finds the candidates (for every term and synonym: its phrase search, exact where the
 * indexer and the query are cut alike, and its plain search, which finds the rest); the portal then
 * reads each candidate's text and ranks (rank.ts): named documents, the exact band, all terms, most
 * terms, title and clause headings over body text, documents in force over portal pages.
 */
export interface SearchContext {
	synonyms?: SynonymIndex;
	/** Simplified → Traditional (simplified.ts, loaded on demand); absent: the query is used as typed. */
	toTraditional?: (text: string) => Promise<string>;
}

export interface RunOptions extends SearchOptions {
	/** At most this many candidate pages are loaded and checked (default 200). */
	maxCandidates?: number;
}

export interface SearchOutcome {
	plan: SearchPlan;
	hits: SearchHit[];
	/** Candidates beyond `maxCandidates` were not examined. */
	truncated: boolean;
	/** The query as converted from Simplified characters, when it was. */
	converted?: string;
	/** A version asked for (ISMS-P-005 3.0) that the document does not have, with the versions it has. */
	missingVersions: { docNo: string; version: string; versions: string[] }[];
}

/** The document numbers in the index (the `docNo` filter's values), fetched once per Pagefind instance. */
const knownDocNos = new WeakMap<PagefindLike, Promise<string[]>>();
export function docNosOf(pagefind: PagefindLike): Promise<string[]> {
	let known = knownDocNos.get(pagefind);
	if (!known) {
		known = pagefind.filters().then(
			(filters) => Object.keys(filters[FILTER_KEYS.docNo] ?? {}),
			() => {
				// Not remembered: the next query asks again.
				knownDocNos.delete(pagefind);
				return [];
			},
		);
		knownDocNos.set(pagefind, known);
	}
	return known;
}

/**
 * A page's data by result id, per Pagefind instance: the text, words, anchors and metadata do not depend
 * on the query (the portal makes its own excerpts), so a page is fetched and unpacked once per visit.
 */
const pageData = new WeakMap<PagefindLike, Map<string, Promise<PagefindData>>>();
function dataOf(pagefind: PagefindLike, result: PagefindResultLike): Promise<PagefindData> {
	let pages = pageData.get(pagefind);
	if (!pages) pageData.set(pagefind, (pages = new Map()));
	let data = pages.get(result.id);
	if (!data) {
		data = result.data();
		pages.set(result.id, data);
		data.catch(() => pages.delete(result.id));
	}
	return data;
}

export async function runSearch(
	pagefind: PagefindLike,
	input: string,
	options: RunOptions = {},
	context: SearchContext = {},
): Promise<SearchOutcome> {
	const max = options.maxCandidates ?? 200;
	const typed = normalizeQuery(input);
	const text = context.toTraditional && hasHan(typed) ? await context.toTraditional(typed) : typed;
	const plan = parseQuery(text, {
		knownDocNos: mayNameDocument(text) ? await docNosOf(pagefind) : [],
		synonyms: context.synonyms ?? NO_SYNONYMS,
	});
	const converted = text !== typed ? text : undefined;
	if (converted) keepTyped(plan, typed, converted);
	const outcome: SearchOutcome = { plan, hits: [], truncated: false, missingVersions: [], ...(converted ? { converted } : {}) };
	if (plan.mode === 'empty') return outcome;

	const filters = searchFilters(options);
	const cache = new Map<string, Promise<PagefindResultLike[]>>();
	const search = (query: string | null, own: Record<string, unknown> = filters) => {
		const key = JSON.stringify([query, own]);
		if (!cache.has(key))
			cache.set(
				key,
				pagefind.search(query, { filters: own }).then(
					(r) => r?.results ?? [],
					() => [],
				),
			);
		return cache.get(key)!;
	};

	// Candidates: every page Pagefind finds for any term or synonym; what each found it for, and its score.
	const byId = new Map<string, PagefindResultLike>();
	const order = new Map<string, number>();
	const groupsOf = new Map<string, Set<number>>();
	const latinOf = new Map<string, Set<number>>();
	const scores = new Map<string, number[]>();
	const note = (result: PagefindResultLike, group: number, latin: boolean) => {
		if (!byId.has(result.id)) {
			byId.set(result.id, result);
			order.set(result.id, order.size);
		}
		(groupsOf.get(result.id) ?? groupsOf.set(result.id, new Set()).get(result.id)!).add(group);
		if (latin) (latinOf.get(result.id) ?? latinOf.set(result.id, new Set()).get(result.id)!).add(group);
		const own = scores.get(result.id) ?? scores.set(result.id, []).get(result.id)!;
		own[group] = Math.max(own[group] ?? 0, result.score ?? 0);
	};
	// One search at a time: pagefind.js runs them one after the other anyway, and in order the index
	// chunks loaded by one are there for the next. The query's pieces as written first (the exact band).
	for (const phrase of plan.phrases.filter(hasHan)) {
		for (const query of [`"${phrase}"`, phrase]) {
			for (const result of await search(query)) {
				if (!byId.has(result.id)) {
					byId.set(result.id, result);
					order.set(result.id, order.size);
				}
			}
		}
	}
	for (const [index, group] of plan.groups.entries()) {
		for (const alternative of group.alternatives) {
			const han = hasHan(alternative);
			// Pagefind's stemming stands in for the text check only for Latin words of three letters or more.
			const latin = !han && !group.docNo && normalizeTerm(alternative).length >= 3;
			for (const query of han ? [`"${alternative}"`, alternative] : [alternative]) {
				for (const result of await search(query)) note(result, index, latin);
			}
		}
	}

	// Pages of the documents named by number: the version asked for first, else the one in force.
	const named = new Map<string, { named: 0 | 1; namedOrder: number }>();
	for (const ref of plan.docRefs) {
		for (const docNo of ref.docNos) {
			const all = await search(null, { [FILTER_KEYS.docNo]: docNo });
			const shown = new Set((await search(null, { ...filters, [FILTER_KEYS.docNo]: docNo })).map((r) => r.id));
			const pages = await Promise.all(all.map(async (result) => ({ result, data: await dataOf(pagefind, result) })));
			pages.sort(
				(a, b) =>
					rankVersion(a.data.meta) - rankVersion(b.data.meta) ||
					compareVersions(b.data.meta.version ?? '0.0', a.data.meta.version ?? '0.0'),
			);
			const asked = ref.version ? pages.find((p) => p.data.meta.version === ref.version) : undefined;
			if (ref.version && !asked) {
				outcome.missingVersions.push({
					docNo,
					version: ref.version,
					versions: pages.map((p) => p.data.meta.version ?? '').filter(Boolean),
				});
			}
			pages.forEach(({ result }, i) => {
				const first = asked ? asked.result.id === result.id : i === 0 && shown.has(result.id);
				// The version asked for is shown whatever its status; the others as the filters say.
				if (!first && !shown.has(result.id)) return;
				if (!byId.has(result.id)) {
					byId.set(result.id, result);
					order.set(result.id, order.size);
				}
				const previous = named.get(result.id);
				const entry = { named: first ? 0 : 1, namedOrder: i } as const;
				if (!previous || entry.named < previous.named) named.set(result.id, entry);
			});
		}
	}

	// The candidates most likely to answer (named, most terms found by Pagefind, best score) are read.
	const required = plan.groups.map((g, i) => (g.optional ? -1 : i)).filter((i) => i >= 0);
	const estimate = (id: string) => required.filter((i) => groupsOf.get(id)?.has(i)).length;
	const scoreOf = (id: string) => (scores.get(id) ?? []).reduce((sum, s) => sum + (s ?? 0), 0);
	const ids = [...byId.keys()].sort(
		(a, b) =>
			(named.get(a)?.named ?? 2) - (named.get(b)?.named ?? 2) ||
			estimate(b) - estimate(a) ||
			scoreOf(b) - scoreOf(a) ||
			order.get(a)! - order.get(b)!,
	);
	outcome.truncated = ids.length > max + named.size;
	const examined = ids.slice(0, max + named.size);

	const loaded = await Promise.all(
		examined.map(async (id) => {
			const data = await dataOf(pagefind, byId.get(id)!);
			const evaluation = evaluatePage(data, plan, (group) => latinOf.get(id)?.has(group) ?? false);
			const entry = named.get(id);
			const ranked: Ranked = { named: entry?.named ?? 2, namedOrder: entry?.namedOrder ?? 0, evaluation, score: 0, order: order.get(id)! };
			return { id, data, ranked };
		}),
	);
	weigh(
		plan,
		loaded.map(({ id, ranked }) => ({ ranked, pagefind: scores.get(id) ?? [] })),
	);
	const needles = [
		...plan.phrases.map((phrase) => [phrase, -1] as const),
		...plan.groups.flatMap((group, index) =>
			group.optional ? [] : group.alternatives.map((alternative) => [alternative, index] as const),
		),
	];
	outcome.hits = loaded
		.filter(({ ranked }) => ranked.named < 2 || isRelated(ranked.evaluation))
		.sort((a, b) => compareRanked(a.ranked, b.ranked))
		.map(({ data, ranked }) => toHit(data, needles, ranked.named < 2, ranked.evaluation.coverage === 1));
	return outcome;
}

/**
 * The weight of each page within its band: for every required term it has, the term's rarity among the
 * pages read (idf), times where it is (title 3, heading 2, body 1) and how Pagefind scores the page for it
 * (relative to the best page for that term), less for a synonym than for the word as typed, plus the
 * terms close together.
 */
const SYNONYM_WEIGHT = 0.5;
const OPTIONAL_WEIGHT = 0.5;

function weigh(plan: SearchPlan, pages: readonly { ranked: Ranked; pagefind: readonly (number | undefined)[] }[]): void {
	const groups = plan.groups.map((group, index) => ({ group, index }));
	const best = groups.map(({ index }) => Math.max(0, ...pages.map((p) => p.pagefind[index] ?? 0)));
	const idf = groups.map(({ index }) =>
		Math.log(1 + pages.length / Math.max(1, pages.filter((p) => p.ranked.evaluation.found[index]).length)),
	);
	for (const page of pages) {
		const e = page.ranked.evaluation;
		let score = 0;
		groups.forEach(({ group, index }, k) => {
			if (!e.found[index]) return;
			const relative = best[k]! > 0 ? (page.pagefind[index] ?? 0) / best[k]! : 0;
			// A synonym counts for less than the word as typed, a lone optional character for less still.
			const weight = (e.typed[index] ? 1 : SYNONYM_WEIGHT) * (group.optional ? OPTIONAL_WEIGHT : 1);
			score += idf[k]! * (1 + (e.place[index] ?? 0)) * (0.5 + 0.5 * relative) * weight;
		});
		page.ranked.score = score + 0.5 * Math.max(0, e.nearby - 1);
	}
}

/** In force first, then upcoming, then the rest (newest first within each, by the caller). */
function rankVersion(meta: Record<string, string | undefined>): number {
	return meta.status === STATUS_LABELS.current ? 0 : 1;
}

/**
 * After a conversion from Simplified characters, each term also matches as typed (OpenCC may turn a
 * Traditional query's 干 into 幹): where the conversion kept the length, the typed slice is an alternative.
 */
function keepTyped(plan: SearchPlan, typed: string, converted: string): void {
	if ([...typed].length !== [...converted].length) return;
	const from = [...typed];
	const to = [...converted];
	for (const group of plan.groups) {
		if (group.docNo) continue;
		const chars = [...group.text];
		for (let at = 0; at + chars.length <= to.length; at++) {
			if (to.slice(at, at + chars.length).join('') !== group.text) continue;
			const original = from.slice(at, at + chars.length).join('');
			if (original !== group.text && !group.alternatives.includes(original)) group.alternatives.push(original);
			break;
		}
	}
}

import type { PageEvaluation } from './evaluate.ts';

/**
 * The order of results (issue 13: rank, don't filter):
 * 1. pages the query names (a document number, and the version asked for first);
 * 2. the exact band: pages with the query as written, and pages whose title has every term (the title is
 *    the strongest place for a match: 「帳號申請」 → 帳號權限申請單); in it, those with every term in the
 *    title first, then documents in force before the portal's own pages, then the exact phrase;
 * 3. then by the share of the query's terms (synonyms included) the page has: all terms, then most;
 *    within that, a page with one clause heading that has every term first, then by weight: each term
 *    counts by its rarity, more in the title or a clause heading than in the body, less as a synonym,
 *    more where Pagefind scores the page high for it, and terms close together count extra; then a
 *    document in force before the portal's pages, and those before versions out of force;
 * 4. then the order Pagefind found them in.
 */
export interface Ranked {
	/** 0: the version or document asked for by number; 1: another page of a named document; 2: the rest. */
	named: 0 | 1 | 2;
	/** Among a named document's pages: the version asked for, else the one in force, then newest first. */
	namedOrder: number;
	evaluation: PageEvaluation;
	/** The page's weight for the query (weigh() in run.ts): rarer terms, in the title or headings, that Pagefind scores high. */
	score: number;
	/** The order Pagefind returned it in (tie-breaker). */
	order: number;
}

export function compareRanked(a: Ranked, b: Ranked): number {
	const x = a.evaluation;
	const y = b.evaluation;
	const top = (e: PageEvaluation) => Number(e.phrase || e.titleAll);
	return (
		a.named - b.named ||
		(a.named < 2 ? a.namedOrder - b.namedOrder : 0) ||
		top(y) - top(x) ||
		(top(x) ? Number(y.titleAll) - Number(x.titleAll) || x.standing - y.standing || Number(y.phrase) - Number(x.phrase) : 0) ||
		y.coverage - x.coverage ||
		Number(y.headingAll) - Number(x.headingAll) ||
		b.score - a.score ||
		x.standing - y.standing ||
		y.optional - x.optional ||
		a.order - b.order
	);
}

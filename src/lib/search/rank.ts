import type { PageEvaluation } from './evaluate.ts';

/**
 * The order of results (issue 13: rank, don't filter):
 * 1. pages the query names (a document number, and the version asked for first);
 * 2. the exact band: pages with the query as written;
 * 3. then by the share of the query's terms (synonyms included) the page has: all terms, then most;
 * 4. within that, terms in the title, then in clause headings, before terms only in the body;
 * 5. a document in force before the portal's own pages, and those before versions out of force;
 * 6. then Pagefind's own ranking (its score summed over the terms), then the order found.
 */
export interface Ranked {
	/** 0: the version or document asked for by number; 1: another page of a named document; 2: the rest. */
	named: 0 | 1 | 2;
	/** Among a named document's pages: the version asked for, else the one in force, then newest first. */
	namedOrder: number;
	evaluation: PageEvaluation;
	/** Pagefind's score summed over the query's terms. */
	score: number;
	/** The order Pagefind returned it in (tie-breaker). */
	order: number;
}

export function compareRanked(a: Ranked, b: Ranked): number {
	const x = a.evaluation;
	const y = b.evaluation;
	return (
		a.named - b.named ||
		(a.named < 2 ? a.namedOrder - b.namedOrder : 0) ||
		Number(y.phrase) - Number(x.phrase) ||
		y.coverage - x.coverage ||
		y.inTitle - x.inTitle ||
		y.inHeading - x.inHeading ||
		x.standing - y.standing ||
		y.optional - x.optional ||
		b.score - a.score ||
		a.order - b.order
	);
}

import type { ClausePath } from './numbering.ts';
import type { Outline, OutlineBlock } from './outline.ts';

/** The clause a reference is written in: what backlinks link to and what resolution starts from. */
export interface CitingClause {
	/** As staff write it: `6.4.2`, `參、一、（二）`. */
	label: string;
	/** Its element id on the page: `sec-6-4-2`, `sec-參-一-（二）`. */
	anchor: string;
	path: ClausePath;
}

const before = (a: { line: number; column: number }, b: { line: number; column: number }) =>
	a.line < b.line || (a.line === b.line && a.column <= b.column);

/**
 * The clause of the outline that contains a position: the clause (own or enclosing) of the last
 * block starting at or before it. Blocks are in document order, so a binary search finds it.
 */
export function citingClauseAt(outline: Outline, at: { line: number; column: number }): CitingClause | undefined {
	const blocks: readonly OutlineBlock[] = outline.blocks;
	let low = 0;
	let high = blocks.length - 1;
	let found = -1;
	while (low <= high) {
		const middle = (low + high) >> 1;
		if (before(blocks[middle]!, at)) {
			found = middle;
			low = middle + 1;
		} else {
			high = middle - 1;
		}
	}
	const within = found >= 0 ? blocks[found]!.within : undefined;
	if (!within) return undefined;
	const clause = outline.clauses.find((c) => c.anchor === within.anchor && !c.duplicate);
	return clause ? { label: clause.label, anchor: clause.anchor, path: clause.path } : undefined;
}

/** Sets the citing clause of every reference from the outline of the version it is written in. */
export function attachCitingClauses<T extends { line: number; column: number; citing?: CitingClause }>(sites: T[], outline: Outline): void {
	for (const site of sites) {
		const citing = citingClauseAt(outline, site);
		if (citing) site.citing = citing;
		else delete site.citing;
	}
}

import { readMarker, segmentLabel } from './numbering.ts';
import type { Clause } from './outline.ts';

/**
 * The page's on-page outline (Starlight's 本頁內容) from the clause outline: numbered clauses written
 * as paragraphs or list items (a 要點's `一、`, an imported document's `壹、`, `- 6.4 …`) are as
 * navigable as headings. Each clause goes one level below the clause it nests in, or below the
 * heading before it when it nests in none, so the top levels of the outline are what the outline
 * shows (Starlight keeps levels 2–3 by default).
 */

/**
 * Where the anchor plugin (src/lib/render/clause-anchors.ts) leaves a body's clause entries for
 * the page: `render(entry).remarkPluginFrontmatter[CLAUSE_TOC]`.
 */
export const CLAUSE_TOC = 'portalClauseToc';

/** An entry of the on-page outline, in Astro's `MarkdownHeading` shape. */
export interface TocEntry {
	depth: number;
	slug: string;
	text: string;
}

/** A clause's entry, and how many headings of the body come before it (where it goes among them). */
export interface ClauseTocEntry extends TocEntry {
	after: number;
}

/** The body in document order, as far as the outline goes: headings (numbered or not) and clauses. */
export type BodyItem = { heading: number } | { clause: Clause; index: number };

/** Longest text of an entry after its number; longer texts end at their first clause punctuation or are cut. */
const MAX_TEXT = 20;

/**
 * The entries of the clauses that are not headings (headings are in the page's outline already),
 * from the body's headings and clauses in document order. A clause that is a duplicate (no id) is
 * left out. `clauses` is the outline's list, for the clause each nests in (`parent`).
 */
export function clauseToc(items: readonly BodyItem[], _clauses: readonly Clause[]): ClauseTocEntry[] {
	const levels = new Map<number, number>();
	const entries: ClauseTocEntry[] = [];
	let headings = 0;
	let headingLevel = 1;
	for (const item of items) {
		if ('heading' in item) {
			headings++;
			headingLevel = item.heading;
			continue;
		}
		const { clause, index } = item;
		if (clause.kind === 'heading') {
			levels.set(index, clause.headingLevel ?? headingLevel);
			continue;
		}
		const parentLevel = clause.parent !== undefined ? levels.get(clause.parent) : undefined;
		const depth = Math.min((parentLevel ?? headingLevel) + 1, 7);
		levels.set(index, depth);
		if (clause.duplicate || depth > 6) continue;
		entries.push({ depth, slug: clause.anchor, text: tocText(clause), after: headings });
	}
	return entries;
}

/**
 * What the outline shows of a clause: its number and the start of its text, up to its first `，。；：`
 * (a title such as `壹、總體目標：` loses its colon) or 20 characters and `…`. An ordered list item,
 * whose number the list shows, gets its number written out.
 */
export function tocText(clause: Pick<Clause, 'text' | 'path' | 'kind'>): string {
	const marker = readMarker(clause.text, clause.kind === 'heading' ? 'heading' : 'text');
	const last = clause.path.at(-1);
	// The number as written (`6.4 `, `壹、`, `1. `), or as the list shows it.
	const number = marker ? clause.text.slice(0, marker.length).trimStart().replace(/\s+$/u, ' ') : last ? `${segmentLabel(last)} ` : '';
	const rest = (marker ? clause.text.slice(marker.length) : clause.text).trim();
	const stop = rest.search(/[，。；：,;:]/u);
	const head = (stop >= 0 ? rest.slice(0, stop) : rest).trim();
	const short = head.length > MAX_TEXT ? `${head.slice(0, MAX_TEXT)}…` : head;
	return `${number}${short}`.trim();
}

/** The page's headings with the clauses' entries among them, each after the headings that precede it. */
export function mergeToc<T extends TocEntry>(headings: readonly T[], clauses: readonly ClauseTocEntry[]): (T | TocEntry)[] {
	const merged: (T | TocEntry)[] = [];
	let next = 0;
	const flush = (count: number) => {
		for (; next < clauses.length && clauses[next]!.after <= count; next++) {
			const { after: _after, ...entry } = clauses[next]!;
			merged.push(entry);
		}
	};
	headings.forEach((heading, index) => {
		flush(index);
		merged.push(heading);
	});
	flush(Number.POSITIVE_INFINITY);
	return merged;
}

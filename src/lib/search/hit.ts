import { buildExcerpt } from './excerpt.ts';
import type { PagefindData } from './pagefind.ts';
import { findTagged, matchView } from './text.ts';
import { describeClause, parseAnchor } from '../outline/numbering.ts';

/** One search result as the UI shows it. */
export interface SearchHit {
	/** Where to go: the page, at the clause or section of the excerpt when known. */
	url: string;
	/** The page itself. */
	pageUrl: string;
	title: string;
	docNo?: string;
	version?: string;
	classification?: string;
	status?: string;
	/** The version's standing in a sentence (「1.0 版已於民國…由 1.1 版取代，不再適用。」). */
	standing?: string;
	/** Clause or heading the excerpt is in (「第 5.3.1 節」, 「適用範圍」). */
	section?: string;
	/** HTML: the page's text, escaped, the matched text in `<mark>`. */
	excerpt: string;
	/** The query named this document (or this version) by its number. */
	named: boolean;
	/** Every term of the query (or a synonym of it) is on the page. */
	complete: boolean;
}

/** Characters around the focus of an excerpt. */
const WINDOW = 60;

/**
 * The result for a page: metadata, and an excerpt of the page's own text where most of the query's terms
 * occur together (the exact phrase preferred, the body preferred over the page header), with every
 * occurrence of the matched words marked and the clause it is in.
 * `needles`: [text, group] pairs; group -1 is an exact phrase of the query.
 */
export function toHit(data: PagefindData, needles: readonly (readonly [string, number])[], named: boolean, complete: boolean): SearchHit {
	const meta = data.meta ?? {};
	const hit: SearchHit = {
		url: data.url,
		pageUrl: data.url,
		title: meta.title ?? data.url,
		excerpt: data.excerpt,
		named,
		complete,
		...(meta.docNo ? { docNo: meta.docNo } : {}),
		...(meta.version ? { version: meta.version } : {}),
		...(meta.classification ? { classification: meta.classification } : {}),
		...(meta.status ? { status: meta.status } : {}),
		...(meta.standing ? { standing: meta.standing } : {}),
	};
	const text = data.content;
	const matches = findTagged(text, needles, matchView(text));
	const ends = wordEnds(data.raw_content);
	const anchors = (data.anchors ?? []).filter((a) => a.id && a.id !== '_top').sort((a, b) => a.location - b.location);
	const wordAt = (offset: number) => {
		if (!ends) return -1;
		let low = 0;
		let high = ends.length - 1;
		while (low < high) {
			const mid = (low + high) >> 1;
			if (offset < ends[mid]!) high = mid;
			else low = mid + 1;
		}
		return low;
	};
	const bodyStart = anchors[0]?.location ?? 0;
	// The best window: most distinct groups (an exact phrase counts most), in the body, earliest.
	let focus: number | undefined;
	let best = -1;
	for (let i = 0; i < matches.length; i++) {
		const start = matches[i]![0];
		const groups = new Set<number>();
		for (let j = i; j < matches.length && matches[j]![0] < start + WINDOW; j++) groups.add(matches[j]![2]);
		const score = groups.size + (groups.has(-1) ? 100 : 0) + (wordAt(start) >= bodyStart ? 0.5 : 0);
		if (score > best) {
			best = score;
			focus = start;
		}
	}
	// A page named by number may not contain the query's words: its excerpt is its beginning.
	hit.excerpt = buildExcerpt(
		text,
		needles.map(([needle]) => needle),
		focus ?? 0,
		0,
		100,
	);
	if (matches.length === 0) return hit;
	hit.excerpt = buildExcerpt(
		text,
		needles.map(([needle]) => needle),
		focus,
	);
	if (focus !== undefined && ends) {
		const location = wordAt(focus);
		const anchor = anchors.filter((a) => a.location <= location).at(-1);
		if (anchor) {
			hit.url = `${data.url.replace(/#.*$/, '')}#${anchor.id}`;
			const label = sectionLabel(anchor);
			if (label) hit.section = label;
		}
	}
	return hit;
}

/**
 * Where each indexed word ends in the page's text: Pagefind's `raw_content` is the words separated by
 * U+200B, with < and > escaped as &lt; &gt; (one character each in the text).
 */
function wordEnds(raw: string | undefined): number[] | undefined {
	if (raw === undefined) return undefined;
	const ends: number[] = [];
	let length = 0;
	for (let i = 0; i < raw.length; i++) {
		const code = raw.charCodeAt(i);
		if (code === 0x200b) {
			ends.push(length);
			continue;
		}
		if (code === 0x26 && (raw.startsWith('&lt;', i) || raw.startsWith('&gt;', i))) i += 3;
		length++;
	}
	ends.push(length);
	return ends;
}

/** How the outline names a clause anchor (「第 5.3.1 節」, 「參、一、（二）」), else the heading's text. */
export function sectionLabel(anchor: { id: string; text?: string }): string | undefined {
	const clause = parseAnchor(anchor.id);
	if (clause) return describeClause(clause);
	const text = anchor.text?.trim();
	return text ? (text.length > 30 ? `${text.slice(0, 30)}…` : text) : undefined;
}

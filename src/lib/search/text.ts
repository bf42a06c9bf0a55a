/**
 * Text normalisation and matching shared by the query parser, the ranking and the excerpts: a query
 * and a page are compared ignoring case, character width (full-width Ｐ００５ is P005) and spaces.
 */

const HAN = /\p{Script=Han}/u;
/** A letter or digit after normalisation: where words of Latin script begin and end. */
const ALNUM = /^[a-z0-9]$/;
/** Quotation marks and brackets that wrap a term: dropped, and they separate terms. */
const WRAPPERS = /[「」『』〈〉《》【】〔〕“”‘’"'`]/gu;

/** NFKC (full-width → ASCII, compatibility forms), wrappers to spaces, whitespace collapsed. */
export function normalizeQuery(input: string): string {
	return input.normalize('NFKC').replace(WRAPPERS, ' ').replace(/\s+/g, ' ').trim();
}

export function hasHan(text: string): boolean {
	return HAN.test(text);
}

/**
 * Text prepared for matching: NFKC, lower case, whitespace removed (Chinese text is matched regardless of
 * spacing) except one space between two letters or digits (「log in」 is not 「login」). `map[i]` is the
 * offset in the original text of normalised character `i`.
 */
export function matchView(text: string): { text: string; map: number[] } {
	const cached = views.get(text);
	if (cached) return cached;
	let out = '';
	const map: number[] = [];
	let offset = 0;
	let gap = -1;
	let lastAlnum = false;
	for (const char of text) {
		const code = char.codePointAt(0)!;
		if (
			code === 0x20 ||
			code === 0x0a ||
			code === 0x09 ||
			code === 0x0d ||
			code === 0x3000 ||
			code === 0xa0 ||
			(code > 0x7f && /\s/u.test(char))
		) {
			if (gap < 0) gap = offset;
		} else {
			// Fast paths: ASCII and the CJK unified ideographs are their own NFKC form.
			const normalized =
				code < 0x80
					? char.toLowerCase()
					: code >= 0x4e00 && code <= 0x9fff
						? char
						: char.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
			if (normalized) {
				const alnum = isAlnum(normalized.charCodeAt(0));
				if (gap >= 0 && lastAlnum && alnum) {
					out += ' ';
					map.push(gap);
				}
				for (let i = 0; i < normalized.length; i++) map.push(offset);
				out += normalized;
				lastAlnum = isAlnum(normalized.charCodeAt(normalized.length - 1));
			}
			gap = -1;
		}
		offset += char.length;
	}
	map.push(offset);
	const view = { text: out, map };
	if (views.size >= MAX_VIEWS) views.delete(views.keys().next().value!);
	views.set(text, view);
	return view;
}

/** Prepared page texts, by text: a page is read once per query and again by the next one. */
const views = new Map<string, { text: string; map: number[] }>();
const MAX_VIEWS = 500;

function isAlnum(code: number): boolean {
	return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a);
}

export function normalizeTerm(term: string): string {
	return matchView(term).text;
}

/**
 * True when `text` contains every term (ignoring case, width and spaces); a term that starts or ends with
 * a letter or digit must not continue a word there (log is not in login, P-005 not in P-0051).
 */
export function containsAll(text: string, terms: readonly string[]): boolean {
	const view = matchView(text);
	return terms.every((term) => contains(view, term));
}

/** True when the prepared text contains the term (see containsAll). */
export function contains(view: { text: string }, term: string): boolean {
	const needle = normalizeTerm(term);
	if (!needle) return false;
	for (let at = view.text.indexOf(needle); at >= 0; at = view.text.indexOf(needle, at + 1)) {
		if (ALNUM.test(needle[0]!) && ALNUM.test(view.text[at - 1] ?? '')) continue;
		if (ALNUM.test(needle.at(-1)!) && ALNUM.test(view.text[at + needle.length] ?? '')) continue;
		return true;
	}
	return false;
}

/** Where each term occurs in `text`: [start, end) offsets in the original text, sorted, overlaps merged. */
export function findMatches(text: string, terms: readonly string[]): [number, number][] {
	return mergeRanges(
		findTagged(
			text,
			terms.map((term) => [term, 0] as const),
		).map(([start, end]) => [start, end]),
	);
}

/**
 * Every occurrence of each term in `text`, tagged with the term's group: [start, end, group], sorted by
 * start. Terms are matched on the normalised view; offsets are in the original text.
 */
export function findTagged(
	text: string,
	terms: readonly (readonly [string, number])[],
	view = matchView(text),
): [number, number, number][] {
	const found: [number, number, number][] = [];
	for (const [term, group] of terms) {
		const needle = normalizeTerm(term);
		if (!needle) continue;
		const bounded = (at: number) =>
			!(ALNUM.test(needle[0]!) && ALNUM.test(view.text[at - 1] ?? '')) &&
			!(ALNUM.test(needle.at(-1)!) && ALNUM.test(view.text[at + needle.length] ?? ''));
		for (let at = view.text.indexOf(needle); at >= 0; at = view.text.indexOf(needle, at + 1)) {
			if (!bounded(at)) continue;
			found.push([view.map[at]!, nextCharEnd(text, view.map[at + needle.length - 1]!), group]);
		}
	}
	return found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
}

/** Sorted ranges with overlaps merged. */
export function mergeRanges(ranges: readonly (readonly [number, number])[]): [number, number][] {
	const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
	const merged: [number, number][] = [];
	for (const range of sorted) {
		const last = merged.at(-1);
		if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
		else merged.push([range[0], range[1]]);
	}
	return merged;
}

function nextCharEnd(text: string, start: number): number {
	const code = text.codePointAt(start);
	return start + (code !== undefined && code > 0xffff ? 2 : 1);
}

import { escapeHtml } from '../site/escape.ts';
import { findMatches } from './text.ts';

export { escapeHtml };

/**
 * An excerpt of the page's own text around `focus`, HTML-escaped, every occurrence of the terms in it
 * wrapped in `<mark>`; cut at `before`/`after` characters, with 「…」 where text was left out. Only
 * `<mark>` and `</mark>` are markup in the result: everything from the page is escaped.
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

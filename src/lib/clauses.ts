/**
 * Clause numbers (條次) that begin headings, paragraphs and list items: `6.4.3`, `6.3.1.1.4`, and
 * top-level sections written `1.` (`## 1. 目的`). AUTHORING.md: they get `id="sec-6-4-3"`.
 */
const LEADING_CLAUSE = /^\s*(\d{1,3}(?:\.\d{1,3})+|\d{1,3}\.)(?=\s|$)/u;

/** The clause number a text starts with (`6.4.3`, or `1` for `1. 目的`), else undefined. */
export function leadingClause(text: string): string | undefined {
	const match = LEADING_CLAUSE.exec(text);
	if (!match) return undefined;
	return match[1]!.replace(/\.$/, '');
}

/** Depth of a clause number: `6` → 1, `6.4.3` → 3. */
export function clauseDepth(clause: string): number {
	return clause.split('.').length;
}

/**
 * The references of a parsed body, where each was written: the document references of references.ts, the
 * official-scheme clause references (src/lib/outline/clause-references.ts), `/documents/…` links and, for the
 * checker, document numbers typed almost right (near-miss.ts).
 */
import type { CitingClause } from '../outline/citing.ts';
import { findClauseReferences, type ClauseReference } from '../outline/clause-references.ts';
import { findNearMisses, type NearMiss, type NearMissSyntax } from './near-miss.ts';
import { findReferences, type FoundReference, type ReferenceSyntax } from './references.ts';

/**
 * A reference found in a document, where it was written, and the clause that cites it. Besides
 * `findReferences`'s kinds: links to `/documents/…`, and references to official-scheme clauses
 * (`ISMS-M-002 參、一、（二）`, 本要點第三點第二款; src/lib/outline/clause-references.ts).
 */
export type ReferenceSite = (FoundReference | ClauseReference | NearMiss | { kind: 'link'; url: string; index: number; length: number }) & {
	/** The text as written, e.g. 「ISMS-P-005 資訊安全目標管理程序書」 or `第 6.4.3 節`. */
	text: string;
	line: number;
	column: number;
	/** Clause of the citing document that contains the reference, from its outline (`attachCitingClauses`). */
	citing?: CitingClause;
	/** Found in frontmatter `controls` rather than the body. */
	frontmatter?: true;
};

interface MdNode {
	type: string;
	value?: string;
	url?: string;
	depth?: number;
	children?: MdNode[];
	position?: { start: { line: number; column: number; offset?: number } };
}

/** Nodes whose text is not prose: code, and MDX expressions and imports. */
const SKIPPED = new Set(['code', 'inlineCode', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm', 'html', 'yaml']);

/**
 * Every reference in a parsed body (see `parseBody`), with file line and column: text in code is
 * skipped; Markdown links to `/documents/…` are collected as links. Which clause each is written in
 * comes from the version's outline (`attachCitingClauses` in src/lib/outline/citing.ts). With
 * `nearMiss`, document numbers typed almost right (`ISMS–P-007`, `ISMS-P-07`) are collected too, for
 * the checker only (src/lib/references/near-miss.ts).
 */
export function collectReferences(
	tree: MdNode,
	syntax: ReferenceSyntax,
	options: { ownTitle?: string; nearMiss?: NearMissSyntax } = {},
): ReferenceSite[] {
	const sites: ReferenceSite[] = [];
	// The first text of a heading, paragraph or list item: a clause number there is the clause's own.
	let blockStart = false;
	const title = options.ownTitle ? { ownTitle: options.ownTitle } : {};
	const atBlockStart = { blockStart: true, ...title };
	const inBlock = { blockStart: false, ...title };

	// Continuation lines of a paragraph start at its column (the parser strips the list indentation).
	const visit = (node: MdNode, blockColumn = 1): void => {
		if (SKIPPED.has(node.type)) return;
		if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
			blockColumn = node.position?.start.column ?? blockColumn;
			blockStart = node.type !== 'tableCell';
		}
		if (node.type === 'link') {
			blockStart = false;
			const start = node.position?.start;
			if (node.url?.startsWith('/documents/') && start) {
				sites.push({ kind: 'link', url: node.url, index: 0, length: 0, text: node.url, line: start.line, column: start.column });
			}
			return;
		}
		if (node.type === 'text' && node.value && node.position) {
			const found = textReferences(node.value, syntax, blockStart ? atBlockStart : inBlock);
			blockStart = false;
			const misses = options.nearMiss ? findNearMisses(node.value, options.nearMiss, found) : [];
			for (const refs of [found, misses])
				for (const ref of refs) {
					const { line, column } = advance(node.position.start, node.value, ref.index, blockColumn);
					sites.push({ ...ref, text: node.value.slice(ref.index, ref.index + ref.length), line, column });
				}
			return;
		}
		for (const child of node.children ?? []) visit(child, blockColumn);
	};
	visit(tree);
	return sites;
}

/**
 * The references of one run of text: `findReferences`'s, and the official-scheme clause references
 * after them (a document number right before a clause path makes it that document's).
 */
export function textReferences(
	text: string,
	syntax: ReferenceSyntax,
	options: { blockStart?: boolean; ownTitle?: string } = {},
): (FoundReference | ClauseReference)[] {
	const found: (FoundReference | ClauseReference)[] = findReferences(text, syntax);
	const documentEnds: { end: number; docNo: string }[] = [];
	for (const ref of found) if (ref.kind === 'document') documentEnds.push({ end: ref.index + ref.length, docNo: ref.docNo });
	const references = found.length;
	for (const ref of findClauseReferences(text, { documentEnds, ...options })) {
		if (overlapsAny(found, references, ref)) continue;
		found.push(ref);
	}
	// `findReferences` returns its references in order: only clause references added need a sort.
	return found.length === references ? found : found.sort((a, b) => a.index - b.index);
}

/** Whether `ref` overlaps one of the first `count` references. */
function overlapsAny(found: readonly { index: number; length: number }[], count: number, ref: { index: number; length: number }): boolean {
	for (let k = 0; k < count; k++) {
		const other = found[k]!;
		if (ref.index < other.index + other.length && ref.index + ref.length > other.index) return true;
	}
	return false;
}

/** Line and column of `index` within a text node that starts at `start`. */
function advance(
	start: { line: number; column: number },
	value: string,
	index: number,
	blockColumn: number,
): { line: number; column: number } {
	const before = value.slice(0, index);
	const newlines = before.split('\n');
	if (newlines.length === 1) return { line: start.line, column: start.column + index };
	return { line: start.line + newlines.length - 1, column: blockColumn + newlines.at(-1)!.length };
}

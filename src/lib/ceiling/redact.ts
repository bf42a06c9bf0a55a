import { hiddenTarget, type Ceiling, type HiddenReason } from './ceiling.ts';
import { findReferences, type ReferenceSyntax } from '../references/references.ts';
import { squeeze, TextMatcher } from './text-match.ts';

/**
 * The one gate every published text passes (AUTHORING.md, Publication ceiling): a reference to a
 * document or version this build does not publish keeps only the bare document number. A cited
 * title goes in every form — after the number, in 「」, with Latin letters, digits or spaces, split
 * across bold or a component — and what cannot be taken out safely (a hidden title written without
 * its number, a link to a hidden page) is returned as a leak, which the checker refuses.
 *
 * The page renderer (the remark plugin), the text blocks of `versions.json`, the revision history's
 * 修訂說明 and the SoA data all go through here; nothing publishes document text around it.
 */
export interface Redactor {
	ceiling: Ceiling;
	/** The reference syntax, knowing every title of every document. */
	syntax: ReferenceSyntax;
	/** The secret titles, spaces removed, in the order of `ceiling.secretTitles`. */
	titles: TextMatcher;
	/** The numbers of documents with hidden titles: a text without any has nothing to redact (undefined: always look). */
	numbers?: TextMatcher;
}

/** What a published text still says that redaction does not take out: the checker refuses each. */
export type Leak = { line: number; column: number; docNo: string; reason: HiddenReason } & (
	{ kind: 'title'; title: string } | { kind: 'link'; url: string; version?: string }
);

export function createRedactor(ceiling: Ceiling, syntax: Pick<ReferenceSyntax, 'docNoPattern' | 'titleOf'>): Redactor {
	return {
		ceiling,
		syntax: { ...syntax, otherTitlesOf: (docNo) => ceiling.allTitles.get(docNo) },
		titles: new TextMatcher(ceiling.secretTitles.map((t) => squeeze(t.title))),
		...([...ceiling.hiddenTitles.keys()].every((docNo) => docNo.length >= 2)
			? { numbers: new TextMatcher([...ceiling.hiddenTitles.keys()]) }
			: {}),
	};
}

interface Edit {
	start: number;
	end: number;
	replacement: string;
}

/** The cited titles to remove from a text: any after the number of a hidden document, and hidden titles after a published one's. */
function plan(text: string, redactor: Redactor): Edit[] {
	const { ceiling } = redactor;
	const edits: Edit[] = [];
	if (redactor.numbers && !redactor.numbers.test(text)) return edits;
	for (const ref of findReferences(text, redactor.syntax)) {
		if (ref.kind !== 'document' || !ref.citedTitle) continue;
		const cited = squeeze(ref.citedTitle);
		const hidden =
			ceiling.hiddenDocuments.has(ref.docNo) || (ceiling.hiddenTitles.get(ref.docNo) ?? []).some((title) => squeeze(title) === cited);
		if (hidden) edits.push({ start: ref.index, end: ref.index + ref.length, replacement: ref.quoted ? `「${ref.docNo}」` : ref.docNo });
	}
	return edits;
}

/** Secret titles in a text (spaces inside ignored) outside the ranges redaction removes, by index in the text. */
function titlesLeft(
	text: string,
	edits: readonly Edit[],
	redactor: Redactor,
): { index: number; secret: Ceiling['secretTitles'][number] }[] {
	const left: { index: number; secret: Ceiling['secretTitles'][number] }[] = [];
	for (const match of redactor.titles.findAllLoose(text)) {
		const end = match.end!;
		if (edits.some((edit) => edit.start <= match.index && end <= edit.end)) continue;
		left.push({ index: match.index, secret: redactor.ceiling.secretTitles[match.pattern]! });
	}
	return left;
}

function apply(text: string, edits: readonly Edit[]): string {
	let out = text;
	for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.replacement + out.slice(edit.end);
	return out;
}

/**
 * A plain text (修訂說明, SoA evidence, a component's attribute) as it may be published, and the
 * hidden titles it still names, by index in the text as written.
 */
export function redactText(
	text: string,
	redactor: Redactor,
): { text: string; leaks: { index: number; title: string; docNo: string; reason: HiddenReason }[] } {
	const edits = plan(text, redactor);
	const leaks = titlesLeft(text, edits, redactor).map(({ index, secret }) => ({ index, ...secret }));
	return { text: edits.length > 0 ? apply(text, edits) : text, leaks };
}

interface MdNode {
	type: string;
	value?: string;
	url?: string;
	alt?: string | null;
	title?: string | null;
	children?: MdNode[];
	/** MDX JSX attributes (a list), or directive attributes (`:::note{title="…"}`, a record). */
	attributes?: { type: string; name?: string; value?: unknown }[] | Record<string, unknown> | null;
	position?: { start: { line: number; column: number } } | null;
}

/** Nodes whose text is code: never rewritten, but a hidden title in them is still a leak. */
const CODE = new Set(['code', 'inlineCode', 'html']);
/** Nodes that are not text at all: MDX expressions and imports (refused by the checker). */
const SKIPPED = new Set(['mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm', 'yaml', 'toml']);
/** Inline nodes whose children continue the text around them: `**ISMS-R-001** 標題` is one text. */
const INLINE_CONTAINERS = new Set(['strong', 'emphasis', 'delete', 'link', 'linkReference', 'mdxJsxTextElement']);
const INLINE = new Set([
	...INLINE_CONTAINERS,
	'text',
	'inlineCode',
	'break',
	'image',
	'imageReference',
	'footnoteReference',
	'mdxTextExpression',
	'html',
]);
/** Stands for an inline node that is not text (code, an image) in a flattened text: no reference spans it. */
const BOUNDARY = '\ufffc';

interface Piece {
	node: MdNode;
	start: number;
	end: number;
	blockColumn: number;
}

/**
 * Redacts a parsed document body in place (mdast, as Sätteri or remark parse it) and returns what it
 * could not take out. Links to hidden pages become the bare number; the titles of text runs,
 * component attributes, image descriptions and link titles are redacted; code is left as written.
 */
export function redactTree(root: { type: string }, redactor: Redactor): Leak[] {
	const tree = root as MdNode;
	const leaks: Leak[] = [];
	const { ceiling } = redactor;
	// A build that hides nothing (every document published, no drafts left out) has nothing to look for.
	if (ceiling.hiddenDocuments.size === 0 && ceiling.hiddenVersions.size === 0 && ceiling.hiddenTitles.size === 0) return leaks;
	const at = (node: MdNode) => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
	const redactString = (node: MdNode, value: string): string => {
		const result = redactText(value, redactor);
		for (const leak of result.leaks) leaks.push({ kind: 'title', ...at(node), title: leak.title, docNo: leak.docNo, reason: leak.reason });
		return result.text;
	};

	// Pass 1: links, attributes and code, anywhere.
	const visitNode = (node: MdNode): void => {
		if (SKIPPED.has(node.type)) return;
		if (CODE.has(node.type)) {
			for (const { index, secret } of titlesLeft(node.value ?? '', [], redactor))
				leaks.push({ kind: 'title', ...locate(node, node.value ?? '', index, at(node).column), ...secret });
			return;
		}
		if (typeof node.alt === 'string') node.alt = redactString(node, node.alt);
		if (typeof node.title === 'string') node.title = redactString(node, node.title);
		const attributes = Array.isArray(node.attributes)
			? node.attributes
			: Object.keys(node.attributes ?? {}).map((name) => {
					const record = node.attributes as Record<string, unknown>;
					// A view on the record's entry: reading and writing `value` goes to the record.
					return {
						type: 'directiveAttribute',
						name,
						get value() {
							return record[name];
						},
						set value(value: unknown) {
							record[name] = value;
						},
					};
				});
		for (const attribute of attributes) {
			if (typeof attribute.value !== 'string') continue;
			const target = hiddenTarget(attribute.value, redactor.ceiling);
			if (target && /^(?:href|src)$/i.test(attribute.name ?? '')) {
				leaks.push({ kind: 'link', ...at(node), url: attribute.value, ...target });
				attribute.value = '';
			} else {
				attribute.value = redactString(node, attribute.value);
			}
		}
		const children = node.children;
		if (!children) return;
		for (let i = 0; i < children.length; i++) {
			const child = children[i]!;
			if ((child.type === 'link' || child.type === 'definition' || child.type === 'image') && child.url) {
				const target = hiddenTarget(child.url, redactor.ceiling);
				if (target) {
					leaks.push({ kind: 'link', ...at(child), url: child.url, ...target });
					// Its text goes with it: the label of a link to a hidden page is often its title.
					if (child.type === 'definition') children.splice(i--, 1);
					else children[i] = { type: 'text', value: target.docNo, ...(child.position ? { position: child.position } : {}) };
					continue;
				}
			}
			visitNode(child);
		}
	};
	visitNode(tree);

	// Pass 2: every run of text, read across bold, links and inline components.
	const visitRuns = (node: MdNode): void => {
		if (SKIPPED.has(node.type) || CODE.has(node.type) || !node.children) return;
		if (!node.children.some((child) => INLINE.has(child.type))) {
			for (const child of node.children) visitRuns(child);
			return;
		}
		const pieces: Piece[] = [];
		const nested: MdNode[] = [];
		let text = '';
		const blockColumn = at(node).column;
		const flatten = (children: readonly MdNode[]) => {
			for (const child of children) {
				if (child.type === 'text') {
					pieces.push({ node: child, start: text.length, end: text.length + (child.value ?? '').length, blockColumn });
					text += child.value ?? '';
				} else if (INLINE_CONTAINERS.has(child.type)) {
					flatten(child.children ?? []);
				} else {
					text += BOUNDARY;
					if (!INLINE.has(child.type)) nested.push(child);
				}
			}
		};
		flatten(node.children);
		const edits = plan(text, redactor);
		for (const { index, secret } of titlesLeft(text, edits, redactor)) {
			const piece = pieces.find((p) => p.start <= index && index < p.end);
			const where = piece ? locate(piece.node, piece.node.value ?? '', index - piece.start, piece.blockColumn) : at(node);
			leaks.push({ kind: 'title', ...where, ...secret });
		}
		for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
			let first = true;
			for (const piece of pieces) {
				if (piece.end <= edit.start || piece.start >= edit.end) continue;
				const value = piece.node.value ?? '';
				const from = Math.max(edit.start, piece.start) - piece.start;
				const to = Math.min(edit.end, piece.end) - piece.start;
				piece.node.value = value.slice(0, from) + (first ? edit.replacement : '') + value.slice(to);
				first = false;
			}
		}
		for (const child of nested) visitRuns(child);
	};
	visitRuns(tree);
	return leaks;
}

/** Line and column of `index` in a node's text (continuation lines start at the block's column). */
function locate(node: MdNode, value: string, index: number, blockColumn: number): { line: number; column: number } {
	const start = node.position?.start ?? { line: 1, column: 1 };
	const lines = value.slice(0, index).split('\n');
	if (lines.length === 1) return { line: start.line, column: start.column + index };
	return { line: start.line + lines.length - 1, column: blockColumn + lines.at(-1)!.length };
}

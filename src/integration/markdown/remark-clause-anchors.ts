import type { ListItem, Nodes, Parent, Root, Text } from 'mdast';
import { readMarker } from '../../lib/outline/numbering.ts';
import type { Clause, ClauseKind, Outline } from '../../lib/outline/outline.ts';

export interface RemarkClauseAnchorsOptions {
	/**
	 * The outline of the version a file is, as the analysis built it from its one parse (src/lib/analyze.ts),
	 * by the file's path; undefined for Markdown that is no document (help pages), which is left alone.
	 */
	outlineOf: (path: string | undefined) => Outline | undefined;
}

/**
 * Gives every numbered clause of a document body its anchor from the analysis' outline
 * (src/lib/outline/): the page does not work the clauses out again, it finds the element each clause
 * was read from by its place in the file (both parsers give the file's line and column, see
 * src/lib/outline/README.md), so the checker and the page agree on every id (`sec-6-4-3`,
 * `sec-參-一-（二）`; h1 included) and each version is parsed once per build. The element (heading,
 * paragraph or list item) is marked as a clause for styling, and its number, when the text shows it,
 * is wrapped in `<span class="clause-no">` so it reads like the numbered original. A duplicated number
 * gets no id (the checker reports it; references reach the first).
 */
export function remarkClauseAnchors(options: RemarkClauseAnchorsOptions) {
	return (tree: Root, file: { path?: string }) => {
		const outline = options.outlineOf(file.path);
		if (!outline) return;
		const clauses = new Map<string, Clause>();
		for (const clause of outline.clauses) if (!clause.duplicate) clauses.set(placeKey(clause.kind, clause), clause);
		if (clauses.size === 0) return;
		const visit = (node: Nodes, parent: Nodes | undefined): void => {
			const found = clauseOf(node, parent, clauses);
			if (found) anchor(node, found, parent?.type === 'list' && parent.ordered === true);
			if ('children' in node) for (const child of node.children as Nodes[]) visit(child, node);
		};
		visit(tree, undefined);
	};
}

/** Where the outline places a clause: a heading by its line (the outline points at its text), others by line and column. */
function placeKey(kind: ClauseKind, at: { line: number; column: number }): string {
	return kind === 'heading' ? `heading@${at.line}` : `${kind}@${at.line}:${at.column}`;
}

/**
 * The clause a node is, read as the outline reads places (src/lib/outline/outline.ts): a heading, a
 * paragraph, or a list item — at the item for an ordered list, at its first paragraph for a bullet list.
 */
function clauseOf(node: Nodes, parent: Nodes | undefined, clauses: ReadonlyMap<string, Clause>): Clause | undefined {
	const start = node.position?.start;
	switch (node.type) {
		case 'heading':
			return start && clauses.get(placeKey('heading', start));
		case 'paragraph':
			return start && clauses.get(placeKey('paragraph', start));
		case 'listItem': {
			const at = parent?.type === 'list' && parent.ordered ? start : (node as ListItem).children[0]?.type === 'paragraph' ? (node as ListItem).children[0]!.position?.start : undefined;
			return at && clauses.get(placeKey('item', at));
		}
		default:
			return undefined;
	}
}

function anchor(node: Nodes, clause: Clause, listNumbered: boolean): void {
	const data = (node.data ??= {}) as { hProperties?: Record<string, unknown> };
	const classes = data.hProperties?.className;
	data.hProperties = {
		...data.hProperties,
		id: clause.anchor,
		className: [...(Array.isArray(classes) ? classes.map(String) : typeof classes === 'string' ? [classes] : []), 'clause', `clause-depth-${clause.depth}`],
		dataClause: clause.label,
	};
	// Items of an ordered list show their number through the list, not in their text.
	if (!listNumbered) wrapNumber(node, clause);
}

/** Splits the leading text so the clause number (as the outline reads it) sits in its own span. */
function wrapNumber(node: Nodes, clause: Clause): void {
	let target = node as Parent;
	// A list item's number is at the start of its first paragraph.
	if (node.type === 'listItem') {
		const first = node.children[0];
		if (first?.type !== 'paragraph') return;
		target = first;
	}
	// Only when the number is plain text at the very start (not inside **bold** or a link).
	const text = target.children[0];
	if (text?.type !== 'text') return;
	const marker = readMarker(text.value, clause.kind === 'heading' ? 'heading' : 'text');
	if (!marker || marker.length === 0) return;
	const written = text.value.slice(0, marker.length);
	const number = written.trim();
	const rest = text.value.slice(marker.length);
	// `6.4.3 文件` keeps its space; `壹、總則` and `（一）範圍` are written without one.
	const space = /\s$/u.test(written) || (clause.path.at(-1)?.scheme === 'decimal' && rest !== '') ? ' ' : '';
	const span: Text = { type: 'text', value: number, data: { hName: 'span', hProperties: { className: ['clause-no'] } } as Text['data'] };
	target.children.splice(0, 1, span, ...(rest || space ? [{ type: 'text' as const, value: `${space}${rest}` }] : []));
}

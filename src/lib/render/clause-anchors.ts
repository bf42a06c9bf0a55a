import type { Nodes, Parent, Root, Text } from 'mdast';
import { readMarker } from '../outline/numbering.ts';
import { buildOutline, type Clause } from '../outline/outline.ts';
import { CLAUSE_TOC, clauseToc, type BodyItem } from '../outline/toc.ts';
import type { MdNode } from '../outline/tree.ts';

/**
 * Gives every numbered clause of a document body its anchor from the outline (src/lib/outline/):
 * the same `buildOutline` the checker runs, on the tree the page is rendered from, so the checker
 * and the page agree on every id (`sec-6-4-3`, `sec-參-一-（二）`; h1 included). The element
 * (heading, paragraph or list item) is marked as a clause for styling, and its number, when the
 * text shows it, is wrapped in `<span class="clause-no">` so it reads like the numbered original.
 * A duplicated number gets no id (the checker reports it; references reach the first).
 */
export function remarkClauseAnchors(options: { include: (path: string | undefined) => boolean }) {
	return (tree: Root, file: { path?: string; data: { astro?: { frontmatter?: Record<string, unknown> } } }) => {
		if (!options.include(file.path)) return;
		// Items of an ordered list show their number through the list, not in their text.
		const listNumbered = new Set<Nodes>();
		const collect = (node: Nodes): void => {
			if (node.type === 'list' && node.ordered) for (const item of node.children) listNumbered.add(item);
			if ('children' in node) for (const child of node.children as Nodes[]) collect(child);
		};
		collect(tree);
		const clauseOf = new Map<Nodes, Clause>();
		const outline = buildOutline(tree as unknown as MdNode, {
			onClause: (found, clause) => {
				clauseOf.set(found as unknown as Nodes, clause);
				if (clause.duplicate) return;
				const node = found as unknown as Nodes;
				const data = (node.data ??= {}) as { hProperties?: Record<string, unknown> };
				const classes = data.hProperties?.className;
				data.hProperties = {
					...data.hProperties,
					id: clause.anchor,
					className: [
						...(Array.isArray(classes) ? classes.map(String) : typeof classes === 'string' ? [classes] : []),
						'clause',
						`clause-depth-${clause.depth}`,
					],
					dataClause: clause.label,
				};
				if (!listNumbered.has(node)) wrapNumber(node, clause);
			},
		});
		// The on-page outline (本頁內容) lists the top levels of the clause outline, not only headings:
		// the page merges these entries among its headings (src/components/DocumentPage.astro).
		const items: BodyItem[] = [];
		const order = (node: Nodes): void => {
			if (node.type === 'heading') items.push({ heading: node.depth });
			const clause = clauseOf.get(node);
			if (clause) items.push({ clause, index: outline.clauses.indexOf(clause) });
			if ('children' in node) for (const child of node.children as Nodes[]) order(child);
		};
		order(tree);
		const astro = (file.data.astro ??= {});
		astro.frontmatter = { ...astro.frontmatter, [CLAUSE_TOC]: clauseToc(items, outline.clauses) };
	};
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

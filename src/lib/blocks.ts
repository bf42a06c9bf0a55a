import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { leadingClause } from './clauses.ts';

/**
 * A document body as staff read it: headings, paragraphs, list items and table rows in order, each
 * with its text and, when it begins with one, its clause number. Diffs compare these; the clause
 * inventory (which `sec-…` anchors exist) is read from them.
 */
export interface Block {
	kind: 'heading' | 'paragraph' | 'item' | 'row' | 'code';
	/** Clause number the block begins with (`6.4.2.1`; `1` for `## 1. 目的`). */
	clause?: string;
	text: string;
	/** Heading depth, or list nesting depth (1 = top level). */
	depth: number;
	line: number;
}

export function extractBlocks(tree: Root): Block[] {
	const blocks: Block[] = [];
	const push = (kind: Block['kind'], text: string, depth: number, node: Nodes, numbered = true) => {
		const normalised = text.replace(/\s+/g, ' ').trim();
		if (normalised === '') return;
		const clause = numbered && kind !== 'code' ? leadingClause(normalised) : undefined;
		blocks.push({ kind, text: normalised, depth, line: node.position?.start.line ?? 0, ...(clause ? { clause } : {}) });
	};
	const walk = (node: Nodes, listDepth: number): void => {
		switch (node.type) {
			case 'heading':
				push('heading', toString(node), node.depth, node);
				return;
			case 'paragraph':
				push('paragraph', toString(node), listDepth, node);
				return;
			case 'code':
				push('code', node.value, listDepth, node);
				return;
			case 'table':
				for (const row of node.children) push('row', row.children.map((cell) => toString(cell)).join(' | '), listDepth, row, false);
				return;
			case 'list':
				for (const item of node.children) {
					const [first, ...rest] = item.children;
					if (first?.type === 'paragraph') push('item', toString(first), listDepth + 1, item);
					else if (first) walk(first, listDepth + 1);
					for (const child of rest) walk(child, listDepth + 1);
				}
				return;
			default:
				if ('children' in node) for (const child of node.children as Nodes[]) walk(child, listDepth);
		}
	};
	walk(tree, 0);
	return blocks;
}

/** Clause numbers present in a body, for anchors and clause references. */
export function clauseInventory(blocks: readonly Block[]): Set<string> {
	return new Set(blocks.flatMap((block) => (block.clause ? [block.clause] : [])));
}

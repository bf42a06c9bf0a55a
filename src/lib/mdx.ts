import type { Root } from 'mdast';
import { mdxToMdast } from 'satteri';

/**
 * Parses a document body (MDX, GitHub-flavoured) into mdast with positions, using Sätteri, Astro's
 * native Markdown/MDX parser. Positions are shifted by `lineOffset` so they are lines of the file,
 * not of the body. The one parse of each version per build: clause inventory, diffs and references
 * all read this tree.
 */
export function parseBody(body: string, lineOffset = 0): Root {
	const tree = mdxToMdast(body) as unknown as Root;
	if (lineOffset !== 0) shiftLines(tree, lineOffset);
	return tree;
}

function shiftLines(node: { position?: { start: { line: number }; end: { line: number } } | null; children?: unknown[] }, offset: number): void {
	if (node.position) {
		node.position.start.line += offset;
		node.position.end.line += offset;
	}
	if (Array.isArray(node.children)) for (const child of node.children) shiftLines(child as typeof node, offset);
}

import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { gfm } from 'micromark-extension-gfm';
import { mdxjs } from 'micromark-extension-mdxjs';

/**
 * Parses a document body (MDX, GitHub-flavoured) into mdast with positions. Positions are shifted by
 * `lineOffset` so they are lines of the file, not of the body. The one parse of each version per
 * build: clause inventory, diffs and references all read this tree.
 */
export function parseBody(body: string, lineOffset = 0): Root {
	const tree = fromMarkdown(body, {
		extensions: [mdxjs(), gfm()],
		mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown()],
	});
	if (lineOffset !== 0) shiftLines(tree, lineOffset);
	return tree;
}

function shiftLines(node: { position?: { start: { line: number }; end: { line: number } }; children?: unknown[] }, offset: number): void {
	if (node.position) {
		node.position.start.line += offset;
		node.position.end.line += offset;
	}
	if (Array.isArray(node.children)) for (const child of node.children) shiftLines(child as typeof node, offset);
}

import type { Root } from 'mdast';
import { mdxToMdast } from 'satteri';

let parses = 0;

/** How many bodies this process has parsed: a build records it beside its number of versions (one each). */
export function parseCount(): number {
	return parses;
}

/**
 * Parses a document body (MDX, GitHub-flavoured) into mdast with positions, using Sätteri, Astro's
 * native Markdown/MDX parser. Positions are shifted by `lineOffset` so they are lines of the file,
 * not of the body. The one parse of each version per build: clause inventory, diffs and references
 * all read this tree.
 */
export function parseBody(body: string, lineOffset = 0): Root {
	parses += 1;
	let tree: Root;
	try {
		tree = mdxToMdast(body) as unknown as Root;
	} catch (error) {
		const { line, column, message } = syntaxError(error, lineOffset);
		throw new MdxSyntaxError(line, column, message);
	}
	if (lineOffset !== 0) shiftLines(tree, lineOffset);
	return tree;
}

/** A body that is not valid MDX, at a line and column of the file, explained for the author. */
export class MdxSyntaxError extends Error {
	readonly line: number;
	readonly column: number;
	constructor(line: number, column: number, message: string) {
		super(message);
		this.line = line;
		this.column = column;
	}
}

/**
 * An MDX syntax error as the author can act on it: where, and what to write instead. `<` and `{`
 * start JSX and expressions in MDX; in prose they are written full-width or escaped.
 */
function syntaxError(error: unknown, lineOffset: number): { line: number; column: number; message: string } {
	const text = error instanceof Error ? error.message : String(error);
	const at = /^(\d+):(\d+):\s*(.*)$/s.exec(text);
	const detail = (at?.[3] ?? text).split('\n')[0]!;
	// MDX suggests a `{/* */}` comment instead, which is an expression: documents have none.
	const comment = detail.includes('to create a comment in MDX');
	return {
		line: at ? Number(at[1]) + lineOffset : lineOffset + 1,
		column: at ? Number(at[2]) : 1,
		message: comment
			? 'MDX 語法錯誤：文件內文不支援 HTML 註解 <!-- -->；請刪除註解（要保留的說明請寫進修訂說明或正文）'
			: `MDX 語法錯誤：${detail}。內文的 < 與 { 在 MDX 中代表元件與運算式；一般文字請改用全形〈〉｛｝，或寫成 \\< 與 \\{`,
	};
}

function shiftLines(
	node: { position?: { start: { line: number }; end: { line: number } } | null; children?: unknown[] },
	offset: number,
): void {
	if (node.position) {
		node.position.start.line += offset;
		node.position.end.line += offset;
	}
	if (Array.isArray(node.children)) for (const child of node.children) shiftLines(child as typeof node, offset);
}

import type { Root } from 'mdast';
import { mdxToMdast } from 'satteri';

/**
 * Parses a document body (MDX, GitHub-flavoured) into mdast with positions, using Sätteri, Astro's
 * native Markdown/MDX parser. Positions are shifted by `lineOffset` so they are lines of the file,
 * not of the body. The one parse of each version per build: clause inventory, diffs and references
 * all read this tree.
 */
export function parseBody(body: string, lineOffset = 0): Root {
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
	return {
		line: at ? Number(at[1]) + lineOffset : lineOffset + 1,
		column: at ? Number(at[2]) : 1,
		message: `MDX 語法錯誤：${detail}。內文的 < 與 { 在 MDX 中代表元件與運算式；一般文字請改用全形〈〉｛｝，或寫成 \\< 與 \\{`,
	};
}

function shiftLines(node: { position?: { start: { line: number }; end: { line: number } } | null; children?: unknown[] }, offset: number): void {
	if (node.position) {
		node.position.start.line += offset;
		node.position.end.line += offset;
	}
	if (Array.isArray(node.children)) for (const child of node.children) shiftLines(child as typeof node, offset);
}

interface MdxNode {
	type: string;
	name?: string | null;
	value?: string;
	children?: MdxNode[];
	position?: { start: { line: number; column: number } } | null;
}

/**
 * MDX that parses but would fail when the page renders, reported before the build starts: a `{…}`
 * expression (it is evaluated as JavaScript) and a component (`<Note>`) that the file does not import.
 */
export function unrenderable(tree: Root): { line: number; column: number; message: string }[] {
	const imported = new Set<string>();
	const found: { line: number; column: number; message: string }[] = [];
	const walk = (node: MdxNode) => {
		if (node.type === 'mdxjsEsm' && node.value) {
			for (const match of node.value.matchAll(/import\s+(?:(\w+)|\{([^}]*)\}|\*\s+as\s+(\w+))/g)) {
				for (const name of (match[1] ?? match[3] ?? match[2] ?? '').split(',')) imported.add(name.trim().split(/\s+as\s+/).at(-1)!.trim());
			}
		}
		for (const child of node.children ?? []) walk(child);
	};
	const check = (node: MdxNode) => {
		const at = { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
		if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
			found.push({ ...at, message: `內文的 {${(node.value ?? '').trim()}} 會被當成程式運算式；文件不使用運算式，要寫大括號請改用全形｛｝或 \\{` });
		} else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && /^[A-Z]/.test(node.name) && !imported.has(node.name.split('.')[0]!)) {
			found.push({ ...at, message: `元件 <${node.name}> 沒有匯入，頁面無法顯示；若是一般文字請改用全形〈〉或寫成 \\<` });
		}
		for (const child of node.children ?? []) check(child);
	};
	walk(tree as unknown as MdxNode);
	check(tree as unknown as MdxNode);
	return found;
}

/**
 * Checks on a document body that run before it is parsed (a cheap line scan) and right after
 * (an exact count on the tree, before any recursive walk): an empty body, nesting deeper than the
 * renderer survives, and paragraphs whose emphasis marks make the Markdown parser slow down
 * quadratically. Numbers in src/lib/limits.ts; measurements in the README.
 */
import type { Root } from 'mdast';
import { formatCount, LIMITS, type Fault } from '../limits.ts';

const NESTING_MESSAGE = `清單、引言、元件（<…>）、強調或連結的巢狀超過 ${LIMITS.nesting} 層的上限；請減少層次（一般文件不超過 6 層）`;
const MARKS_MESSAGE = `同一段落中的強調符號（* 或 _）與字元參照（&…;）超過 ${formatCount(LIMITS.inlineMarks)} 個的上限；請分段，或將這些符號改用全形（＊、＿、＆）`;

/** HTML elements without a closing tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const LIST_MARKER = /(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/y;
const BLOCK_START = /^ {0,3}(?:>|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|#{1,6}(?:[ \t]|$)|`{3,}|~{3,})/;
const FENCE = / {0,3}(`{3,}|~{3,})/y;
const TABLE_DELIMITER = /^[ \t>]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$/;
const TAG = /<(\/?)([A-Za-z][\w.:-]*)?(?:\s[^<>]*?)?(\/?)>/g;
const REFERENCES = /&(?:#\d{1,7}|#[xX][\dA-Fa-f]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/g;

type Container = { kind: 'quote' } | { kind: 'item'; content: number };

/**
 * The line scan, before the parser: an estimate of the nesting (list and quote markers by
 * indentation, HTML/JSX tags outside code), and the emphasis marks per paragraph. It errs on the
 * side of counting more, and only pathological text comes near the limits.
 */
export function scanBody(body: string, firstLine: number): Fault[] {
	if (body.trim() === '') {
		return [
			{
				line: firstLine,
				column: 1,
				rule: 'mdx/empty-body',
				message: '內文是空的：frontmatter 結尾的 --- 之後沒有任何文字；每個版次都要有內文',
			},
		];
	}
	const faults: Fault[] = [];
	let nestingFault: Fault | undefined;
	let marksFault: Fault | undefined;
	const stack: Container[] = [];
	let fence: { char: string; length: number } | undefined;
	let tagDepth = 0;
	let previousBlank = true;
	let inTable = false;
	let unit = { line: firstLine, marks: 0 };
	const lines = body.split('\n');

	for (let index = 0; index < lines.length && !(nestingFault && marksFault); index++) {
		const raw = lines[index]!.endsWith('\r') ? lines[index]!.slice(0, -1) : lines[index]!;
		const line = firstLine + index;
		let pos = 0;
		let col = 0;
		const indentAt = () => indentFrom(raw, pos, col);
		// Containers the line continues: a quote needs its `>`, a list item enough indentation.
		// `base`: the column the innermost matched container's content starts at.
		let base = 0;
		let matched = 0;
		let indent = indentAt();
		for (; matched < stack.length; matched++) {
			const container = stack[matched]!;
			const { p, c } = indent;
			if (container.kind === 'quote') {
				if (raw[p] !== '>' || c - base > 3) break;
				pos = p + 1;
				col = c + 1;
				if (raw[pos] === ' ') [pos, col] = [pos + 1, col + 1];
				base = col;
				indent = indentAt();
			} else if (p < raw.length && c < container.content) {
				break;
			} else {
				base = container.content;
			}
		}
		if (fence) {
			const close = fenceAt(raw, pos);
			if (close && close[0] === fence.char && close.length >= fence.length && raw.slice(pos).trim() === close) fence = undefined;
			continue;
		}
		if (isBlank(raw, pos)) {
			previousBlank = true;
			inTable = false;
			continue;
		}
		if (matched < stack.length && (previousBlank || BLOCK_START.test(raw.slice(pos)))) stack.length = matched;
		else if (matched < stack.length) base = containerBase(stack, col);

		// New containers opened on this line: `>` and list markers, any number of them.
		let opened = false;
		for (;;) {
			const { p, c } = indentAt();
			if (c - base >= 4) break;
			LIST_MARKER.lastIndex = p;
			const marker = raw.charCodeAt(p) === 0x3e ? '>' : LIST_MARKER.exec(raw)?.[0];
			if (!marker) break;
			pos = p + marker.length;
			col = c + marker.length;
			if (marker === '>') {
				if (raw[pos] === ' ') [pos, col] = [pos + 1, col + 1];
				stack.push({ kind: 'quote' });
				base = col;
			} else {
				const after = indentAt();
				const spaces = after.c - col;
				const content = after.p >= raw.length || spaces > 4 ? col + 1 : after.c;
				if (spaces <= 4) [pos, col] = [after.p, after.c];
				stack.push({ kind: 'item', content });
				base = content;
			}
			opened = true;
			if (!nestingFault && stack.length + tagDepth > LIMITS.nesting)
				nestingFault = { line, column: p + 1, rule: 'limit/nesting', message: NESTING_MESSAGE };
		}
		// Past the limit the containers are no longer needed, and following thousands of them would be slow.
		if (nestingFault) stack.length = 0;

		const opening = fenceAt(raw, pos);
		if (opening) {
			fence = { char: opening[0]!, length: opening.length };
			previousBlank = true;
			continue;
		}
		const content = pos === 0 ? raw : raw.slice(pos);
		if (!inTable && content.includes('|') && TABLE_DELIMITER.test(lines[index + 1] ?? '')) inTable = true;
		// Each table row is parsed on its own; a paragraph runs until a blank line or a new block.
		if (previousBlank || opened || inTable || /^ {0,3}#{1,6}(?:[ \t]|$)/.test(content)) unit = { line, marks: 0 };
		previousBlank = false;

		const text = content.includes('`') ? content.replace(/(`+)[^`]*?\1/g, (code) => ' '.repeat(code.length)) : content;
		unit.marks += countMarks(text);
		if (!marksFault && unit.marks > LIMITS.inlineMarks)
			marksFault = { line: unit.line, column: 1, rule: 'limit/inline-marks', message: MARKS_MESSAGE };

		if (text.includes('<'))
			for (const tag of text.matchAll(TAG)) {
				const [, closing, name = '', selfClosing] = tag;
				if (closing) tagDepth = Math.max(0, tagDepth - 1);
				else if (!selfClosing && !VOID.has(name.toLowerCase())) {
					tagDepth++;
					if (!nestingFault && stack.length + tagDepth > LIMITS.nesting)
						nestingFault = { line, column: pos + tag.index + 1, rule: 'limit/nesting', message: NESTING_MESSAGE };
				}
			}
	}
	if (nestingFault) faults.push(nestingFault);
	if (marksFault) faults.push(marksFault);
	return faults;
}

/** The position and column of the first character after the spaces and tabs at `pos` (tabs to the next multiple of 4). */
function indentFrom(raw: string, pos: number, col: number): { p: number; c: number } {
	let p = pos;
	let c = col;
	for (let ch = raw.charCodeAt(p); ch === 32 || ch === 9; ch = raw.charCodeAt(++p)) c = ch === 9 ? c + 4 - (c % 4) : c + 1;
	return { p, c };
}

function isBlank(raw: string, pos: number): boolean {
	for (let i = pos; i < raw.length; i++) {
		const ch = raw.charCodeAt(i);
		if (ch !== 32 && ch !== 9) return false;
	}
	return true;
}

/** The fence (```` ``` ```` or `~~~`, any length) opening at `pos`, after up to three spaces. */
function fenceAt(raw: string, pos: number): string | undefined {
	FENCE.lastIndex = pos;
	return FENCE.exec(raw)?.[1];
}

/** Emphasis characters and character references in a line's text. */
function countMarks(text: string): number {
	let count = 0;
	for (let i = text.indexOf('*'); i !== -1; i = text.indexOf('*', i + 1)) count++;
	for (let i = text.indexOf('_'); i !== -1; i = text.indexOf('_', i + 1)) count++;
	if (text.includes('&')) count += text.match(REFERENCES)?.length ?? 0;
	return count;
}

/** A lazy continuation line keeps its containers: indentation counts from the innermost one. */
function containerBase(stack: readonly Container[], col: number): number {
	const top = stack.at(-1);
	return top?.kind === 'item' ? top.content : col;
}

interface TreeNode {
	type: string;
	children?: TreeNode[];
	position?: { start: { line: number; column: number } } | null;
}

const NESTING_NODES = new Set([
	'list',
	'blockquote',
	'mdxJsxFlowElement',
	'mdxJsxTextElement',
	'emphasis',
	'strong',
	'delete',
	'link',
	'linkReference',
	'footnoteDefinition',
]);

/**
 * The exact nesting of a parsed body, counted without recursion, before anything walks the tree
 * recursively (the checker here, remark and rehype in the build).
 */
export function treeNestingFault(tree: Root): Fault | undefined {
	const pending: [TreeNode, number][] = [[tree as unknown as TreeNode, 0]];
	while (pending.length > 0) {
		const [node, above] = pending.pop()!;
		const depth = above + (NESTING_NODES.has(node.type) ? 1 : 0);
		if (depth > LIMITS.nesting) {
			return {
				line: node.position?.start.line ?? 1,
				column: node.position?.start.column ?? 1,
				rule: 'limit/nesting',
				message: NESTING_MESSAGE,
			};
		}
		const children = node.children ?? [];
		for (let i = children.length - 1; i >= 0; i--) pending.push([children[i]!, depth]);
	}
	return undefined;
}

import { describe, it, expect } from 'vitest';
import { parseBody } from '../../../src/lib/body/mdx.ts';
import { buildOutline, type OutlineBlock } from '../../../src/lib/outline/outline.ts';
import type { MdNode } from '../../../src/lib/outline/tree.ts';

/** The outline's blocks as the diff compares them: kind, text, depth, line and clause label. */
const blocksOf = (body: string, lineOffset = 0) =>
	buildOutline(parseBody(body, lineOffset) as unknown as MdNode).blocks.map(({ kind, text, depth, line, clause }: OutlineBlock) => ({
		kind,
		text,
		depth,
		line,
		...(clause ? { clause } : {}),
	}));

describe('the outline’s blocks (what src/lib/blocks.ts gave before it was retired)', () => {
	it('reads headings with their depth and clause', () => {
		expect(blocksOf('## 1. 目的\n\n### 6.4 文件要求\n\n## 附錄\n')).toEqual([
			{ kind: 'heading', text: '1. 目的', depth: 2, line: 1, clause: '1' },
			{ kind: 'heading', text: '6.4 文件要求', depth: 3, line: 3, clause: '6.4' },
			{ kind: 'heading', text: '附錄', depth: 2, line: 5 },
		]);
	});

	it('reads paragraphs at depth 0, numbered or not, with whitespace collapsed', () => {
		expect(blocksOf('作為本局**資訊安全**管理\n制度之依據。\n\n2.3 段落開頭有編號。\n')).toEqual([
			{ kind: 'paragraph', text: '作為本局資訊安全管理 制度之依據。', depth: 0, line: 1 },
			{ kind: 'paragraph', text: '2.3 段落開頭有編號。', depth: 0, line: 4, clause: '2.3' },
		]);
	});

	it('reads list items with their nesting depth', () => {
		expect(blocksOf('- 1.1 建立政策。\n- 1.2 範圍如下：\n  - 1.2.1 人員。\n  - 未編號子項。\n    - 1.2.2.1 第三層。\n')).toEqual([
			{ kind: 'item', text: '1.1 建立政策。', depth: 1, line: 1, clause: '1.1' },
			{ kind: 'item', text: '1.2 範圍如下：', depth: 1, line: 2, clause: '1.2' },
			{ kind: 'item', text: '1.2.1 人員。', depth: 2, line: 3, clause: '1.2.1' },
			{ kind: 'item', text: '未編號子項。', depth: 2, line: 4 },
			{ kind: 'item', text: '1.2.2.1 第三層。', depth: 3, line: 5, clause: '1.2.2.1' },
		]);
	});

	it('takes a loose item number from its first paragraph; later paragraphs are blocks of their own', () => {
		expect(blocksOf('- 6.4.2.1 文件應經核准後發行。\n\n  文件之修訂應記錄修訂說明。\n\n- 6.4.2.2\n  多行的\n  條文。\n')).toEqual([
			{ kind: 'item', text: '6.4.2.1 文件應經核准後發行。', depth: 1, line: 1, clause: '6.4.2.1' },
			{ kind: 'paragraph', text: '文件之修訂應記錄修訂說明。', depth: 1, line: 3 },
			{ kind: 'item', text: '6.4.2.2 多行的 條文。', depth: 1, line: 5, clause: '6.4.2.2' },
		]);
	});

	it('reads ordered list items without the list marker in their text; a top-level list is numbered 1, 2 (the number it shows)', () => {
		// blocks.ts left them unnumbered; the outline numbers what the list displays (outline README, "Nesting").
		const blocks = buildOutline(parseBody('1. 有序清單\n2. 第二項\n') as unknown as MdNode).blocks;
		expect(blocks.map(({ kind, text, depth, line, clause, markerLength }) => ({ kind, text, depth, line, clause, markerLength }))).toEqual([
			{ kind: 'item', text: '有序清單', depth: 1, line: 1, clause: '1', markerLength: 0 },
			{ kind: 'item', text: '第二項', depth: 1, line: 2, clause: '2', markerLength: 0 },
		]);
	});

	it('reads table rows, cells joined by " | ", never numbered', () => {
		expect(blocksOf('| 欄一 | 欄二 |\n|---|---|\n| 1.1 甲 | 乙 |\n')).toEqual([
			{ kind: 'row', text: '欄一 | 欄二', depth: 0, line: 1 },
			{ kind: 'row', text: '1.1 甲 | 乙', depth: 0, line: 3 },
		]);
	});

	it('reads code blocks as one unnumbered block', () => {
		expect(blocksOf('```text\n1.1 程式碼\n第二行\n```\n')).toEqual([{ kind: 'code', text: '1.1 程式碼 第二行', depth: 0, line: 1 }]);
	});

	it('reads a block that opens a list item at the item depth', () => {
		expect(blocksOf('- > 2.1 引言\n')).toEqual([{ kind: 'paragraph', text: '2.1 引言', depth: 1, line: 1, clause: '2.1' }]);
	});

	it('skips empty blocks', () => {
		expect(blocksOf('-\n\n```\n```\n')).toEqual([]);
	});

	it('reports lines of the file when the body is parsed with a lineOffset', () => {
		expect(blocksOf('## 1. 目的\n\n- 1.1 建立政策。\n', 10).map((b) => b.line)).toEqual([11, 13]);
	});
});

describe('the outline’s clauses (what clauseInventory gave)', () => {
	it('are the clause numbers of headings, paragraphs and items, not of rows or code', () => {
		const outline = buildOutline(
			parseBody(
				'## 1. 目的\n\n- 1.1 甲\n  - 1.1.1 乙\n\n2.3 段落。\n\n| 4.1 表格 |\n|---|\n| 4.2 列 |\n\n```\n5.1 程式碼\n```\n',
			) as unknown as MdNode,
		);
		expect(outline.clauses.map((c) => c.label)).toEqual(['1', '1.1', '1.1.1', '2.3']);
		expect(outline.blocks.filter((b) => b.kind === 'row' || b.kind === 'code').map((b) => b.clause)).toEqual([
			undefined,
			undefined,
			undefined,
		]);
	});

	it('are none for a body without numbers', () => {
		expect(buildOutline(parseBody('本文沒有條次。\n') as unknown as MdNode).clauses).toEqual([]);
	});
});

import { describe, expect, it } from 'vitest';
import { htmlTableRows, markdownTableRows } from '../../../src/lib/outline/tables.ts';
import type { MdNode } from '../../../src/lib/outline/tree.ts';
import { remark, satteri } from './_trees.ts';

/** The first table of a body, Markdown or HTML, in both parsers' trees. */
const tables = (body: string): MdNode[] =>
	[satteri(body), remark(body)].map((tree) => {
		const find = (node: MdNode): MdNode | undefined =>
			node.type === 'table' || node.name === 'table' ? node : (node.children ?? []).map(find).find(Boolean);
		return find(tree)!;
	});

describe('markdownTableRows', () => {
	it('joins the cells of each row with " | ", header included', () => {
		for (const table of tables('| 欄一 | 欄二 |\n|---|---|\n| 1.1 **甲** | 乙 |\n')) {
			expect(markdownTableRows(table)).toEqual([
				{ text: '欄一 | 欄二', line: 1, column: 1 },
				{ text: '1.1 甲 | 乙', line: 3, column: 1 },
			]);
		}
	});
});

describe('htmlTableRows', () => {
	it('repeats a cell merged over rows in every row it covers', () => {
		const body = '<table>\n  <tr><th>項目</th><th>說明</th></tr>\n  <tr><td rowspan="2">存取控制</td><td>帳號</td></tr>\n  <tr><td>密碼</td></tr>\n</table>\n';
		for (const table of tables(body)) {
			expect(htmlTableRows(table)).toEqual([
				{ text: '項目 | 說明', line: 2, column: 3 },
				{ text: '存取控制 | 帳號', line: 3, column: 3 },
				{ text: '存取控制 | 密碼', line: 4, column: 3 },
			]);
		}
	});

	it('reads a cell merged over columns once, and keeps later cells in their columns', () => {
		const body = '<table>\n  <tr><td colspan="2">合併</td><td rowSpan={2}>右</td></tr>\n  <tr><td>左</td><td>中</td></tr>\n</table>\n';
		for (const table of tables(body)) {
			expect(htmlTableRows(table).map((row) => row.text)).toEqual(['合併 | 右', '左 | 中 | 右']);
		}
	});

	it('reads rows inside thead and tbody, and a nested table as its cell’s text', () => {
		const body = '<table>\n  <thead><tr><th>甲</th></tr></thead>\n  <tbody><tr><td><table><tr><td>內</td></tr></table></td></tr></tbody>\n</table>\n';
		for (const table of tables(body)) {
			expect(htmlTableRows(table).map((row) => row.text)).toEqual(['甲', '內']);
		}
	});

	it('reads a span that is not a number as 1, and a huge one only as far as the table goes', () => {
		const body = '<table>\n  <tr><td rowspan="x">甲</td><td colspan="0">乙</td></tr>\n  <tr><td rowspan="100000">丙</td></tr>\n</table>\n';
		for (const table of tables(body)) {
			expect(htmlTableRows(table).map((row) => row.text)).toEqual(['甲 | 乙', '丙']);
		}
	});
});

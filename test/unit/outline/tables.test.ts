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
			expect(markdownTableRows(table).map(({ text, line, column }) => ({ text, line, column }))).toEqual([
				{ text: '欄一 | 欄二', line: 1, column: 1 },
				{ text: '1.1 甲 | 乙', line: 3, column: 1 },
			]);
		}
	});

	it('gives each row its cells; the first row is the header and the column headings of the others', () => {
		for (const table of tables('| 項目 | 頻率 |\n|---|---|\n| 量測 | 每季 |\n| 檢討 | 每年 |\n')) {
			const columns = [
				{ text: '項目', head: true },
				{ text: '頻率', head: true },
			];
			expect(markdownTableRows(table).map(({ cells, head, columns }) => ({ cells, head, columns }))).toEqual([
				{ cells: columns, head: true, columns: undefined },
				{ cells: [{ text: '量測' }, { text: '每季' }], head: undefined, columns },
				{ cells: [{ text: '檢討' }, { text: '每年' }], head: undefined, columns },
			]);
		}
	});
});

describe('htmlTableRows', () => {
	it('repeats a cell merged over rows in every row it covers', () => {
		const body =
			'<table>\n  <tr><th>項目</th><th>說明</th></tr>\n  <tr><td rowspan="2">存取控制</td><td>帳號</td></tr>\n  <tr><td>密碼</td></tr>\n</table>\n';
		for (const table of tables(body)) {
			expect(htmlTableRows(table).map(({ text, line, column }) => ({ text, line, column }))).toEqual([
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
		const body =
			'<table>\n  <thead><tr><th>甲</th></tr></thead>\n  <tbody><tr><td><table><tr><td>內</td></tr></table></td></tr></tbody>\n</table>\n';
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

	it('gives each row its cells with their column spans, and the header rows (thead, or th only) as the column headings', () => {
		// As the importer writes a table with a two-row header (版次 and 修訂日期 over both rows, 修訂內容 over two columns).
		const body = [
			'<table>',
			'  <thead>',
			'    <tr><th scope="col" rowspan="2">版次</th><th scope="col" rowspan="2">修訂日期</th><th scope="colgroup" colspan="2">修訂內容</th></tr>',
			'    <tr><th scope="col">條次</th><th scope="col">說明</th></tr>',
			'  </thead>',
			'  <tbody>',
			'    <tr><td>2.0</td><td>113.05.01</td><td colspan="2">全文修正</td></tr>',
			'    <tr><th scope="row">2.1</th><td>113.06.01</td><td>參、一、</td><td>新增</td></tr>',
			'  </tbody>',
			'</table>',
			'',
		].join('\n');
		const columns = [
			{ text: '版次', head: true },
			{ text: '修訂日期', head: true },
			{ text: '條次', head: true },
			{ text: '說明', head: true },
		];
		for (const table of tables(body)) {
			expect(htmlTableRows(table).map(({ cells, head, columns }) => ({ cells, head, columns }))).toEqual([
				{
					cells: [
						{ text: '版次', head: true },
						{ text: '修訂日期', head: true },
						{ text: '修訂內容', head: true, span: 2 },
					],
					head: true,
					columns: undefined,
				},
				{ cells: columns, head: true, columns: undefined },
				{ cells: [{ text: '2.0' }, { text: '113.05.01' }, { text: '全文修正', span: 2 }], head: undefined, columns },
				{ cells: [{ text: '2.1', head: true }, { text: '113.06.01' }, { text: '參、一、' }, { text: '新增' }], head: undefined, columns },
			]);
		}
	});

	it('reads a table without a header row as rows without column headings', () => {
		for (const table of tables('<table>\n  <tr><td>甲</td><td>乙</td></tr>\n</table>\n')) {
			expect(htmlTableRows(table)).toEqual([{ text: '甲 | 乙', line: 2, column: 3, cells: [{ text: '甲' }, { text: '乙' }] }]);
		}
	});
});

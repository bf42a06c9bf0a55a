import { describe, expect, it } from 'vitest';
import { restoreSpans, tableMdx } from '../../../src/lib/import/mdx-tables.ts';
import { blocksText } from '../../../src/lib/import/pandoc-ast.ts';
import { cell, para, plain, row, table } from './_ast.ts';

const render = (blocks: Parameters<typeof blocksText>[0]) => blocksText(blocks).replace(/\|/g, '\\|');

describe('tableMdx', () => {
	it('writes a plain grid as a GFM table, the first row as header', () => {
		const t = table([row(cell('業務'), cell('時間')), row(cell('教務'), cell('48小時')), row(cell('學務'), cell(''))]);
		expect(tableMdx(t, render)).toEqual(['| 業務 | 時間 |', '| --- | --- |', '| 教務 | 48小時 |', '| 學務 |   |']);
	});

	it('writes merged cells as an accessible HTML table with only table tags, spans and scope', () => {
		const t = table([
			row(cell('業務'), cell('系統'), cell('時間')),
			row(cell('教務'), cell('無', 2), cell('48小時')),
			row(cell('學務'), cell('24小時')),
		]);
		expect(tableMdx(t, render)).toEqual([
			'<table>',
			'  <thead>',
			'    <tr>',
			'      <th scope="col">業務</th>',
			'      <th scope="col">系統</th>',
			'      <th scope="col">時間</th>',
			'    </tr>',
			'  </thead>',
			'  <tbody>',
			'    <tr>',
			'      <td>教務</td>',
			'      <td rowspan="2">無</td>',
			'      <td>48小時</td>',
			'    </tr>',
			'    <tr>',
			'      <td>學務</td>',
			'      <td>24小時</td>',
			'    </tr>',
			'  </tbody>',
			'</table>',
		]);
	});

	it('keeps a two-row header (a cell merged down, a group merged across) in <thead>', () => {
		const t = table([
			row(cell('版次', 2), cell('修訂內容', 1, 2)),
			row(cell('條次'), cell('說明')),
			row(cell('1.0'), cell('壹'), cell('初版')),
		]);
		const html = tableMdx(t, render).join('\n');
		expect(html).toContain(
			'<thead>\n    <tr>\n      <th scope="col" rowspan="2">版次</th>\n      <th scope="colgroup" colspan="2">修訂內容</th>\n    </tr>\n    <tr>\n      <th scope="col">條次</th>',
		);
		expect(html).toContain('<tbody>\n    <tr>\n      <td>1.0</td>');
	});

	it('uses HTML for cells with several paragraphs, joined by the renderer', () => {
		const t = table([row(cell('項目')), row(cell([para('第一段'), plain('第二段')]))]);
		expect(tableMdx(t, (blocks) => blocks.map((b) => blocksText([b])).join('<br />'))).toContain('      <td>第一段<br />第二段</td>');
	});
});

describe('restoreSpans', () => {
	it("puts back merged cells pandoc's ODT reader dropped (covered cells left out, rows padded at the end)", () => {
		const t = table(
			[row(cell('a'), cell('b'), cell('c')), row(cell('d'), cell('e'), cell('f')), row(cell('g'), cell('h'), cell(''))],
			[row(cell(''), cell(''), cell(''))],
		);
		const visible = { covered: false, colspan: 1, rowspan: 1 };
		const layout = [
			[visible, visible, visible],
			[visible, { covered: false, colspan: 1, rowspan: 2 }, visible],
			[visible, { covered: true, colspan: 1, rowspan: 1 }, visible],
		];
		expect(restoreSpans(t, layout)).toBe(true);
		expect(tableMdx(t, render).join('\n')).toContain('<td rowspan="2">e</td>');
		expect(
			tableMdx(t, render)
				.filter((l) => l.includes('<td>'))
				.map((l) => l.trim()),
		).toEqual(['<td>d</td>', '<td>f</td>', '<td>g</td>', '<td>h</td>']);
	});

	it('leaves a table whose rows do not line up with the layout alone', () => {
		const t = table([row(cell('a'), cell('b'))]);
		expect(restoreSpans(t, [[{ covered: false, colspan: 2, rowspan: 1 }], []])).toBe(false);
		expect(tableMdx(t, render)).toEqual(['| a | b |', '| --- | --- |']);
	});
});

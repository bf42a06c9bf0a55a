import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { rehypeTableScroll, tableName } from '../../src/integration/rehype-table-scroll.ts';

const el = (tagName: string, children: Element['children'] = [], properties: Element['properties'] = {}): Element => ({
	type: 'element',
	tagName,
	properties,
	children,
});
const text = (value: string) => ({ type: 'text' as const, value });
const table = (...headings: string[]) =>
	el('table', [
		el('thead', [
			el(
				'tr',
				headings.map((h) => el('th', [text(h)])),
			),
		]),
		el('tbody'),
	]);

describe('rehypeTableScroll', () => {
	it('wraps every table in a focusable, labelled scroll box', () => {
		const tree: Root = { type: 'root', children: [el('p', [text('前文')]), table('規則', '說明')] };
		rehypeTableScroll()(tree);
		const box = tree.children[1] as Element;
		expect(box.tagName).toBe('div');
		expect(box.properties).toEqual({ className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: '表格：規則、說明' });
		expect((box.children[0] as Element).tagName).toBe('table');
	});

	it('leaves a table already in a box alone, and names a table by its caption first', () => {
		const inner = table('a');
		const tree: Root = { type: 'root', children: [el('div', [inner], { className: ['table-scroll'] })] };
		rehypeTableScroll()(tree);
		expect((tree.children[0] as Element).children[0]).toBe(inner);
		expect(tableName(el('table', [el('caption', [text('附表一 資產清冊')]), el('tr', [el('td', [text('x')])])]))).toBe(
			'表格：附表一 資產清冊',
		);
		expect(tableName(el('table'))).toBe('表格');
		expect(tableName(table('一二三四五六七八九十'.repeat(5)))).toHaveLength(43);
	});

	it('wraps an HTML table written in MDX (an MDX JSX element in the tree, as the importer writes merged cells) the same way', async () => {
		const { compile } = await import('@mdx-js/mdx');
		const source =
			'前文\n\n<table>\n  <thead>\n    <tr><th scope="col">項目</th><th scope="col">負責單位</th></tr>\n  </thead>\n  <tbody>\n    <tr><td rowspan="2">分工</td><td>資訊單位</td></tr>\n  </tbody>\n</table>\n';
		let wrapped: Element | undefined;
		await compile(source, {
			rehypePlugins: [
				rehypeTableScroll,
				() => (tree: Root) => {
					wrapped = tree.children.find((child): child is Element => child.type === 'element' && child.tagName === 'div');
				},
			],
		});
		expect(wrapped?.properties).toEqual({ className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: '表格：項目、負責單位' });
		expect(wrapped?.children.map((child) => [child.type, (child as { name?: string }).name])).toEqual([['mdxJsxFlowElement', 'table']]);
	});
});

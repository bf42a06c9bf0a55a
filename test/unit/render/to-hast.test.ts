import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { parseBody } from '../../../src/lib/body/mdx.ts';
import { documentHast } from '../../../src/lib/render/to-hast.ts';

/** A body as the page renders it from the analysis's tree (before Astro's rehype plugins). */
const html = (body: string) => toHtml(documentHast(parseBody(body)).tree);

describe('documentHast: a body from its one tree, as HTML elements', () => {
	it('renders Markdown as Astro renders it (GFM tables, task lists, footnotes, line breaks)', () => {
		expect(html('## 1. 目的\n\n- 1.1 條文 **粗體** `code` ~~刪除~~。\n')).toBe(
			'<h2>1. 目的</h2>\n<ul>\n<li>1.1 條文 <strong>粗體</strong> <code>code</code> <del>刪除</del>。</li>\n</ul>',
		);
		expect(html('| a | b |\n| :- | -: |\n| 1 | 2 |\n')).toContain('<th align="left">a</th>');
		expect(html('- [x] 完成\n')).toContain('<input type="checkbox" checked disabled>');
		expect(html('見註[^1]。\n\n[^1]: 註。\n')).toContain('<section data-footnotes class="footnotes">');
		expect(html('一行  \n二行\n')).toBe('<p>一行<br>\n二行</p>');
	});

	it('renders the allowlisted HTML tags with their allowlisted attributes, Markdown inside them included', () => {
		expect(html('<table>\n  <caption>表</caption>\n  <tr><th scope="col" colspan="2">標題</th></tr>\n</table>\n')).toBe(
			'<table><caption>表</caption><tr><th scope="col" colspan="2">標題</th></tr></table>',
		);
		expect(html('<div title="說明">\n區塊內的 **Markdown**。\n</div>\n')).toBe(
			'<div title="說明"><p>區塊內的 <strong>Markdown</strong>。</p></div>',
		);
		expect(html('<details open>\n<summary>摘要</summary>\n內容<br/>換行 <kbd>Ctrl</kbd>\n</details>\n')).toContain('<details open>');
		expect(html('H<sub>2</sub>O <TD>x</TD>\n')).toBe('<p>H<sub>2</sub>O </p>');
	});

	it('renders nothing of what could run code or pass for the portal, should a tree hold it (the checker refuses it first)', () => {
		const out = html(
			'import s from \'../../../../etc/passwd?raw\'\n\nexport const x = 1\n\n{alert(1)}\n\n<script>alert(1)</script>\n\n<p title={s} onclick="alert(1)" style="color:red" id="main" class="notice" data-x="1">文字 {1 + 1}</p>\n\n<Note>元件</Note>\n\n<iframe src="https://example.org"></iframe>\n\n<a href="https://example.org" target="_blank">連結</a>\n',
		);
		expect(out).toBe('<p>文字 </p>\n<a href="https://example.org">連結</a>');
	});

	it('leaves the images of the document folder to Astro, marked as it marks Markdown images', () => {
		const { tree, imagePaths } = documentHast(
			parseBody(
				'![流程](./assets/1.0/流程圖.png)\n\n<img src="./assets/1.0/flow.png" alt="二" width="100" />\n\n![流程](./assets/1.0/流程圖.png)\n',
			),
		);
		expect(imagePaths).toEqual(['./assets/1.0/流程圖.png', './assets/1.0/flow.png']);
		const markers = [...toHtml(tree).matchAll(/__ASTRO_IMAGE_="([^"]+)"/g)].map((m) => JSON.parse(m[1]!.replaceAll('&#x22;', '"')));
		expect(markers).toEqual([
			{ src: './assets/1.0/流程圖.png', alt: '流程', index: 0 },
			{ src: './assets/1.0/flow.png', alt: '二', width: 100, index: 0 },
			{ src: './assets/1.0/流程圖.png', alt: '流程', index: 1 },
		]);
	});

	it('keeps the data the portal’s Markdown transforms attach (clause anchors, reference links)', () => {
		const tree = parseBody('- 6.4.3 條文\n');
		const item = (tree.children[0] as { children: { data?: unknown }[] }).children[0]!;
		item.data = { hProperties: { id: 'sec-6-4-3', className: ['clause'] } };
		expect(html('- 6.4.3 條文\n')).toBe('<ul>\n<li>6.4.3 條文</li>\n</ul>');
		expect(toHtml(documentHast(tree).tree)).toBe('<ul>\n<li id="sec-6-4-3" class="clause">6.4.3 條文</li>\n</ul>');
	});
});

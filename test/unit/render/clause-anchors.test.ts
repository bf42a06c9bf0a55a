import { describe, it, expect } from 'vitest';
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { remarkClauseAnchors } from '../../../src/lib/render/clause-anchors.ts';
import { CLAUSE_TOC } from '../../../src/lib/outline/toc.ts';

const withAnchors = (include: (path: string | undefined) => boolean = () => true) =>
	unified().use(remarkParse).use(remarkClauseAnchors, { include }).use(remarkRehype).use(rehypeStringify);
const plain = () => unified().use(remarkParse).use(remarkRehype).use(rehypeStringify);

const render = (markdown: string) => String(withAnchors().processSync(markdown));
const count = (html: string, needle: string) => html.split(needle).length - 1;

/** Markdown shaped like the seed policy ISMS-M-001. */
const POLICY = `## 1. 目的

作為本局資訊安全管理制度相關管理辦法以及作業程序，並達到以下之目標：

- 1.1.1 建立、落實及維護資訊安全管理政策。
- 1.1.2 全面導入 ISMS。

## 2. 適用範圍

- 2.1 本局 ISMS 所涵蓋範圍內皆適用之。
- 2.2 資訊安全管理涵蓋 14 項管理事項，管理事項如下：
  - 2.2.1 資訊安全管理政策制定及評估。
  - 2.2.2 資訊安全組織之職責與分工。

### 6.4 文件要求

- 6.4.2.1 文件應經核准後發行。

  文件之修訂應記錄修訂說明。

- 6.4.2.2 文件應定期評估檢討。

14 項管理事項應每年檢討。
`;

describe('remarkClauseAnchors', () => {
	const html = render(POLICY);

	it('anchors a heading and wraps its number', () => {
		expect(html).toContain(
			'<h3 id="sec-6-4" class="clause clause-depth-2" data-clause="6.4"><span class="clause-no">6.4</span> 文件要求</h3>',
		);
	});

	it('anchors a top-level section written "1." as sec-1, keeping the dot in the printed number', () => {
		expect(html).toContain('<h2 id="sec-1" class="clause clause-depth-1" data-clause="1"><span class="clause-no">1.</span> 目的</h2>');
		expect(html).toContain('<h2 id="sec-2" class="clause clause-depth-1" data-clause="2"><span class="clause-no">2.</span> 適用範圍</h2>');
	});

	it('anchors list items and wraps their numbers', () => {
		expect(html).toContain(
			'<li id="sec-1-1-1" class="clause clause-depth-3" data-clause="1.1.1"><span class="clause-no">1.1.1</span> 建立、落實及維護資訊安全管理政策。</li>',
		);
		expect(html).toContain(
			'<li id="sec-1-1-2" class="clause clause-depth-3" data-clause="1.1.2"><span class="clause-no">1.1.2</span> 全面導入 ISMS。</li>',
		);
	});

	it('gives nested items their own anchors and the parent item its own number', () => {
		expect(html).toContain(
			'<li id="sec-2-2" class="clause clause-depth-2" data-clause="2.2"><span class="clause-no">2.2</span> 資訊安全管理涵蓋 14 項管理事項，管理事項如下：',
		);
		expect(html).toContain(
			'<li id="sec-2-2-1" class="clause clause-depth-3" data-clause="2.2.1"><span class="clause-no">2.2.1</span> 資訊安全管理政策制定及評估。</li>',
		);
		expect(html).toContain(
			'<li id="sec-2-2-2" class="clause clause-depth-3" data-clause="2.2.2"><span class="clause-no">2.2.2</span> 資訊安全組織之職責與分工。</li>',
		);
	});

	it('puts the anchor of a loose list item on the li, not on its leading paragraph', () => {
		expect(html).toContain(
			'<li id="sec-6-4-2-1" class="clause clause-depth-4" data-clause="6.4.2.1">\n<p><span class="clause-no">6.4.2.1</span> 文件應經核准後發行。</p>\n<p>文件之修訂應記錄修訂說明。</p>\n</li>',
		);
		expect(html).toContain(
			'<li id="sec-6-4-2-2" class="clause clause-depth-4" data-clause="6.4.2.2">\n<p><span class="clause-no">6.4.2.2</span> 文件應定期評估檢討。</p>\n</li>',
		);
		expect(html).not.toMatch(/<p id=/);
	});

	it('leaves paragraphs that do not start with a clause number alone', () => {
		expect(html).toContain('<p>作為本局資訊安全管理制度相關管理辦法以及作業程序，並達到以下之目標：</p>');
		expect(html).toContain('<p>14 項管理事項應每年檢討。</p>');
		const other = render('ISO 27001 驗證範圍。\n\n本政策第 6.4.3 節所定。\n\n2020-10-16 發布。\n');
		expect(other).toBe(plain().processSync('ISO 27001 驗證範圍。\n\n本政策第 6.4.3 節所定。\n\n2020-10-16 發布。\n').toString());
	});

	it('anchors a paragraph that starts with a clause number', () => {
		expect(render('6.4.3 文件管制應依本程序辦理。\n')).toBe(
			'<p id="sec-6-4-3" class="clause clause-depth-3" data-clause="6.4.3"><span class="clause-no">6.4.3</span> 文件管制應依本程序辦理。</p>',
		);
	});

	it('anchors a later paragraph of a list item that starts with a clause number', () => {
		const out = render('- 7.1 資源。\n\n  7.1.1 人員。\n');
		expect(out).toContain('<li id="sec-7-1" class="clause clause-depth-2" data-clause="7.1">');
		expect(out).toContain(
			'<p id="sec-7-1-1" class="clause clause-depth-3" data-clause="7.1.1"><span class="clause-no">7.1.1</span> 人員。</p>',
		);
	});

	it('anchors h1 like every heading (the outline reads every level)', () => {
		expect(render('# 1. 資訊安全管理政策\n')).toBe(
			'<h1 id="sec-1" class="clause clause-depth-1" data-clause="1"><span class="clause-no">1.</span> 資訊安全管理政策</h1>',
		);
	});

	it('anchors the official scheme with the outline anchors and wraps the number as written', () => {
		const out = render('## 壹、總則\n\n一、目的。\n\n(二)範圍。\n\n- （三）對象。\n\n1. 甲。\n');
		expect(out).toContain('<h2 id="sec-壹" class="clause clause-depth-1" data-clause="壹、"><span class="clause-no">壹、</span>總則</h2>');
		expect(out).toContain(
			'<p id="sec-壹-一" class="clause clause-depth-2" data-clause="壹、一、"><span class="clause-no">一、</span>目的。</p>',
		);
		expect(out).toContain(
			'<p id="sec-壹-一-（二）" class="clause clause-depth-3" data-clause="壹、一、（二）"><span class="clause-no">(二)</span>範圍。</p>',
		);
		// The list shows the number of an ordered item: nothing to wrap.
		// (A list item's clauses close with the item: the ordered list is the 1. level under 一、.)
		expect(out).toContain('<li id="sec-壹-一-1" class="clause clause-depth-3" data-clause="壹、一、1.">甲。</li>');
	});

	it('anchors each clause number only once per document, the first time', () => {
		const out = render('### 6.4 文件要求\n\n6.4 再次出現。\n\n- 6.4 又一次。\n');
		expect(count(out, 'id="sec-6-4"')).toBe(1);
		expect(out).toContain('<h3 id="sec-6-4"');
		expect(out).toContain('<p>6.4 再次出現。</p>');
		expect(out).toContain('<li>6.4 又一次。</li>');
	});

	it('starts afresh for each file', () => {
		const processor = withAnchors();
		expect(String(processor.processSync('## 1. 目的\n'))).toContain('id="sec-1"');
		expect(String(processor.processSync('## 1. 目的\n'))).toContain('id="sec-1"');
	});

	it('leaves the tree unchanged when include returns false, and passes include the file path', () => {
		const seen: (string | undefined)[] = [];
		const include = (path: string | undefined) => {
			seen.push(path);
			return false;
		};
		const file = { value: POLICY, path: 'content/documents/ISMS-M-001/1.0.mdx' };
		const out = String(withAnchors(include).processSync(file));
		expect(out).toBe(String(plain().processSync(POLICY)));
		expect(out).not.toContain('clause');
		expect(seen).toEqual(['content/documents/ISMS-M-001/1.0.mdx']);
	});

	it('keeps existing classes and properties', () => {
		const tree: Root = {
			type: 'root',
			children: [
				{
					type: 'heading',
					depth: 2,
					data: { hProperties: { className: ['lead'], title: 't' } },
					children: [{ type: 'text', value: '3.2 範圍' }],
				},
			],
		};
		const out = String(
			unified()
				.use(remarkClauseAnchors, { include: () => true })
				.use(remarkRehype)
				.use(rehypeStringify)
				.stringify(
					unified()
						.use(remarkClauseAnchors, { include: () => true })
						.use(remarkRehype)
						.runSync(tree) as never,
				),
		);
		expect(out).toBe(
			'<h2 class="lead clause clause-depth-2" title="t" id="sec-3-2" data-clause="3.2"><span class="clause-no">3.2</span> 範圍</h2>',
		);
	});

	// When the clause number is inside markup (**6.5**), no plain text is wrapped (not "12").
	it('wraps only the clause number itself', () => {
		const out = render('### **6.5** 12 項要求\n');
		expect(out).toContain('id="sec-6-5"');
		expect(out).not.toContain('<span class="clause-no">12</span>');
	});

	it('leaves the on-page outline entries of clauses that are not headings for the page, with the anchors it gave them', () => {
		const file = withAnchors().processSync(POLICY);
		const entries = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter?.[CLAUSE_TOC];
		expect(entries).toEqual([
			{ depth: 3, slug: 'sec-1-1-1', text: '1.1.1 建立、落實及維護資訊安全管理政策', after: 1 },
			{ depth: 3, slug: 'sec-1-1-2', text: '1.1.2 全面導入 ISMS', after: 1 },
			{ depth: 3, slug: 'sec-2-1', text: '2.1 本局 ISMS 所涵蓋範圍內皆適用之', after: 2 },
			{ depth: 3, slug: 'sec-2-2', text: '2.2 資訊安全管理涵蓋 14 項管理事項', after: 2 },
			{ depth: 4, slug: 'sec-2-2-1', text: '2.2.1 資訊安全管理政策制定及評估', after: 2 },
			{ depth: 4, slug: 'sec-2-2-2', text: '2.2.2 資訊安全組織之職責與分工', after: 2 },
			{ depth: 4, slug: 'sec-6-4-2-1', text: '6.4.2.1 文件應經核准後發行', after: 3 },
			{ depth: 4, slug: 'sec-6-4-2-2', text: '6.4.2.2 文件應定期評估檢討', after: 3 },
		]);
		for (const entry of entries as { slug: string }[]) expect(String(file)).toContain(`id="${entry.slug}"`);
	});
});

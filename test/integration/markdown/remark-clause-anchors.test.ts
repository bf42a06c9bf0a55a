import { describe, it, expect } from 'vitest';
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { remarkClauseAnchors } from '../../../src/integration/markdown/remark-clause-anchors.ts';
import { buildOutline, type Outline } from '../../../src/lib/outline/outline.ts';
import type { MdNode } from '../../../src/lib/outline/tree.ts';

/** The analysis' outline of a text: built once from its own parse, as src/lib/analyze.ts does. */
const outlineOfText = (markdown: string) => buildOutline(unified().use(remarkParse).parse(markdown) as unknown as MdNode);

/** The page's pipeline, handed the outline of the file it renders (by path, as the integration does). */
const withAnchors = (outlineOf: (path: string | undefined) => Outline | undefined) =>
	unified().use(remarkParse).use(remarkClauseAnchors, { outlineOf }).use(remarkRehype).use(rehypeStringify);
const plain = () => unified().use(remarkParse).use(remarkRehype).use(rehypeStringify);

const render = (markdown: string) => String(withAnchors(() => outlineOfText(markdown)).processSync(markdown));
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
		expect(html).toContain('<h3 id="sec-6-4" class="clause clause-depth-2" data-clause="6.4"><span class="clause-no">6.4</span> 文件要求</h3>');
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
		expect(html).toContain('<li id="sec-2-2" class="clause clause-depth-2" data-clause="2.2"><span class="clause-no">2.2</span> 資訊安全管理涵蓋 14 項管理事項，管理事項如下：');
		expect(html).toContain('<li id="sec-2-2-1" class="clause clause-depth-3" data-clause="2.2.1"><span class="clause-no">2.2.1</span> 資訊安全管理政策制定及評估。</li>');
		expect(html).toContain('<li id="sec-2-2-2" class="clause clause-depth-3" data-clause="2.2.2"><span class="clause-no">2.2.2</span> 資訊安全組織之職責與分工。</li>');
	});

	it('puts the anchor of a loose list item on the li, not on its leading paragraph', () => {
		expect(html).toContain(
			'<li id="sec-6-4-2-1" class="clause clause-depth-4" data-clause="6.4.2.1">\n<p><span class="clause-no">6.4.2.1</span> 文件應經核准後發行。</p>\n<p>文件之修訂應記錄修訂說明。</p>\n</li>',
		);
		expect(html).toContain('<li id="sec-6-4-2-2" class="clause clause-depth-4" data-clause="6.4.2.2">\n<p><span class="clause-no">6.4.2.2</span> 文件應定期評估檢討。</p>\n</li>');
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
		expect(out).toContain('<p id="sec-7-1-1" class="clause clause-depth-3" data-clause="7.1.1"><span class="clause-no">7.1.1</span> 人員。</p>');
	});

	it('anchors h1 like every heading (the outline reads every level)', () => {
		expect(render('# 1. 資訊安全管理政策\n')).toBe('<h1 id="sec-1" class="clause clause-depth-1" data-clause="1"><span class="clause-no">1.</span> 資訊安全管理政策</h1>');
	});

	it('anchors the official scheme with the outline anchors and wraps the number as written', () => {
		const out = render('## 壹、總則\n\n一、目的。\n\n(二)範圍。\n\n- （三）對象。\n\n1. 甲。\n');
		expect(out).toContain('<h2 id="sec-壹" class="clause clause-depth-1" data-clause="壹、"><span class="clause-no">壹、</span>總則</h2>');
		expect(out).toContain('<p id="sec-壹-一" class="clause clause-depth-2" data-clause="壹、一、"><span class="clause-no">一、</span>目的。</p>');
		expect(out).toContain('<p id="sec-壹-一-（二）" class="clause clause-depth-3" data-clause="壹、一、（二）"><span class="clause-no">(二)</span>範圍。</p>');
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

	it('anchors each file from its own outline, found by the file path', () => {
		const outlines: Record<string, Outline> = { 'a.mdx': outlineOfText('## 1. 目的\n'), 'b.mdx': outlineOfText('## 壹、總則\n') };
		const processor = withAnchors((path) => outlines[path!]);
		expect(String(processor.processSync({ value: '## 1. 目的\n', path: 'a.mdx' }))).toContain('id="sec-1"');
		expect(String(processor.processSync({ value: '## 壹、總則\n', path: 'b.mdx' }))).toContain('id="sec-壹"');
	});

	it('leaves the tree unchanged when the file has no outline (not a document), and asks by the file path', () => {
		const seen: (string | undefined)[] = [];
		const outlineOf = (path: string | undefined) => {
			seen.push(path);
			return undefined;
		};
		const file = { value: POLICY, path: 'content/documents/ISMS-M-001/1.0.mdx' };
		const out = String(withAnchors(outlineOf).processSync(file));
		expect(out).toBe(String(plain().processSync(POLICY)));
		expect(out).not.toContain('clause');
		expect(seen).toEqual(['content/documents/ISMS-M-001/1.0.mdx']);
	});

	it('works the clauses out from the outline, not from the tree: an element the outline does not name gets no anchor', () => {
		// The outline of another text: its clause 1 is on line 3, where this text has no heading.
		const out = String(withAnchors(() => outlineOfText('\n\n## 1. 目的\n')).processSync('## 1. 目的\n\n正文。\n'));
		expect(out).not.toContain('id=');
		// And the anchor the outline gives is the one the page gets, whatever the text says.
		const renamed = outlineOfText('## 2. 目的\n');
		expect(String(withAnchors(() => renamed).processSync('## 1. 目的\n'))).toContain('<h2 id="sec-2" class="clause clause-depth-1" data-clause="2">');
	});

	it('keeps existing classes and properties', () => {
		const tree: Root = {
			type: 'root',
			children: [
				{ type: 'heading', depth: 2, position: { start: { line: 1, column: 1 }, end: { line: 1, column: 10 } }, data: { hProperties: { className: ['lead'], title: 't' } }, children: [{ type: 'text', value: '3.2 範圍' }] },
			],
		};
		const outline = buildOutline(structuredClone(tree) as unknown as MdNode);
		const processor = unified().use(remarkClauseAnchors, { outlineOf: () => outline }).use(remarkRehype);
		const out = String(unified().use(rehypeStringify).stringify(processor.runSync(tree) as never));
		expect(out).toBe('<h2 class="lead clause clause-depth-2" title="t" id="sec-3-2" data-clause="3.2"><span class="clause-no">3.2</span> 範圍</h2>');
	});

	// When the clause number is inside markup (**6.5**), no plain text is wrapped (not "12").
	it('wraps only the clause number itself', () => {
		const out = render('### **6.5** 12 項要求\n');
		expect(out).toContain('id="sec-6-5"');
		expect(out).not.toContain('<span class="clause-no">12</span>');
	});
});

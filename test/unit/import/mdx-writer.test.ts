import { describe, expect, it } from 'vitest';
import { fallbackLabel, joinLabel, writeBody, type WriterContext } from '../../../src/lib/import/mdx-writer.ts';
import type { Block } from '../../../src/lib/import/pandoc-ast.ts';
import { parseBody } from '../../../src/lib/body/mdx.ts';
import { bodyFaults } from '../../../src/lib/body/mdx-rules.ts';
import { bullets, header, image, note, ordered, para, text } from './_ast.ts';

const write = (blocks: Block[], labels = new Map<Block, string>()) => {
	const context: WriterContext = { labelOf: (b) => labels.get(b), image: (url, alt) => `![${alt}](./assets/1.0/${url})` };
	return writeBody(blocks, context);
};

describe('joinLabel and fallbackLabel', () => {
	it('puts a space after a number unless it ends in full-width punctuation', () => {
		expect(joinLabel('壹、', '總則')).toBe('壹、總則');
		expect(joinLabel('（一）', '目的')).toBe('（一）目的');
		expect(joinLabel('1.', '建立')).toBe('1. 建立');
		expect(joinLabel('6.4.3', '核准')).toBe('6.4.3 核准');
	});

	it("writes an ordered list's own number when the word processor's is unknown", () => {
		expect(fallbackLabel([1, { t: 'Decimal' }, { t: 'Period' }], 2)).toBe('3.');
		expect(fallbackLabel([1, { t: 'Decimal' }, { t: 'TwoParens' }], 0)).toBe('(1)');
		expect(fallbackLabel([4, { t: 'LowerRoman' }, { t: 'OneParen' }], 0)).toBe('iv)');
	});
});

describe('writeBody', () => {
	it('writes numbered headings one level down and numbered list items with their literal numbers', () => {
		const h = header(1, '依據及目的');
		const first = para('資通安全管理法。');
		const deep = para('細項');
		const second = para('市府政策。');
		const body = write(
			[h, para('本計畫依據下列法規訂定:'), bullets([first, bullets([deep])], [second])],
			new Map<Block, string>([
				[h, '壹、'],
				[first, '一、'],
				[deep, '1.'],
				[second, '二、'],
			]),
		);
		expect(body).toBe('## 壹、依據及目的\n\n本計畫依據下列法規訂定:\n\n- 一、資通安全管理法。\n  - 1\\. 細項\n- 二、市府政策。\n');
		expect(bodyFaults(parseBody(body))).toEqual([]);
	});

	it('keeps further paragraphs of an item inside it, and numbers Markdown-style ordered lists', () => {
		const body = write([ordered(1, 'Decimal', 'Period', [para('目的'), para('說明文字。')], [para('範圍')])]);
		expect(body).toBe('- 1\\. 目的\n\n  說明文字。\n- 2\\. 範圍\n');
	});

	it('hoists an item that starts with a deeper list (numbering that began below level 1)', () => {
		expect(write([bullets([bullets([para('內層')])])])).toBe('- 內層\n');
	});

	it('writes footnotes as GFM footnotes and images through the context', () => {
		const body = write([para([...text('依法辦理'), note(para('資通安全管理法第10條。')), image('figure-1.png', '流程圖')])]);
		expect(body).toBe('依法辦理[^1]![流程圖](./assets/1.0/figure-1.png)\n\n[^1]: 資通安全管理法第10條。\n');
		const tree = parseBody(body) as unknown as { children: { type: string }[] };
		expect(tree.children.map((c) => c.type)).toEqual(['paragraph', 'footnoteDefinition']);
	});

	it('keeps hostile text as text in every position', () => {
		const body = write([header(1, '<b>{x}</b>'), bullets([para('{alert(1)} <img src=x>')]), { t: 'BlockQuote', c: [para('# 不是標題')] }]);
		expect(bodyFaults(parseBody(body))).toEqual([]);
		expect(body).toContain('\\{alert(1)\\} \\<img src=x\\>');
		expect(body).toContain('> \\# 不是標題');
	});
});

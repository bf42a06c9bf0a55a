import { describe, expect, it } from 'vitest';
import { escapeLineStart, escapeText, inlineMdx, type InlineContext } from '../../../src/lib/import/mdx-text.ts';
import { parseBody } from '../../../src/lib/body/mdx.ts';
import { bodyFaults } from '../../../src/lib/body/mdx-rules.ts';
import type { Inline } from '../../../src/lib/import/pandoc-ast.ts';
import { A, image, note, text } from './_ast.ts';

const context: InlineContext = { image: (url, alt) => `![${alt}](${url})`, note: () => '[^1]' };
const str = (c: string): Inline => ({ t: 'Str', c });

describe('escapeText', () => {
	it('escapes what MDX and Markdown would read as syntax, so the text shows as written', () => {
		const hostile = '<script>{alert(1)}</script> *a* _b_ [c](d) `e` |f| ~g~ &amp; \\';
		const written = escapeText(hostile);
		const tree = parseBody(`${written}\n`);
		expect(bodyFaults(tree)).toEqual([]);
		const paragraph = tree.children[0] as { children: { type: string; value?: string }[] };
		expect(paragraph.children.map((c) => c.type)).toEqual(['text']);
		expect(paragraph.children[0]!.value).toBe(hostile);
	});

	it('escapes block markers at the start of a line only', () => {
		expect(escapeLineStart('1. 建立資通安全')).toBe('1\\. 建立資通安全');
		expect(escapeLineStart('# 標題')).toBe('\\# 標題');
		expect(escapeLineStart('- 項目')).toBe('\\- 項目');
		expect(escapeLineStart('> 引言')).toBe('\\> 引言');
		expect(escapeLineStart('1.應建立')).toBe('1.應建立');
		expect(escapeLineStart('第 1. 條')).toBe('第 1. 條');
	});
});

describe('inlineMdx', () => {
	it('drops soft breaks between Chinese characters and keeps them as spaces between words', () => {
		expect(
			inlineMdx(
				[str('資通'), { t: 'SoftBreak' }, str('安全'), { t: 'SoftBreak' }, str('ISMS'), { t: 'SoftBreak' }, str('policy')],
				context,
			),
		).toBe('資通安全ISMS policy');
	});

	it('writes emphasis as Markdown where it can be read beside Chinese text, else as an element', () => {
		expect(inlineMdx([str('確保'), { t: 'Strong', c: [str('機密性')] }, str('與')], context)).toBe('確保**機密性**與');
		expect(inlineMdx([{ t: 'Strong', c: [str('「重要」')] }, str('事項')], context)).toBe('<strong>「重要」</strong>事項');
		expect(inlineMdx([{ t: 'Emph', c: [str('注意：')] }], context)).toBe('<em>注意：</em>');
	});

	it('keeps web links, turns internal anchors into text, and passes images and notes to the context', () => {
		const link = (url: string): Inline => ({ t: 'Link', c: [A, text('網站'), [url, '']] });
		expect(inlineMdx([link('https://www.nics.nat.gov.tw/a b')], context)).toBe('[網站](https://www.nics.nat.gov.tw/a%20b)');
		expect(inlineMdx([link('#_Toc123')], context)).toBe('網站');
		expect(inlineMdx([image('media/a.png', '流程圖'), note()], context)).toBe('![流程圖](media/a.png)[^1]');
	});

	it('writes hard line breaks as Markdown breaks, or <br /> in a table cell', () => {
		expect(inlineMdx([str('一'), { t: 'LineBreak' }, str('二')], context)).toBe('一\\\n二');
		expect(inlineMdx([str('一'), { t: 'LineBreak' }, str('二')], { ...context, inCell: true })).toBe('一<br />二');
	});

	it('fences code that contains backticks', () => {
		expect(inlineMdx([{ t: 'Code', c: [A, 'a`b'] }], context)).toBe('`` a`b ``');
	});
});

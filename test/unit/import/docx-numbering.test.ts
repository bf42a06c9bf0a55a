import { describe, expect, it } from 'vitest';
import { docxNumberedParagraphs } from '../../../src/lib/import/docx-numbering.ts';
import { parseXml } from '../../../src/lib/import/xml.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const lvl = (ilvl: number, fmt: string, text: string, extra = '') =>
	`<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
const numbering = parseXml(`<w:numbering ${W}>
	<w:abstractNum w:abstractNumId="0">${lvl(0, 'ideographLegalTraditional', '%1、', '<w:pStyle w:val="Heading1"/>')}${lvl(1, 'taiwaneseCountingThousand', '%2、')}${lvl(2, 'taiwaneseCountingThousand', '（%3）')}${lvl(3, 'decimal', '%4.')}${lvl(4, 'decimal', '（%5）')}</w:abstractNum>
	<w:abstractNum w:abstractNumId="1">${lvl(0, 'bullet', '•')}</w:abstractNum>
	<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
	<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
	<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`);
const styles = parseXml(
	`<w:styles ${W}><w:style w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:styleId="Heading1Plain"><w:basedOn w:val="Heading1"/></w:style></w:styles>`,
);
const p = (text: string, numId?: number, ilvl?: number, style?: string) =>
	`<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${numId !== undefined ? `<w:numPr><w:ilvl w:val="${ilvl ?? 0}"/><w:numId w:val="${numId}"/></w:numPr>` : ''}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
const documentOf = (...paragraphs: string[]) => parseXml(`<w:document ${W}><w:body>${paragraphs.join('')}</w:body></w:document>`);

describe('docxNumberedParagraphs', () => {
	it('gives each numbered paragraph the number Word displays, 壹、 to （1）', () => {
		const doc = documentOf(
			p('總則', 1, 0),
			p('目的', 1, 1),
			p('細項', 1, 2),
			p('第一目', 1, 3),
			p('小項', 1, 4),
			p('未編號'),
			p('細項二', 1, 2),
			p('組織', 1, 0),
			p('權責', 1, 1),
		);
		expect(docxNumberedParagraphs(doc, numbering, styles)).toEqual([
			{ label: '壹、', text: '總則' },
			{ label: '一、', text: '目的' },
			{ label: '（一）', text: '細項' },
			{ label: '1.', text: '第一目' },
			{ label: '（1）', text: '小項' },
			{ label: '（二）', text: '細項二' },
			{ label: '貳、', text: '組織' },
			{ label: '一、', text: '權責' },
		]);
	});

	it('numbers headings through their paragraph style (and styles based on it)', () => {
		const doc = documentOf(p('依據', undefined, undefined, 'Heading1'), p('範圍', undefined, undefined, 'Heading1Plain'));
		expect(docxNumberedParagraphs(doc, numbering, styles).map((n) => n.label)).toEqual(['壹、', '貳、']);
	});

	it('continues one definition across its lists, and restarts where a list overrides the start', () => {
		const doc = documentOf(p('甲', 1, 0), p('乙', 1, 1), p('丙', 1, 1), p('丁', 2, 1), p('戊', 1, 0));
		expect(docxNumberedParagraphs(doc, numbering, styles).map((n) => n.label)).toEqual(['壹、', '一、', '二、', '一、', '貳、']);
	});

	it('leaves bullets, numId 0, field codes and deleted text out', () => {
		const field = `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:instrText> PAGEREF _Toc1 </w:instrText></w:r><w:del><w:r><w:delText>舊</w:delText></w:r></w:del><w:r><w:t xml:space="preserve">新 </w:t></w:r><w:r><w:tab/><w:t>文</w:t></w:r></w:p>`;
		const doc = documentOf(p('項目', 3, 0), p('無', 0, 0), field);
		expect(docxNumberedParagraphs(doc, numbering, styles)).toEqual([{ label: '壹、', text: '新  文' }]);
	});

	it('reads paragraphs inside tables in document order', () => {
		const doc = documentOf(`<w:tbl><w:tr><w:tc>${p('表內', 1, 0)}</w:tc></w:tr></w:tbl>`, p('表後', 1, 0));
		expect(docxNumberedParagraphs(doc, numbering, styles).map((n) => n.label)).toEqual(['壹、', '貳、']);
	});
});

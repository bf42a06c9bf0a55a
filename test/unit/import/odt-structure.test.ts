import { describe, expect, it } from 'vitest';
import { odtImageTexts, odtNumberedParagraphs, odtTableLayouts } from '../../../src/lib/import/odt-structure.ts';
import { parseXml } from '../../../src/lib/import/xml.ts';

const NS =
	'xmlns:office="o" xmlns:text="t" xmlns:style="s" xmlns:table="tb" xmlns:draw="d" xmlns:svg="sv" xmlns:xml="http://www.w3.org/XML/1998/namespace"';
const level = (n: number, format: string, prefix: string, suffix: string) =>
	`<text:list-level-style-number text:level="${n}" style:num-format="${format}" style:num-prefix="${prefix}" style:num-suffix="${suffix}"/>`;
const styles = parseXml(`<office:document-styles ${NS}><office:styles>
	<text:outline-style style:name="Outline"><text:outline-level-style text:level="1" style:num-format="壹, 貳, 參, ..." style:num-suffix="、"/></text:outline-style>
	<text:list-style style:name="TW">${level(1, '一, 二, 三, ...', '', '、')}${level(2, '一, 二, 三, ...', '（', '）')}${level(3, '1', '', '.')}${level(4, '1', '（', '）')}</text:list-style>
	<text:list-style style:name="Dec"><text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/><text:list-level-style-number text:level="2" style:num-format="1" style:num-suffix="" text:display-levels="2"/></text:list-style>
	<text:list-style style:name="Dots"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>
</office:styles></office:document-styles>`);
const content = (body: string) =>
	parseXml(`<office:document-content ${NS}><office:body><office:text>${body}</office:text></office:body></office:document-content>`);
const item = (text: string, inner = '', attrs = '') => `<text:list-item${attrs}><text:p>${text}</text:p>${inner}</text:list-item>`;

describe('odtNumberedParagraphs', () => {
	it('numbers outline headings and nested list items as displayed', () => {
		const body = `<text:h text:outline-level="1">依據</text:h>
			<text:list text:style-name="TW">${item('法規', `<text:list>${item('細項', `<text:list>${item('第一目', `<text:list>${item('小項')}</text:list>`)}</text:list>`)}${item('細項二')}</text:list>`)}${item('政策')}</text:list>
			<text:h text:outline-level="1">範圍</text:h>`;
		expect(odtNumberedParagraphs(content(body), styles)).toEqual([
			{ label: '壹、', text: '依據' },
			{ label: '一、', text: '法規' },
			{ label: '（一）', text: '細項' },
			{ label: '1.', text: '第一目' },
			{ label: '（1）', text: '小項' },
			{ label: '（二）', text: '細項二' },
			{ label: '二、', text: '政策' },
			{ label: '貳、', text: '範圍' },
		]);
	});

	it('restarts a new list, continues one marked to continue, and honours start values', () => {
		const body = `<text:list text:style-name="TW" xml:id="L1">${item('甲')}${item('乙')}</text:list>
			<text:list text:style-name="TW">${item('丙')}</text:list>
			<text:list text:style-name="TW" text:continue-numbering="true">${item('丁')}</text:list>
			<text:list text:style-name="TW" text:continue-list="L1">${item('戊')}</text:list>
			<text:list text:style-name="TW">${item('己', '', ' text:start-value="5"')}</text:list>`;
		expect(odtNumberedParagraphs(content(body), styles).map((n) => n.label)).toEqual(['一、', '二、', '一、', '二、', '三、', '五、']);
	});

	it('shows parent numbers with display-levels, and leaves bullets, list headers, later paragraphs and the TOC unnumbered', () => {
		const body = `<text:table-of-content><text:index-body><text:p>壹、依據 1</text:p></text:index-body></text:table-of-content>
			<text:list text:style-name="Dec">${item('一', `<text:p>續段</text:p><text:list>${item('二')}</text:list>`)}<text:list-header><text:p>標題</text:p></text:list-header></text:list>
			<text:list text:style-name="Dots">${item('點')}</text:list>`;
		expect(odtNumberedParagraphs(content(body), styles)).toEqual([
			{ label: '1.', text: '一' },
			{ label: '1.1', text: '二' },
		]);
	});

	it('reads text without notes, with spaces and tabs', () => {
		const body = `<text:list text:style-name="TW">${item('條文<text:s text:c="2"/>內容<text:tab/>尾<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>註</text:p></text:note-body></text:note>')}</text:list>`;
		expect(odtNumberedParagraphs(content(body), styles)[0]!.text).toBe('條文  內容 尾');
	});
});

describe('odtTableLayouts and odtImageTexts', () => {
	it('reads spans, covered cells and repeated cells of each table', () => {
		const body = `<table:table><table:table-header-rows><table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>a</text:p></table:table-cell><table:covered-table-cell/></table:table-row></table:table-header-rows>
			<table:table-row><table:table-cell table:number-rows-spanned="2"/><table:table-cell table:number-columns-repeated="1"/></table:table-row>
			<table:table-row><table:covered-table-cell/><table:table-cell/></table:table-row></table:table>`;
		expect(odtTableLayouts(content(body))).toEqual([
			[
				[
					{ covered: false, colspan: 2, rowspan: 1 },
					{ covered: true, colspan: 1, rowspan: 1 },
				],
				[
					{ covered: false, colspan: 1, rowspan: 2 },
					{ covered: false, colspan: 1, rowspan: 1 },
				],
				[
					{ covered: true, colspan: 1, rowspan: 1 },
					{ covered: false, colspan: 1, rowspan: 1 },
				],
			],
		]);
	});

	it('gives each image its title as alternative text, in order', () => {
		const body = `<text:p><draw:frame><draw:image/><svg:title>組織圖</svg:title></draw:frame><draw:frame><draw:text-box/></draw:frame><draw:frame><draw:image/></draw:frame></text:p>`;
		expect(odtImageTexts(content(body))).toEqual(['組織圖', '']);
	});
});

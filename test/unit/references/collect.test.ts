import { describe, it, expect } from 'vitest';
import { attachCitingClauses } from '../../../src/lib/outline/citing.ts';
import { buildOutline } from '../../../src/lib/outline/outline.ts';
import { parseBody } from '../../../src/lib/body/mdx.ts';
import { collectReferences, type ReferenceSite } from '../../../src/lib/references/collect.ts';
import { syntax } from './_syntax.ts';

/** References of a body, each with its citing clause from the body's outline (as analyze.ts does). */
const collect = (body: string, lineOffset = 0) => {
	const tree = parseBody(body, lineOffset);
	const sites = collectReferences(tree, syntax);
	attachCitingClauses(sites, buildOutline(tree as Parameters<typeof buildOutline>[0]));
	return sites;
};
const brief = (sites: ReferenceSite[]) => sites.map((s) => `${s.line}:${s.column} ${s.kind} ${s.text} @${s.citing?.label ?? '-'}`);

describe('collectReferences', () => {
	it('reports lines of the file when a lineOffset is given, columns of the line', () => {
		const body = '\n## 1. 目的\n\n- 1.1 見 ISMS-P-005 第 4.2 節。\n';
		expect(brief(collect(body))).toEqual(['4:9 document ISMS-P-005 @1.1', '4:20 clause 第 4.2 節 @1.1']);
		expect(brief(collect(body, 10))).toEqual(['14:9 document ISMS-P-005 @1.1', '14:20 clause 第 4.2 節 @1.1']);
	});

	it('keeps what findReferences found, with the text as written', () => {
		const [site] = collect('「ISMS-P-005 資訊安全目標管理程序書」\n');
		expect(site).toEqual({
			kind: 'document',
			docNo: 'ISMS-P-005',
			citedTitle: '資訊安全目標管理程序書',
			quoted: true,
			index: 0,
			length: 24,
			text: '「ISMS-P-005 資訊安全目標管理程序書」',
			line: 1,
			column: 1,
		});
	});

	it('skips references in fenced code, inline code and MDX expressions', () => {
		const body = 'A `ISMS-P-998` B {"ISMS-P-996"} ISMS-M-001\n\n```text\nISMS-P-997 第 7.7 節\n```\n';
		expect(brief(collect(body))).toEqual(['1:33 document ISMS-M-001 @-']);
	});

	it('collects Markdown links to /documents/… as links at the link, and ignores other links', () => {
		const body =
			'- 1.2 [程序書](/documents/isms-p-005/#sec-1-1) 與 [外部](https://example.com/ISMS-P-006) 與 [ISMS-P-007](../isms-p-007/)。\n';
		expect(collect(body)).toEqual([
			{
				kind: 'link',
				url: '/documents/isms-p-005/#sec-1-1',
				index: 0,
				length: 0,
				text: '/documents/isms-p-005/#sec-1-1',
				line: 1,
				column: 7,
				citing: expect.objectContaining({ label: '1.2', anchor: 'sec-1-2' }),
			},
		]);
	});

	it('takes the citing clause from the enclosing numbered list item, nested or not', () => {
		const body = [
			'- 1.1 見 ISMS-P-005。',
			'  - 1.1.1 巢狀 A.9.2.1。',
			'  - 未編號 ISMS-M-001。',
			'- 1.2 第一段。',
			'',
			'  第二段 ISMS-P-006。',
			'',
		].join('\n');
		expect(brief(collect(body))).toEqual([
			'1:9 document ISMS-P-005 @1.1',
			'2:14 control A.9.2.1 @1.1.1',
			'3:9 document ISMS-M-001 @1.1',
			'6:7 document ISMS-P-006 @1.2',
		]);
	});

	it('takes the citing clause from a numbered paragraph or the numbered heading above', () => {
		const body = [
			'作為依據 ISMS-P-001。',
			'',
			'## 1. 目的',
			'',
			'本段沒有編號 ISMS-P-006。',
			'',
			'2.1 段落編號 ISMS-P-007。',
			'',
			'### 6.4 文件 ISMS-P-011',
			'',
			'文件 ISMS-P-008。',
		].join('\n');
		expect(brief(collect(body))).toEqual([
			'1:6 document ISMS-P-001 @-',
			'5:8 document ISMS-P-006 @1',
			'7:10 document ISMS-P-007 @2.1',
			'9:12 document ISMS-P-011 @6.4',
			'11:4 document ISMS-P-008 @6.4',
		]);
	});

	it('gives a reference on the second line of a paragraph that line', () => {
		const body = '前言第一行\nISMS-P-005 在第二行\n';
		expect(brief(collect(body, 20))).toEqual(['22:1 document ISMS-P-005 @-']);
		const item = '- 1.3 第一行\n  第二行有 ISMS-P-005\n';
		expect(collect(item, 20).map((s) => s.line)).toEqual([22]);
	});

	// BUG: `advance` (src/lib/references/references.ts) counts the column from the start of the text node's line,
	// but mdast strips the indentation of continuation lines (here the two spaces of a list item), so
	// the column is 2 too small: the checker points at the indentation, not at the reference.
	it('gives the file column of a reference on an indented continuation line', () => {
		const item = '- 1.3 第一行\n  第二行有 ISMS-P-005\n';
		expect(brief(collect(item, 20))).toEqual(['22:8 document ISMS-P-005 @1.3']);
	});
});

describe('an unnumbered heading ends the numbered section before it', () => {
	it('gives references under 附錄 no citing clause', () => {
		const body = '### 6.4 文件要求\n\n見 ISMS-P-005。\n\n## 附錄\n\n見 ISMS-P-005。\n';
		expect(brief(collect(body))).toEqual(['3:3 document ISMS-P-005 @6.4', '7:3 document ISMS-P-005 @-']);
	});
});

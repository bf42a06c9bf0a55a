import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOutline } from '../../../src/lib/outline/outline.ts';
import type { MdNode } from '../../../src/lib/outline/tree.ts';
import { clauseAnchor } from '../../../src/lib/site/urls.ts';
import { outlineOf, remark, satteri } from './_trees.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('clauses', () => {
	it('carry path, anchor, label, kind, text, position, depth, parent and heading level', () => {
		const outline = outlineOf('## 壹、總則\n\n一、本要點依\n\n- （一）項目\n\n1. 有序\n');
		expect(outline.clauses).toEqual([
			{
				path: [{ scheme: 'upper', number: 1 }],
				anchor: 'sec-壹',
				label: '壹、',
				kind: 'heading',
				text: '壹、總則',
				line: 1,
				column: 4,
				depth: 1,
				headingLevel: 2,
			},
			{
				path: [
					{ scheme: 'upper', number: 1 },
					{ scheme: 'han', number: 1 },
				],
				anchor: 'sec-壹-一',
				label: '壹、一、',
				kind: 'paragraph',
				text: '一、本要點依',
				line: 3,
				column: 1,
				depth: 2,
				parent: 0,
			},
			{
				path: [
					{ scheme: 'upper', number: 1 },
					{ scheme: 'han', number: 1 },
					{ scheme: 'han-paren', number: 1 },
				],
				anchor: 'sec-壹-一-（一）',
				label: '壹、一、（一）',
				kind: 'item',
				text: '（一）項目',
				line: 5,
				column: 3,
				depth: 3,
				parent: 1,
			},
			// The ordered list is not inside the item （一）: it nests under 一、 (the item's clause closed with it).
			{
				path: [
					{ scheme: 'upper', number: 1 },
					{ scheme: 'han', number: 1 },
					{ scheme: 'arabic', number: 1 },
				],
				anchor: 'sec-壹-一-1',
				label: '壹、一、1.',
				kind: 'item',
				text: '有序',
				line: 7,
				column: 1,
				depth: 3,
				parent: 1,
			},
		]);
	});

	it('are at lines of the file when the body was parsed with its line offset', () => {
		const outline = buildOutline(satteri('## 1. 目的\n\n（一）甲\n', 10));
		expect(outline.clauses.map((c) => [c.line, c.column])).toEqual([
			[11, 4],
			[13, 1],
		]);
	});

	it('are handed to onClause with the node that gets the anchor (heading, paragraph or list item)', () => {
		const seen: [string, string][] = [];
		outlineOf('# 1. 目的\n\n（一）甲\n\n- （二）乙\n\n  1. 丙\n', { onClause: (node, clause) => seen.push([node.type, clause.anchor]) });
		expect(seen).toEqual([
			['heading', 'sec-1'],
			['paragraph', 'sec-1_（一）'],
			['listItem', 'sec-1_（二）'],
			['listItem', 'sec-1_（二）-1'],
		]);
	});
});

describe('problems', () => {
	it('a number repeated under one parent is an error at the second, which gets no anchor of its own', () => {
		const outline = outlineOf('一、甲\n\n（一）乙\n\n（一）丙\n');
		expect(outline.problems).toEqual([
			{
				line: 5,
				column: 1,
				severity: 'error',
				rule: 'outline/duplicate-clause',
				message: '條次「一、（一）」重複（第 3 行已有同一條次）；同一層的編號不可重複，請更正編號，否則這一條沒有錨點，引用只會連到第 3 行',
			},
		]);
		expect(outline.clauses.map((c) => c.duplicate ?? false)).toEqual([false, false, true]);
	});

	it('a repeated decimal number is an error too', () => {
		expect(outlineOf('## 1. 目的\n\n## 1. 再一次\n').problems.map((p) => [p.line, p.rule])).toEqual([[3, 'outline/duplicate-clause']]);
	});

	it('a skipped number is a warning naming what is missing', () => {
		expect(outlineOf('一、甲\n\n三、丙\n\n（三）子\n').problems).toEqual([
			{
				line: 3,
				column: 1,
				severity: 'warning',
				rule: 'outline/skipped-clause',
				message: '條次「三、」跳號：前面缺少「二、」；請檢查編號',
			},
			{
				line: 5,
				column: 1,
				severity: 'warning',
				rule: 'outline/skipped-clause',
				message: '條次「三、（三）」跳號：前面缺少「三、（一）」至「三、（二）」；請檢查編號',
			},
		]);
	});

	it('counts the decimal numbers a clause implies (1.1.1 implies 1.1)', () => {
		expect(outlineOf('## 1. 目的\n\n- 1.1.1 甲\n- 1.1.2 乙\n- 1.2 丙\n').problems).toEqual([]);
		expect(outlineOf('## 1. 目的\n\n- 1.1 甲\n- 1.3 丙\n').problems.map((p) => p.message)).toEqual([
			'條次「1.3」跳號：前面缺少「1.2」；請檢查編號',
		]);
	});

	it('a number going back is a warning', () => {
		expect(outlineOf('一、甲\n\n三、丙\n\n二、乙\n').problems.map((p) => [p.line, p.rule])).toEqual([
			[3, 'outline/skipped-clause'],
			[5, 'outline/clause-order'],
		]);
	});

	it('a number typed at the start of a line inside a paragraph is a warning at that line', () => {
		expect(outlineOf('一、甲\n（一）沒有空行\n').problems).toEqual([
			{
				line: 2,
				column: 1,
				severity: 'warning',
				rule: 'outline/clause-in-paragraph',
				message: '「（一）」寫在段落中間，不會成為條文（沒有錨點，也不能被引用）；請在它前面空一行，讓它自成一段',
			},
		]);
		expect(outlineOf('- 一、甲\n  2. 乙\n').problems.map((p) => [p.line, p.column])).toEqual([[2, 3]]);
	});

	it('a decimal number wrapped to the start of a line is a reference, not a clause', () => {
		expect(outlineOf('本政策依\n6.4.3 節辦理。\n').problems).toEqual([]);
	});
});

describe('blocks', () => {
	it('name the clause each block is or is in, and how long its number is', () => {
		const outline = outlineOf('## 壹、總則\n\n說明文字。\n\n（二）款\n\n1. 有序\n\n| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n\n```\n程式\n```\n');
		expect(outline.blocks).toEqual([
			{
				kind: 'heading',
				text: '壹、總則',
				depth: 2,
				line: 1,
				column: 4,
				clause: '壹、',
				markerLength: 2,
				within: { label: '壹、', anchor: 'sec-壹' },
			},
			{ kind: 'paragraph', text: '說明文字。', depth: 0, line: 3, column: 1, within: { label: '壹、', anchor: 'sec-壹' } },
			{
				kind: 'paragraph',
				text: '（二）款',
				depth: 0,
				line: 5,
				column: 1,
				clause: '壹、（二）',
				markerLength: 3,
				within: { label: '壹、（二）', anchor: 'sec-壹-（二）' },
			},
			{
				kind: 'item',
				text: '有序',
				depth: 1,
				line: 7,
				column: 1,
				clause: '壹、（二）1.',
				markerLength: 0,
				within: { label: '壹、（二）1.', anchor: 'sec-壹-（二）-1' },
			},
			{
				kind: 'row',
				text: '甲 | 乙',
				depth: 0,
				line: 9,
				column: 1,
				cells: [
					{ text: '甲', head: true },
					{ text: '乙', head: true },
				],
				head: true,
				within: { label: '壹、（二）', anchor: 'sec-壹-（二）' },
			},
			{
				kind: 'row',
				text: '1 | 2',
				depth: 0,
				line: 11,
				column: 1,
				cells: [{ text: '1' }, { text: '2' }],
				columns: [
					{ text: '甲', head: true },
					{ text: '乙', head: true },
				],
				within: { label: '壹、（二）', anchor: 'sec-壹-（二）' },
			},
			{ kind: 'code', text: '程式', depth: 0, line: 13, column: 1, within: { label: '壹、（二）', anchor: 'sec-壹-（二）' } },
		]);
	});

	it('include the rows of an HTML table', () => {
		const rows = outlineOf('<table>\n  <tr><td rowspan="2">甲</td><td>乙</td></tr>\n  <tr><td>丙</td></tr>\n</table>\n').blocks;
		expect(rows.map((b) => [b.kind, b.text])).toEqual([
			['row', '甲 | 乙'],
			['row', '甲 | 丙'],
		]);
	});
});

/**
 * Decimal clause numbers as the source writes them, read line by line without the portal's code: a heading,
 * list item or paragraph line that starts with `6.4.3` or `1.` and a space (code fences and frontmatter aside).
 */
function writtenDecimalClauses(body: string, bodyLine: number): { label: string; line: number }[] {
	let fenced = false;
	return body.split('\n').flatMap((text, i) => {
		if (/^\s*```/.test(text)) fenced = !fenced;
		const match = fenced ? null : /^\s*(?:#{1,6}\s+|[-*]\s+)?(\d{1,3}(?:\.\d{1,3})*)\.?[ \t]/.exec(text);
		return match ? [{ label: match[1]!, line: bodyLine + i }] : [];
	});
}

describe('decimal documents: the outline has every clause the source writes, as src/lib/blocks.ts had', () => {
	const files = [
		'content/documents/ISMS-M-001/1.0.mdx',
		'test/fixtures/corpus-basic/ISMS-M-001/1.0.mdx',
		'test/fixtures/corpus-basic/ISMS-P-005/1.10.mdx',
		'test/fixtures/corpus-refs/ISMS-P-005/1.0.mdx',
	];
	it.each(files)('%s', (file) => {
		const text = readFileSync(resolve(ROOT, file), 'utf8');
		const offset = text.indexOf('\n---\n') + 5;
		const body = text.slice(offset);
		const bodyLine = text.slice(0, offset).split('\n').length;
		const outline = buildOutline(satteri(body, bodyLine - 1));
		const written = writtenDecimalClauses(body, bodyLine);
		expect(written.length).toBeGreaterThan(0);
		expect(outline.clauses.map((c) => ({ label: c.label, line: c.line }))).toEqual(written);
		expect(outline.clauses.map((c) => c.anchor)).toEqual(written.map((w) => clauseAnchor(w.label)));
		// Each numbered block is its clause; no unnumbered block claims one.
		expect(outline.blocks.filter((b) => b.clause).map((b) => ({ label: b.clause, line: b.line }))).toEqual(written);
	});
});

describe('the checker and the page read the same outline', () => {
	const bodies = [
		'# 1. 目的\n\n見第 1 節。\n\n1. 甲\n2. 乙\n',
		'## 壹、總則\n\n一、甲\n\n（一）乙\n\n1.丙\n\n(1) 丁\n\n## 附錄\n\n壹、再一次\n',
		'- 一、甲\n  - （一）乙\n    1. 丙\n- 二、丁\n\n> 三、引文\n',
		'<Aside>\n一、元件內\n</Aside>\n\n<table>\n  <tr><td rowspan="2">甲</td><td>乙</td></tr>\n  <tr><td>丙</td></tr>\n</table>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
		'一、甲\n（一）同段\n\n三、跳號\n\n三、重複\n',
	];
	it.each(bodies)('%j', (body) => {
		expect(buildOutline(remark(body))).toEqual(buildOutline(satteri(body)));
	});

	it('including every clause of the seed policy', () => {
		const text = readFileSync(resolve(ROOT, 'content/documents/ISMS-M-001/1.0.mdx'), 'utf8');
		const body = text.slice(text.indexOf('\n---\n') + 5);
		expect(buildOutline(remark(body))).toEqual(buildOutline(satteri(body)));
	});

	it('a hand-built tree needs only the fields tree.ts names', () => {
		const tree: MdNode = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: '一、甲' }] }] };
		expect(buildOutline(tree).clauses.map((c) => [c.anchor, c.line])).toEqual([['sec-一', 0]]);
	});
});

import { describe, expect, it } from 'vitest';
import { clauseToc, mergeToc, tocText, type BodyItem } from '../../../src/lib/outline/toc.ts';
import type { MdNode } from '../../../src/lib/outline/tree.ts';
import { buildOutline, type Clause } from '../../../src/lib/outline/outline.ts';
import { satteri } from './_trees.ts';

/** The body's headings and clauses in document order, as the anchor plugin reads them from the page's tree. */
function tocOf(body: string) {
	const tree = satteri(body);
	const clauseOf = new Map<MdNode, Clause>();
	const outline = buildOutline(tree, { onClause: (node, clause) => clauseOf.set(node, clause) });
	const items: BodyItem[] = [];
	const order = (node: MdNode): void => {
		if (node.type === 'heading') items.push({ heading: node.depth ?? 1 });
		const clause = clauseOf.get(node);
		if (clause) items.push({ clause, index: outline.clauses.indexOf(clause) });
		for (const child of node.children ?? []) order(child);
	};
	order(tree);
	return clauseToc(items, outline.clauses);
}
const brief = (entries: { depth: number; slug: string; text: string; after?: number }[]) =>
	entries.map((e) => `${e.depth} ${e.slug} ${e.text}${e.after === undefined ? '' : ` @${e.after}`}`);

describe('clauseToc', () => {
	it('lists a 要點 numbered in paragraphs: 一、 at the top level, （一） below it, deeper levels left to the outline', () => {
		const body = [
			'一、為強化本府資訊安全管理，特訂定本要點。',
			'',
			'二、適用範圍：',
			'',
			'（一）本府各處。',
			'',
			'1. 所屬機關。',
			'',
			'三、附則。',
			'',
		].join('\n');
		expect(brief(tocOf(body))).toEqual([
			'2 sec-一 一、為強化本府資訊安全管理 @0',
			'2 sec-二 二、適用範圍 @0',
			'3 sec-二-（一） （一）本府各處 @0',
			'4 sec-二-（一）-1 1. 所屬機關 @0',
			'2 sec-三 三、附則 @0',
		]);
	});

	it('puts clauses of list items (as the importer writes them) one level below the clause they nest in', () => {
		const body = [
			'- 壹、文件目的',
			'',
			'  本文件在律定本局資訊安全管理制度。',
			'- 貳、適用範圍',
			'  - 一、管理制度',
			'  - 二、組織範圍',
			'    - （一）本局。',
			'',
		].join('\n');
		expect(brief(tocOf(body))).toEqual([
			'2 sec-壹 壹、文件目的 @0',
			'2 sec-貳 貳、適用範圍 @0',
			'3 sec-貳-一 一、管理制度 @0',
			'3 sec-貳-二 二、組織範圍 @0',
			'4 sec-貳-二-（一） （一）本局 @0',
		]);
	});

	it('nests clauses under the numbered or plain heading they follow, leaving headings to the page', () => {
		const body = [
			'## 壹、依據及目的',
			'',
			'- 一、資通安全管理法。',
			'',
			'## 附則',
			'',
			'一、本計畫自核定日施行。',
			'',
			'### 3.1 落實',
			'',
			'- 3.1.1 全員。',
			'',
		].join('\n');
		expect(brief(tocOf(body))).toEqual([
			'3 sec-壹-一 一、資通安全管理法 @1',
			'3 sec-一 一、本計畫自核定日施行 @2',
			'4 sec-3-1-1 3.1.1 全員 @3',
		]);
	});

	it('leaves out a duplicated clause (it has no anchor)', () => {
		expect(brief(tocOf('一、甲。\n\n一、乙。\n')).map((e) => e.split(' ')[1])).toEqual(['sec-一']);
	});
});

describe('tocText', () => {
	const clause = (text: string, kind: Clause['kind'] = 'paragraph', path: Clause['path'] = [{ scheme: 'han', number: 1 }]) => ({
		text,
		kind,
		path,
	});
	it('keeps the number and the text up to its first clause punctuation, dropping a title colon', () => {
		expect(tocText(clause('壹、總體目標:', 'item', [{ scheme: 'upper', number: 1 }]))).toBe('壹、總體目標');
		expect(tocText(clause('一、核心業務及重要性：本校之核心業務如下。'))).toBe('一、核心業務及重要性');
		expect(tocText(clause('6.4 文件要求', 'item', [{ scheme: 'decimal', numbers: [6, 4] }]))).toBe('6.4 文件要求');
	});
	it('cuts a long sentence at 20 characters, and writes out the number an ordered list shows', () => {
		expect(tocText(clause('一、本府為推動各處強化資訊安全管理建立安全及可信賴之電子化政府作業環境'))).toBe(
			'一、本府為推動各處強化資訊安全管理建立安全及…',
		);
		expect(tocText(clause('移動裝置管理政策', 'item', [{ scheme: 'arabic', number: 2 }]))).toBe('2. 移動裝置管理政策');
		expect(tocText(clause('（二）', 'paragraph', [{ scheme: 'han-paren', number: 2 }]))).toBe('（二）');
	});
});

describe('mergeToc', () => {
	it('puts each clause after the headings that precede it in the body, and keeps headings as they are', () => {
		const headings = [
			{ depth: 2, slug: 'sec-壹', text: '壹、總則' },
			{ depth: 2, slug: 'sec-貳', text: '貳、範圍' },
			{ depth: 2, slug: 'footnote-label', text: 'Footnotes' },
		];
		const clauses = [
			{ depth: 2, slug: 'sec-x', text: '前言', after: 0 },
			{ depth: 3, slug: 'sec-壹-一', text: '一、甲', after: 1 },
			{ depth: 3, slug: 'sec-貳-一', text: '一、乙', after: 2 },
		];
		expect(brief(mergeToc(headings, clauses))).toEqual([
			'2 sec-x 前言',
			'2 sec-壹 壹、總則',
			'3 sec-壹-一 一、甲',
			'2 sec-貳 貳、範圍',
			'3 sec-貳-一 一、乙',
			'2 footnote-label Footnotes',
		]);
		expect(mergeToc(headings, [])).toEqual(headings);
	});
});

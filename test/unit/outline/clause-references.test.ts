import { describe, expect, it } from 'vitest';
import {
	findClauseReferences,
	pointLabel,
	resolveClauseReference,
	type ClauseReference,
	type ClauseReferenceOptions,
} from '../../../src/lib/outline/clause-references.ts';
import { findReferences } from '../../../src/lib/references/references.ts';
import { outlineOf } from './_trees.ts';

const syntax = { docNoPattern: '^ISMS-[A-Z]-\\d{3}$', titleOf: (docNo: string) => (docNo === 'ISMS-M-002' ? '資訊安全政策' : undefined) };

/** What phase 2 does: the document parser finds the documents, this parser the clauses after them. */
function find(text: string, options: ClauseReferenceOptions = {}): ClauseReference[] {
	const documentEnds = findReferences(text, syntax).flatMap((r) =>
		r.kind === 'document' ? [{ end: r.index + r.length, docNo: r.docNo }] : [],
	);
	return findClauseReferences(text, { documentEnds, ...options });
}
const written = (text: string, options?: ClauseReferenceOptions) => find(text, options).map((r) => text.slice(r.index, r.index + r.length));

describe('findClauseReferences: outline paths', () => {
	it('finds a bare path of two levels or more', () => {
		expect(find('依參、一、(二)規定辦理。')).toEqual([
			{
				kind: 'outline-clause',
				form: 'path',
				segments: [
					{ scheme: 'upper', number: 3 },
					{ scheme: 'han', number: 1 },
					{ scheme: 'han-paren', number: 2 },
				],
				index: 1,
				length: 7,
			},
		]);
		expect(written('見一、（二）及壹、一、(二)、1、之規定')).toEqual(['一、（二）', '壹、一、(二)、1、']);
	});

	it('takes a document number before the path as the cited document', () => {
		expect(find('依 ISMS-M-002 參、一、(二) 辦理')).toMatchObject([{ docNo: 'ISMS-M-002', index: 13, length: 7 }]);
		expect(find('「ISMS-M-002 資訊安全政策」參、辦理')).toMatchObject([
			{ docNo: 'ISMS-M-002', segments: [{ scheme: 'upper', number: 3 }] },
		]);
	});

	it('takes 本文件, 本程序書, 本要點 … as the citing document, one level enough', () => {
		for (const self of ['本文件', '本程序書', '本要點', '本計畫', '本辦法']) {
			const text = `依${self}參、辦理`;
			expect(find(text)).toEqual([
				{ kind: 'outline-clause', form: 'path', segments: [{ scheme: 'upper', number: 3 }], self: true, index: 1, length: self.length + 2 },
			]);
		}
	});

	it('does not take an enumeration or a single number in a sentence for a reference', () => {
		expect(find('包括：（一）資產；（二）人員。')).toEqual([]);
		expect(find('分為一、二、三級')).toEqual([]);
		expect(find('第一、二、三類')).toEqual([]);
		expect(find('一、(一)、(二)')).toEqual([]);
		expect(find('依一、辦理')).toEqual([]);
		expect(find('共 1.(1) 項')).toEqual([]);
		expect(find('約 1.5 倍')).toEqual([]);
	});

	it('leaves the number a heading, paragraph or item starts with to the outline', () => {
		expect(find('一、（一）的說明', { blockStart: true })).toEqual([]);
		expect(written('說明一、（一）', { blockStart: true })).toEqual(['一、（一）']);
	});

	it('does not take a path after another document’s title', () => {
		expect(find('依資通安全管理法參、一、辦理')).toEqual([]);
	});
});

describe('findClauseReferences: what is looked at before the patterns', () => {
	// The parser skips a text without 點 (the 要點 form) or without 、 ） ) . ． (what ends a path
	// segment), and tries a segment only at the first numeral of a run: these cases read the same
	// whether a text is skipped or parsed in full.
	it('finds nothing in a text with numerals but nothing that ends a segment, or 點 but no 第…點', () => {
		expect(find('保存三年，共十二個月，逾 30 日銷毀')).toEqual([]);
		expect(find('重點：三年內完成；十點前回覆')).toEqual([]);
		expect(find('保存三年，以確保機密性、完整性及可用性。')).toEqual([]);
		expect(find('一百萬元以下（含）者，依 2.5 倍計')).toEqual([]);
	});

	it('finds a reference when one of those characters is the only one in the text', () => {
		expect(written('見本文件參、')).toEqual(['本文件參、']);
		expect(written('見本文件（二）')).toEqual(['本文件（二）']);
		expect(written('見本文件(2)')).toEqual(['本文件(2)']);
		expect(written('見本文件１．')).toEqual(['本文件１．']);
		expect(written('依第三點辦理')).toEqual(['第三點']);
	});

	it('reads a run of numerals as one number, from its first character', () => {
		expect(find('見本要點十一、辦理')).toMatchObject([{ segments: [{ scheme: 'han', number: 11 }], self: true, index: 1, length: 6 }]);
		expect(find('依二十一、（三）辦理')).toMatchObject([
			{
				segments: [
					{ scheme: 'han', number: 21 },
					{ scheme: 'han-paren', number: 3 },
				],
				index: 1,
				length: 7,
			},
		]);
		expect(find('參、一、辦理')).toMatchObject([{ index: 0, length: 4 }]);
		// A parenthesis right after a numeral continues it; one after other text starts a segment.
		expect(find('見一（二）、（三）')).toEqual([]);
		expect(written('見本要點一、（二）')).toEqual(['本要點一、（二）']);
	});
});

describe('findClauseReferences: the 要點 form', () => {
	it.each([
		['依第三點辦理', '第三點', [{ scheme: 'han', number: 3 }]],
		[
			'依第三點第二款辦理',
			'第三點第二款',
			[
				{ scheme: 'han', number: 3 },
				{ scheme: 'han-paren', number: 2 },
			],
		],
		[
			'依第三點第二款第1目',
			'第三點第二款第1目',
			[
				{ scheme: 'han', number: 3 },
				{ scheme: 'han-paren', number: 2 },
				{ scheme: 'arabic', number: 1 },
			],
		],
		[
			'依第3點第2款',
			'第3點第2款',
			[
				{ scheme: 'han', number: 3 },
				{ scheme: 'han-paren', number: 2 },
			],
		],
		['依第 ３ 點', '第 ３ 點', [{ scheme: 'han', number: 3 }]],
		['依第十一點', '第十一點', [{ scheme: 'han', number: 11 }]],
	])('%j', (text, cited, segments) => {
		expect(written(text)).toEqual([cited]);
		expect(find(text)[0]).toMatchObject({ form: 'point', segments });
	});

	it('takes 本要點 and a document number before it', () => {
		expect(written('依本要點第三點辦理')).toEqual(['本要點第三點']);
		const long = `${'說明'.repeat(300)}依本要點第三點`;
		expect(find(long)).toMatchObject([{ self: true, index: 601, length: 6 }]);
		expect(find('依 ISMS-M-002 第三點辦理')).toMatchObject([{ form: 'point', docNo: 'ISMS-M-002' }]);
	});

	it('does not take a point of another document (a title right before it)', () => {
		expect(find('依行政院及所屬各機關資訊安全管理要點第三點辦理')).toEqual([]);
		expect(find('依「行政院所屬各機關資訊安全管理要點」第三點')).toEqual([]);
		expect(find('依資通安全管理法第十條第二款')).toEqual([]);
	});

	it('takes the citing document’s own title as itself', () => {
		expect(find('依花蓮縣政府資訊安全政策與管理作業要點第三點', { ownTitle: '花蓮縣政府資訊安全政策與管理作業要點' })).toMatchObject([
			{ self: true, index: 1 },
		]);
	});

	it('takes the own title only written whole right before the number, quoted or spaced, whatever characters it has', () => {
		const ownTitle = '資訊(安全)作業要點.v2';
		expect(find('依「資訊(安全)作業要點.v2」 第三點', { ownTitle })).toMatchObject([{ self: true, index: 1, length: 19 }]);
		expect(find('依資訊(安全)作業要點.v2\u3000第三點', { ownTitle })).toMatchObject([{ self: true, index: 1, length: 17 }]);
		// Part of the title (another document's 要點), or the title further back: not this document.
		expect(find('依安全)作業要點.v2第三點', { ownTitle })).toMatchObject([{ index: 11, length: 3 }]);
		expect(find('依作業要點第三點', { ownTitle })).toEqual([]);
		expect(find('資訊(安全)作業要點.v2 所定之第三點', { ownTitle })).toMatchObject([{ index: 17, length: 3 }]);
		expect(find('資訊(安全)作業要點.v2 所定之第三點', { ownTitle })[0]).not.toHaveProperty('self');
	});

	it('does not read a number that is not one (第一一點)', () => {
		expect(find('第一一點')).toEqual([]);
	});

	it('writes the form back canonically', () => {
		expect(
			pointLabel([
				{ scheme: 'han', number: 3 },
				{ scheme: 'han-paren', number: 2 },
				{ scheme: 'arabic', number: 1 },
			]),
		).toBe('第三點第二款第1目');
	});
});

describe('resolveClauseReference', () => {
	const policy = outlineOf('壹、總則\n\n一、甲\n\n（一）乙\n\n（二）丙\n\n1、丁\n\n二、戊\n\n貳、範圍\n\n一、己\n\n三、庚\n');
	const resolve = (text: string, citing?: string) => {
		const ref = find(text)[0]!;
		return resolveClauseReference(ref, policy, citing ? { citing: policy.clauses.find((c) => c.anchor === citing)!.path } : {});
	};
	const anchorOf = (resolution: ReturnType<typeof resolve>) =>
		resolution.status === 'found' ? resolution.clause.anchor : resolution.status;

	it('finds a whole path, and the end of a longer one', () => {
		expect(anchorOf(resolve('依壹、一、(二)、1、'))).toBe('sec-壹-一-（二）-1');
		expect(anchorOf(resolve('依貳、三、'))).toBe('sec-貳-三');
		expect(anchorOf(resolve('依一、（二）'))).toBe('sec-壹-一-（二）');
	});

	it('says which clauses an ambiguous reference could mean', () => {
		// 點 is the 一、 level (under 壹 and under 貳 here); some writers mean 壹、 by 第一點: named too.
		expect(resolve('依第一點')).toEqual({
			status: 'ambiguous',
			clauses: [policy.clauses[1], policy.clauses[7], policy.clauses[0]],
			message: '「第一點」有 3 處：「壹、一、」、「貳、一、」、「壹、」；頁面不會加連結，請寫出完整的條次（例如「壹、一、」）',
		});
	});

	it('takes the one nearest the citing clause, naming the other it could mean', () => {
		expect(anchorOf(resolve('依第一點', 'sec-貳-三'))).toBe('sec-貳-一');
		expect(anchorOf(resolve('依第一點', 'sec-壹-二'))).toBe('sec-壹-一');
		expect(resolve('依第一點', 'sec-貳-三')).toEqual({
			status: 'found',
			clause: policy.clauses[7],
			others: [policy.clauses[1], policy.clauses[0]],
			message:
				'「第一點」可能指 3 處：「貳、一、」、「壹、一、」、「壹、」；頁面連到「貳、一、」（與引用處在同一條之下），若指其他處請寫出完整的條次（例如「壹、一、」）',
		});
	});

	it('finds a bare two-level path present under two parents as the nearest, naming both', () => {
		const twice = outlineOf('壹、甲\n\n一、乙\n\n（一）丙\n\n貳、丁\n\n一、戊\n\n（一）己\n');
		const ref = find('依一、（一）辦理')[0]!;
		expect(resolveClauseReference(ref, twice)).toMatchObject({
			status: 'ambiguous',
			message: '「一、（一）」有 2 處：「壹、一、（一）」、「貳、一、（一）」；頁面不會加連結，請寫出完整的條次（例如「壹、一、（一）」）',
		});
		const near = resolveClauseReference(ref, twice, { citing: twice.clauses[4]!.path });
		expect(near.status === 'found' && [near.clause.label, near.others?.map((c) => c.label)]).toEqual([
			'貳、一、（一）',
			['壹、一、（一）'],
		]);
	});

	it('第三點 in a document with both 參、 and 三、: the 三、 level (點), with 參、 named', () => {
		const both = outlineOf('壹、甲\n\n一、乙\n\n二、丙\n\n三、丁\n\n貳、戊\n\n參、己\n');
		const found = resolveClauseReference(find('依第三點')[0]!, both);
		expect(found).toMatchObject({
			status: 'found',
			clause: { label: '壹、三、' },
			message:
				'「第三點」可能指 2 處：「壹、三、」、「參、」；頁面連到「壹、三、」（「點」是「一、」這一層），若指其他處請寫出完整的條次（例如「參、」）',
		});
		// Only 參、 there: not found (點 is the 一、 level), with the way to cite it.
		const upperOnly = outlineOf('壹、甲\n\n貳、乙\n\n參、丙\n');
		expect(resolveClauseReference(find('依第三點')[0]!, upperOnly)).toEqual({
			status: 'not-found',
			message: '沒有「第三點」；本文件沒有「一、」（點）這一層的條文；若指「參、」，請直接寫「參、」',
		});
		// A 要點 numbered from 一、 (no 壹、): nothing else it could mean.
		const plain = resolveClauseReference(find('依第三點')[0]!, outlineOf('一、甲\n\n二、乙\n\n三、丙\n'));
		expect(plain).toMatchObject({ status: 'found', clause: { label: '三、' } });
		expect(plain).not.toHaveProperty('others');
	});

	it('names what the document has when a clause is not there', () => {
		const message = (text: string) => {
			const resolution = resolve(text);
			return resolution.status === 'not-found' ? resolution.message : resolution.status;
		};
		expect(message('依壹、一、（五）')).toBe('沒有「壹、一、（五）」；「壹、一、」之下只有「（一）」、「（二）」');
		expect(message('依參、一、')).toBe('沒有「參、一、」；本文件這一層有「壹、」、「貳、」');
		expect(message('依第九點')).toBe('沒有「第九點」；本文件的點次為第一點至第三點');
		expect(message('依第二點第一款')).toBe('沒有「第二點第一款」；第二點沒有款');
		expect(message('依壹、一、（一）1.')).toBe('沒有「壹、一、（一）1.」；「壹、一、（一）」之下沒有「1.」這一層');
	});

	it('explains a reference into a document without that numbering', () => {
		const decimal = outlineOf('## 1. 目的\n\n- 1.1 甲\n');
		expect(resolveClauseReference(find('依第三點')[0]!, decimal)).toEqual({
			status: 'not-found',
			message: '沒有「第三點」；本文件沒有「一、」（點）這一層的條文（本文件的條次為 6.4.3 式，請以「第 6.4.3 節」引用）',
		});
		expect(resolveClauseReference(find('依壹、一、')[0]!, outlineOf('沒有條次。\n'))).toEqual({
			status: 'not-found',
			message: '沒有「壹、一、」；本文件沒有「壹、」這一層的條文（本文件沒有編號的條文）',
		});
	});

	it('reaches the first of two parts numbered alike by the whole path, the second part by its own anchor only', () => {
		const parts = outlineOf('## 政策\n\n壹、甲\n\n## 管理\n\n壹、乙\n');
		const found = resolveClauseReference(find('依本要點壹、')[0]!, parts);
		expect(found.status === 'found' && found.clause.anchor).toBe('sec-壹');
	});
});

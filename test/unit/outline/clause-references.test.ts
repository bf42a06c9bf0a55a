import { describe, expect, it } from 'vitest';
import type { ClauseReferenceOptions } from '../../../src/lib/outline/clause-references.ts';
import { findClauseReferencesAfterDocuments as find } from './_references.ts';

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
});

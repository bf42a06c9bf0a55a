import { describe, it, expect } from 'vitest';
import { docNoRegExp, findReferences, type ReferenceSyntax } from '../../../src/lib/references/references.ts';
import { syntax, TITLES } from './_syntax.ts';
const find = (text: string) => findReferences(text, syntax);

describe('findReferences: documents', () => {
	it('finds a bare document number', () => {
		expect(find('依 ISMS-P-005 辦理')).toEqual([{ kind: 'document', docNo: 'ISMS-P-005', quoted: false, index: 2, length: 10 }]);
	});

	it('finds a number followed by its exact title and takes the title into the reference', () => {
		expect(find('依 ISMS-P-005 資訊安全目標管理程序書辦理')).toEqual([
			{ kind: 'document', docNo: 'ISMS-P-005', citedTitle: '資訊安全目標管理程序書', quoted: false, index: 2, length: 22 },
		]);
	});

	it('finds 「number title」 with the brackets inside the reference', () => {
		const text = '依「ISMS-P-005 資訊安全目標管理程序書」辦理';
		const refs = find(text);
		expect(refs).toEqual([
			{ kind: 'document', docNo: 'ISMS-P-005', citedTitle: '資訊安全目標管理程序書', quoted: true, index: 1, length: 24 },
		]);
		expect(text.slice(1, 1 + 24)).toBe('「ISMS-P-005 資訊安全目標管理程序書」');
	});

	it('keeps the title as written in 「number wrong-title」', () => {
		expect(find('「ISMS-P-005 資訊安全目標管考程序書」')).toEqual([
			{ kind: 'document', docNo: 'ISMS-P-005', citedTitle: '資訊安全目標管考程序書', quoted: true, index: 0, length: 24 },
		]);
	});

	it('reads an unquoted wrong title up to its last title ending (程序書)', () => {
		expect(find('ISMS-P-005 資訊安全目標管考程序書。')).toEqual([
			{ kind: 'document', docNo: 'ISMS-P-005', citedTitle: '資訊安全目標管考程序書', quoted: false, index: 0, length: 22 },
		]);
	});

	it('takes the known title and no more, even when the words go on to another title ending', () => {
		expect(find('ISMS-P-005 資訊安全目標管理程序書附件申請單')).toEqual([
			{ kind: 'document', docNo: 'ISMS-P-005', citedTitle: '資訊安全目標管理程序書', quoted: false, index: 0, length: 22 },
		]);
	});

	it('does not read words starting with 第 as a title', () => {
		expect(find('ISMS-P-005 第三章規範')).toEqual([{ kind: 'document', docNo: 'ISMS-P-005', quoted: false, index: 0, length: 10 }]);
	});

	it('cites no title when the words after the number do not end like a title', () => {
		expect(find('ISMS-P-005 未知文件')).toEqual([{ kind: 'document', docNo: 'ISMS-P-005', quoted: false, index: 0, length: 10 }]);
	});

	it('finds 「number」 without a title as quoted, brackets included', () => {
		expect(find('「ISMS-P-005」')).toEqual([{ kind: 'document', docNo: 'ISMS-P-005', quoted: true, index: 0, length: 12 }]);
	});

	it('does not stretch a quote over a line break or a nested 「', () => {
		expect(find('「ISMS-P-005 資訊\n安全」')).toEqual([{ kind: 'document', docNo: 'ISMS-P-005', quoted: true, index: 1, length: 10 }]);
		expect(find('「ISMS-P-005 「x」」')).toEqual([{ kind: 'document', docNo: 'ISMS-P-005', quoted: true, index: 1, length: 10 }]);
	});

	it('finds several documents in one text', () => {
		expect(find('ISMS-P-005、ISMS-M-001')).toEqual([
			{ kind: 'document', docNo: 'ISMS-P-005', quoted: false, index: 0, length: 10 },
			{ kind: 'document', docNo: 'ISMS-M-001', quoted: false, index: 11, length: 10 },
		]);
	});

	it('does not match a document number inside a longer token', () => {
		expect(find('ISMS-P-0055')).toEqual([]);
		expect(find('XISMS-P-005')).toEqual([]);
		expect(find('ISMS-P-005A')).toEqual([]);
		expect(find('1ISMS-P-005')).toEqual([]);
	});

	it('reads a known title with Latin letters, digits and spaces whole, however it is spaced', () => {
		const mixed: ReferenceSyntax = { ...syntax, titleOf: (docNo) => (docNo === 'ISMS-R-002' ? 'VPN 存取規範 2.0 版' : TITLES[docNo]) };
		for (const written of ['VPN 存取規範 2.0 版', 'VPN存取規範2.0版', 'VPN  存取規範 2.0　版']) {
			const text = `依 ISMS-R-002 ${written} 辦理`;
			const [ref] = findReferences(text, mixed);
			expect(ref).toMatchObject({ kind: 'document', docNo: 'ISMS-R-002', citedTitle: 'VPN 存取規範 2.0 版', index: 2 });
			expect(text.slice(ref!.index, ref!.index + ref!.length)).toBe(`ISMS-R-002 ${written}`);
		}
	});

	it('reads an unknown title with Latin letters and spaces up to its title ending', () => {
		expect(find('依 ISMS-R-002 SSL VPN 存取規範 辦理')).toEqual([
			{ kind: 'document', docNo: 'ISMS-R-002', citedTitle: 'SSL VPN 存取規範', quoted: false, index: 2, length: 23 },
		]);
		// Spaced Han words with no Latin letter or digit are prose.
		expect(find('依 ISMS-R-003 機房 門禁規範，每日檢查')[0]).not.toHaveProperty('citedTitle');
		expect(find('見 ISMS-R-003 與 程序書。')[0]).not.toHaveProperty('citedTitle');
		expect(find('見 ISMS-R-003 及 VPN 規範。')[0]).not.toHaveProperty('citedTitle');
	});

	it('does not stretch an unquoted title over another document number or a clause', () => {
		expect(find('ISMS-P-005 與 ISMS-M-001 規範')[0]).toEqual({
			kind: 'document',
			docNo: 'ISMS-P-005',
			quoted: false,
			index: 0,
			length: 10,
		});
		expect(find('ISMS-R-002 VPN 第 3 節規範')[0]).toEqual({ kind: 'document', docNo: 'ISMS-R-002', quoted: false, index: 0, length: 10 });
	});

	it("reads any of a document's other titles (older or newer versions) whole", () => {
		const renamed: ReferenceSyntax = {
			...syntax,
			otherTitlesOf: (docNo) => (docNo === 'ISMS-P-005' ? ['目標管理及績效量測程序書附錄'] : undefined),
		};
		expect(findReferences('ISMS-P-005 目標管理及績效量測程序書附錄。', renamed)[0]).toMatchObject({
			citedTitle: '目標管理及績效量測程序書附錄',
			length: 25,
		});
		// The longest known title wins over a shorter one it begins with.
		const nested: ReferenceSyntax = { ...syntax, otherTitlesOf: () => ['資訊安全目標管理程序書附件申請單'] };
		expect(findReferences('ISMS-P-005 資訊安全目標管理程序書附件申請單', nested)[0]).toMatchObject({
			citedTitle: '資訊安全目標管理程序書附件申請單',
		});
	});

	it('uses a custom docNoPattern (anchors stripped)', () => {
		const custom: ReferenceSyntax = { docNoPattern: '^POL-\\d{2}$', titleOf: () => undefined };
		expect(findReferences('POL-07 與 POL-007 及 ISMS-P-005', custom)).toEqual([
			{ kind: 'document', docNo: 'POL-07', quoted: false, index: 0, length: 6 },
		]);
		expect(docNoRegExp('^POL-\\d{2}$').source).toBe('(?<![A-Za-z0-9-])(?:POL-\\d{2})(?![A-Za-z0-9])');
	});
});

describe('findReferences: clauses', () => {
	it.each([
		['第 6.4.3 節', 9],
		['第6.4.3節', 7],
		['6.4.3 節', 7],
		['6.4.3節', 6],
	])('finds %s as clause 6.4.3 of the citing document', (text, length) => {
		expect(find(text)).toEqual([{ kind: 'clause', clause: '6.4.3', index: 0, length }]);
	});

	it('reports the index of a clause inside a sentence', () => {
		expect(find('見第 6.4.3 節說明')).toEqual([{ kind: 'clause', clause: '6.4.3', index: 1, length: 9 }]);
	});

	it('gives `ISMS-P-005 第 4.2 節` to that document', () => {
		expect(find('ISMS-P-005 第 4.2 節')).toEqual([
			{ kind: 'document', docNo: 'ISMS-P-005', quoted: false, index: 0, length: 10 },
			{ kind: 'clause', docNo: 'ISMS-P-005', clause: '4.2', index: 11, length: 7 },
		]);
	});

	it('gives 「ISMS-P-005 …」第 4.2 節 to that document', () => {
		expect(find('「ISMS-P-005 資訊安全目標管理程序書」第 4.2 節')).toEqual([
			{ kind: 'document', docNo: 'ISMS-P-005', citedTitle: '資訊安全目標管理程序書', quoted: true, index: 0, length: 24 },
			{ kind: 'clause', docNo: 'ISMS-P-005', clause: '4.2', index: 24, length: 7 },
		]);
	});

	it('gives a clause after an unquoted exact title to that document', () => {
		expect(find('ISMS-P-005 資訊安全目標管理程序書 第 4.2 節')).toEqual([
			{ kind: 'document', docNo: 'ISMS-P-005', citedTitle: '資訊安全目標管理程序書', quoted: false, index: 0, length: 22 },
			{ kind: 'clause', docNo: 'ISMS-P-005', clause: '4.2', index: 23, length: 7 },
		]);
	});

	it('gives a clause written after other words to the citing document', () => {
		expect(find('ISMS-P-005 之第 4.2 節')).toEqual([
			{ kind: 'document', docNo: 'ISMS-P-005', quoted: false, index: 0, length: 10 },
			{ kind: 'clause', clause: '4.2', index: 12, length: 7 },
		]);
		expect(find('ISMS-P-005 第 4.2 節及第 5.1 節')).toEqual([
			{ kind: 'document', docNo: 'ISMS-P-005', quoted: false, index: 0, length: 10 },
			{ kind: 'clause', docNo: 'ISMS-P-005', clause: '4.2', index: 11, length: 7 },
			{ kind: 'clause', clause: '5.1', index: 19, length: 7 },
		]);
	});

	it('gives each clause to the document right before it', () => {
		expect(find('ISMS-P-005 第 4.2 節、ISMS-M-001 第 1 節')).toEqual([
			{ kind: 'document', docNo: 'ISMS-P-005', quoted: false, index: 0, length: 10 },
			{ kind: 'clause', docNo: 'ISMS-P-005', clause: '4.2', index: 11, length: 7 },
			{ kind: 'document', docNo: 'ISMS-M-001', quoted: false, index: 19, length: 10 },
			{ kind: 'clause', docNo: 'ISMS-M-001', clause: '1', index: 30, length: 5 },
		]);
	});

	it('does not read version numbers or standard years as clauses', () => {
		expect(find('version 1.10')).toEqual([]);
		expect(find('27001:2013')).toEqual([]);
		expect(find('第 1.10 版')).toEqual([]);
	});

	it('does not read the tail of a longer number or word as a clause', () => {
		expect(find('1234.5 節')).toEqual([]);
		expect(find('v1.2 節')).toEqual([]);
		// A.9.2 has the shape of a 2022 control id; `9.2 節` is not a clause
		expect(find('A.9.2 節')).toEqual([{ kind: 'control', id: 'A.9.2', index: 0, length: 5 }]);
	});
});

describe('findReferences: controls', () => {
	it('finds a 2013 control (three numbers) and a 2022 control (two numbers)', () => {
		expect(find('A.9.2.1')).toEqual([{ kind: 'control', id: 'A.9.2.1', index: 0, length: 7 }]);
		expect(find('A.5.15')).toEqual([{ kind: 'control', id: 'A.5.15', index: 0, length: 6 }]);
		expect(find('A.18.2.3')).toEqual([{ kind: 'control', id: 'A.18.2.3', index: 0, length: 8 }]);
	});

	it('finds a control between Chinese words and before punctuation', () => {
		expect(find('依A.9.2.1辦理。')).toEqual([{ kind: 'control', id: 'A.9.2.1', index: 1, length: 7 }]);
		expect(find('ISO 27001:2013 A.9.2.1。')).toEqual([{ kind: 'control', id: 'A.9.2.1', index: 15, length: 7 }]);
	});

	it.each(['A.19.1.1', 'A.4.1', 'A.1.2.3'])('reads %s as a control token too: the checker says no catalogue has it', (text) => {
		expect(find(text)).toEqual([{ kind: 'control', id: text, index: 0, length: text.length }]);
	});

	it.each(['A.5', 'A.9.2.1.3', 'A.100.1', 'BA.9.2.1', 'x.A.9.2.1', '27001:2013', 'version 1.10'])(
		'does not read %s as a control',
		(text) => {
			expect(find(text)).toEqual([]);
		},
	);
});

describe('findReferences: mixed', () => {
	it('returns every kind, sorted by index', () => {
		const refs = find('A.9.2.1 與第 1.1 節及 ISMS-M-001');
		expect(refs.map((r) => [r.kind, r.index, r.length])).toEqual([
			['control', 0, 7],
			['clause', 9, 7],
			['document', 18, 10],
		]);
	});
});

describe('findReferences: what is looked at before the patterns', () => {
	// Clauses are only looked for in a text with 節, controls in one with `A.`.
	it('finds no clause or control in a text with 節 or `A.` but none written', () => {
		expect(find('節省經費，A.B 級與 A. 類，A.9 及 1.1.1 版')).toEqual([]);
	});

	it('finds them when 節 or `A.` is in the reference only', () => {
		expect(find('見 6.4.3 節').map((r) => [r.kind, r.index, r.length])).toEqual([['clause', 2, 7]]);
		expect(find('依 A.5.15').map((r) => [r.kind, r.index, r.length])).toEqual([['control', 2, 6]]);
	});

	it('reads a pattern that can match nothing as matchAll does, characters outside the BMP included', () => {
		const optional: ReferenceSyntax = { docNoPattern: '^(?:POL-\\d{2})?$', titleOf: () => undefined };
		const text = '𠀀 POL-07，𠀀';
		const expected = [...text.matchAll(docNoRegExp(optional.docNoPattern))].map((m) => [m.index, m[0]]);
		expect(expected.length).toBeGreaterThan(3);
		expect(findReferences(text, optional).map((r) => [r.index, r.kind === 'document' ? r.docNo : ''])).toEqual(expected);
	});
});

describe('prose after a document number is not a cited title', () => {
	it('does not read 「辦理相關申請單」 as a wrong title', () => {
		expect(find('依 ISMS-P-005 辦理相關申請單。')).toEqual([
			{ kind: 'document', docNo: 'ISMS-P-005', quoted: false, index: 2, length: 10 },
		]);
	});

	it('still reads a title-like run ending in a document word as a cited title', () => {
		expect(find('ISMS-P-999 帳號管理程序書').at(0)).toMatchObject({ citedTitle: '帳號管理程序書' });
	});
});

describe('findReferences: a clause path after a document number', () => {
	it('is not read as a cited title (ISMS-P-005 壹、一、（二）及本要點)', () => {
		expect(find('依 ISMS-P-005 壹、一、（二）及本要點辦理')).toEqual([
			{ kind: 'document', docNo: 'ISMS-P-005', quoted: false, index: 2, length: 10 },
		]);
	});
});

import { describe, expect, it } from 'vitest';
import { findNearMisses, withinOneEdit } from '../../../src/lib/references/near-miss.ts';
import { nearMissProblem } from '../../../src/lib/references/near-miss-message.ts';

const syntax = { docNoPattern: '^ISMS-[A-Z]-\\d{3}$', known: ['ISMS-M-001', 'ISMS-P-005', 'ISMS-P-007', 'ISMS-P-017', 'ISMS-F-001'] };
const brief = (text: string) =>
	findNearMisses(text, syntax).map((m) => [
		text.slice(m.index, m.index + m.length),
		m.miss,
		m.normalised,
		m.candidates.join(' '),
		m.faults.join(' '),
	]);

describe('findNearMisses: the number written in the wrong form (the pattern matches once it is normalised)', () => {
	it.each([
		['依 ISMS-p-007 辦理', 'ISMS-p-007', 'lower-case'],
		['依 isms-p-007 辦理', 'isms-p-007', 'lower-case'],
		['依 ISMS–P-007 辦理', 'ISMS–P-007', 'dash'],
		['依 ISMS—P-007 辦理', 'ISMS—P-007', 'dash'],
		['依 ISMS‐P‐007 辦理', 'ISMS‐P‐007', 'dash'],
		['依 ISMS−P-007 辦理', 'ISMS−P-007', 'dash'],
		['依 ISMS－P－007 辦理', 'ISMS－P－007', 'full-width'],
		['依ＩＳＭＳ－Ｐ－００７辦理', 'ＩＳＭＳ－Ｐ－００７', 'full-width'],
		['依 ISMS P-007 辦理', 'ISMS P-007', 'separator'],
		['依 ISMS P 007 辦理', 'ISMS P 007', 'separator'],
		['依 ISMS-P007 辦理', 'ISMS-P007', 'separator'],
		['依 ISMS--P-007 辦理', 'ISMS--P-007', 'separator'],
		['依 ISMS_P_007 辦理', 'ISMS_P_007', 'separator'],
	])('%j', (text, written, fault) => {
		expect(brief(text)).toEqual([[written, 'form', 'ISMS-P-007', 'ISMS-P-007', fault]]);
	});

	it('names no candidate for a number the corpus does not have', () => {
		expect(brief('依 ISMS–P-999 辦理')).toEqual([['ISMS–P-999', 'form', 'ISMS-P-999', '', 'dash']]);
	});

	it('reads a space-joined number up to where the pattern matches, not the word after it', () => {
		expect(brief('see ISMS P-007 and the rest')).toEqual([['ISMS P-007', 'form', 'ISMS-P-007', 'ISMS-P-007', 'separator']]);
	});
});

describe('findNearMisses: the prefix looked for before folding', () => {
	// A text is folded (full-width to ASCII, dashes to -) only when the prefix is in it, in either width and case.
	it('finds a prefix written in full-width lower case, or in mixed widths', () => {
		expect(brief('依 ｉｓｍｓ－ｐ－００７ 辦理')).toEqual([
			['ｉｓｍｓ－ｐ－００７', 'form', 'ISMS-P-007', 'ISMS-P-007', 'full-width lower-case'],
		]);
		expect(brief('ＩＳMS P-007')).toEqual([['ＩＳMS P-007', 'form', 'ISMS-P-007', 'ISMS-P-007', 'full-width separator']]);
	});

	it('finds nothing when the prefix is not written whole', () => {
		expect(brief('IS MS-P-007，ＩＳＭ－Ｐ－００７，ISO 27001')).toEqual([]);
	});
});

describe('findNearMisses: a number one character off, or padded differently', () => {
	it('ISMS-P-07 (a digit missing) means ISMS-P-007, the one padded alike; not ISMS-P-017', () => {
		expect(brief('依 ISMS-P-07 辦理')).toEqual([['ISMS-P-07', 'close', 'ISMS-P-07', 'ISMS-P-007', '']]);
	});

	it('ISMS-P-0077 (a digit too many) is close to ISMS-P-007', () => {
		expect(brief('依 ISMS-P-0077 辦理')).toEqual([['ISMS-P-0077', 'close', 'ISMS-P-0077', 'ISMS-P-007', '']]);
	});

	it('ISMS-PP-005 (a letter doubled) and ISMS-P-0050 (a digit too many) → ISMS-P-005', () => {
		expect(brief('ISMS-PP-005')).toEqual([['ISMS-PP-005', 'close', 'ISMS-PP-005', 'ISMS-P-005', '']]);
		expect(brief('ISMS-P-0050')).toEqual([['ISMS-P-0050', 'close', 'ISMS-P-0050', 'ISMS-P-005', '']]);
	});

	it('something shaped like a number that no number is close to', () => {
		expect(brief('依 ISMS-Q-99 辦理')).toEqual([['ISMS-Q-99', 'shape', 'ISMS-Q-99', '', '']]);
	});
});

describe('findNearMisses: legitimate text is left alone', () => {
	it.each([
		'依 ISMS-P-007 辦理',
		'表單 ISMS-F-001-01 與 ISMS-P-007-1',
		'CNS 27001、ISO/IEC 27001:2022、ISO 27001',
		'A.5.1、A.9.2.1',
		'民國113年10月18日、2024-10-18、113.10.18',
		'ISMS 2024 年度、ISMS v2、ISMS 導入、資訊安全管理系統（ISMS）',
		'/documents/isms-p-007/、./assets/isms-p-007.pdf、isms-p-007.pdf、isms-p-007@example.gov.tw',
		'ISMS-P-007A 附件、ISMS-P-999',
		'https://example.gov.tw/ISMS-P-07',
	])('%j', (text) => {
		expect(brief(text)).toEqual([]);
	});

	it('skips what the reference parser already read', () => {
		expect(findNearMisses('ISMS P-007', syntax, [{ index: 0, length: 10 }])).toEqual([]);
	});

	it('reads prefixes of the pattern and of the known numbers only', () => {
		expect(
			findNearMisses('POL–12 與 ISMS–P-007', { docNoPattern: '^[A-Z]{3}-\\d{2}$', known: ['POL-12'] }).map((m) => m.normalised),
		).toEqual(['POL-12']);
	});
});

describe('withinOneEdit', () => {
	it.each([
		['ISMS-P-007', 'ISMS-P-007', true],
		['ISMS-P-07', 'ISMS-P-007', true],
		['ISMS-P-0077', 'ISMS-P-007', true],
		['ISMS-P-070', 'ISMS-P-007', true],
		['ISMS-P-008', 'ISMS-P-007', true],
		['ISMS-Q-08', 'ISMS-P-007', false],
		['ISMS-P-00777', 'ISMS-P-007', false],
	])('%s ~ %s: %s', (a, b, expected) => {
		expect(withinOneEdit(a, b)).toBe(expected);
		expect(withinOneEdit(b, a)).toBe(expected);
	});
});

describe('nearMissProblem: the checker’s line', () => {
	const titles: Record<string, string> = { 'ISMS-P-007': '資訊資產管理程序書' };
	const line = (text: string, titleOf = (docNo: string) => titles[docNo]) => {
		const [miss] = findNearMisses(text, syntax);
		const problem = nearMissProblem(
			{ ...miss!, text: text.slice(miss!.index, miss!.index + miss!.length) },
			titleOf,
			'ISMS-<大寫英文字母>-<3 位數字>',
		);
		return `${problem.rule} ${problem.message}`;
	};

	it('a wrong form is an error saying what is wrong and naming the document meant', () => {
		expect(line('ISMS–P-007')).toBe(
			'ref/malformed-document-number 「ISMS–P-007」不是正確的文件編號寫法（破折號或減號（應為半形連字號「-」）），不會連結也不會檢查；應寫作 ISMS-P-007。是否指 ISMS-P-007〈資訊資產管理程序書〉？',
		);
		expect(line('ｉｓｍｓ P-007')).toBe(
			'ref/malformed-document-number 「ｉｓｍｓ P-007」不是正確的文件編號寫法（全形字元、空格、缺少或多出連字號、小寫字母），不會連結也不會檢查；應寫作 ISMS-P-007。是否指 ISMS-P-007〈資訊資產管理程序書〉？',
		);
		expect(line('ISMS–P-999')).toBe(
			'ref/malformed-document-number 「ISMS–P-999」不是正確的文件編號寫法（破折號或減號（應為半形連字號「-」）），不會連結也不會檢查；應寫作 ISMS-P-999（找不到文件 ISMS-P-999）',
		);
	});

	it('a number one character off is a warning naming the candidates', () => {
		expect(line('ISMS-P-0077')).toBe(
			'ref/near-miss-document-number 「ISMS-P-0077」不是現有的文件編號（格式：ISMS-<大寫英文字母>-<3 位數字>）；是否指 ISMS-P-007〈資訊資產管理程序書〉？若是，請改寫為正確的文件編號',
		);
		expect(line('ISMS-P-00')).toBe(
			'ref/near-miss-document-number 「ISMS-P-00」不是現有的文件編號（格式：ISMS-<大寫英文字母>-<3 位數字>）；是否指 ISMS-P-005 或 ISMS-P-007〈資訊資產管理程序書〉？若是，請改寫為正確的文件編號',
		);
		expect(line('ISMS-Q-99')).toBe(
			'ref/near-miss-document-number 「ISMS-Q-99」看似文件編號，但不符合格式（ISMS-<大寫英文字母>-<3 位數字>），也沒有相近的文件；若要引用文件，請寫完整的文件編號',
		);
	});

	it('never names the title of a document the build does not publish, only its number', () => {
		expect(line('ISMS–P-007', () => undefined)).toBe(
			'ref/malformed-document-number 「ISMS–P-007」不是正確的文件編號寫法（破折號或減號（應為半形連字號「-」）），不會連結也不會檢查；應寫作 ISMS-P-007。是否指 ISMS-P-007？',
		);
	});
});

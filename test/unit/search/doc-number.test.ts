import { describe, expect, it } from 'vitest';
import { findDocReferences } from '../../../src/lib/search/doc-number.ts';
import { normalizeQuery } from '../../../src/lib/search/text.ts';

const KNOWN = ['ISMS-M-001', 'ISMS-P-005', 'ISMS-P-006', 'ISMS-F-005'];
const refs = (input: string) =>
	findDocReferences(normalizeQuery(input), KNOWN).map(({ docNos, version }) => ({ docNos, ...(version ? { version } : {}) }));

describe('findDocReferences', () => {
	it('reads a document number however staff write it', () => {
		for (const input of [
			'ISMS-P-005',
			'isms-p-005',
			'P-005',
			'P005',
			'p005',
			'ISMS P 005',
			'ISMSP005',
			'ＩＳＭＳ－Ｐ－００５',
			'P-5',
			'依 P-005 辦理',
		]) {
			expect(refs(input), input).toEqual([{ docNos: ['ISMS-P-005'] }]);
		}
	});

	it('reads the version written after it', () => {
		for (const input of [
			'ISMS-P-005 1.0',
			'ISMS-P-005 v1.0',
			'ISMS-P-005 V1.0',
			'P-005 第1.0版',
			'p005 1.0版',
			'ISMS-P-005 第 1 版',
			'ISMS-P-005 ver.1.0',
		]) {
			expect(refs(input), input).toEqual([{ docNos: ['ISMS-P-005'], version: '1.0' }]);
		}
		expect(refs('ISMS-P-005 1.10')).toEqual([{ docNos: ['ISMS-P-005'], version: '1.10' }]);
	});

	it('does not take a clause, a year or a bare number for a version', () => {
		expect(refs('ISMS-P-005 第 4.2 節')).toEqual([{ docNos: ['ISMS-P-005'] }]);
		expect(refs('ISMS-P-005 2024')).toEqual([{ docNos: ['ISMS-P-005'] }]);
		expect(refs('ISMS-P-005 2 份')).toEqual([{ docNos: ['ISMS-P-005'] }]);
	});

	it('names nothing for numbers the index does not have or that continue another word', () => {
		expect(refs('P-099')).toEqual([]);
		expect(refs('005')).toEqual([]);
		expect(refs('XP-005')).toEqual([]);
		expect(refs('P-0050')).toEqual([]);
		expect(findDocReferences('ISMS-P-005', [])).toEqual([]);
	});

	it('finds several numbers in one query, with where each is', () => {
		const text = 'ISMS-P-005 與 F-005 1.0';
		expect(findDocReferences(text, KNOWN)).toEqual([
			{ docNos: ['ISMS-P-005'], start: 0, end: 10 },
			{ docNos: ['ISMS-F-005'], start: 13, end: 22, version: '1.0' },
		]);
	});
});

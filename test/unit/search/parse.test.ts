import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../src/lib/search/parse.ts';
import { synonymIndex } from '../../../src/lib/search/synonyms.ts';

const KNOWN = ['ISMS-P-005', 'ISMS-S-001'];
const synonyms = synonymIndex([
	['通行碼', '密碼'],
	['可攜式儲存媒體', '隨身碟', 'USB'],
]);

describe('parseQuery', () => {
	it('keeps the pieces as written for the exact band, and cuts them into terms with their synonyms', () => {
		const plan = parseQuery('「通行碼長度」', { synonyms });
		expect(plan.phrases).toEqual(['通行碼長度']);
		expect(plan.groups.map((g) => [g.text, g.alternatives])).toEqual([
			['通行碼', ['通行碼', '密碼']],
			['長度', ['長度']],
		]);
	});

	it('splits at spaces and Chinese punctuation', () => {
		const plan = parseQuery('管理審查、內部稽核 紀錄');
		expect(plan.phrases).toEqual(['管理審查', '內部稽核', '紀錄']);
	});

	it('takes document numbers and versions out of the text', () => {
		const plan = parseQuery('ISMS-P-005 1.0 目標', { knownDocNos: KNOWN, synonyms });
		expect(plan.docRefs).toEqual([{ docNos: ['ISMS-P-005'], version: '1.0', start: 0, end: 14 }]);
		expect(plan.groups.map((g) => [g.text, g.docNo ?? false])).toEqual([
			['ISMS-P-005', true],
			['目標', false],
		]);
		expect(plan.phrases).toEqual(['ISMS-P-005', '目標']);
	});

	it('keeps Latin words, with synonyms, and drops a term that is a synonym of one already there', () => {
		expect(parseQuery('USB隨身碟', { synonyms }).groups.map((g) => g.text)).toEqual(['USB']);
		expect(parseQuery('VPN 設定').groups.map((g) => g.text)).toEqual(['VPN', '設定']);
	});

	it('is empty for blank input or punctuation only, and drops repeated terms', () => {
		expect(parseQuery('   ').mode).toBe('empty');
		expect(parseQuery('「」、').mode).toBe('empty');
		expect(parseQuery('稽核 稽核').groups.map((g) => g.text)).toEqual(['稽核']);
	});

	it('searches a query of question words only as written', () => {
		expect(parseQuery('如何').groups.map((g) => g.text)).toEqual(['如何']);
	});
});

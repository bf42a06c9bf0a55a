import { describe, it, expect } from 'vitest';
import { clauseDepth, leadingClause } from '../../src/lib/clauses.ts';
import { clauseAnchor } from '../../src/lib/site/urls.ts';

describe('leadingClause', () => {
	it.each([
		['6.4.3 文件', '6.4.3'],
		['1. 目的', '1'],
		['6.3.1.1.4 風險處理', '6.3.1.1.4'],
		['1.1.1 建立、落實及維護資訊安全管理政策。', '1.1.1'],
		['2.2 資訊安全管理涵蓋 14 項管理事項', '2.2'],
		['  6.4 leading whitespace', '6.4'],
		['\n2.1 after a newline', '2.1'],
		['6.4', '6.4'],
		['10. 附則', '10'],
		['1.\u3000目的', '1'],
		['6.4\t文件', '6.4'],
	])('%j starts with clause %j', (text, clause) => {
		expect(leadingClause(text)).toBe(clause);
	});

	it.each([
		['ISO 27001', 'not a number'],
		['14 項', 'a bare number without a dot'],
		['2020 年', 'a year'],
		['本政策第 6.4.3 節', 'a number that does not lead'],
		['6.4.3文件', 'no space after the number'],
		['1.目的', 'no space after 1.'],
		['2020-10-16 發布', 'a date'],
		['1234.5 元', 'more than three digits'],
		['A.9.2.1 存取控制', 'an Annex A control id'],
		['', 'empty'],
	])('%j has no leading clause (%s)', (text) => {
		expect(leadingClause(text)).toBeUndefined();
	});
});

describe('clauseDepth', () => {
	it('counts the numbers in a clause', () => {
		expect(clauseDepth('6')).toBe(1);
		expect(clauseDepth('6.4')).toBe(2);
		expect(clauseDepth('6.4.3')).toBe(3);
		expect(clauseDepth('6.3.1.1.4')).toBe(5);
	});
});

describe('clause anchors of leading clauses', () => {
	it('give sec-6-4-3 for "6.4.3 文件" and sec-1 for "1. 目的"', () => {
		expect(clauseAnchor(leadingClause('6.4.3 文件')!)).toBe('sec-6-4-3');
		expect(clauseAnchor(leadingClause('1. 目的')!)).toBe('sec-1');
	});
});

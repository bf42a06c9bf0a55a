import { describe, expect, it } from 'vitest';
import { DEFAULT_SYNONYMS } from '../../../src/lib/search/default-synonyms.ts';
import { normalizeTerm } from '../../../src/lib/search/text.ts';

describe('the default synonym list', () => {
	it('has the pairs staff need (issue 13) among several dozen groups', () => {
		const together = (a: string, b: string) => DEFAULT_SYNONYMS.some((group) => group.includes(a) && group.includes(b));
		expect(DEFAULT_SYNONYMS.length).toBeGreaterThanOrEqual(40);
		expect(together('通行碼', '密碼')).toBe(true);
		expect(together('可攜式儲存媒體', '隨身碟')).toBe(true);
		expect(together('可攜式儲存媒體', 'USB')).toBe(true);
		expect(together('惡意程式', '中毒')).toBe(true);
		expect(together('惡意程式', '病毒')).toBe(true);
		expect(together('供應商', '委外廠商')).toBe(true);
	});

	it('has groups of two or more distinct, non-blank words', () => {
		for (const group of DEFAULT_SYNONYMS) {
			expect(group.length, group.join()).toBeGreaterThanOrEqual(2);
			expect(new Set(group.map(normalizeTerm)).size, group.join()).toBe(group.length);
			expect(
				group.every((word) => word.trim() === word && word.length > 0),
				group.join(),
			).toBe(true);
		}
	});
});
